// Package scenetest is what every scene's own test asks of it, in one
// place: its parameters bound, and at each parameter's ends a scene that
// trains, measures finite metrics and draws a frame without allocating.
package scenetest

import (
	"math"
	"testing"

	"aelab/scenes/param"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// Sweep sets how a scene is swept.
type Sweep struct {
	Insets []ui.Rect // the small plots' rects the App would hand the scene
	Steps  int       // training steps before each measure
	Frames int       // MeasureFrame calls in each frame checked for allocations (at least 1)
}

// area is the plot's size in the sweep, beside the insets.
var area = ui.Rect{W: 900, H: 560}

// Run checks that every parameter of s is bound and, for each parameter at
// its minimum, its maximum and its default (a reset parameter resetting
// the scene, a live one applied), Check.
func (sw Sweep) Run(t *testing.T, s scene.Scene) {
	t.Helper()
	info := s.Info()
	ps := info.Params
	for i := range ps.Specs {
		if !ps.Specs[i].Bound() {
			t.Errorf("%s is not bound", ps.Specs[i].Name)
		}
	}
	info.InsetRects = sw.Insets
	s.Layout(area, ui.Light(1))
	s.Reset(1)
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
			sw.Check(t, s, sp.Name+"="+sp.Format(v))
		}
	}
}

// Check trains s for Steps steps, measures it, wants every metric finite
// but those Info.Undefined names,
// draws it, and wants a frame's measure (Frames parts) and draw to
// allocate nothing.
func (sw Sweep) Check(t *testing.T, s scene.Scene, what string) {
	t.Helper()
	info, th, c := s.Info(), ui.Light(1), &uitest.Canvas{}
	s.Train(sw.Steps)
	s.Measure()
	for _, m := range info.Metrics {
		if math.IsNaN(m.Value) && !info.Defined(m.Name) {
			continue
		}
		if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
			t.Errorf("%s: %s is %v", what, m.Name, m.Value)
		}
	}
	s.Draw(c, area, th)
	if n := testing.AllocsPerRun(3, func() {
		for f := 0; f < max(sw.Frames, 1) && info.MeasureFrame != nil; f++ {
			info.MeasureFrame(f)
		}
		s.Draw(c, area, th)
	}); n != 0 {
		t.Errorf("%s: a frame's measure and draw allocate %v times", what, n)
	}
}
