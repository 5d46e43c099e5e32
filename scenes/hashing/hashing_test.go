package hashing_test

import (
	"math"
	"testing"

	"aelab/scenes/hashing"
	"aelab/scenes/param"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// TestScene: every parameter is bound; at each parameter's ends the scene
// trains, measures finite metrics and draws both views without allocating
// in a frame's measure and draw.
func TestScene(t *testing.T) {
	s := hashing.New()
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
	info.InsetRects = []ui.Rect{{X: 900, W: 300, H: 150}, {X: 900, Y: 160, W: 300, H: 150}}
	s.Layout(area, th)
	s.Reset(1)
	c := &uitest.Canvas{}
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
			s.Train(5)
			s.Measure()
			for _, m := range info.Metrics {
				if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
					t.Errorf("%s=%v: %s is %v", sp.Name, v, m.Name, m.Value)
				}
			}
			s.Draw(c, area, th)
			if n := testing.AllocsPerRun(3, func() {
				info.MeasureFrame(0)
				s.Draw(c, area, th)
			}); n != 0 {
				t.Errorf("%s=%v: a frame's measure and draw allocate %v times", sp.Name, v, n)
			}
		}
	}
}
