package deep_test

import (
	"testing"

	"aelab/scenes/deep"
	"aelab/scenes/scene"
	"aelab/scenes/scene/scenetest"
	"aelab/scenes/ui"
)

// TestScene: every parameter is bound and, at each parameter's ends, the
// scene trains, measures finite metrics and draws without allocating, on
// both data sets (scenetest.Sweep).
func TestScene(t *testing.T) {
	s := deep.New()
	var _ scene.Scene = s
	scenetest.Sweep{Insets: []ui.Rect{{X: 900, W: 300, H: 120}}, Steps: 5, Frames: 1}.Run(t, s)
}
