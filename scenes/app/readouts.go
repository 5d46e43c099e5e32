package app

import (
	"math"
	"strconv"
	"unicode/utf8"

	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// readoutBox shows the scene's metrics in a box over the plot, in type
// large enough for a lecture hall: top-right, or bottom-right where the
// scene puts titles at the top.
type readoutBox struct {
	r       ui.Rect
	compact bool // smaller type on a short plot (a phone)
	buf     []byte
	widths  map[glyphKey]float64 // advance of each rune drawn, by size
}

// glyphKey names a rune in one type size and weight.
type glyphKey struct {
	r    rune
	size float64
	bold bool
}

// readoutRow is a readout's row height, full or compact.
func readoutRow(th *ui.Theme, compact bool) float64 {
	if compact {
		return th.Px(21)
	}
	return th.Px(32)
}

// layout places the box for n readouts in plot; a hidden box is empty, at
// the plot's top-right corner (notices then take the plot's width).
func (b *readoutBox) layout(plot ui.Rect, th *ui.Theme, n int, atBottom, hidden bool) {
	rows := float64(n)
	b.compact = th.Px(14)+rows*readoutRow(th, false) > 0.5*plot.H
	rw := th.Px(310)
	if b.compact {
		rw = th.Px(270)
	}
	rw = math.Min(rw, plot.W-th.Px(24))
	b.r = ui.Rect{X: plot.Right() - rw - th.Px(12), Y: plot.Y + th.Px(12), W: rw, H: th.Px(14) + rows*readoutRow(th, b.compact)}
	if atBottom {
		b.r.Y = plot.Bottom() - b.r.H - th.Px(12)
	}
	if hidden {
		b.r = ui.Rect{X: plot.Right(), Y: plot.Y}
	}
	clear(b.widths) // new sizes (a new scale) measure afresh
}

// readoutPad is the box's inner margin and readoutGap the least room
// between a label and its value, in logical pixels.
const (
	readoutPad = 12
	readoutGap = 6
)

// readoutTiny is the smallest type a readout may fall back to: the loss
// plot's tick labels' size.
const readoutTiny = 11

// readoutFit is one way of setting a row, from the most readable down:
// the label's and the value's type sizes and the value's significant
// digits in scientific notation (0: the metric's own).
type readoutFit struct {
	label, value float64
	sig          int
}

// The ways a row may be set, tried in order until label and value fit the
// box: full size (the lecture hall's back rows), then the value smaller,
// then the label, then fewer digits. A value of a diverging run (5.8e170)
// beside the longest label ("|cos| top direction, tangent") needs the
// later ones on a phone.
var (
	fullFits = []readoutFit{
		{ui.SizeBody, ui.SizeReadout, 0}, {ui.SizeBody, ui.SizeBody, 0}, {ui.SizeBody, ui.SizeSmall, 0},
		{ui.SizeSmall, ui.SizeBody, 0}, {ui.SizeSmall, ui.SizeSmall, 0}, {readoutTiny, ui.SizeSmall, 0},
		{readoutTiny, ui.SizeSmall, 1},
	}
	compactFits = []readoutFit{
		{ui.SizeSmall, ui.SizeBody, 0}, {ui.SizeSmall, ui.SizeSmall, 0}, {readoutTiny, ui.SizeSmall, 0},
		{readoutTiny, ui.SizeSmall, 1}, {readoutTiny, readoutTiny, 1},
	}
)

// draw draws the metrics, a label and a value each, each row at the first
// fit whose label and value share the box's width.
func (b *readoutBox) draw(c ui.Canvas, th *ui.Theme, metrics []scene.Metric) {
	r := b.r
	c.RoundRect(r, th.Px(8), th.Line)
	c.RoundRect(r.Inset(th.Px(1)), th.Px(7), th.Bg.Alpha(0.95))
	fits := fullFits
	if b.compact {
		fits = compactFits
	}
	room := r.W - th.Px(2*readoutPad+readoutGap)
	y := r.Y + th.Px(7)
	for _, m := range metrics {
		var f readoutFit
		for _, f = range fits {
			b.buf = appendMetricSig(b.buf[:0], m.Value, m.Digits, f.sig)
			b.buf = append(b.buf, m.Unit...)
			if c.TextWidth(m.Label, th.Font(f.label), false)+b.width(c, b.buf, th.Font(f.value), true) <= room {
				break
			}
		}
		// the label on the value's baseline (about 0.8 em below the top)
		dy := math.Max(0.8*th.Font(f.value-f.label), th.Px(1))
		c.Text(m.Label, r.X+th.Px(readoutPad), y+dy, ui.TextStyle{Size: th.Font(f.label), Color: th.TextDim})
		c.TextBytes(b.buf, r.Right()-th.Px(readoutPad), y, ui.TextStyle{Size: th.Font(f.value), Color: th.Text, Bold: true, Align: ui.Right})
		y += readoutRow(th, b.compact)
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
