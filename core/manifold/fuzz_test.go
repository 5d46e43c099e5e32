package manifold

import (
	"encoding/binary"
	"math"
	"testing"
)

// drawnPoints decodes a fuzz input as a drawn polyline: after a mode byte,
// either raw float64s (NaN, ±Inf, subnormals, 1e308: what no pointer
// gives, and Drawn must refuse or survive) or a walk of small signed
// steps, as a hand draws.
func drawnPoints(b []byte) []float64 {
	if len(b) == 0 {
		return nil
	}
	mode, b := b[0], b[1:]
	var pts []float64
	switch mode % 2 {
	case 0:
		for ; len(b) >= 8; b = b[8:] {
			pts = append(pts, math.Float64frombits(binary.LittleEndian.Uint64(b)))
		}
	default:
		x, y := 0.0, 0.0
		for ; len(b) >= 2; b = b[2:] {
			x += float64(int8(b[0])) / 64
			y += float64(int8(b[1])) / 64
			pts = append(pts, x, y)
		}
	}
	return pts
}

// FuzzDrawn feeds arbitrary polylines to Drawn: it returns a curve whose
// every number is finite and that is at least the minimum length, or an
// error (resampled, it may come out a little shorter); never a panic, and never a curve through NaN or infinity.
func FuzzDrawn(f *testing.F) {
	f64 := func(v ...float64) []byte {
		b := []byte{0}
		for _, x := range v {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
		}
		return b
	}
	f.Add(f64(0, 0, 1, 1))
	f.Add(f64(0, 0, 0, 0, 0, 0))          // a dot: all points alike
	f.Add(f64(0, 0, math.NaN(), 1, 2, 2)) // NaN
	f.Add(f64(0, 0, math.Inf(1), 0))      // infinity
	f.Add(f64(-1e308, 0, 1e308, 0))       // overflowing length
	f.Add(f64(0, 0, 1e6, 0))              // long: the vertex cap
	f.Add(f64(5e-324, 0, 1, 5e-324, 1))   // subnormals, an odd count
	f.Add([]byte{1, 10, 0, 10, 0, 10, 0, 10, 0, 10, 0, 10, 0})
	f.Add([]byte{1, 64, 0, 192, 0, 64, 0, 192, 0, 64, 0, 192, 0}) // back and forth
	f.Fuzz(func(t *testing.T, b []byte) {
		pts := drawnPoints(b)
		finite := true
		for _, v := range pts[:len(pts)&^1] {
			finite = finite && !math.IsNaN(v) && !math.IsInf(v, 0)
		}
		c, err := Drawn(pts)
		if err != nil {
			return
		}
		if !finite {
			t.Fatalf("Drawn accepted a polyline with a non-finite point: %v", pts)
		}
		// resampling cuts corners: the curve may come out a little shorter
		// than the minimum drawn, never empty
		if !(c.Length > minDrawnLength/2) || math.IsInf(c.Length, 0) {
			t.Fatalf("drawn curve of length %v", c.Length)
		}
		n := 0
		for _, part := range c.Parts {
			n += len(part) / 2
			for _, v := range part {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("drawn curve has a vertex %v", v)
				}
			}
		}
		if n > maxDrawnVertices+1 && n > len(pts)/2 {
			t.Fatalf("drawn curve has %d vertices for %d points", n, len(pts)/2)
		}
		for _, s := range []float64{0, c.Length / 3, c.Length} {
			x, y, tx, ty := c.At(s)
			if bad(x, y, tx, ty) {
				t.Fatalf("At(%v) = %v %v %v %v", s, x, y, tx, ty)
			}
		}
		if px, py, tx, ty, d := c.Nearest(0.3, -0.2); bad(px, py, tx, ty, d) {
			t.Fatalf("Nearest = %v %v %v %v %v", px, py, tx, ty, d)
		}
	})
}

func bad(v ...float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return true
		}
	}
	return false
}
