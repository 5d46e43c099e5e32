package app

import (
	"math"
	"strconv"
	"testing"

	"aelab/scenes"
	"aelab/scenes/param"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// extremes are the values every declared parameter is pushed to: its ends,
// beyond them, and text that is not a value at all.
func extremes(sp *param.Spec) []string {
	vals := []string{"", "abc", "NaN", "Inf", "-Inf", "1e308"}
	switch sp.Kind {
	case param.Choice:
		vals = append(vals, sp.Choices...)
	case param.Bool:
		vals = append(vals, "0", "1")
	default:
		f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
		vals = append(vals, f(sp.Min), f(sp.Max), f(sp.Min-1), f(sp.Max+1), f((sp.Min+sp.Max)/2))
	}
	return vals
}

// TestEveryParameterAtItsLimits drives every declared parameter of every
// scene through App.Set, as a URL, a flag or aelab.set would, and trains
// and draws after each: nothing may panic, and nothing on screen may be
// NaN (a divergence pauses instead).
func TestEveryParameterAtItsLimits(t *testing.T) {
	for _, sc := range scenes.All() {
		a := New(Options{Scenes: []scene.Scene{sc}, Query: []KV{{"paused", "1"}}})
		a.Resize(1280, 800, 1)
		c := &uitest.Canvas{}
		specs := append([]param.Spec(nil), sc.Info().Params.Specs...)
		specs = append(specs, a.app.Specs...)
		for i := range specs {
			sp := &specs[i]
			if sp.Name == nameScene {
				continue
			}
			for _, v := range extremes(sp) {
				a.Set(sp.Name, v)
				a.Train(20)
				a.Update(&ui.Input{})
				a.Draw(c)
				s := a.State()
				if math.IsNaN(s.Loss) || math.IsInf(s.Loss, 0) {
					t.Errorf("%s: %s=%q: loss %v on screen", sc.Info().ID, sp.Name, v, s.Loss)
				}
				for k, m := range s.Metrics {
					if (math.IsNaN(m) || math.IsInf(m, 0)) && a.Scene().Info().Defined(k) {
						t.Errorf("%s: %s=%q: metric %s = %v", sc.Info().ID, sp.Name, v, k, m)
					}
				}
				var val float64
				switch x := s.Params[sp.Name].(type) {
				case float64:
					val = x
				case int:
					val = float64(x)
				default:
					continue
				}
				if val < sp.Min || val > sp.Max || (sp.Kind == param.Int && val != math.Round(val)) {
					t.Errorf("%s: %s=%q applied %v outside [%v, %v] or off its grid", sc.Info().ID, sp.Name, v, val, sp.Min, sp.Max)
				}
			}
			a.Set(sp.Name, sp.Format(sp.Default))
			a.SetPaused(true)
		}
	}
}

// FuzzSet feeds arbitrary names and values to App.Set: the App answers with
// a warning, never a panic.
func FuzzSet(f *testing.F) {
	a := New(Options{Scenes: scenes.All(), Query: []KV{{"paused", "1"}}})
	a.Resize(640, 480, 1)
	for _, sp := range a.ParamSpecs() {
		f.Add(sp.Name, sp.Format(sp.Max))
	}
	f.Add("lr", "1e-400")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, name, value string) {
		a.Set(name, value)
		a.Train(2)
		a.Update(&ui.Input{})
		if s := a.State(); math.IsNaN(s.Loss) {
			t.Fatalf("%s=%q: NaN loss", name, value)
		}
	})
}
