package app

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

func keys(a *App, ks ...string) {
	a.Update(&ui.Input{Keys: ks})
}

func TestShortcuts(t *testing.T) {
	var full, exported, copied []any
	a := newApp(t, "scene=pca&seed=1")
	a.Platform = Platform{
		Fullscreen: func(on bool) { full = append(full, on) },
		Export:     func(r ui.Rect) string { exported = append(exported, r); return "saved" },
		CopyLink:   func(q string) string { copied = append(copied, q); return "copied" },
	}
	keys(a, "space")
	if !a.Paused() {
		t.Error("space did not pause")
	}
	keys(a, "s")
	if a.Step() == 0 || !a.Paused() {
		t.Errorf("S: step %d, paused %v; want a step, paused", a.Step(), a.Paused())
	}
	keys(a, "r")
	if a.Step() != 0 {
		t.Errorf("R: step %d, want 0", a.Step())
	}
	// ← → and the digits walk the registry's order, wrapping
	var ids []string
	for _, s := range a.Scenes() {
		ids = append(ids, s.Info().ID)
	}
	at := func(id string) int {
		for i, x := range ids {
			if x == id {
				return i
			}
		}
		return -1
	}
	from := at(a.State().Scene)
	keys(a, "right")
	if want := ids[(from+1)%len(ids)]; a.State().Scene != want {
		t.Errorf("→ from %s went to %s, want %s", ids[from], a.State().Scene, want)
	}
	keys(a, "left", "left")
	if want := ids[(from-1+len(ids))%len(ids)]; a.State().Scene != want {
		t.Errorf("← ← went to %s, want %s (it wraps)", a.State().Scene, want)
	}
	keys(a, "3")
	if a.State().Scene != ids[2] {
		t.Errorf("3 went to %s, want %s", a.State().Scene, ids[2])
	}
	if len(ids) < 9 {
		keys(a, "9") // no ninth scene: nothing happens
		if a.State().Scene != ids[2] {
			t.Errorf("9 left %s for %s", ids[2], a.State().Scene)
		}
	} else {
		keys(a, "9")
		if a.State().Scene != ids[8] {
			t.Errorf("9 went to %s, want %s", a.State().Scene, ids[8])
		}
	}
	keys(a, strconv.Itoa(at("pca")+1)) // back to pca for its sliders
	// Tab focuses the first slider (lr), ] moves it up a hundredth of its track
	lr := a.State().Params["lr"].(float64)
	keys(a, "tab", "]")
	if got := a.State().Params["lr"].(float64); got <= lr {
		t.Errorf("Tab ]: lr %v → %v, want larger", lr, got)
	}
	keys(a, "{")
	if got := a.State().Params["lr"].(float64); got >= lr {
		t.Errorf("{ (ten steps down): lr %v, want below %v", got, lr)
	}
	keys(a, "?")
	if !a.help {
		t.Error("? did not open the help")
	}
	keys(a, "escape")
	if a.help {
		t.Error("Esc did not close the help")
	}
	u := a.Theme().U
	keys(a, "f")
	if !a.app.Bool(namePresenter) || len(full) != 1 || full[0] != true || a.Theme().U <= u {
		t.Errorf("F: presenter %v, fullscreen calls %v, scale %v → %v", a.app.Bool(namePresenter), full, u, a.Theme().U)
	}
	keys(a, "f")
	if a.app.Bool(namePresenter) || len(full) != 2 || full[1] != false || a.Theme().U != u {
		t.Errorf("F again: presenter %v, fullscreen calls %v, scale %v", a.app.Bool(namePresenter), full, a.Theme().U)
	}
	pw := a.PlotRect().W
	keys(a, "h")
	if a.panel.W != 0 || a.PlotRect().W <= pw {
		t.Errorf("H: panel %v, plot width %v → %v; want the panel gone and a wider plot", a.panel, pw, a.PlotRect().W)
	}
	keys(a, "h")
	keys(a, "p")
	if len(exported) != 1 || exported[0] != a.PlotRect() {
		t.Errorf("P exported %v, want the plot %v", exported, a.PlotRect())
	}
	keys(a, "c")
	if len(copied) != 1 || !strings.Contains(copied[0].(string), "scene=pca") {
		t.Errorf("C copied %v", copied)
	}
	keys(a, "g")
	if a.TourStop() != 1 || a.State().Scene != Tour[0].Scene {
		t.Errorf("G: stop %d, scene %s; want the first stop", a.TourStop(), a.State().Scene)
	}
	keys(a, "pagedown", "n")
	if a.TourStop() != 3 {
		t.Errorf("PgDn N: stop %d, want 3", a.TourStop())
	}
	keys(a, "pageup")
	if a.TourStop() != 2 {
		t.Errorf("PgUp: stop %d, want 2", a.TourStop())
	}
	keys(a, "escape")
	if a.TourStop() != 0 {
		t.Errorf("Esc: stop %d, want the guided lecture ended", a.TourStop())
	}
}

func TestShareQueryRoundTrip(t *testing.T) {
	a := newApp(t, "scene=denoise&seed=5&noise=0.35&data=sine&paused=1&lambda_hide=1&loss_hide&tour=0")
	a.Set("mask", "0.5")
	q := a.ShareQuery()
	b := newApp(t, q)
	if len(b.Warnings()) != 0 {
		t.Errorf("loading %q warns: %v", q, b.Warnings())
	}
	sa, sb := a.State(), b.State()
	if sa.Scene != sb.Scene || !b.Paused() {
		t.Errorf("scene %s → %s, paused %v", sa.Scene, sb.Scene, b.Paused())
	}
	for k, v := range sa.Params {
		if sb.Params[k] != v {
			t.Errorf("%s: %v → %v through %q", k, v, sb.Params[k], q)
		}
	}
	if !b.Hidden("lambda") || !b.Hidden("loss") || b.lossPlot.Bounds().H != 0 {
		t.Errorf("hidden parts did not survive: lambda %v loss %v", b.Hidden("lambda"), b.Hidden("loss"))
	}
	for _, w := range b.params.shown {
		if w.Spec().Name == "lambda" {
			t.Error("lambda_hide=1, yet the λ slider is shown")
		}
	}
	v := a.Version()
	a.Set("noise", "0.4")
	if a.Version() == v {
		t.Error("changing a parameter did not change the link's version")
	}
}

func TestHideWarnsOnUnknownPart(t *testing.T) {
	a := newApp(t, "bogus_hide=1&explain_hide=1")
	if len(a.Warnings()) != 1 || !strings.Contains(a.Warnings()[0], "bogus") {
		t.Errorf("warnings %v, want one about bogus_hide", a.Warnings())
	}
	if a.explain.H != 0 {
		t.Error("explain_hide=1, yet the explanation is shown")
	}
}

// TestGuidedLectureStops: every stop names a scene and parameters it has,
// with valid values, and the text fits in the explanation.
func TestGuidedLectureStops(t *testing.T) {
	if len(Tour) < 10 {
		t.Fatalf("the guided lecture has %d stops", len(Tour))
	}
	a := newApp(t, "")
	c := &uitest.Canvas{Record: true}
	for n := 1; n <= len(Tour); n++ {
		a.Set("tour", itoa(n))
		if a.TourStop() != n || a.State().Scene != Tour[n-1].Scene {
			t.Fatalf("stop %d: showing stop %d of scene %s, want %s", n, a.TourStop(), a.State().Scene, Tour[n-1].Scene)
		}
		for _, kv := range Tour[n-1].Set {
			if kv.Name == namePaused {
				if want := kv.Value == "1"; a.Paused() != want {
					t.Errorf("stop %d: paused %v, want %v", n, a.Paused(), want)
				}
				continue
			}
			want, _ := a.Scene().Info().Params.Spec(kv.Name).Parse(kv.Value)
			if got := a.Scene().Info().Params.Get(kv.Name); got != want {
				t.Errorf("stop %d: %s = %v, want %v", n, kv.Name, got, want)
			}
		}
		a.Train(5)
		a.Update(&ui.Input{})
		c.Reset()
		a.Draw(c)
		first := strings.Fields(Tour[n-1].Say)[0]
		if !c.HasText(first) {
			t.Errorf("stop %d: its text (%q…) is not drawn", n, first)
		}
	}
	if len(a.Warnings()) != 0 {
		t.Errorf("the guided lecture warns: %v", a.Warnings())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestParseTourRejectsBadStops(t *testing.T) {
	if _, err := ParseTour("scene pca\nset lr=0.1\n"); err == nil {
		t.Error("a stop without text was accepted")
	}
	for _, bad := range []string{"expect mse < 1\n", "expect mse < 1 after many frames\n", "expect mse after 3 frames\n", "expect 1 < 2 after 3 frames\n"} {
		if _, err := ParseTour("scene pca\n" + bad + "Watch.\n"); err == nil {
			t.Errorf("a stop with %q was accepted", bad)
		}
	}
	stops, err := ParseTour("# comment\n\nscene pca\nset lr=0.1\nWatch it.\nAnd this.\n")
	if err != nil || len(stops) != 1 || stops[0].Say != "Watch it. And this." || stops[0].Set[0] != (KV{"lr", "0.1"}) {
		t.Errorf("ParseTour = %+v, %v", stops, err)
	}
}

func overlap(a, b ui.Rect) bool {
	if a.W <= 0 || a.H <= 0 || b.W <= 0 || b.H <= 0 {
		return false
	}
	return a.X < b.Right()-0.5 && b.X < a.Right()-0.5 && a.Y < b.Bottom()-0.5 && b.Y < a.Bottom()-0.5
}

func TestIdle(t *testing.T) {
	a := newApp(t, "paused=1")
	a.notices.Dismiss(scene.Note)
	a.Update(&ui.Input{})
	if !a.Idle() {
		t.Error("paused and untouched, the App is not idle")
	}
	a.Update(&ui.Input{Pointer: ui.Pointer{X: 10, Y: 10, Down: true, Pressed: true}})
	if a.Idle() {
		t.Error("idle with a finger down")
	}
	a.Update(&ui.Input{Pointer: ui.Pointer{X: 10, Y: 10, Released: true}})
	a.SetPaused(false)
	if a.Idle() {
		t.Error("idle while training")
	}
}

// TestHelpNamesTheSceneKeys: the help overlay's digit keys go as far as
// the scenes the App has, not to a 9 that switches to nothing.
func TestHelpNamesTheSceneKeys(t *testing.T) {
	for n, want := range map[int]string{1: "← →  or  1", 4: "← →  or  1 – 4", 12: "← →  or  1 – 9"} {
		if got := Shortcuts(n)[3].Keys; got != want {
			t.Errorf("Shortcuts(%d): scene keys %q, want %q", n, got, want)
		}
	}
	a := newApp(t, "")
	if got, want := a.shortcuts[3].Keys, fmt.Sprintf("← →  or  1 – %d", len(a.Scenes())); got != want {
		t.Errorf("the App's help says %q, want %q", got, want)
	}
}

// TestTourNamesSlides: every stop of the guided lecture names the lecture's
// slide it belongs to, and the explanation shows it with the stop.
func TestTourNamesSlides(t *testing.T) {
	a := newApp(t, "")
	for i, st := range Tour {
		if st.Slide == "" {
			t.Errorf("stop %d (%s) names no slide: add a \"slide section · title\" line to assets/tour.txt", i+1, st.Scene)
			continue
		}
		_, title, _ := strings.Cut(st.Slide, " · ")
		a.goToStop(i + 1)
		if got := a.explainText(); !strings.Contains(got, `"`+title+`"`) || !strings.HasSuffix(got, st.Say) {
			t.Errorf("stop %d shows %q, want its slide %q and its text", i+1, got, title)
		}
	}
}
