package data

import (
	"math"
	"testing"

	"aelab/core/rng"
)

func TestAnisotropic2DStatistics(t *testing.T) {
	const n = 20000
	x := NewSet(n, 2)
	Anisotropic2D(x, NewBase(rng.New(1, 0), n, 2), 4, 60, 0.2)
	// Variance along the major axis (60°) is 1 + 0.2², along the minor
	// 1/16 + 0.2²; sampling error ≈ √(2/n) ≈ 1% of each.
	s, c := math.Sincos(math.Pi / 3)
	var major, minor, mean0, mean1 float64
	for i := 0; i < n; i++ {
		p := x.At(i)
		u, v := c*p[0]+s*p[1], -s*p[0]+c*p[1]
		major += u * u
		minor += v * v
		mean0 += p[0]
		mean1 += p[1]
	}
	major, minor = major/n, minor/n
	if math.Abs(major-1.04) > 0.04 || math.Abs(minor-(1.0/16+0.04)) > 0.004 {
		t.Errorf("variances along the axes = %.4f, %.4f, want 1.04, %.4f", major, minor, 1.0/16+0.04)
	}
	if math.Abs(mean0/n) > 0.03 || math.Abs(mean1/n) > 0.03 {
		t.Errorf("mean = (%.3f, %.3f), want ≈ 0", mean0/n, mean1/n)
	}
}

func TestNearPlane3DLiesOnPlane(t *testing.T) {
	const n = 500
	x := NewSet(n, 3)
	b := NewBase(rng.New(2, 0), n, 3)
	NearPlane3D(x, b, 3, 45, 0)
	// With no noise every point is on the plane through 0 whose normal is
	// (0, −sin 30°, cos 30°).
	nrm := [3]float64{0, -math.Sin(planeTilt), math.Cos(planeTilt)}
	for i := 0; i < n; i++ {
		p := x.At(i)
		if d := p[0]*nrm[0] + p[1]*nrm[1] + p[2]*nrm[2]; math.Abs(d) > 1e-12 {
			t.Fatalf("point %d is %g off the plane", i, d)
		}
	}
	// Noise moves them off by about its standard deviation.
	NearPlane3D(x, b, 3, 45, 0.1)
	ss := 0.0
	for i := 0; i < n; i++ {
		p := x.At(i)
		d := p[0]*nrm[0] + p[1]*nrm[1] + p[2]*nrm[2]
		ss += d * d
	}
	if sd := math.Sqrt(ss / n); math.Abs(sd-0.1) > 0.01 {
		t.Errorf("off-plane standard deviation %.4f, want 0.1", sd)
	}
}
