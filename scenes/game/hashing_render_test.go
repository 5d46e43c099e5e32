package game

import (
	"image"
	"image/color"
	"testing"

	"aelab/scenes/ui"
)

// TestRenderHashing saves both views of the hashing scene at a laptop's,
// a projector's (presenter) and a phone's size after 600 steps, and
// checks that each draws the orange of the code: the histogram's bars,
// the query's code bars or the ring round its address.
func TestRenderHashing(t *testing.T) {
	for _, v := range []struct{ query, name string }{
		{"scene=hashing", "render-hashing"},
		{"scene=hashing&view=addresses", "render-hashing-grid"},
	} {
		renderShots(t, v.query, v.name, 600, func(img *image.RGBA, w, h int) {
			orange := count(img, ui.Rect{W: float64(w), H: float64(h)}, func(c color.RGBA) bool {
				return c.R > 200 && c.G > 60 && c.G < 120 && c.B < 80
			})
			if orange < 60 {
				t.Errorf("%s at %d×%d: %d orange pixels of the codes, want ≥ 60", v.query, w, h, orange)
			}
		})
	}
}
