package app

import (
	"testing"

	"aelab/scenes"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// TestKeyboardReachesEveryControl: in every scene and view, Tab visits
// every control of the panel — each parameter's slider, toggle or
// segments, steps per frame, New seed and the scene's buttons — once a round,
// each shows its focus (the frame draws more with it than without), and
// } (a big step) acts on it: a slider or segments moves, a toggle flips, a button
// presses. The other controls have keys (the help lists them), checked by
// TestBrowserShortcuts.
func TestKeyboardReachesEveryControl(t *testing.T) {
	for _, q := range playing() {
		a := New(Options{Scenes: scenes.All(), Query: ParseQuery(q + "&paused=1")})
		a.Resize(1280, 800, 1)
		a.Update(&ui.Input{})
		fs := append([]ui.Focusable(nil), a.focusable()...)
		want := len(a.actions) + 2 + len(a.params.shown)
		if len(fs) != want {
			t.Errorf("%s: Tab reaches %d controls, want %d (parameters, speed, seed, buttons)", q, len(fs), want)
		}
		shapes := func() int {
			c := &uitest.Canvas{}
			a.Draw(c)
			return c.Shapes
		}
		plain := shapes()
		for i := range fs {
			a.Update(&ui.Input{Keys: []string{"tab"}})
			if !fs[i].HasFocus() {
				t.Errorf("%s: Tab %d did not focus control %d (%T)", q, i+1, i, fs[i])
				continue
			}
			if n := shapes(); n <= plain {
				t.Errorf("%s: control %d (%T) focused draws %d shapes, unfocused %d: no visible focus", q, i, fs[i], n, plain)
			}
		}
		a.Update(&ui.Input{Keys: []string{"tab"}})
		if !fs[0].HasFocus() {
			t.Errorf("%s: Tab after the last control did not come back to the first", q)
		}
		// } (a big step) on each parameter's control changes it
		for _, w := range a.params.shown {
			f := w.(ui.Focusable)
			a.focusWidget(f)
			before := a.State().Params[w.Spec().Name]
			a.Update(&ui.Input{Keys: []string{"}"}})
			if after := a.State().Params[w.Spec().Name]; after == before && w.Spec().Max > w.Spec().Min+1e-12 {
				if sl, ok := w.(*ui.Slider); !ok || sl.Value < w.Spec().Max {
					t.Errorf("%s: } on %s (%T) left it at %v", q, w.Spec().Name, w, before)
				}
			}
			a.Update(&ui.Input{Keys: []string{"{"}})
		}
	}
}
