package stochastic_test

import (
	"math"
	"testing"

	"aelab/scenes/param"
	"aelab/scenes/scene"
	"aelab/scenes/stochastic"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// TestScene: every parameter is bound; at each parameter's ends the scene
// trains, measures finite metrics and draws, and a frame's measure and
// draw allocate nothing, in both views and on every data set.
func TestScene(t *testing.T) {
	s := stochastic.New()
	var _ scene.Scene = s
	info := s.Info()
	ps := info.Params
	for i := range ps.Specs {
		if !ps.Specs[i].Bound() {
			t.Errorf("%s is not bound", ps.Specs[i].Name)
		}
	}
	th := ui.Light(1)
	area := ui.Rect{W: 900, H: 560}
	info.InsetRects = []ui.Rect{{X: 900, W: 300, H: 120}}
	s.Layout(area, th)
	s.Reset(1)
	c := &uitest.Canvas{}
	check := func(what string) {
		t.Helper()
		s.Train(3)
		s.Measure()
		for _, m := range info.Metrics {
			if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
				t.Errorf("%s: %s is %v", what, m.Name, m.Value)
			}
		}
		s.Draw(c, area, th)
		if n := testing.AllocsPerRun(3, func() {
			for f := 0; f < 11; f++ {
				info.MeasureFrame(f)
			}
			s.Draw(c, area, th)
		}); n != 0 {
			t.Errorf("%s: a frame's measure and draw allocate %v times", what, n)
		}
	}
	for i := range ps.Specs {
		sp := &ps.Specs[i]
		for _, v := range []float64{sp.Min, sp.Max, sp.Default} {
			if sp.Kind == param.Choice {
				v = math.Min(v, float64(len(sp.Choices)-1))
			}
			ps.SetAt(i, v)
			if sp.Resets {
				s.Reset(1)
			} else if sp.Apply != nil {
				sp.Apply()
			}
			check(sp.Name)
		}
	}
	for _, d := range []float64{0, 3} { // the ring and the digits, side by side
		ps.SetAt(ps.Index("data"), d)
		ps.SetAt(ps.Index("view"), 1)
		s.Reset(2)
		check("compare")
	}
}

// TestPointerPicks: a press on a point of the data plane makes it a picked
// point, whose posterior is drawn.
func TestPointerPicks(t *testing.T) {
	s := stochastic.New()
	th := ui.Light(1)
	area := ui.Rect{W: 900, H: 500}
	s.Layout(area, th)
	s.Reset(1)
	m := s.Model()
	target := m.Eval.N - 1 // not among the points picked at first
	for _, idx := range m.PickedIdx {
		if idx == target {
			t.Fatalf("point %d is picked from the start", target)
		}
	}
	v := s.DataView()
	px, py := v.Screen(m.Eval.X[2*target], m.Eval.X[2*target+1])
	if !s.Pointer(&ui.Pointer{X: px, Y: py, Down: true, Pressed: true}, area) {
		t.Fatal("a press on the data plane was not taken")
	}
	if m.PickedIdx[0] != target {
		t.Errorf("picked %v, want point %d first", m.PickedIdx, target)
	}
}
