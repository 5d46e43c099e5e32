package sparse

import (
	"math"
	"strconv"

	"aelab/scenes/plot"
	"aelab/scenes/ui"
)

// The small plots beside the data: a title whose key marks carry the
// colours of the curves they name, axes with numbered ticks, type in the
// theme's sizes (presenter mode scales them).

// keyPart is a piece of an inset's title: text, or a key mark in a colour.
type keyPart struct {
	text string
	mark plot.Swatch
	col  ui.Color
	key  bool
}

func words(s string) keyPart { return keyPart{text: s} }

func key(m plot.Swatch, col ui.Color) keyPart { return keyPart{mark: m, col: col, key: true} }

// keyWidth is the room a key mark takes in a title.
const keyWidth = 26

// insetKeyed draws a small plot's frame and a title of words and coloured
// key marks (set smaller if it would not fit its width), and returns the
// inner area left for the plot and its tick labels.
func insetKeyed(c ui.Canvas, r ui.Rect, th *ui.Theme, parts ...keyPart) ui.Rect {
	a := plot.Inset(c, r, th, "")
	size := th.Font(ui.SizeBody)
	width := func(size float64) float64 {
		w := 0.0
		for _, p := range parts {
			if p.key {
				w += th.Px(keyWidth)
			} else {
				w += c.TextWidth(p.text, size, false)
			}
		}
		return w
	}
	if width(size) > r.W-th.Px(16) {
		size = th.Font(ui.SizeSmall)
	}
	x, y := r.X+th.Px(10), r.Y+th.Px(5)
	st := ui.TextStyle{Size: size, Color: th.Text}
	for _, p := range parts {
		if p.key {
			plot.DrawSwatch(c, th, p.mark, p.col, x+th.Px(keyWidth/2), y+size*0.62)
			x += th.Px(keyWidth)
			continue
		}
		c.Text(p.text, x, y, st)
		x += c.TextWidth(p.text, size, false)
	}
	return a
}

// logAxis is a logarithmic value axis: 10^lo at the bottom of an inset's
// area, 10^hi at its top.
type logAxis struct{ lo, hi float64 }

// newLogAxis spans the decades around [min, max] (both > 0), at least
// minDecades of them, padded a little so no point sits on the frame.
func newLogAxis(lo, hi, minDecades float64) logAxis {
	l, h := math.Log10(lo), math.Log10(hi)
	pad := 0.08 * math.Max(h-l, minDecades)
	l, h = l-pad, h+pad
	if h-l < minDecades {
		mid := (h + l) / 2
		l, h = mid-minDecades/2, mid+minDecades/2
	}
	return logAxis{l, h}
}

// y is the screen position of value v (> 0) in a.
func (ax logAxis) y(a ui.Rect, v float64) float64 {
	return a.Bottom() - (math.Log10(v)-ax.lo)/(ax.hi-ax.lo)*a.H
}

// ticks draws grid lines and numbered ticks at 1, 2 and 5 times the
// powers of ten within the axis (decades only when those are too many),
// labels left of a, in buf.
func (ax logAxis) ticks(c ui.Canvas, a ui.Rect, th *ui.Theme, buf *[]byte) {
	st := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right}
	mults := []float64{1, 2, 5}
	if ax.hi-ax.lo > 1.6 {
		mults = mults[:1]
	}
	step := max(1, int(math.Ceil((ax.hi-ax.lo)/3))) // some three decades labelled
	if len(mults) > 1 {
		step = 1
	}
	for e := int(math.Floor(ax.lo)); e <= int(math.Ceil(ax.hi)); e++ {
		if len(mults) == 1 && (e%step+step)%step != 0 {
			continue
		}
		for _, m := range mults {
			v := m * math.Pow(10, float64(e))
			lv := math.Log10(v)
			if lv < ax.lo || lv > ax.hi {
				continue
			}
			y := ax.y(a, v)
			c.Line(a.X, y, a.Right(), y, th.Px(1), th.Grid)
			*buf = appendTick((*buf)[:0], v)
			c.TextBytes(*buf, a.X-th.Px(4), y-st.Size*0.62, st)
		}
	}
	c.Line(a.X, a.Y, a.X, a.Bottom(), th.Px(1), th.Axis)
	c.Line(a.X, a.Bottom(), a.Right(), a.Bottom(), th.Px(1), th.Axis)
}

// plotArea is an inset's inner area less the room for tick labels: left
// for the value axis, below for the step axis.
func plotArea(a ui.Rect, th *ui.Theme) ui.Rect {
	l := th.Px(34)
	return ui.Rect{X: a.X + l, Y: a.Y + th.Px(4), W: a.W - l, H: a.H - th.Px(10)}
}

// stepTicks labels the step axis of a at its ends: the alternations first
// and last drawn.
func stepTicks(c ui.Canvas, a ui.Rect, th *ui.Theme, first, last int, buf *[]byte) {
	st := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim}
	y := a.Bottom() + th.Px(1)
	*buf = strconv.AppendInt((*buf)[:0], int64(first), 10)
	c.TextBytes(*buf, a.X, y, st)
	*buf = strconv.AppendInt((*buf)[:0], int64(last), 10)
	*buf = append(*buf, " steps"...)
	st.Align = ui.Right
	c.TextBytes(*buf, a.Right(), y, st)
}

// insetBytes draws a small plot's frame and a title formatted into a
// reused buffer, in the theme's body size, and returns the inner area.
func insetBytes(c ui.Canvas, r ui.Rect, th *ui.Theme, title []byte) ui.Rect {
	a := plot.Inset(c, r, th, "")
	size := th.Font(ui.SizeBody)
	if r.W < th.Px(250) { // beside the selected patch in a short plot
		size = th.Font(ui.SizeSmall)
	}
	c.TextBytes(title, r.X+th.Px(10), r.Y+th.Px(5), ui.TextStyle{Size: size, Color: th.Text})
	return a
}

// valueLabel writes v with three significant digits at (x, y), the top
// of its line, in the tick labels' style.
func valueLabel(c ui.Canvas, th *ui.Theme, buf *[]byte, v, x, y float64, al ui.Align) {
	*buf = strconv.AppendFloat((*buf)[:0], v, 'g', 3, 64)
	c.TextBytes(*buf, x, y, ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: al})
}

// appendTick formats a tick value briefly: 0.5, 20, and powers of ten
// below 0.01 or from 10⁴ as 1e-6 (the loss plot's style).
func appendTick(b []byte, v float64) []byte {
	if v >= 0.01 && v < 1e4 {
		return strconv.AppendFloat(b, v, 'g', 3, 64)
	}
	n := len(b)
	b = strconv.AppendFloat(b, v, 'e', 0, 64) // 1e-06
	for i := n; i < len(b)-2; i++ {
		if b[i] == 'e' && (b[i+1] == '-' || b[i+1] == '+') && b[i+2] == '0' {
			if b[i+1] == '+' {
				return append(b[:i+1], b[i+3:]...)
			}
			return append(b[:i+2], b[i+3:]...)
		}
	}
	return b
}
