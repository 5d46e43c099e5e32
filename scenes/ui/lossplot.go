package ui

import (
	"math"
	"strconv"
)

// History is the loss curve of a whole training run in at most Cap points.
// When it is full, neighbouring points merge (the mean of their losses) and
// the step gap between points doubles, so the curve always spans the run
// from step 0 at even resolution and never grows in memory.
//
// Every value it holds is a finite number, whatever it is given: NaN is
// skipped, ±Inf kept as ±math.MaxFloat64 (the plot marks it off scale), and
// its means halve before they add, so that losses near the largest float
// (1.5e308 + 1.5e308 overflows) average to a finite number.
type History struct {
	Steps, Loss []float64

	cap     int
	every   int     // minimum steps between points
	pending float64 // mean of the losses added since the last point
	count   int
	last    int // step of the last point (−1 before the first)
}

// NewHistory returns an empty history of at most cap points (even).
func NewHistory(cap int) *History {
	h := &History{Steps: make([]float64, 0, cap), Loss: make([]float64, 0, cap), cap: max(cap&^1, 2)}
	h.Reset()
	return h
}

// Reset empties the history.
func (h *History) Reset() {
	h.Steps, h.Loss = h.Steps[:0], h.Loss[:0]
	h.every, h.pending, h.count, h.last = 1, 0, 0, -1
}

// Add records the loss at a step; NaN is skipped and ±Inf clamped.
func (h *History) Add(step int, loss float64) {
	if math.IsNaN(loss) {
		return
	}
	loss = clampFinite(loss)
	h.count++
	h.pending = mean(h.pending, loss, h.count)
	if h.last >= 0 && step-h.last < h.every {
		return
	}
	if len(h.Loss) == h.cap {
		for i := 0; i < h.cap/2; i++ {
			h.Steps[i] = h.Steps[2*i+1]
			h.Loss[i] = h.Loss[2*i]/2 + h.Loss[2*i+1]/2
		}
		h.Steps, h.Loss = h.Steps[:h.cap/2], h.Loss[:h.cap/2]
		h.every *= 2
	}
	h.Steps = append(h.Steps, float64(step))
	h.Loss = append(h.Loss, h.pending)
	h.pending, h.count, h.last = 0, 0, step
}

// mean returns the running mean of n values after the nth, x, joined the
// mean m of the n − 1 before it: m + (x − m)/n, with the difference taken
// of halves so that it cannot overflow, and the result kept finite (it lies
// between m and x, but for a rounding).
func mean(m, x float64, n int) float64 {
	return clampFinite(m + (x/2-m/2)*(2/float64(n)))
}

// clampFinite returns v within ±math.MaxFloat64 (v is not NaN).
func clampFinite(v float64) float64 {
	return math.Max(-math.MaxFloat64, math.Min(math.MaxFloat64, v))
}

// LossPlot draws a History on a logarithmic loss axis, with an optional
// reference level (the optimum a scene knows, such as PCA's error).
//
// Its axis spans at most maxDecades decades, whatever the history holds
// (a loss of 1e-320 beside one of 1e308 would need 628 labels): the current
// loss and the reference are always in it, and the curve is clamped to its
// edges where it leaves it, with a tag that says it is off scale.
type LossPlot struct {
	History  *History
	Floor    float64 // reference level; 0 for none
	FloorTag string  // its label

	r    Rect
	pts  []float64
	tick []byte
}

// maxDecades is the most decades the loss axis spans: a training run that
// converges over a lecture goes down four to seven; more would make the
// labels too small to read on a phone.
const maxDecades = 10

func (p *LossPlot) SetBounds(r Rect) { p.r = r }
func (p *LossPlot) Bounds() Rect     { return p.r }

// positive reports whether v can be drawn on a log axis: finite and > 0.
func positive(v float64) bool { return v > 0 && v <= math.MaxFloat64 }

// Scale returns the loss axis as decades: from 10^lo at the bottom to
// 10^hi at the top, lo < hi ≤ lo + maxDecades, both whole numbers. It spans
// the history's positive losses and the reference where they fit; where
// they do not, it keeps the last loss and the reference, and the lowest
// losses besides (a converged run), letting a spike go off the top.
func (p *LossPlot) Scale() (lo, hi float64) {
	minL, maxL := math.Inf(1), math.Inf(-1)
	keepLo, keepHi := math.Inf(1), math.Inf(-1) // what must be in view
	keep := func(v float64) {
		keepLo, keepHi = math.Min(keepLo, v), math.Max(keepHi, v)
	}
	h := p.History
	for _, l := range h.Loss {
		if positive(l) {
			minL, maxL = math.Min(minL, l), math.Max(maxL, l)
		}
	}
	if n := len(h.Loss); n > 0 && positive(h.Loss[n-1]) {
		keep(h.Loss[n-1])
	}
	if positive(p.Floor) {
		minL, maxL = math.Min(minL, p.Floor), math.Max(maxL, p.Floor)
		keep(p.Floor)
	}
	if math.IsInf(minL, 1) {
		return -3, 0 // nothing to show on a log scale: 1e-3 to 1
	}
	lo, hi = math.Floor(math.Log10(minL)), math.Ceil(math.Log10(maxL))
	if hi-lo > maxDecades {
		if !math.IsInf(keepHi, -1) {
			lo = math.Max(lo, math.Ceil(math.Log10(keepHi))-maxDecades)
		}
		hi = lo + maxDecades
	}
	if hi-lo < 1 {
		hi = lo + 1
	}
	return lo, hi
}

// The tags of a curve clamped at the axis' ends.
const (
	offTop    = "↑ off scale"
	offBottom = "↓ off scale"
)

func (p *LossPlot) Draw(c Canvas, th *Theme) {
	if p.r.Empty() {
		return // hidden, or no room
	}
	small := TextStyle{Size: th.Font(SizeSmall), Color: th.TextDim}
	c.Text("loss (log scale) vs. steps", p.r.X, p.r.Y, small)
	floor := positive(p.Floor)
	if floor {
		// the reference's key, right-aligned on the title line
		tag := TextStyle{Size: th.Font(SizeSmall), Color: th.Reference, Bold: true, Align: Right}
		c.Text(p.FloorTag, p.r.Right(), p.r.Y, tag)
		x := p.r.Right() - c.TextWidth(p.FloorTag, th.Font(SizeSmall), true) - th.Px(30)
		y := p.r.Y + th.Font(SizeSmall)*0.65
		c.Line(x, y, x+th.Px(9), y, th.Px(2), th.Reference)
		c.Line(x+th.Px(14), y, x+th.Px(23), y, th.Px(2), th.Reference)
	}
	area := p.r
	area.Y += th.Px(20)
	area.H -= th.Px(20 + 16)
	area.X += th.Px(34)
	area.W -= th.Px(34)
	c.FillRect(area, th.Bg)
	c.StrokeRect(area, th.Px(1), th.Line)
	h := p.History
	if area.H <= 0 || area.W <= 0 {
		return
	}
	if len(h.Loss) == 0 {
		c.Text("press play or step", area.X+area.W/2, area.Y+area.H/2-th.Px(8), TextStyle{Size: th.Font(SizeSmall), Color: th.TextDim, Align: Center})
		return
	}
	ylo, yhi := p.Scale()
	// y places a loss on the axis, clamped to it; off says which end it
	// left by (+1 the top, −1 the bottom, a loss ≤ 0 included)
	y := func(l float64) (yy float64, off int) {
		if !(l > 0) {
			return area.Bottom(), -1
		}
		e := math.Log10(l)
		switch {
		case e > yhi:
			return area.Y, 1
		case e < ylo:
			return area.Bottom(), -1
		}
		return area.Bottom() - (e-ylo)/(yhi-ylo)*area.H, 0
	}
	// decade grid, and labels at least a label's height apart
	label := TextStyle{Size: th.Font(SizeFloor), Color: th.TextDim, Align: Right}
	decades := yhi - ylo
	every := math.Max(1, math.Ceil(th.Font(SizeFloor)*1.3/(area.H/decades)))
	for e := ylo; e <= yhi; e++ {
		yy := area.Bottom() - (e-ylo)/decades*area.H
		c.Line(area.X, yy, area.Right(), yy, th.Px(1), th.Grid)
		if math.Mod(yhi-e, every) != 0 {
			continue
		}
		p.tick = append(p.tick[:0], "1e"...)
		p.tick = strconv.AppendInt(p.tick, int64(e), 10)
		c.TextBytes(p.tick, area.X-th.Px(4), yy-th.Px(8), label)
	}
	maxStep := h.Steps[len(h.Steps)-1]
	if !(maxStep >= 1 && maxStep <= math.MaxInt64) {
		maxStep = 1
	}
	p.tick = strconv.AppendInt(p.tick[:0], int64(maxStep), 10)
	if maxStep == 1 {
		p.tick = append(p.tick, " step"...)
	} else {
		p.tick = append(p.tick, " steps"...)
	}
	c.TextBytes(p.tick, area.Right(), area.Bottom()+th.Px(2), TextStyle{Size: th.Font(SizeFloor), Color: th.TextDim, Align: Right})
	c.Text("0", area.X, area.Bottom()+th.Px(2), TextStyle{Size: th.Font(SizeFloor), Color: th.TextDim})
	if floor {
		if fy, off := y(p.Floor); off == 0 {
			for x := area.X; x < area.Right(); x += th.Px(10) {
				c.Line(x, fy, math.Min(x+th.Px(6), area.Right()), fy, th.Px(2), th.Reference)
			}
		}
	}
	p.pts = p.pts[:0]
	above, below := false, false
	for i, l := range h.Loss {
		if math.IsNaN(l) || i >= len(h.Steps) {
			continue
		}
		x := area.X + math.Max(0, math.Min(1, h.Steps[i]/maxStep))*area.W
		// a point closer than 1.5 pixels to the last adds only vertices
		if n := len(p.pts); n > 0 && i < len(h.Loss)-1 && x-p.pts[n-2] < th.Px(1.5) {
			continue
		}
		yy, off := y(l)
		above, below = above || off > 0, below || off < 0
		p.pts = append(p.pts, x, yy)
	}
	if len(p.pts) == 2 {
		c.Circle(p.pts[0], p.pts[1], th.Px(3), th.Model)
	}
	c.Polyline(p.pts, th.Px(2), th.Model)
	tag := TextStyle{Size: th.Font(SizeFloor), Color: th.Error}
	if above {
		c.Text(offTop, area.X+th.Px(4), area.Y+th.Px(2), tag)
	}
	if below {
		c.Text(offBottom, area.X+th.Px(4), area.Bottom()-th.Font(SizeFloor)*1.3, tag)
	}
}
