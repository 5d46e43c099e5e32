package ui_test

import (
	"encoding/binary"
	"math"
	"testing"

	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// maxPlotCalls bounds what one LossPlot.Draw may draw: a frame, a title,
// some decades of grid and labels, the curve. A loop that runs away (a
// decade loop over an infinite range) trips it instead of hanging.
const maxPlotCalls = 2000

// boundedCanvas is a recording canvas that panics past maxPlotCalls calls.
type boundedCanvas struct {
	uitest.Canvas
	calls int
}

func (c *boundedCanvas) count() {
	if c.calls++; c.calls > maxPlotCalls {
		panic("LossPlot.Draw made more than 2000 drawing calls")
	}
}

func (c *boundedCanvas) Line(x0, y0, x1, y1, w float64, col ui.Color) {
	c.count()
	c.Canvas.Line(x0, y0, x1, y1, w, col)
}

func (c *boundedCanvas) Text(s string, x, y float64, st ui.TextStyle) {
	c.count()
	c.Canvas.Text(s, x, y, st)
}

func (c *boundedCanvas) TextBytes(b []byte, x, y float64, st ui.TextStyle) {
	c.count()
	c.Canvas.TextBytes(b, x, y, st)
}

func (c *boundedCanvas) Polyline(pts []float64, w float64, col ui.Color) {
	c.count()
	for _, v := range pts {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			panic("LossPlot.Draw drew a curve through a non-finite point")
		}
	}
	c.Canvas.Polyline(pts, w, col)
}

// FuzzLossHistory feeds a History arbitrary losses (±1e308, subnormals,
// NaN, ±Inf, negatives) at rising steps, then draws it: the history keeps
// at most its capacity and only finite losses, and the plot draws a
// bounded number of labels and a finite curve whatever it holds. Each 9
// bytes of ops are a step increment and a float64 loss.
func FuzzLossHistory(f *testing.F) {
	op := func(b []byte, dstep byte, loss float64) []byte {
		return binary.LittleEndian.AppendUint64(append(b, dstep), math.Float64bits(loss))
	}
	var huge []byte // issue 11: 401 × 1.5e308 averaged into +Inf
	for range 401 {
		huge = op(huge, 1, 1.5e308)
	}
	f.Add(huge, 0.0, uint16(398)) // NewHistory(400)
	f.Add(op(op(op(nil, 0, 1), 1, 0.5), 1, 0.25), 0.1, uint16(400))
	f.Add(op(op(op(nil, 0, math.NaN()), 1, math.Inf(1)), 1, -1), 0.0, uint16(4))
	f.Add(op(op(op(nil, 0, 5e-324), 1, 1e308), 1, 1e-300), 1e-320, uint16(2))
	f.Add(op(op(nil, 255, math.MaxFloat64), 255, math.MaxFloat64), math.MaxFloat64, uint16(3))
	f.Fuzz(func(t *testing.T, ops []byte, floor float64, capacity uint16) {
		h := ui.NewHistory(2 + int(capacity)%600)
		step := 0
		for ; len(ops) >= 9; ops = ops[9:] {
			step += int(ops[0])
			h.Add(step, math.Float64frombits(binary.LittleEndian.Uint64(ops[1:])))
		}
		if len(h.Loss) != len(h.Steps) || len(h.Loss) > 2+int(capacity)%600 {
			t.Fatalf("%d losses, %d steps in a history of %d", len(h.Loss), len(h.Steps), 2+int(capacity)%600)
		}
		for i, l := range h.Loss {
			if math.IsNaN(l) || math.IsInf(l, 0) {
				t.Fatalf("loss %d of the history is %v", i, l)
			}
			if i > 0 && h.Steps[i] < h.Steps[i-1] {
				t.Fatalf("steps go back: %v then %v", h.Steps[i-1], h.Steps[i])
			}
		}
		p := ui.LossPlot{History: h, Floor: floor, FloorTag: "PCA"}
		p.SetBounds(ui.Rect{X: 10, Y: 10, W: 400, H: 220})
		p.Draw(&boundedCanvas{}, ui.Light(1))
	})
}
