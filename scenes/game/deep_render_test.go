package game

import (
	"fmt"
	"image/color"
	"testing"

	"aelab/scenes/app"
	"aelab/scenes/ui"
)

// TestRenderDeepStops saves the guided lecture's stops of the deep scene
// (5–8) at a laptop's, a projector's (presenter) and a phone's size after
// training, and checks that each draws the decoder's orange curve or the
// digits' thumbnails.
func TestRenderDeepStops(t *testing.T) {
	for stop := 5; stop <= 8; stop++ {
		for _, sz := range []struct {
			w, h      int
			presenter bool
		}{{1280, 800, false}, {1920, 1080, true}, {390, 844, false}} {
			q := fmt.Sprintf("tour=%d&paused=1&seed=1", stop)
			if sz.presenter {
				q += "&presenter=1"
			}
			g := newGame(q)
			frame(t, g, 2)
			g.Do(func(a *app.App) { a.Train(600) })
			img := shotAt(t, g, sz.w, sz.h)
			save(t, img, fmt.Sprintf("render-deep-stop%d-%dx%d.png", stop, sz.w, sz.h))
			orange := count(img, ui.Rect{W: float64(sz.w), H: float64(sz.h)}, func(c color.RGBA) bool {
				return c.R > 200 && c.G > 60 && c.G < 120 && c.B < 80
			})
			if stop < 8 && orange < 30 {
				t.Errorf("stop %d at %d×%d: %d orange pixels of the decoder's curve, want ≥ 30", stop, sz.w, sz.h, orange)
			}
		}
	}
}
