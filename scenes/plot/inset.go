package plot

import (
	"math"

	"aelab/scenes/ui"
)

// Inset draws a small plot's frame and title and returns its inner area.
func Inset(c ui.Canvas, r ui.Rect, th *ui.Theme, title string) ui.Rect {
	a := frame(c, r, th)
	c.Text(title, r.X+th.Px(10), r.Y+th.Px(6), ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim})
	return a
}

// InsetBytes is Inset with a title formatted into a reused buffer.
func InsetBytes(c ui.Canvas, r ui.Rect, th *ui.Theme, title []byte) ui.Rect {
	a := frame(c, r, th)
	c.TextBytes(title, r.X+th.Px(10), r.Y+th.Px(6), ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim})
	return a
}

func frame(c ui.Canvas, r ui.Rect, th *ui.Theme) ui.Rect {
	c.RoundRect(r, th.Px(8), th.Line)
	c.RoundRect(r.Inset(th.Px(1)), th.Px(7), th.Bg.Alpha(0.95))
	return ui.Rect{X: r.X + th.Px(14), Y: r.Y + th.Px(28), W: r.W - th.Px(28), H: r.H - th.Px(44)}
}

// Tile draws a square image (side×side values, row-major) in r, grey from
// black (−scale) to white (+scale): the lecture's convention for filters,
// atoms and tangent images.
func Tile(c ui.Canvas, r ui.Rect, v []float64, scale float64, th *ui.Theme) {
	Gray(c, r, v, -scale, scale, th)
}

// Gray draws a square image (side×side values, row-major) in r, grey from
// black (lo) to white (hi), framed. It fills r with the grey of 0 first and
// draws only the pixels that differ from it by half an 8-bit level or
// more: most pixels of a digit or a tangent image are 0, and each pixel
// drawn is a quad.
func Gray(c ui.Canvas, r ui.Rect, v []float64, lo, hi float64, th *ui.Theme) {
	side := int(math.Round(math.Sqrt(float64(len(v)))))
	px := r.W / float64(side)
	grey := func(x float64) float32 {
		return float32(math.Max(0, math.Min(1, (x-lo)/(hi-lo))))
	}
	g0 := grey(0)
	c.FillRect(r, ui.Color{R: g0, G: g0, B: g0, A: 1})
	for i := 0; i < side; i++ {
		for j := 0; j < side; j++ {
			g := grey(v[i*side+j])
			if math.Abs(float64(g-g0)) < 1.0/510 {
				continue
			}
			// a half pixel more closes the seams between quads, but not past r
			x, y := r.X+float64(j)*px, r.Y+float64(i)*px
			w, h := math.Min(px+0.5, r.Right()-x), math.Min(px+0.5, r.Bottom()-y)
			c.FillRect(ui.Rect{X: x, Y: y, W: w, H: h}, ui.Color{R: g, G: g, B: g, A: 1})
		}
	}
	c.StrokeRect(r, th.Px(1), th.Line)
}

// MaxAbs is the largest |v_i|, at least 1e-12 (a scale to divide by).
func MaxAbs(v []float64) float64 {
	m := 1e-12
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}
