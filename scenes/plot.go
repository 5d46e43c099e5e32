package scenes

import (
	"aelab/core/data"
	"aelab/core/manifold"
	"aelab/scenes/ui"
)

// drawCurve draws a manifold's polylines in a 2-D view; scratch is reused
// for the screen coordinates.
func drawCurve(c ui.Canvas, v *View2D, curve *manifold.Curve, width float64, col ui.Color, scratch *[]float64) {
	for _, part := range curve.Parts {
		pts := (*scratch)[:0]
		for i := 0; i+1 < len(part); i += 2 {
			x, y := v.Screen(part[i], part[i+1])
			pts = append(pts, x, y)
		}
		c.Polyline(pts, width, col)
		*scratch = pts
	}
}

// drawCrosses marks every point of a 2-D set with a small ×, as the lecture
// marks training points.
func drawCrosses(c ui.Canvas, v *View2D, x *data.Set, half, width float64, col ui.Color) {
	for n := 0; n < x.N; n++ {
		px, py := v.Screen(x.X[2*n], x.X[2*n+1])
		c.Line(px-half, py-half, px+half, py+half, width, col)
		c.Line(px-half, py+half, px+half, py-half, width, col)
	}
}
