package game

import (
	"fmt"
	"image"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"aelab/scenes/app"
)

// captureAt draws the App at w×h device pixels (scale 1) into a new image,
// as a screen of that size would show it, inside the next frame's Draw (on
// the game's thread, which image reads need), and puts the App back at its
// window's size.
func captureAt(t *testing.T, g *Game, w, h float64) *image.RGBA {
	t.Helper()
	shot := make(chan *image.RGBA, 1)
	g.Do(func(*app.App) {
		g.OnFrame = func(*ebiten.Image) {
			g.OnFrame = nil
			ow, oh := g.app.Size()
			g.app.Resize(w, h, 1)
			img := ebiten.NewImage(int(w), int(h))
			g.painter.Begin(img)
			g.app.Draw(g.painter)
			g.painter.Flush()
			rgba := image.NewRGBA(image.Rect(0, 0, int(w), int(h)))
			img.ReadPixels(rgba.Pix)
			img.Deallocate()
			g.app.Resize(ow, oh, 1)
			shot <- rgba
		}
	})
	current.Store(g)
	ebiten.ScheduleFrame() //lint:ignore SA1019 frames on request (see frame)
	return <-shot
}

// TestRenderSparseSizes saves every view of the sparse scene at 1280×800
// and at 1920×1080 and 1280×800 in presenter mode, for a person to look at.
func TestRenderSparseSizes(t *testing.T) {
	steps := map[string]int{"2d": 60, "patches": 30, "sae": 3000, "psd": 500}
	for _, presenter := range []int{0, 1} {
		for _, view := range []string{"2d", "patches", "sae", "psd"} {
			g := newGame(fmt.Sprintf("scene=sparse&seed=1&paused=1&view=%s&presenter=%d", view, presenter))
			frame(t, g, 2)
			g.Do(func(a *app.App) { a.Train(steps[view]) })
			frame(t, g, 1)
			sizes := [][2]float64{{1280, 800}}
			if presenter == 1 {
				sizes = append(sizes, [2]float64{1920, 1080})
			}
			for _, sz := range sizes {
				img := captureAt(t, g, sz[0], sz[1])
				save(t, img, fmt.Sprintf("sparse-%s-%.0fx%.0f-p%d.png", view, sz[0], sz[1], presenter))
			}
			// playing, the lab keeps running frames: an idle one would
			// never run the Update that ends TestMain
			g.Do(func(a *app.App) { a.SetPaused(false) })
			frame(t, g, 2)
		}
	}
}
