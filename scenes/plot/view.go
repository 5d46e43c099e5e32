// Package plot is the drawing kit every scene shares: views that map data
// to the screen in 2-D and 3-D, curves, training crosses, arrow fields and
// their colour scale, the legend's rows and swatches, small inset plots,
// image tiles, a drawn-curve input and a ring buffer for trails. It draws
// through ui.Canvas only, so it is tested without a display.
package plot

import (
	"math"

	"aelab/scenes/ui"
)

// View2D maps data coordinates to a square viewport centred in a plot: a
// unit is the same length along both axes, so angles on screen are the true
// angles between subspaces.
type View2D struct {
	Half   float64 // half the width of the data window
	cx, cy float64 // screen centre
	scale  float64 // device pixels per data unit
	r      ui.Rect // the square viewport
}

// Fit places the data window [−Half, Half]² in the largest square of plot.
func (v *View2D) Fit(plot ui.Rect) {
	side := math.Min(plot.W, plot.H)
	v.r = ui.Rect{X: plot.X + (plot.W-side)/2, Y: plot.Y + (plot.H-side)/2, W: side, H: side}
	v.cx, v.cy = plot.X+plot.W/2, plot.Y+plot.H/2
	v.scale = math.Max(side, 1) / (2 * v.Half) // at least a pixel: never 0
}

// Screen returns the device position of data point (x, y).
func (v *View2D) Screen(x, y float64) (float64, float64) {
	return v.cx + x*v.scale, v.cy - y*v.scale
}

// Data returns the data position of a device point.
func (v *View2D) Data(sx, sy float64) (float64, float64) {
	return (sx - v.cx) / v.scale, (v.cy - sy) / v.scale
}

// Scale returns device pixels per data unit.
func (v *View2D) Scale() float64 { return v.scale }

// Viewport returns the square the data window fills.
func (v *View2D) Viewport() ui.Rect { return v.r }

// Grid draws unit grid lines and the two axes.
func (v *View2D) Grid(c ui.Canvas, plot ui.Rect, th *ui.Theme) {
	if !(v.scale > 0) {
		return // an empty plot (a window too small to show one)
	}
	n := math.Ceil(math.Max(plot.W, plot.H) / v.scale / 2)
	for k := -n; k <= n; k++ {
		col, w := th.Grid, th.Px(1)
		if k == 0 {
			col, w = th.Axis, th.Px(1.5)
		}
		x, _ := v.Screen(k, 0)
		_, y := v.Screen(0, k)
		c.Line(x, plot.Y, x, plot.Bottom(), w, col)
		c.Line(plot.X, y, plot.Right(), y, w, col)
	}
}

// Line draws the straight line through data point (px, py) with direction
// (dx, dy) across the whole plot.
func (v *View2D) Line(c ui.Canvas, px, py, dx, dy, width float64, col ui.Color) {
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	t := 3 * v.Half / l
	x0, y0 := v.Screen(px-t*dx, py-t*dy)
	x1, y1 := v.Screen(px+t*dx, py+t*dy)
	c.Line(x0, y0, x1, y1, width, col)
}

// View3D is an orthographic view of 3-D data that the pointer rotates:
// dragging left and right turns it about the vertical axis (yaw), up and
// down tilts it (pitch).
type View3D struct {
	Yaw, Pitch float64 // radians
	Half       float64 // half the width of the data window
	cx, cy     float64
	scale      float64
	dragging   bool
	lx, ly     float64
}

// Fit centres the view in plot.
func (v *View3D) Fit(plot ui.Rect) {
	v.cx, v.cy = plot.X+plot.W/2, plot.Y+plot.H/2
	v.scale = math.Max(math.Min(plot.W, plot.H), 1) / (2 * v.Half)
}

// Project returns the device position of data point p and its depth
// (larger is nearer the viewer). z is up.
func (v *View3D) Project(x, y, z float64) (sx, sy, depth float64) {
	sy0, cy0 := math.Sincos(v.Yaw)
	sp, cp := math.Sincos(v.Pitch)
	// turn about z, then tilt about the screen's horizontal axis
	xr := cy0*x - sy0*y
	yr := sy0*x + cy0*y
	up := cp*z - sp*yr
	depth = sp*z + cp*yr
	return v.cx + xr*v.scale, v.cy - up*v.scale, -depth
}

// Drag rotates the view while the pointer is dragged; it reports whether it
// is dragging.
func (v *View3D) Drag(p *ui.Pointer) bool {
	if p.Pressed {
		v.dragging, v.lx, v.ly = true, p.X, p.Y
	}
	if !v.dragging {
		return false
	}
	if p.Down {
		k := 1.0 / (v.scale * 2) // about a radian per two data units dragged
		v.Yaw -= (p.X - v.lx) * k
		v.Pitch = math.Max(-math.Pi/2, math.Min(math.Pi/2, v.Pitch+(p.Y-v.ly)*k))
		v.lx, v.ly = p.X, p.Y
	}
	if p.Released || !p.Down {
		v.dragging = false
	}
	return v.dragging
}
