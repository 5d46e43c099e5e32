package plot

import (
	"math"

	"aelab/scenes/ui"
)

// Swatch is the key drawn beside a legend entry.
type Swatch uint8

const (
	SwatchDot    Swatch = iota // a point
	SwatchLine                 // a line
	SwatchBand                 // a broad translucent line
	SwatchCross                // a training point's cross
	SwatchArrow                // a vector field's arrow
	SwatchRing                 // a corruption circle with its x̃
	SwatchStream               // a streamline ending in a dot
)

// LegendRow is one entry of a plot's legend.
type LegendRow struct {
	Swatch Swatch
	Color  ui.Color
	Text   string
}

// DrawLegend draws rows in a box at the plot's bottom-left corner (the top
// of the plot is for notices and readouts). On a short plot (a phone) the
// legend is set smaller, and left out where it would still cover most of
// the picture.
func DrawLegend(c ui.Canvas, plot ui.Rect, th *ui.Theme, rows []LegendRow) {
	size := th.Font(ui.SizeBody)
	lh := size * 1.45
	n := float64(len(rows))
	if n == 0 {
		return
	}
	if n*lh > 0.4*plot.H {
		size = th.Font(ui.SizeSmall)
		lh = size * 1.45
	}
	if n*lh > 0.6*plot.H {
		return
	}
	x, y := plot.X+th.Px(14), plot.Bottom()-n*lh-th.Px(12)
	wmax := 0.0
	for _, r := range rows {
		wmax = math.Max(wmax, c.TextWidth(r.Text, size, false))
	}
	c.RoundRect(ui.Rect{X: x - th.Px(8), Y: y - th.Px(6), W: wmax + th.Px(46), H: n*lh + th.Px(10)}, th.Px(6), th.Bg.Alpha(0.9))
	text := ui.TextStyle{Size: size, Color: th.Text}
	for i, r := range rows {
		cy := y + float64(i)*lh + lh/2
		drawSwatch(c, th, r.Swatch, r.Color, x+th.Px(11), cy)
		c.Text(r.Text, x+th.Px(32), cy-size*0.62, text)
	}
}

func drawSwatch(c ui.Canvas, th *ui.Theme, s Swatch, col ui.Color, cx, cy float64) {
	h := th.Px(11)
	switch s {
	case SwatchDot:
		c.Circle(cx, cy, th.Px(4), col)
	case SwatchLine:
		c.Line(cx-h, cy, cx+h, cy, th.Px(3), col)
	case SwatchBand:
		c.Line(cx-h, cy, cx+h, cy, th.Px(10), col.Alpha(0.4))
	case SwatchCross:
		c.Cross(cx, cy, th.Px(4), th.Px(1.6), col)
	case SwatchArrow:
		Arrow(c, cx-h, cy, cx+h, cy, th.Px(2), th.Px(7), col)
	case SwatchRing:
		c.Ring(cx, cy, th.Px(7), th.Px(1.2), col)
		c.Circle(cx+th.Px(4), cy-th.Px(3), th.Px(3), col)
	case SwatchStream:
		c.Line(cx-h, cy, cx+th.Px(8), cy, th.Px(1.6), col.Alpha(0.55))
		c.Circle(cx+th.Px(9), cy, th.Px(3), col)
	}
}

// Arrow draws a line from (x0, y0) to (x1, y1) with a head at the end.
func Arrow(c ui.Canvas, x0, y0, x1, y1, w, head float64, col ui.Color) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l < 0.5 {
		return
	}
	ux, uy := dx/l, dy/l
	h := math.Min(head, l*0.6)
	bx, by := x1-ux*h, y1-uy*h
	c.Line(x0, y0, bx, by, w, col)
	c.Triangle(x1, y1, bx-uy*h*0.5, by+ux*h*0.5, bx+uy*h*0.5, by-ux*h*0.5, col)
}

// LegendSize is the size of the box DrawLegendIn needs for rows at the
// body type size: a line of 1.45 em a row, a swatch and the widest text.
func LegendSize(m ui.Measurer, th *ui.Theme, rows []LegendRow) (w, h float64) {
	if len(rows) == 0 {
		return 0, 0
	}
	size := th.Font(ui.SizeBody)
	wmax := 0.0
	for _, r := range rows {
		wmax = math.Max(wmax, m.TextWidth(r.Text, size, false))
	}
	return wmax + th.Px(46), float64(len(rows))*size*1.45 + th.Px(12)
}

// DrawLegendIn draws rows in the box r (LegendSize's), kept for them
// beside the plot rather than over it; rows that do not fit are left out.
func DrawLegendIn(c ui.Canvas, r ui.Rect, th *ui.Theme, rows []LegendRow) {
	if len(rows) == 0 || r.Empty() {
		return
	}
	size := th.Font(ui.SizeBody)
	lh := size * 1.45
	c.RoundRect(r, th.Px(6), th.Line)
	c.RoundRect(r.Inset(th.Px(1)), th.Px(5), th.Bg)
	text := ui.TextStyle{Size: size, Color: th.Text}
	x, y := r.X+th.Px(8), r.Y+th.Px(6)
	for i, row := range rows {
		if y+float64(i+1)*lh > r.Bottom()+0.5 {
			return
		}
		cy := y + float64(i)*lh + lh/2
		drawSwatch(c, th, row.Swatch, row.Color, x+th.Px(11), cy)
		c.Text(row.Text, x+th.Px(32), cy-size*0.62, text)
	}
}

// DrawSwatch draws the key mark s centred at (cx, cy), as a legend row
// does (for keys beside a small plot's title).
func DrawSwatch(c ui.Canvas, th *ui.Theme, s Swatch, col ui.Color, cx, cy float64) {
	drawSwatch(c, th, s, col, cx, cy)
}
