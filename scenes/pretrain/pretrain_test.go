package pretrain_test

import (
	"math"
	"testing"

	"aelab/scenes/param"
	"aelab/scenes/pretrain"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// TestScene: every parameter is bound; at each parameter's ends the scene
// trains, measures finite metrics, and measures a part and draws without
// allocating.
func TestScene(t *testing.T) {
	s := pretrain.New()
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
		ps.SetAt(i, sp.Default)
	}
}

// The stages show on the stage readout, one after another, and the
// classifier phase follows fine-tuning.
func TestStagesAdvance(t *testing.T) {
	s := pretrain.New()
	info := s.Info()
	ps := info.Params
	ps.SetAt(ps.Index("stage_steps"), 100)
	ps.SetAt(ps.Index("fine_steps"), 500)
	s.Reset(2)
	last := 0.0
	for k := 0; k < 8; k++ {
		s.Train(100)
		s.Measure()
		st := info.Metrics[3].Value
		if st < last {
			t.Fatalf("stage went back from %v to %v", last, st)
		}
		last = st
	}
	if last != 7 {
		t.Errorf("after 800 steps with 6 stages of 100: stage %v, want 7 (fine-tuning)", last)
	}
}
