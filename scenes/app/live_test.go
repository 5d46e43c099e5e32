package app

import (
	"strconv"
	"strings"
	"testing"

	"aelab/scenes"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// TestLiveTextNamesTheReadouts is issue 12's "the aria-live text is
// asserted for each scene": for every scene and view, the text names the
// scene, its claim and its main readout (the first) with the value the
// readout box shows, after training; it is handed to Platform.Announce.
func TestLiveTextNamesTheReadouts(t *testing.T) {
	for _, q := range playing() {
		a := New(Options{Scenes: scenes.All(), Query: ParseQuery(q + "&paused=1")})
		var said []string
		a.Platform.Announce = func(text string) { said = append(said, strings.Clone(text)) }
		a.Resize(1280, 800, 1)
		a.Train(200)
		a.Update(&ui.Input{})
		info := a.Scene().Info()
		m := info.Metrics[0]
		value := string(appendMetric(nil, m.Value, m.Digits)) + m.Unit
		text := a.LiveText()
		for _, want := range []string{info.Tab + ". ", info.Title, "Step " + strconv.Itoa(a.Step()) + ", paused", LiveReadout(m), m.Label + " " + value} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the live text %q does not say %q", q, text, want)
			}
		}
		if len(said) == 0 || said[len(said)-1] != text {
			t.Errorf("%s: Announce got %q, want the live text", q, said)
		}
		// the readout box shows the same value
		c := &uitest.Canvas{Record: true}
		a.Draw(c)
		if !c.HasText(value) {
			t.Errorf("%s: the readouts do not show %q", q, value)
		}
	}
}

// TestLiveTextPace: the text changes at most once every liveEvery frames
// while training (a second at 60 frames a second, counted in frames) and
// while a drag goes on, at once on the key A, and on the frame of a change
// while paused, so a paused lab says it and rests.
func TestLiveTextPace(t *testing.T) {
	a := New(Options{Scenes: scenes.All(), Query: ParseQuery("scene=pca&seed=1")})
	said := 0
	a.Platform.Announce = func(string) { said++ }
	a.Resize(1280, 800, 1)
	in := &ui.Input{}
	a.Update(in)
	if said != 1 {
		t.Fatalf("the first frame said the text %d times, want once", said)
	}
	for range 3 * liveEvery {
		a.Update(in)
	}
	if said != 4 {
		t.Errorf("%d frames of training said the text %d more times, want 3", 3*liveEvery, said-1)
	}
	a.Update(&ui.Input{Keys: []string{"a"}})
	if said != 5 {
		t.Errorf("the key A: said %d, want 5", said)
	}
	a.Update(&ui.Input{Keys: []string{"space"}}) // pause
	if said != 6 || !strings.Contains(a.LiveText(), "paused") || !a.Idle() {
		t.Fatalf("paused: said %d, want 6; the text %q, idle %v", said, a.LiveText(), a.Idle())
	}
	a.Set("rotation", "60")
	a.Update(in)
	if said != 7 || !a.Idle() {
		t.Errorf("a change while paused: said %d, want 7, idle %v", said, a.Idle())
	}
	for range 3 * liveEvery {
		a.Update(in)
	}
	if said != 7 {
		t.Errorf("paused and unchanged, the text was said %d times more", said-7)
	}
	// a drag while paused (the data's rotation: new data, new readouts):
	// the text follows at most every liveEvery frames
	var sl *ui.Slider
	for _, f := range a.focusable() {
		if s, ok := f.(*ui.Slider); ok && s.Spec().Name == "rotation" {
			sl = s
		}
	}
	tr := sl.Track()
	a.Update(&ui.Input{Pointer: ui.Pointer{X: tr.X + tr.W*0.2, Y: tr.Y + tr.H/2, Down: true, Pressed: true}})
	for i := range 2 * liveEvery {
		a.Update(&ui.Input{Pointer: ui.Pointer{X: tr.X + tr.W*(0.2+0.6*float64(i)/(2*liveEvery)), Y: tr.Y + tr.H/2, Down: true}})
	}
	if n := said - 7; n < 1 || n > 3 {
		t.Errorf("a drag of %d frames said the text %d times, want at most one in %d frames", 2*liveEvery, n, liveEvery)
	}
}

// TestOpenPaused: prefers-reduced-motion opens the lab paused, unless the
// link says paused itself.
func TestOpenPaused(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  bool
	}{{"scene=pca", true}, {"scene=pca&paused=0", false}, {"paused=1", true}, {"", true}} {
		a := New(Options{Scenes: scenes.All(), Query: OpenPaused(ParseQuery(tc.query))})
		if a.Paused() != tc.want {
			t.Errorf("%q with reduced motion: paused %v, want %v", tc.query, a.Paused(), tc.want)
		}
	}
}
