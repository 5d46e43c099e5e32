package stochastic_test

import (
	"testing"

	"aelab/scenes/scene"
	"aelab/scenes/scene/scenetest"
	"aelab/scenes/stochastic"
	"aelab/scenes/ui"
)

// TestScene: every parameter is bound and, at each parameter's ends, the
// scene trains, measures finite metrics and draws, and a frame's measure
// and draw allocate nothing (scenetest.Sweep), in both views and on every
// data set.
func TestScene(t *testing.T) {
	s := stochastic.New()
	var _ scene.Scene = s
	sw := scenetest.Sweep{Insets: []ui.Rect{{X: 900, W: 300, H: 120}}, Steps: 3, Frames: 11}
	sw.Run(t, s)
	ps := s.Info().Params
	for _, d := range []float64{0, 3} { // the ring and the digits, side by side
		ps.SetAt(ps.Index("data"), d)
		ps.SetAt(ps.Index("view"), 1)
		s.Reset(2)
		sw.Check(t, s, "compare")
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
