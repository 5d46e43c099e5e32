package ui

import (
	"math"
	"strconv"
)

// History is the loss curve of a whole training run in at most Cap points.
// When it is full, neighbouring points merge (the mean of their losses) and
// the step gap between points doubles, so the curve always spans the run
// from step 0 at even resolution and never grows in memory.
type History struct {
	Steps, Loss []float64

	cap     int
	every   int // minimum steps between points
	pending float64
	count   int
	last    int // step of the last point (−1 before the first)
}

// NewHistory returns an empty history of at most cap points (even).
func NewHistory(cap int) *History {
	h := &History{Steps: make([]float64, 0, cap), Loss: make([]float64, 0, cap), cap: cap &^ 1}
	h.Reset()
	return h
}

// Reset empties the history.
func (h *History) Reset() {
	h.Steps, h.Loss = h.Steps[:0], h.Loss[:0]
	h.every, h.pending, h.count, h.last = 1, 0, 0, -1
}

// Add records the loss at a step; non-finite losses are skipped.
func (h *History) Add(step int, loss float64) {
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return
	}
	h.pending += loss
	h.count++
	if h.last >= 0 && step-h.last < h.every {
		return
	}
	if len(h.Loss) == h.cap {
		for i := 0; i < h.cap/2; i++ {
			h.Steps[i] = h.Steps[2*i+1]
			h.Loss[i] = (h.Loss[2*i] + h.Loss[2*i+1]) / 2
		}
		h.Steps, h.Loss = h.Steps[:h.cap/2], h.Loss[:h.cap/2]
		h.every *= 2
	}
	h.Steps = append(h.Steps, float64(step))
	h.Loss = append(h.Loss, h.pending/float64(h.count))
	h.pending, h.count, h.last = 0, 0, step
}

// LossPlot draws a History on a logarithmic loss axis, with an optional
// reference level (the optimum a scene knows, such as PCA's error).
type LossPlot struct {
	History  *History
	Floor    float64 // reference level; 0 for none
	FloorTag string  // its label

	r    Rect
	pts  []float64
	tick []byte
}

func (p *LossPlot) SetBounds(r Rect) { p.r = r }
func (p *LossPlot) Bounds() Rect     { return p.r }

func (p *LossPlot) Draw(c Canvas, th *Theme) {
	if p.r.Empty() {
		return // hidden, or no room
	}
	small := TextStyle{Size: th.Font(SizeSmall), Color: th.TextDim}
	c.Text("loss (log scale) vs. steps", p.r.X, p.r.Y, small)
	if p.Floor > 0 {
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
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range h.Loss {
		if l > 0 {
			lo, hi = math.Min(lo, l), math.Max(hi, l)
		}
	}
	if p.Floor > 0 {
		lo, hi = math.Min(lo, p.Floor), math.Max(hi, p.Floor)
	}
	if math.IsInf(lo, 0) {
		lo, hi = 1e-3, 1
	}
	ylo, yhi := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if yhi-ylo < 1 {
		yhi = ylo + 1
	}
	maxStep := math.Max(h.Steps[len(h.Steps)-1], 1)
	y := func(l float64) float64 {
		return area.Bottom() - (math.Log10(math.Max(l, 1e-300))-ylo)/(yhi-ylo)*area.H
	}
	// decade grid and labels
	for e := ylo; e <= yhi; e++ {
		yy := area.Bottom() - (e-ylo)/(yhi-ylo)*area.H
		c.Line(area.X, yy, area.Right(), yy, th.Px(1), th.Grid)
		p.tick = append(p.tick[:0], "1e"...)
		p.tick = strconv.AppendInt(p.tick, int64(e), 10)
		c.TextBytes(p.tick, area.X-th.Px(4), yy-th.Px(8), TextStyle{Size: th.Font(11), Color: th.TextDim, Align: Right})
	}
	p.tick = strconv.AppendInt(p.tick[:0], int64(maxStep), 10)
	if maxStep == 1 {
		p.tick = append(p.tick, " step"...)
	} else {
		p.tick = append(p.tick, " steps"...)
	}
	c.TextBytes(p.tick, area.Right(), area.Bottom()+th.Px(2), TextStyle{Size: th.Font(11), Color: th.TextDim, Align: Right})
	c.Text("0", area.X, area.Bottom()+th.Px(2), TextStyle{Size: th.Font(11), Color: th.TextDim})
	if p.Floor > 0 {
		fy := y(p.Floor)
		for x := area.X; x < area.Right(); x += th.Px(10) {
			c.Line(x, fy, math.Min(x+th.Px(6), area.Right()), fy, th.Px(2), th.Reference)
		}
	}
	p.pts = p.pts[:0]
	for i, l := range h.Loss {
		x := area.X + h.Steps[i]/maxStep*area.W
		// a point closer than 1.5 pixels to the last adds only vertices
		if n := len(p.pts); n > 0 && i < len(h.Loss)-1 && x-p.pts[n-2] < th.Px(1.5) {
			continue
		}
		p.pts = append(p.pts, x, y(l))
	}
	if len(p.pts) == 2 {
		c.Circle(p.pts[0], p.pts[1], th.Px(3), th.Model)
	}
	c.Polyline(p.pts, th.Px(2), th.Model)
}
