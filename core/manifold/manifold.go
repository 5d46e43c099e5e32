// Package manifold is the lab's 1-D manifolds in the plane, the black curves
// of the lecture's slide "Denoising autoencoder: what it learns": a circle, a
// sine wave, a spiral, two arcs, or a curve drawn by hand. A Curve samples
// training points along itself, finds the nearest point and the tangent
// anywhere in the plane (for the metrics of the denoising and contractive
// scenes), and is drawn as its polylines.
package manifold

import (
	"fmt"
	"math"
	"math/rand/v2"

	"aelab/core/data"
)

// Curve is a 1-D manifold: one or more polylines dense enough that their
// straight pieces are invisible and their nearest points exact to a small
// fraction of the noise levels used.
type Curve struct {
	Name  string
	Parts [][]float64 // each x0, y0, x1, y1, … in data coordinates
	// cum[p][i] is the arc length from the start of all parts to vertex i
	// of part p.
	cum    [][]float64
	Length float64
}

// New returns the curve through the given polylines. Repeated points are
// dropped, so that every piece has a direction.
func New(name string, parts ...[]float64) *Curve {
	for p, pts := range parts {
		kept := pts[:2:2]
		for i := 2; i+1 < len(pts); i += 2 {
			if pts[i] != kept[len(kept)-2] || pts[i+1] != kept[len(kept)-1] {
				kept = append(kept, pts[i], pts[i+1])
			}
		}
		parts[p] = kept
	}
	c := &Curve{Name: name, Parts: parts, cum: make([][]float64, len(parts))}
	// arc length runs on across parts; pieces are not joined
	s := 0.0
	for p, pts := range parts {
		if len(pts) < 4 {
			panic("manifold: a part needs two points")
		}
		c.cum[p] = make([]float64, len(pts)/2)
		c.cum[p][0] = s
		for i := 1; i < len(pts)/2; i++ {
			s += math.Hypot(pts[2*i]-pts[2*i-2], pts[2*i+1]-pts[2*i-1])
			c.cum[p][i] = s
		}
	}
	c.Length = s
	return c
}

// vertices on the analytic curves: fine enough that the chord error is
// below 1e-4 at their curvature.
const vertices = 720

func param(n int, f func(t float64) (float64, float64), t0, t1 float64) []float64 {
	pts := make([]float64, 0, 2*(n+1))
	for i := 0; i <= n; i++ {
		x, y := f(t0 + (t1-t0)*float64(i)/float64(n))
		pts = append(pts, x, y)
	}
	return pts
}

// Circle is the circle of radius r around the origin.
func Circle(r float64) *Curve {
	return New("circle", param(vertices, func(t float64) (float64, float64) {
		s, c := math.Sincos(t)
		return r * c, r * s
	}, 0, 2*math.Pi))
}

// Sine is y = 0.6·sin(1.25πx) for x ∈ [−1.6, 1.6]: two periods.
func Sine() *Curve {
	return New("sine", param(vertices, func(t float64) (float64, float64) {
		return t, 0.6 * math.Sin(1.25*math.Pi*t)
	}, -1.6, 1.6))
}

// Spiral is the Archimedean spiral r = 0.15 + 0.12θ for θ ∈ [0, 4π]: its arms
// are 0.75 apart.
func Spiral() *Curve {
	return New("spiral", param(vertices, func(t float64) (float64, float64) {
		s, c := math.Sincos(t)
		r := 0.15 + 0.12*t
		return r * c, r * s
	}, 0, 4*math.Pi))
}

// TwoArcs is two half circles of radius 0.9, interleaved like two moons: a
// manifold in two pieces.
func TwoArcs() *Curve {
	upper := param(vertices/2, func(t float64) (float64, float64) {
		s, c := math.Sincos(t)
		return -0.45 + 0.9*c, -0.2 + 0.9*s
	}, 0, math.Pi)
	lower := param(vertices/2, func(t float64) (float64, float64) {
		s, c := math.Sincos(t)
		return 0.45 + 0.9*c, 0.2 - 0.9*s
	}, 0, math.Pi)
	return New("two arcs", upper, lower)
}

// Window is the half-width of the square [−Window, Window]² the built-in
// curves live in, with room around them for the reconstruction field off
// the manifold: the data window of the denoising and contractive scenes.
const Window = 2.0

// Names of the built-in curves, in menu order; "drawn" is the user's.
var Names = []string{"circle", "sine", "spiral", "arcs", "drawn"}

// Named returns the built-in curve with that name (not "drawn").
func Named(name string) (*Curve, error) {
	switch name {
	case "circle":
		return Circle(1), nil
	case "sine":
		return Sine(), nil
	case "spiral":
		return Spiral(), nil
	case "arcs":
		return TwoArcs(), nil
	}
	return nil, fmt.Errorf("manifold: no curve %q", name)
}

// minDrawnLength is the shortest drawn curve accepted, in data units: a
// dot or a dash is no manifold.
const minDrawnLength = 0.5

// drawnSpacing is the distance between the vertices of a drawn curve after
// resampling (the pointer's samples are uneven).
const drawnSpacing = 0.01

// maxDrawnCoord bounds a drawn point's coordinates: the plots show a few
// units around the origin, and beyond this squared distances overflow.
const maxDrawnCoord = 1e6

// maxDrawnVertices bounds the resampled curve (a long scribble is spaced
// more widely instead), so that no input costs unbounded memory or time.
const maxDrawnVertices = 20000

// Drawn returns the curve through a hand-drawn polyline (x0, y0, x1, y1, …),
// resampled to even spacing, or an error if it is too short to be a
// manifold or has a point that is not finite or lies far off the plane.
func Drawn(pts []float64) (*Curve, error) {
	if len(pts) < 4 {
		return nil, fmt.Errorf("manifold: a drawn curve needs at least two points")
	}
	pts = pts[:len(pts)&^1]
	length := 0.0
	for i, v := range pts {
		if math.IsNaN(v) || math.Abs(v) > maxDrawnCoord {
			return nil, fmt.Errorf("manifold: a drawn point is %v, not a number within ±%g", v, float64(maxDrawnCoord))
		}
		if i >= 3 && i%2 == 1 {
			length += math.Hypot(pts[i-1]-pts[i-3], v-pts[i-2])
		}
	}
	if length < minDrawnLength { // a dot (all points alike) included
		return nil, fmt.Errorf("manifold: the drawn curve is %.2f long; draw at least %.1f", length, minDrawnLength)
	}
	raw := New("drawn", pts)
	n := min(int(math.Ceil(raw.Length/drawnSpacing)), maxDrawnVertices)
	even := make([]float64, 0, 2*(n+1))
	for i := 0; i <= n; i++ {
		x, y, _, _ := raw.At(raw.Length * float64(i) / float64(n))
		even = append(even, x, y)
	}
	for i := 2; i < len(even); i += 2 {
		if even[i] != even[0] || even[i+1] != even[1] {
			return New("drawn", even), nil
		}
	}
	// every sample fell on one point (a scribble back and forth whose
	// period is the spacing): the unresampled curve is still a curve
	return raw, nil
}

// At returns the point at arc length s from the start and the unit tangent
// there.
func (c *Curve) At(s float64) (x, y, tx, ty float64) {
	s = math.Max(0, math.Min(s, c.Length))
	for p, pts := range c.Parts {
		cum := c.cum[p]
		if s > cum[len(cum)-1] && p+1 < len(c.Parts) {
			continue
		}
		// binary search for the segment holding s
		lo, hi := 0, len(cum)-1
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if cum[mid] <= s {
				lo = mid
			} else {
				hi = mid
			}
		}
		x0, y0, x1, y1 := pts[2*lo], pts[2*lo+1], pts[2*hi], pts[2*hi+1]
		l := cum[hi] - cum[lo]
		f := 0.0
		if l > 0 {
			f = (s - cum[lo]) / l
		}
		dx, dy := x1-x0, y1-y0
		n := math.Hypot(dx, dy)
		return x0 + f*dx, y0 + f*dy, dx / n, dy / n
	}
	panic("manifold: empty curve")
}

// Sample fills dst (N×2) with points uniform in arc length along the curve,
// each moved off it by isotropic Gaussian jitter of standard deviation
// jitter.
func (c *Curve) Sample(dst *data.Set, r *rand.Rand, jitter float64) {
	if dst.D != 2 {
		panic("manifold: Sample needs a 2-D set")
	}
	for n := 0; n < dst.N; n++ {
		x, y, _, _ := c.At(r.Float64() * c.Length)
		dst.X[2*n] = x + jitter*r.NormFloat64()
		dst.X[2*n+1] = y + jitter*r.NormFloat64()
	}
}

// Nearest returns the point of the curve nearest to (x, y), the unit tangent
// there and the distance.
func (c *Curve) Nearest(x, y float64) (px, py, tx, ty, dist float64) {
	best := math.Inf(1)
	for _, pts := range c.Parts {
		for i := 0; i+3 < len(pts); i += 2 {
			x0, y0, x1, y1 := pts[i], pts[i+1], pts[i+2], pts[i+3]
			dx, dy := x1-x0, y1-y0
			l2 := dx*dx + dy*dy
			f := 0.0
			if l2 > 0 {
				f = math.Max(0, math.Min(1, ((x-x0)*dx+(y-y0)*dy)/l2))
			}
			qx, qy := x0+f*dx, y0+f*dy
			if d2 := (x-qx)*(x-qx) + (y-qy)*(y-qy); d2 < best {
				best = d2
				l := math.Sqrt(l2)
				px, py, tx, ty = qx, qy, dx/l, dy/l
			}
		}
	}
	return px, py, tx, ty, math.Sqrt(best)
}
