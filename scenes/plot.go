package scenes

import (
	"math"
	"strings"

	"aelab/core/data"
	"aelab/core/manifold"
	"aelab/scenes/ui"
)

// curveStep is the shortest piece, in device pixels, of a drawn curve: a
// curve's vertices are data-dense (720 to a circle), and pieces shorter than
// this are invisible but cost vertices.
const curveStep = 3

// drawCurve draws a manifold's polylines in a 2-D view; scratch is reused
// for the screen coordinates.
func drawCurve(c ui.Canvas, v *View2D, curve *manifold.Curve, width float64, col ui.Color, scratch *[]float64) {
	for _, part := range curve.Parts {
		pts := (*scratch)[:0]
		n := len(part) / 2
		for i := 0; i < n; i++ {
			x, y := v.Screen(part[2*i], part[2*i+1])
			if k := len(pts); k > 0 && i < n-1 && math.Hypot(x-pts[k-2], y-pts[k-1]) < curveStep {
				continue // keep the last vertex: the curve ends where it ends
			}
			pts = append(pts, x, y)
		}
		c.Polyline(pts, width, col)
		*scratch = pts
	}
}

// drawCrosses marks every point of a 2-D set with a small ×, as the lecture
// marks training points.
func drawCrosses(c ui.Canvas, v *View2D, x *data.Set, half, width float64, col ui.Color) {
	for n := 0; n < x.N; n++ {
		px, py := v.Screen(x.X[2*n], x.X[2*n+1])
		c.Cross(px, py, half, width, col)
	}
}

// curveDrawer turns a drag in the plot into a drawn manifold, for the
// scenes whose data lie on a curve ("draw" in their manifold menu).
type curveDrawer struct {
	Curve   *manifold.Curve // the last curve drawn, or a starting S
	stroke  []float64       // the curve being drawn, data coordinates
	drawing bool
}

func newCurveDrawer() curveDrawer {
	var pts []float64
	for i := 0; i <= 60; i++ {
		t := float64(i) / 60
		pts = append(pts, -1.4+2.8*t, 0.8*math.Sin(2*math.Pi*t)*(1-0.3*t))
	}
	c, err := manifold.Drawn(pts)
	if err != nil {
		panic(err)
	}
	return curveDrawer{Curve: c}
}

// follow follows a drag in view v and reports whether it holds the
// pointer. On release a new curve becomes the training data (a reset) or,
// when it cannot be learnt, a warning says why.
func (d *curveDrawer) follow(p *ui.Pointer, v *View2D, cb Callbacks) bool {
	held, drawn, err := d.pointer(p, v)
	switch {
	case err != nil:
		cb.Notice(drawnCurveError(err), Warning)
	case drawn:
		cb.Reset("Your curve is the training data now: training restarted.")
	}
	return held
}

// pointer follows a drag in view v. It reports whether it holds the
// pointer, and on release whether a new curve was drawn, or why not.
func (d *curveDrawer) pointer(p *ui.Pointer, v *View2D) (held, drawn bool, err error) {
	if p.Pressed {
		d.drawing = true
		d.stroke = d.stroke[:0]
	}
	if !d.drawing {
		return false, false, nil
	}
	x, y := v.Data(p.X, p.Y)
	if n := len(d.stroke); n == 0 || math.Hypot(x-d.stroke[n-2], y-d.stroke[n-1]) > 0.01 {
		d.stroke = append(d.stroke, x, y)
	}
	if !p.Released && p.Down {
		return true, false, nil
	}
	d.drawing = false
	c, err := manifold.Drawn(append([]float64(nil), d.stroke...))
	d.stroke = d.stroke[:0]
	if err != nil {
		return false, false, err
	}
	d.Curve = c
	return false, true, nil
}

// drawStroke shows the curve being drawn.
func (d *curveDrawer) drawStroke(c ui.Canvas, v *View2D, th *ui.Theme, scratch *[]float64) {
	if len(d.stroke) < 4 {
		return
	}
	pts := (*scratch)[:0]
	for i := 0; i+1 < len(d.stroke); i += 2 {
		x, y := v.Screen(d.stroke[i], d.stroke[i+1])
		pts = append(pts, x, y)
	}
	c.Polyline(pts, th.Px(4), th.Accent)
	*scratch = pts
}

// drawHint writes a short instruction on an accent label at the plot's
// bottom-right corner.
func drawHint(c ui.Canvas, plot ui.Rect, th *ui.Theme, hint string) {
	st := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.OnAccent, Align: ui.Right, Bold: true}
	w := c.TextWidth(hint, st.Size, true)
	box := ui.Rect{X: plot.Right() - w - th.Px(24), Y: plot.Bottom() - th.Px(40), W: w + th.Px(16), H: th.Px(30)}
	c.RoundRect(box, th.Px(6), th.Accent)
	c.Text(hint, box.Right()-th.Px(8), box.Y+(box.H-st.Size*1.2)/2, st)
}

// drawnCurveError turns a rejected drawing into a sentence for a notice.
func drawnCurveError(err error) string {
	return "That curve cannot be learnt: " + strings.TrimPrefix(err.Error(), "manifold: ") + "."
}

// insetWidth is the width of the small plots in a column at the plot's
// right, below the readouts (logical pixels).
const insetWidth = 300

// insetColumn splits plot for scenes with small plots beside the data: it
// returns the data's part and fills insets with a column of len(insets)
// small plots at the right, below a readouts box of readoutRows rows, each
// at most maxH and left empty (zero) when shorter than minH. Narrow plots
// keep the whole width for the data.
func insetColumn(plot ui.Rect, th *ui.Theme, readoutRows int, maxH, minH float64, insets []ui.Rect) ui.Rect {
	for i := range insets {
		insets[i] = ui.Rect{}
	}
	w := th.Px(insetWidth)
	if plot.W-w < th.Px(360) {
		return plot
	}
	n := float64(len(insets))
	top := plot.Y + th.Px(12+14+32*float64(readoutRows)+14)
	gap := th.Px(12)
	h := math.Min(th.Px(maxH), (plot.Bottom()-top-gap*n)/n)
	if h >= th.Px(minH) {
		x := plot.Right() - w - gap
		for i := range insets {
			insets[i] = ui.Rect{X: x, Y: top + float64(i)*(h+gap), W: w, H: h}
		}
	}
	return ui.Rect{X: plot.X, Y: plot.Y, W: plot.W - w - th.Px(24), H: plot.H}
}

// drawArrows draws the vectors vec[2k:2k+2] from the points g.X[2k:2k+2]
// of view v, at their true length up to 0.95 of a grid cell, in the colour
// colorOf gives for their length; vectors shorter than 1e-4 are left out.
func drawArrows(c ui.Canvas, v *View2D, g *data.Set, vec []float64, cell, width, head float64, colorOf func(l float64) ui.Color) {
	for k := 0; k < g.N; k++ {
		fx, fy := vec[2*k], vec[2*k+1]
		l := math.Hypot(fx, fy)
		if l < 1e-4 {
			continue
		}
		scale := math.Min(1, 0.95*cell/l)
		x0, y0 := v.Screen(g.X[2*k], g.X[2*k+1])
		x1, y1 := v.Screen(g.X[2*k]+scale*fx, g.X[2*k+1]+scale*fy)
		arrow(c, x0, y0, x1, y1, width, head, colorOf(l))
	}
}
