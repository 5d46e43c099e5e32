package app

import (
	"math"
	"strconv"
	"unicode/utf8"

	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// readoutBox shows the scene's metrics in type large enough for a lecture
// hall, in a box of its own beside or below the plot (layout.go keeps the
// room for it): never over the plot (issue 10). Its rows run down cols
// columns.
type readoutBox struct {
	r      ui.Rect
	cols   int
	buf    []byte
	widths map[glyphKey]float64 // advance of each rune drawn, by size
}

// glyphKey names a rune in one type size and weight.
type glyphKey struct {
	r    rune
	size float64
	bold bool
}

// readoutRow is a readout's row height and readoutWidth a column's width,
// in logical pixels: a value at SizeReadout beside the longest label
// ("|cos| top direction, tangent") at SizeBody.
const (
	readoutRow   = 32
	readoutWidth = 300
)

// readoutSize is the size of the box of n readouts in cols columns.
func readoutSize(th *ui.Theme, n, cols int) (w, h float64) {
	if n == 0 {
		return 0, 0
	}
	cols = max(1, min(cols, n))
	rows := (n + cols - 1) / cols
	return float64(cols) * th.Px(readoutWidth), th.Px(14) + float64(rows)*th.Px(readoutRow)
}

// place puts the box at r, its rows in cols columns.
func (b *readoutBox) place(r ui.Rect, cols int) {
	b.r, b.cols = r, max(1, cols)
	clear(b.widths) // new sizes (a new scale) measure afresh
}

// colWidth is the width of one column of the box.
func (b *readoutBox) colWidth() float64 { return b.r.W / float64(max(1, b.cols)) }

// readoutPad is the box's inner margin and readoutGap the least room
// between a label and its value, in logical pixels.
const (
	readoutPad = 12
	readoutGap = 6
)

// readoutTiny is the smallest type a readout may fall back to: the text
// floor (textFloor, layout.go).
const readoutTiny = textFloor

// readoutFit is one way of setting a row, from the most readable down:
// the label's and the value's type sizes and the value's significant
// digits in scientific notation (0: the metric's own).
type readoutFit struct {
	label, value float64
	sig          int
}

// The ways a row may be set, tried in order until label and value fit a
// column: full size (the lecture hall's back rows), then the value
// smaller, then the label, then fewer digits. A value of a diverging run
// (5.8e170) beside the longest label ("|cos| top direction, tangent")
// needs the later ones.
var fits = []readoutFit{
	{ui.SizeBody, ui.SizeReadout, 0}, {ui.SizeBody, ui.SizeBody, 0}, {ui.SizeBody, ui.SizeSmall, 0},
	{ui.SizeSmall, ui.SizeBody, 0}, {ui.SizeSmall, ui.SizeSmall, 0}, {readoutTiny, ui.SizeSmall, 0},
	{readoutTiny, ui.SizeSmall, 1},
}

// draw draws the metrics, a label and a value each, each row at the first
// fit whose label and value share its column's width.
func (b *readoutBox) draw(c ui.Canvas, th *ui.Theme, metrics []scene.Metric) {
	r := b.r
	if r.Empty() {
		return
	}
	c.RoundRect(r, th.Px(8), th.Line)
	c.RoundRect(r.Inset(th.Px(1)), th.Px(7), th.Bg)
	cw := b.colWidth()
	room := cw - th.Px(2*readoutPad+readoutGap)
	perCol := (len(metrics) + b.cols - 1) / b.cols
	for i, m := range metrics {
		x, y := r.X+float64(i/perCol)*cw, r.Y+th.Px(7)+float64(i%perCol)*th.Px(readoutRow)
		var f readoutFit
		for _, f = range fits {
			b.buf = appendMetricSig(b.buf[:0], m.Value, m.Digits, f.sig)
			if !math.IsNaN(m.Value) && !math.IsInf(m.Value, 0) { // "—", not "—%"
				b.buf = append(b.buf, m.Unit...)
			}
			if c.TextWidth(m.Label, th.Font(f.label), false)+b.width(c, b.buf, th.Font(f.value), true) <= room {
				break
			}
		}
		// the label on the value's baseline (about 0.8 em below the top)
		dy := math.Max(0.8*th.Font(f.value-f.label), th.Px(1))
		c.Text(m.Label, x+th.Px(readoutPad), y+dy, ui.TextStyle{Size: th.Font(f.label), Color: th.TextDim})
		c.TextBytes(b.buf, x+cw-th.Px(readoutPad), y, ui.TextStyle{Size: th.Font(f.value), Color: th.Text, Bold: true, Align: ui.Right})
	}
}

// width measures text rune by rune, each rune's advance measured once
// per size: Canvas.TextWidth takes a string, which a value formatted each
// frame would have to allocate.
func (b *readoutBox) width(c ui.Measurer, text []byte, size float64, bold bool) float64 {
	if b.widths == nil {
		b.widths = map[glyphKey]float64{}
	}
	w := 0.0
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		k := glyphKey{r, size, bold}
		adv, ok := b.widths[k]
		if !ok {
			adv = c.TextWidth(string(r), size, bold)
			b.widths[k] = adv
		}
		w += adv
	}
	return w
}

// appendMetric formats a readout with digits significant digits, in fixed
// notation where that is readable; a non-finite value shows as a dash.
func appendMetric(b []byte, v float64, digits int) []byte { return appendMetricSig(b, v, digits, 0) }

// appendMetricSig is appendMetric with at most sig significant digits in
// scientific notation (0: up to three, fewer if digits says so). Numbers
// below 1e-3 or from 1e6 on are written as e-notation without the "+" and
// the zero padding of Go's: 5.8e170, 3.61e-6 — a diverging run's loss or a
// converged error fit a readout's box (5.816e+170 did not).
func appendMetricSig(b []byte, v float64, digits, sig int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "—"...)
	}
	a := math.Abs(v)
	if a != 0 && (a < 1e-3 || a >= 1e6) {
		if sig <= 0 {
			sig = min(max(digits, 1), 3)
		}
		return appendScientific(b, v, sig)
	}
	dec := digits - 1
	if a != 0 {
		dec = max(0, digits-1-int(math.Floor(math.Log10(a))))
	}
	return strconv.AppendFloat(b, v, 'f', dec, 64)
}

// appendScientific writes v as mantissa e exponent with sig significant
// digits: 5.8e170, -1e-320.
func appendScientific(b []byte, v float64, sig int) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'e', sig-1, 64) // 5.8e+170, 3.61e-06
	e := start
	for b[e] != 'e' {
		e++
	}
	neg := b[e+1] == '-'
	exp := 0
	for _, d := range b[e+2:] {
		exp = 10*exp + int(d-'0')
	}
	b = append(b[:e], 'e')
	if neg {
		b = append(b, '-')
	}
	return strconv.AppendInt(b, int64(exp), 10)
}
