package game

import (
	"image"
	"image/color"
	"testing"

	"aelab/scenes/ui"
)

// TestRenderStochastic saves the stochastic scene's views (the ring, the
// digits, the VAE beside a plain autoencoder) at a laptop's, a
// projector's (presenter) and a phone's size after 800 steps, and checks
// that each draws the prior's green circles.
func TestRenderStochastic(t *testing.T) {
	for _, v := range []struct{ query, name string }{
		{"scene=stochastic", "render-stochastic-ring"},
		{"scene=stochastic&data=digits", "render-stochastic-digits"},
		{"scene=stochastic&view=compare", "render-stochastic-compare"},
		{"scene=stochastic&data=digits&view=compare", "render-stochastic-digits-compare"},
	} {
		renderShots(t, v.query, v.name, 800, func(img *image.RGBA, w, h int) {
			green := count(img, ui.Rect{W: float64(w), H: float64(h)}, func(c color.RGBA) bool {
				return c.R < 60 && c.G > 80 && c.G < 140 && c.B > 60 && c.B < 110
			})
			want := 100
			if w < 500 {
				want = 8 // a phone's plot is a strip: four small planes
			}
			if green < want {
				t.Errorf("%s at %d×%d: %d green pixels of the prior's circles, want ≥ %d", v.name, w, h, green, want)
			}
		})
	}
}
