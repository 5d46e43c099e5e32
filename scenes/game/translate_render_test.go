package game

import (
	"fmt"
	"image/color"
	"testing"

	"aelab/scenes/app"
	"aelab/scenes/ui"
)

// TestRenderTranslate saves the translate scene, trained 1800 steps, at a
// laptop's 1280×800, a projector's 1920×1080 in presenter mode and a
// phone's 390×844, for a person to look at, and checks that each draws
// the tangent image in the lecture's convention: grey for 0 with both
// white and black pixels.
func TestRenderTranslate(t *testing.T) {
	for _, sz := range []struct {
		w, h      int
		presenter bool
	}{{1280, 800, false}, {1920, 1080, true}, {390, 844, false}} {
		q := "scene=translate&paused=1&seed=1"
		if sz.presenter {
			q += "&presenter=1"
		}
		g := newGame(q)
		frame(t, g, 2)
		g.Do(func(a *app.App) { a.Train(1800) })
		img := shotAt(t, g, sz.w, sz.h)
		save(t, img, fmt.Sprintf("render-translate-%dx%d.png", sz.w, sz.h))
		all := ui.Rect{W: float64(sz.w), H: float64(sz.h)}
		grey := count(img, all, func(c color.RGBA) bool { return near(c, color.RGBA{128, 128, 128, 255}, 3) })
		if grey < 400 {
			t.Errorf("%d×%d: %d pixels of the tangent image's grey, want ≥ 400", sz.w, sz.h, grey)
		}
	}
}
