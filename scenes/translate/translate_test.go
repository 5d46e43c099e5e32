package translate_test

import (
	"math"
	"strings"
	"testing"

	"aelab/assets"
	"aelab/scenes/param"
	"aelab/scenes/scene"
	"aelab/scenes/translate"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// newScene returns the scene laid out in a 900×600 plot with room for its
// two insets, reset, with a Host that sets parameters as the App does.
func newScene(t *testing.T) *translate.Scene {
	t.Helper()
	s := translate.New()
	info := s.Info()
	info.InsetRects = []ui.Rect{{X: 910, W: 300, H: 150}, {X: 910, Y: 160, W: 300, H: 150}}
	info.Host = scene.Host{
		Reset:  func(string) { s.Reset(1) },
		Notice: func(string, scene.Level) {},
		Set: func(name string, v float64) {
			ps := info.Params
			i := ps.Index(name)
			ps.SetAt(i, v)
			if ps.Specs[i].Resets {
				s.Reset(1)
			} else if ps.Specs[i].Apply != nil {
				ps.Specs[i].Apply()
			}
		},
	}
	s.Layout(ui.Rect{W: 900, H: 600}, ui.Light(1))
	s.Reset(1)
	return s
}

func metric(s *translate.Scene, name string) float64 {
	for _, m := range s.Info().Metrics {
		if m.Name == name {
			return m.Value
		}
	}
	return math.NaN()
}

// TestScene: every parameter is bound, live ones carry their Apply; at
// each parameter's ends the scene trains, measures finite metrics and
// draws without allocating.
func TestScene(t *testing.T) {
	s := newScene(t)
	ps := s.Info().Params
	for i := range ps.Specs {
		sp := &ps.Specs[i]
		if !sp.Bound() {
			t.Errorf("%s is not bound", sp.Name)
		}
		if !sp.Resets && sp.Apply == nil {
			t.Errorf("%s applies live but has no Apply", sp.Name)
		}
	}
	c := &uitest.Canvas{}
	th := ui.Light(1)
	for i := range ps.Specs {
		sp := &ps.Specs[i]
		for _, v := range []float64{sp.Min, sp.Max, sp.Default} {
			if sp.Kind == param.Choice {
				v = math.Min(v, float64(len(sp.Choices)-1))
			}
			s.Info().Host.Set(sp.Name, v)
			s.Train(20)
			s.Measure()
			for _, m := range s.Info().Metrics {
				if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
					t.Errorf("%s = %v: %s is %v", sp.Name, v, m.Name, m.Value)
				}
			}
			if n := testing.AllocsPerRun(3, func() {
				s.Train(2)
				s.Measure()
				s.Draw(c, ui.Rect{W: 900, H: 600}, th)
			}); n > 0 {
				t.Errorf("%s = %v: %v allocations a frame", sp.Name, v, n)
			}
		}
		ps.SetAt(i, sp.Default)
	}
}

// TestDragAlongTheCurve: pressing on the curve and dragging moves t to
// the point of the orbit under the pointer.
func TestDragAlongTheCurve(t *testing.T) {
	s := newScene(t)
	a := s.Analysis()
	for _, n := range []int{5, 30, 52} {
		x, y := s.Screen(a.Coords[2*n], a.Coords[2*n+1])
		if !s.Pointer(&ui.Pointer{X: x + 2, Y: y - 1, Down: true, Pressed: true}, ui.Rect{W: 900, H: 600}) {
			t.Fatalf("a press on the curve at sample %d was not taken", n)
		}
		if got := s.Marker().T; math.Abs(got-a.T[n]) > 0.15 {
			t.Errorf("pressed on sample %d (t = %.2f): the marker went to t = %.2f", n, a.T[n], got)
		}
	}
	if s.Pointer(&ui.Pointer{X: 2, Y: 590, Down: true, Pressed: true}, ui.Rect{W: 900, H: 600}) {
		t.Error("a press far from the curve was taken")
	}
}

// TestClaims are the claims at the scene's defaults (a blurred
// digit shifted ±3 px) and at ±2, ±6 and ±8 px.
func TestClaims(t *testing.T) {
	s := newScene(t)
	if c, pc := metric(s, "tangent_cos"), metric(s, "tangent_pc_cos"); c < 0.95 || pc < 0.95 {
		t.Errorf("±3 px, blurred: tangent_cos %.3f, tangent_pc_cos %.3f; want ≥ 0.95", c, pc)
	}
	set := s.Info().Host.Set
	set("range", 2)
	e2 := metric(s, "explained_2pc")
	set("range", 8)
	e8 := metric(s, "explained_2pc")
	if !(e2 > e8) {
		t.Errorf("explained_2pc %.3f at ±2 px, %.3f at ±8 px: want it to fall", e2, e8)
	}
	set("range", 6)
	s.Train(600)
	s.Measure()
	if ae, p1 := metric(s, "ae_mse"), metric(s, "pca1_mse"); !(ae < p1) {
		t.Errorf("±6 px after 600 steps: ae_mse %.3f, pca1_mse %.3f", ae, p1)
	}
}

// TestRangeKeepsT: t stays within the range when the range shrinks, and a
// rotation gets a range in degrees.
func TestRangeKeepsT(t *testing.T) {
	s := newScene(t)
	ps := s.Info().Params
	ps.SetAt(ps.Index("t"), 2.5)
	ps.SetAt(ps.Index("range"), 1)
	s.Info().Adjust("range")
	if got := ps.Get("t"); got != 1 {
		t.Errorf("range 1: t = %v, want 1", got)
	}
	ps.SetAt(ps.Index("transform"), 2)
	s.Info().Adjust("transform")
	if r := ps.Get("range"); r < 10 {
		t.Errorf("rotation: range %v, want tens of degrees", r)
	}
}

// TestLoadingText: before the digits are here the scene says so, in
// characters the font has (TestEveryTextHasGlyphs only sees the scene
// loaded: natively the digits are there at once).
func TestLoadingText(t *testing.T) {
	s := translate.New()
	s.Layout(ui.Rect{W: 900, H: 600}, ui.Light(1))
	c := &uitest.Canvas{Record: true}
	s.Draw(c, ui.Rect{W: 900, H: 600}, ui.Light(1))
	regular, _ := assets.Fonts()
	if len(c.Texts) != 1 || !strings.HasPrefix(c.Texts[0], "Loading the MNIST digits") {
		t.Fatalf("before the digits: texts %q, want the loading message", c.Texts)
	}
	for _, r := range c.Texts[0] {
		if r != ' ' && regular.Index(r) == 0 {
			t.Errorf("the font has no %q in %q", r, c.Texts[0])
		}
	}
}
