package game

import (
	"fmt"
	"testing"

	"aelab/scenes/app"
)

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
				img := shotAt(t, g, int(sz[0]), int(sz[1]))
				save(t, img, fmt.Sprintf("sparse-%s-%.0fx%.0f-p%d.png", view, sz[0], sz[1], presenter))
			}
			// playing, the lab keeps running frames: an idle one would
			// never run the Update that ends TestMain
			g.Do(func(a *app.App) { a.SetPaused(false) })
			frame(t, g, 2)
		}
	}
}
