package hashing_test

import (
	"testing"

	"aelab/scenes/hashing"
	"aelab/scenes/scene"
	"aelab/scenes/scene/scenetest"
	"aelab/scenes/ui"
)

// TestScene: every parameter is bound and, at each parameter's ends, the
// scene trains, measures finite metrics and draws both views without
// allocating in a frame's measure and draw (scenetest.Sweep).
func TestScene(t *testing.T) {
	s := hashing.New()
	var _ scene.Scene = s
	scenetest.Sweep{Insets: []ui.Rect{{X: 900, W: 300, H: 150}, {X: 900, Y: 160, W: 300, H: 150}}, Steps: 5, Frames: 1}.Run(t, s)
}
