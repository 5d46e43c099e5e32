package game

import (
	"fmt"
	"image/color"
	"testing"

	"aelab/scenes/app"
	"aelab/scenes/ui"
)

// TestRenderDenoiseStops saves the guided lecture's denoising stops after
// their 180 frames (3600 steps) at a laptop's 1280×800, a projector's
// 1920×1080 in presenter mode and a phone's 390×844, for a person to look
// at, and checks that each draws the field's full green arrows: near the
// curve, or at the masked inputs.
func TestRenderDenoiseStops(t *testing.T) {
	for stop := 18; stop <= 22; stop++ {
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
			g.Do(func(a *app.App) { a.Train(3600) })
			img := shotAt(t, g, sz.w, sz.h)
			save(t, img, fmt.Sprintf("render-denoise-stop%d-%dx%d.png", stop, sz.w, sz.h))
			if stop == 19 {
				continue // σ = 0: nothing to undo, only faint arrows
			}
			// the field's arrows at full colour: dark to mid green
			green := count(img, ui.Rect{W: float64(sz.w), H: float64(sz.h)}, func(c color.RGBA) bool {
				return int(c.G) > int(c.R)+40 && int(c.G) > int(c.B)+10 && c.G < 200
			})
			if green < 50 {
				t.Errorf("stop %d at %d×%d: %d green arrow pixels, want ≥ 50", stop, sz.w, sz.h, green)
			}
		}
	}
}
