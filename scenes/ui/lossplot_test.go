package ui_test

import (
	"math"
	"strings"
	"testing"

	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// maxPlotTexts bounds what LossPlot.Draw writes: the title, the
// reference's tag, maxDecades + 1 = 11 decade labels, "0", the step count
// and the two off-scale tags.
const maxPlotTexts = 17

// drawPlot draws h with the reference floor on a 400×200 plot (the size
// the App gives it at 1280×800) and returns what was written.
func drawPlot(h *ui.History, floor float64) *uitest.Canvas {
	p := ui.LossPlot{History: h, Floor: floor, FloorTag: "PCA"}
	p.SetBounds(ui.Rect{X: 10, Y: 10, W: 400, H: 200})
	c := &uitest.Canvas{Record: true}
	p.Draw(c, ui.Light(1))
	return c
}

// TestHistoryMeansStayFinite: 401 losses of 1.5e308 into 400 points used
// to average (a + b)/2 = +Inf, and LossPlot.Draw's decade loop then never
// ended. Means that halve before they add stay at 1.5e308.
func TestHistoryMeansStayFinite(t *testing.T) {
	for _, tc := range []struct {
		name string
		loss func(i int) float64
	}{
		{"1.5e308", func(int) float64 { return 1.5e308 }},
		{"±max", func(i int) float64 { return float64(1-2*(i%2)) * math.MaxFloat64 }},
		{"+Inf", func(int) float64 { return math.Inf(1) }},
		{"subnormal", func(i int) float64 { return 5e-324 * float64(i%3) }},
	} {
		h := ui.NewHistory(400)
		for i := range 2000 {
			h.Add(i, tc.loss(i))
			h.Add(i, tc.loss(i+1)) // two a step: the pending mean too
		}
		for i, l := range h.Loss {
			if math.IsNaN(l) || math.IsInf(l, 0) {
				t.Fatalf("%s: point %d of %d is %g", tc.name, i, len(h.Loss), l)
			}
		}
	}
	h := ui.NewHistory(400)
	for i := range 401 {
		h.Add(i, 1.5e308)
	}
	for i, l := range h.Loss {
		if l != 1.5e308 {
			t.Fatalf("point %d = %g, want the 1.5e308 it averages", i, l)
		}
	}
	h.Add(500, math.NaN())
	if n := len(h.Loss); h.Steps[n-1] == 500 {
		t.Error("a NaN loss made a point")
	}
}

// TestLossPlotBoundedLabels draws histories no training should make — the
// largest floats, subnormals, zeros, negatives, NaN and Inf written
// straight into the points — and wants Draw to end with a bounded number
// of texts, every decade label within the axis' maxDecades.
func TestLossPlotBoundedLabels(t *testing.T) {
	fill := func(vals ...float64) *ui.History {
		h := ui.NewHistory(400)
		for i := range 401 {
			h.Add(i, vals[i%len(vals)])
		}
		return h
	}
	raw := fill(1)
	raw.Loss[3], raw.Loss[7], raw.Loss[9] = math.NaN(), math.Inf(1), math.Inf(-1)
	raw.Steps[len(raw.Steps)-1] = math.NaN()
	for _, tc := range []struct {
		name  string
		h     *ui.History
		floor float64
	}{
		{"401 × 1.5e308", fill(1.5e308), 0},
		{"subnormals", fill(5e-324, 1e-310, 2.2e-308), 0},
		{"mix", fill(1e-320, 1e308, 0, -1, 0.1, math.Inf(1)), 0.05},
		{"zeros", fill(0), 0},
		{"negative", fill(-1e300, -5), 0},
		{"empty", ui.NewHistory(400), 0},
		{"floor NaN", fill(0.5, 0.2), math.NaN()},
		{"floor +Inf", fill(0.5, 0.2), math.Inf(1)},
		{"floor 1e-300", fill(0.5, 0.2), 1e-300},
		{"raw NaN, Inf in the points", raw, 0.1},
	} {
		c := drawPlot(tc.h, tc.floor)
		if len(c.Texts) > maxPlotTexts {
			t.Errorf("%s: %d texts: %q", tc.name, len(c.Texts), c.Texts)
		}
		for _, s := range c.Texts {
			if strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
				t.Errorf("%s: drew %q", tc.name, s)
			}
		}
		p := ui.LossPlot{History: tc.h, Floor: tc.floor}
		if lo, hi := p.Scale(); !(hi > lo && hi-lo <= 10) || lo != math.Trunc(lo) || hi != math.Trunc(hi) {
			t.Errorf("%s: axis from 1e%g to 1e%g", tc.name, lo, hi)
		}
	}
}

// TestLossPlotMarksOffScale: a run that converged to 1e-6 after a spike of
// 1e300 keeps the converged part and the reference on the axis and says
// the spike is off the top; an ordinary run says nothing of the kind.
func TestLossPlotMarksOffScale(t *testing.T) {
	h := ui.NewHistory(400)
	for i := range 300 {
		l := math.Pow(10, -float64(i)/50) // 1 down to 1e-6
		if i == 100 {
			l = 1e300
		}
		h.Add(i, l)
	}
	p := ui.LossPlot{History: h, Floor: 1e-7}
	lo, hi := p.Scale()
	if lo > -7 || hi < -5 || hi-lo > 10 {
		t.Errorf("axis 1e%g to 1e%g, want the last loss (1e-6) and the floor (1e-7) in view", lo, hi)
	}
	if c := drawPlot(h, 1e-7); !c.HasText("↑ off scale") || c.HasText("↓ off scale") {
		t.Errorf("texts %q: want the spike marked off the top, nothing off the bottom", c.Texts)
	}
	ok := ui.NewHistory(400)
	for i := range 300 {
		ok.Add(i, 1/float64(i+1))
	}
	if c := drawPlot(ok, 0.002); c.HasText("off scale") {
		t.Errorf("an ordinary run is marked off scale: %q", c.Texts)
	}
}

// FuzzLossPlot feeds a history any losses and steps and a plot any
// reference and size: Draw ends, writes a bounded number of texts, and the
// history holds only finite numbers.
func FuzzLossPlot(f *testing.F) {
	f.Add(1.5e308, 5e-324, 0.1, 400.0, 200.0, 7)
	f.Add(math.Inf(1), -1.0, math.NaN(), 1.0, 1.0, 401)
	f.Add(0.0, 1e-320, 1e308, 3000.0, 2.0, 2)
	f.Fuzz(func(t *testing.T, a, b, floor, w, hgt float64, n int) {
		n = n % 2000
		h := ui.NewHistory(400)
		for i := range n {
			l := a
			if i%3 == 1 {
				l = b
			}
			h.Add(i, l)
		}
		for i, l := range h.Loss {
			if math.IsNaN(l) || math.IsInf(l, 0) {
				t.Fatalf("point %d = %g", i, l)
			}
		}
		p := ui.LossPlot{History: h, Floor: floor, FloorTag: "ref"}
		p.SetBounds(ui.Rect{W: math.Mod(math.Abs(w), 1e5), H: math.Mod(math.Abs(hgt), 1e5)})
		c := &uitest.Canvas{Record: true}
		p.Draw(c, ui.Light(1))
		if len(c.Texts) > maxPlotTexts {
			t.Fatalf("%d texts: %q", len(c.Texts), c.Texts)
		}
	})
}
