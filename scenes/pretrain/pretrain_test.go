package pretrain_test

import (
	"testing"

	"aelab/scenes/pretrain"
	"aelab/scenes/scene"
	"aelab/scenes/scene/scenetest"
	"aelab/scenes/ui"
)

// TestScene: every parameter is bound and, at each parameter's ends, the
// scene trains, measures finite metrics, and measures a part and draws
// without allocating (scenetest.Sweep).
func TestScene(t *testing.T) {
	s := pretrain.New()
	var _ scene.Scene = s
	scenetest.Sweep{Insets: []ui.Rect{{X: 900, W: 300, H: 120}}, Steps: 5, Frames: 1}.Run(t, s)
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
