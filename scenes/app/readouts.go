package app

import (
	"math"
	"strconv"

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
}

// draw draws the metrics, a label and a value each.
func (b *readoutBox) draw(c ui.Canvas, th *ui.Theme, metrics []scene.Metric) {
	r := b.r
	c.RoundRect(r, th.Px(8), th.Line)
	c.RoundRect(r.Inset(th.Px(1)), th.Px(7), th.Bg.Alpha(0.95))
	label := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.TextDim}
	value := ui.TextStyle{Size: th.Font(ui.SizeReadout), Color: th.Text, Bold: true, Align: ui.Right}
	labelDy := th.Px(6)
	if b.compact {
		label.Size, value.Size = th.Font(ui.SizeSmall), th.Font(ui.SizeBody)
		labelDy = th.Px(1)
	}
	y := r.Y + th.Px(7)
	for _, m := range metrics {
		c.Text(m.Label, r.X+th.Px(12), y+labelDy, label)
		b.buf = appendMetric(b.buf[:0], m.Value, m.Digits)
		b.buf = append(b.buf, m.Unit...)
		c.TextBytes(b.buf, r.Right()-th.Px(12), y, value)
		y += readoutRow(th, b.compact)
	}
}

// appendMetric formats a readout with digits significant digits, in fixed
// notation where that is readable; a non-finite value shows as a dash.
func appendMetric(b []byte, v float64, digits int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "—"...)
	}
	a := math.Abs(v)
	if a != 0 && (a < 1e-3 || a >= 1e6) {
		return strconv.AppendFloat(b, v, 'e', digits-1, 64)
	}
	dec := digits - 1
	if a != 0 {
		dec = max(0, digits-1-int(math.Floor(math.Log10(a))))
	}
	return strconv.AppendFloat(b, v, 'f', dec, 64)
}
