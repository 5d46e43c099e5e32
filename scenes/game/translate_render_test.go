package game

import (
	"image"
	"image/color"
	"testing"

	"aelab/scenes/ui"
)

// TestRenderTranslate saves the translate scene, trained 1800 steps, at a
// laptop's 1280×800, a projector's 1920×1080 in presenter mode and a
// phone's 390×844, for a person to look at, and checks that each draws
// the tangent image in the lecture's convention: grey for 0 with both
// white and black pixels.
func TestRenderTranslate(t *testing.T) {
	renderShots(t, "scene=translate", "render-translate", 1800, func(img *image.RGBA, w, h int) {
		grey := count(img, ui.Rect{W: float64(w), H: float64(h)}, func(c color.RGBA) bool { return near(c, color.RGBA{128, 128, 128, 255}, 3) })
		if grey < 400 {
			t.Errorf("%d×%d: %d pixels of the tangent image's grey, want ≥ 400", w, h, grey)
		}
	})
}
