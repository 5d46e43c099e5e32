package plot

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

// Curve draws a manifold's polylines in a 2-D view; scratch is reused for
// the screen coordinates.
func Curve(c ui.Canvas, v *View2D, curve *manifold.Curve, width float64, col ui.Color, scratch *[]float64) {
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

// Crosses marks every point of a 2-D set with a small ×, as the lecture
// marks training points.
func Crosses(c ui.Canvas, v *View2D, x *data.Set, half, width float64, col ui.Color) {
	for n := 0; n < x.N; n++ {
		px, py := v.Screen(x.X[2*n], x.X[2*n+1])
		c.Cross(px, py, half, width, col)
	}
}

// Drawer turns a drag in the plot into a drawn manifold, for the scenes
// whose data lie on a curve ("draw" in their manifold menu).
type Drawer struct {
	Curve   *manifold.Curve // the last curve drawn, or a starting S
	stroke  []float64       // the curve being drawn, data coordinates
	drawing bool
}

// NewDrawer returns a drawer whose curve is a gentle S until one is drawn.
func NewDrawer() Drawer {
	var pts []float64
	for i := 0; i <= 60; i++ {
		t := float64(i) / 60
		pts = append(pts, -1.4+2.8*t, 0.8*math.Sin(2*math.Pi*t)*(1-0.3*t))
	}
	c, err := manifold.Drawn(pts)
	if err != nil {
		panic(err)
	}
	return Drawer{Curve: c}
}

// Follow follows a drag in view v and reports whether it holds the
// pointer. On release a new curve calls drawn with a sentence to show
// (the scene restarts training on it); a curve that cannot be learnt calls
// refused with the reason.
func (d *Drawer) Follow(p *ui.Pointer, v *View2D, drawn, refused func(why string)) bool {
	held, ok, err := d.Pointer(p, v)
	switch {
	case err != nil:
		refused("That curve cannot be learnt: " + strings.TrimPrefix(err.Error(), "manifold: ") + ".")
	case ok:
		drawn("Your curve is the training data now: training restarted.")
	}
	return held
}

// Pointer follows a drag in view v. It reports whether it holds the
// pointer, and on release whether a new curve was drawn, or why not.
func (d *Drawer) Pointer(p *ui.Pointer, v *View2D) (held, drawn bool, err error) {
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

// DrawStroke shows the curve being drawn.
func (d *Drawer) DrawStroke(c ui.Canvas, v *View2D, th *ui.Theme, scratch *[]float64) {
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

// Hint writes a short instruction on an accent label at the plot's
// bottom-right corner.
func Hint(c ui.Canvas, plot ui.Rect, th *ui.Theme, hint string) {
	st := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.OnAccent, Align: ui.Right, Bold: true}
	w := c.TextWidth(hint, st.Size, true)
	box := ui.Rect{X: plot.Right() - w - th.Px(24), Y: plot.Bottom() - th.Px(40), W: w + th.Px(16), H: th.Px(30)}
	c.RoundRect(box, th.Px(6), th.Accent)
	c.Text(hint, box.Right()-th.Px(8), box.Y+(box.H-st.Size*1.2)/2, st)
}
