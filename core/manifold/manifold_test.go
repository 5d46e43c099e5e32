package manifold

import (
	"math"
	"testing"

	"aelab/core/data"
	"aelab/core/rng"
)

func TestCircleGeometry(t *testing.T) {
	c := Circle(1)
	if math.Abs(c.Length-2*math.Pi) > 1e-4 {
		t.Errorf("circle length %g, want 2π", c.Length)
	}
	for _, p := range [][2]float64{{2, 0}, {0, -0.3}, {-0.7, 0.7}, {3, 4}} {
		px, py, tx, ty, d := c.Nearest(p[0], p[1])
		r := math.Hypot(p[0], p[1])
		if math.Abs(d-math.Abs(r-1)) > 1e-4 {
			t.Errorf("distance from %v = %g, want %g", p, d, math.Abs(r-1))
		}
		// along the curve, the nearest point of the 720-gon is within half
		// a side (π/720 ≈ 0.0044) of the circle's
		if math.Hypot(px-p[0]/r, py-p[1]/r) > math.Pi/720 {
			t.Errorf("nearest to %v = (%g, %g), want (%g, %g)", p, px, py, p[0]/r, p[1]/r)
		}
		if dot := tx*p[0]/r + ty*p[1]/r; math.Abs(dot) > 1e-2 {
			t.Errorf("tangent at the nearest point to %v is not perpendicular to the radius: cos %g", p, dot)
		}
	}
}

func TestSampleOnCurve(t *testing.T) {
	x := data.NewSet(500, 2)
	for _, name := range Names[:4] {
		c, err := Named(name)
		if err != nil {
			t.Fatal(err)
		}
		c.Sample(x, rng.New(1, 0), 0)
		for n := 0; n < x.N; n++ {
			if _, _, _, _, d := c.Nearest(x.At(n)[0], x.At(n)[1]); d > 1e-9 {
				t.Fatalf("%s: sample %d is %g off the curve", name, n, d)
			}
		}
	}
}

func TestDrawnCurve(t *testing.T) {
	// an L drawn with uneven spacing and a repeated point
	pts := []float64{0, 0, 0.05, 0, 0.05, 0, 0.6, 0, 1, 0, 1, 0.2, 1, 1}
	c, err := Drawn(pts)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(c.Length-2) > 1e-6 {
		t.Errorf("drawn L has length %g, want 2", c.Length)
	}
	// samples lie on the polyline that was drawn
	raw := New("raw", append([]float64(nil), pts...))
	x := data.NewSet(300, 2)
	c.Sample(x, rng.New(2, 0), 0)
	for n := 0; n < x.N; n++ {
		if _, _, _, _, d := raw.Nearest(x.At(n)[0], x.At(n)[1]); d > 1e-9 {
			t.Fatalf("sample %v is %g off the drawn polyline", x.At(n), d)
		}
	}
	if _, err := Drawn([]float64{0, 0, 0.1, 0.1}); err == nil {
		t.Error("a dash of length 0.14 was accepted as a manifold")
	}
}

func TestTwoArcsAreTwoPieces(t *testing.T) {
	c := TwoArcs()
	if len(c.Parts) != 2 {
		t.Fatalf("%d parts", len(c.Parts))
	}
	// arc length runs across both: the midpoint of the length is where the
	// first arc ends
	x, y, _, _ := c.At(c.Length / 2)
	if math.Hypot(x-(-1.35), y-(-0.2)) > 1e-6 {
		t.Errorf("At(L/2) = (%g, %g), want the end of the upper arc (−1.35, −0.2)", x, y)
	}
}

// The built-in curves lie well inside the data window, with room around
// them for the field off the manifold.
func TestCurvesInsideWindow(t *testing.T) {
	const margin = 0.25
	for _, name := range Names {
		if name == "drawn" {
			continue
		}
		c, err := Named(name)
		if err != nil {
			t.Fatal(err)
		}
		far := 0.0
		for _, part := range c.Parts {
			for _, v := range part {
				far = math.Max(far, math.Abs(v))
			}
		}
		if far > Window-margin {
			t.Errorf("%s reaches %.3f; the window's half-width is %g, want a margin of %g", name, far, Window, margin)
		}
	}
}
