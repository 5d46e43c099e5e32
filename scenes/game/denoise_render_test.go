package game

import (
	"image"
	"image/color"
	"net/url"
	"testing"

	"aelab/scenes/ui"
)

// TestRenderDenoiseStops saves the guided lecture's denoising stops after
// their 180 frames (3600 steps) at a laptop's 1280×800, a projector's
// 1920×1080 in presenter mode and a phone's 390×844, for a person to look
// at, and checks that each draws the field's full green arrows: near the
// curve, or at the masked inputs.
func TestRenderDenoiseStops(t *testing.T) {
	renderStops(t, "denoise", 3600, func(stop int, set string, img *image.RGBA, w, h int) {
		if q, _ := url.ParseQuery(set); q.Get("noise") == "0" {
			return // σ = 0: nothing to undo, only faint arrows
		}
		// the field's arrows at full colour: dark to mid green
		green := count(img, ui.Rect{W: float64(w), H: float64(h)}, func(c color.RGBA) bool {
			return int(c.G) > int(c.R)+40 && int(c.G) > int(c.B)+10 && c.G < 200
		})
		if green < 50 {
			t.Errorf("stop %d at %d×%d: %d green arrow pixels, want ≥ 50", stop, w, h, green)
		}
	})
}
