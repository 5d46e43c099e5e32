package game

import (
	"image"
	"image/color"
	"testing"

	"aelab/scenes/ui"
)

// TestRenderPretrain saves the pretrain scene after its greedy stages and
// the first 1 000 steps of fine-tuning at a laptop's, a
// projector's (presenter) and a phone's size, and checks that the codes of
// the test digits are drawn in their class colours (tab10's blue, class 0).
func TestRenderPretrain(t *testing.T) {
	renderShots(t, "scene=pretrain", "render-pretrain", 7000, func(img *image.RGBA, w, h int) {
		blue := count(img, ui.Rect{W: float64(w), H: float64(h)}, func(c color.RGBA) bool {
			return near(c, color.RGBA{0x1f, 0x77, 0xb4, 0xff}, 24)
		})
		if blue < 60 {
			t.Errorf("%d×%d: %d pixels of class 0's blue, want ≥ 60", w, h, blue)
		}
	})
}
