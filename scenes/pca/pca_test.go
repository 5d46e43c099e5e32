package pca_test

import (
	"math"
	"testing"

	"aelab/scenes/param"
	"aelab/scenes/pca"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// TestScene: every parameter is bound and live ones carry their Apply; at
// each parameter's ends the scene trains, measures finite metrics and
// draws without allocating; a live change reaches the model without a
// reset (the rotation turns PCA's subspace).
func TestScene(t *testing.T) {
	s := pca.New()
	var _ scene.Scene = s
	info := s.Info()
	ps := info.Params
	for i := range ps.Specs {
		sp := &ps.Specs[i]
		if !sp.Bound() {
			t.Errorf("%s is not bound", sp.Name)
		}
		if !sp.Resets && sp.Apply == nil {
			t.Errorf("%s applies live but has no Apply", sp.Name)
		}
	}
	th := ui.Light(1)
	s.Layout(ui.Rect{W: 640, H: 480}, th)
	s.Reset(1)
	c := &uitest.Canvas{}
	for i := range ps.Specs {
		sp := &ps.Specs[i]
		for _, v := range []float64{sp.Min, sp.Max, sp.Default} {
			if sp.Kind == param.Choice { // a choice: its first and last
				v = math.Min(v, float64(len(sp.Choices)-1))
			}
			ps.SetAt(i, v)
			if sp.Resets {
				s.Reset(1)
			} else {
				sp.Apply()
			}
			s.Train(20)
			s.Measure()
			for _, m := range info.Metrics {
				if math.IsNaN(m.Value) {
					t.Errorf("%s=%v: %s is NaN", sp.Name, v, m.Name)
				}
			}
			s.Draw(c, ui.Rect{W: 640, H: 480}, th)
			if n := testing.AllocsPerRun(5, func() { s.Draw(c, ui.Rect{W: 640, H: 480}, th) }); n != 0 {
				t.Errorf("%s=%v: Draw allocates %v times", sp.Name, v, n)
			}
		}
	}
	// live: rotating the cloud by 90° turns PCA's axis, kept without a reset
	ps.Reset()
	s.Reset(1)
	s.Train(3000)
	s.Measure()
	before := info.Metrics[0].Value
	i := ps.Index("rotation")
	ps.SetAt(i, ps.Specs[i].Default+90)
	ps.Specs[i].Apply()
	s.Measure()
	if after := info.Metrics[0].Value; after < 45 || before > 5 {
		t.Errorf("angle %.2f° after 3000 steps, %.1f° after rotating the data by 90°: want < 5 then > 45", before, after)
	}
	if info.Floor <= 0 || info.FloorTag == "" {
		t.Errorf("no PCA optimum for the loss curve: %v %q", info.Floor, info.FloorTag)
	}
}
