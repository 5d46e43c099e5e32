package plot

import (
	"math"

	"aelab/core/data"
	"aelab/scenes/ui"
)

// Arrows draws the vectors vec[2k:2k+2] from the points g.X[2k:2k+2] of
// view v, at their true length up to 0.95 of a grid cell, in the colour
// colorOf gives for their length; vectors shorter than 1e-4 are left out.
func Arrows(c ui.Canvas, v *View2D, g *data.Set, vec []float64, cell, width, head float64, colorOf func(l float64) ui.Color) {
	for k := 0; k < g.N; k++ {
		fx, fy := vec[2*k], vec[2*k+1]
		l := math.Hypot(fx, fy)
		if l < 1e-4 {
			continue
		}
		scale := math.Min(1, 0.95*cell/l)
		x0, y0 := v.Screen(g.X[2*k], g.X[2*k+1])
		x1, y1 := v.Screen(g.X[2*k]+scale*fx, g.X[2*k+1]+scale*fy)
		Arrow(c, x0, y0, x1, y1, width, head, colorOf(l))
	}
}

// FieldColor is the colour of a reconstruction field's arrow of length l:
// pale to dark green, full at half a data unit.
func FieldColor(l float64) ui.Color {
	t := float32(math.Min(l/0.5, 1))
	return ui.RGB(0xa8ddb5).Mix(ui.RGB(0x00632b), t)
}
