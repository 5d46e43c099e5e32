package ui

import "math"

// Color is a straight-alpha RGBA colour with components in [0, 1].
type Color struct{ R, G, B, A float32 }

// RGB returns an opaque colour from 0xRRGGBB.
func RGB(hex uint32) Color {
	return Color{float32(hex>>16&0xff) / 255, float32(hex>>8&0xff) / 255, float32(hex&0xff) / 255, 1}
}

// Alpha returns c with alpha a.
func (c Color) Alpha(a float32) Color { c.A = a; return c }

// Mix returns (1−t)·c + t·d.
func (c Color) Mix(d Color, t float32) Color {
	return Color{c.R + t*(d.R-c.R), c.G + t*(d.G-c.G), c.B + t*(d.B-c.B), c.A + t*(d.A-c.A)}
}

// Align is the horizontal anchor of a text.
type Align uint8

const (
	Left Align = iota
	Center
	Right
)

// TextStyle says how a text is drawn. Size is the font's em size in device
// pixels; the point (x, y) given to Canvas.Text is the top of the line box.
type TextStyle struct {
	Size  float64
	Color Color
	Bold  bool
	Align Align
}

// Canvas is what widgets and scenes draw on, in device pixels. Shapes are
// batched by the implementation; everything is drawn in call order except
// that texts come after the shapes of the same flush (Flush ends a layer).
type Canvas interface {
	FillRect(r Rect, c Color)
	StrokeRect(r Rect, width float64, c Color)
	RoundRect(r Rect, radius float64, c Color)
	Line(x0, y0, x1, y1, width float64, c Color)
	// Polyline strokes the path through pts = x0, y0, x1, y1, …
	Polyline(pts []float64, width float64, c Color)
	// Polygon fills the convex polygon pts = x0, y0, x1, y1, …
	Polygon(pts []float64, c Color)
	Triangle(x0, y0, x1, y1, x2, y2 float64, c Color)
	Circle(x, y, r float64, c Color)
	// Cross draws a × of half-size half (each arm from the centre to a
	// corner of the square of side 2·half) and stroke width w.
	Cross(x, y, half, w float64, c Color)
	Ring(x, y, r, width float64, c Color)
	Text(s string, x, y float64, st TextStyle)
	// TextBytes draws b as Text does a string, without converting it
	// (numbers formatted into a reused buffer each frame).
	TextBytes(b []byte, x, y float64, st TextStyle)
	TextWidth(s string, size float64, bold bool) float64
	// Clip limits drawing to r until Unclip (one level).
	Clip(r Rect)
	Unclip()
	// Flush draws what is pending.
	Flush()
	// Cached draws what draw draws into r, but keeps the picture under key
	// and only redraws it when key or r's size changes: for parts of the
	// screen that rarely change (the explanation's text). draw must draw
	// inside r and depend on nothing but key.
	Cached(key any, r Rect, draw func(Canvas))
}

// RGBA implements image/color.Color (premultiplied, 16 bits).
func (c Color) RGBA() (r, g, b, a uint32) {
	f := func(v float32) uint32 { return uint32(math.Round(float64(v*c.A) * 0xffff)) }
	return f(c.R), f(c.G), f(c.B), uint32(math.Round(float64(c.A) * 0xffff))
}
