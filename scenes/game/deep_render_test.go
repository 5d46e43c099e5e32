package game

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"aelab/scenes/ui"
)

// TestRenderDeepStops saves the guided lecture's stops of the deep scene
// at a laptop's, a projector's (presenter) and a phone's size after 600
// steps, and checks that each on the 2-D Gaussian draws the decoder's
// orange curve.
func TestRenderDeepStops(t *testing.T) {
	renderStops(t, "deep", 600, func(stop int, set string, img *image.RGBA, w, h int) {
		if strings.Contains(set, "data=digits") {
			return // thumbnails of digits, no curve
		}
		orange := count(img, ui.Rect{W: float64(w), H: float64(h)}, func(c color.RGBA) bool {
			return c.R > 200 && c.G > 60 && c.G < 120 && c.B < 80
		})
		if orange < 30 {
			t.Errorf("stop %d at %d×%d: %d orange pixels of the decoder's curve, want ≥ 30", stop, w, h, orange)
		}
	})
}
