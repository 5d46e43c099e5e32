package pca

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
	"aelab/core/rng"
)

func TestFitFindsMajorAxis(t *testing.T) {
	const n = 4000
	x := data.NewSet(n, 2)
	data.Anisotropic2D(x, data.NewBase(rng.New(1, rng.StreamData), n, 2), 4, 30, 0)
	p := Fit(x)
	// The major axis is at 30°, with variance ≈ 1; the minor ≈ 1/16. With
	// n = 4000 the sampling error of the direction is about 1/√n ≈ 1°.
	want := dense(2, 1, []float64{math.Cos(math.Pi / 6), math.Sin(math.Pi / 6)})
	if a := LargestAngle(p.Subspace(1), want); a > 1.5 {
		t.Errorf("first principal direction is %.2f° from the major axis, want < 1.5°", a)
	}
	if math.Abs(p.Vars[0]-1) > 0.1 || math.Abs(p.Vars[1]-1.0/16) > 0.01 {
		t.Errorf("variances %v, want ≈ [1 0.0625]", p.Vars)
	}
	if e := p.ReconstructionError(1); math.Abs(e-p.Vars[1]) > 1e-15 {
		t.Errorf("ReconstructionError(1) = %g, want the discarded variance %g", e, p.Vars[1])
	}
}

func TestReconstructionErrorIsProjectionError(t *testing.T) {
	x := data.NewSet(300, 3)
	data.NearPlane3D(x, data.NewBase(rng.New(2, 0), 300, 3), 2, 40, 0.2)
	p := Fit(x)
	v := p.Subspace(2)
	e := 0.0
	for n := 0; n < x.N; n++ {
		c := make([]float64, 3)
		for d := range c {
			c[d] = x.At(n)[d] - p.Mean[d]
		}
		// residual c − V Vᵀ c
		r := append([]float64(nil), c...)
		for j := 0; j < 2; j++ {
			coef := 0.0
			for d := 0; d < 3; d++ {
				coef += v.Data[d*v.Stride+j] * c[d]
			}
			for d := 0; d < 3; d++ {
				r[d] -= coef * v.Data[d*v.Stride+j]
			}
		}
		for d := 0; d < 3; d++ {
			e += r[d] * r[d]
		}
	}
	e /= float64(x.N)
	if got := p.ReconstructionError(2); math.Abs(got-e) > 1e-12 {
		t.Errorf("ReconstructionError(2) = %g, projecting the points gives %g", got, e)
	}
}

func TestPrincipalAngles(t *testing.T) {
	rad := math.Pi / 180
	for _, tc := range []struct {
		name string
		a, b blas64.General
		want []float64 // degrees, ascending
	}{
		{"same line", dense(2, 1, []float64{1, 1}), dense(2, 1, []float64{-3, -3}), []float64{0}},
		{"lines at 30°", dense(2, 1, []float64{1, 0}), dense(2, 1, []float64{math.Cos(30 * rad), math.Sin(30 * rad)}), []float64{30}},
		{"orthogonal", dense(2, 1, []float64{1, 0}), dense(2, 1, []float64{0, 2}), []float64{90}},
		{"tiny angle", dense(2, 1, []float64{1, 0}), dense(2, 1, []float64{1, 1e-9}), []float64{1e-9 / rad}},
		{"planes sharing x, tilted 20°", dense(3, 2, []float64{1, 0, 0, 1, 0, 0}),
			dense(3, 2, []float64{2, 0, 0, math.Cos(20 * rad), 0, math.Sin(20 * rad)}), []float64{0, 20}},
		{"line in plane", dense(3, 1, []float64{1, 1, 0}), dense(3, 2, []float64{1, 0, 0, 1, 0, 0}), []float64{0}},
		{"line at 45° to plane", dense(3, 2, []float64{1, 0, 0, 1, 0, 0}), dense(3, 1, []float64{1, 0, 1}), []float64{45}},
	} {
		got := PrincipalAngles(tc.a, tc.b)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d angles, want %d", tc.name, len(got), len(tc.want))
			continue
		}
		for i := range got {
			g := got[i] / rad
			if math.Abs(g-tc.want[i]) > 1e-9*math.Max(1, tc.want[i]) {
				t.Errorf("%s: angle %d = %.12g°, want %.12g°", tc.name, i, g, tc.want[i])
			}
		}
	}
	if a := LargestAngle(dense(2, 1, []float64{0, 0}), dense(2, 1, []float64{1, 0})); a != 90 {
		t.Errorf("angle to a zero vector = %g°, want 90° (it spans nothing)", a)
	}
}

// dense returns an r×c matrix with the given row-major data.
func dense(r, c int, data []float64) blas64.General {
	return blas64.General{Rows: r, Cols: c, Stride: c, Data: data}
}

// TestAnglesWorkspace: the workspace gives PrincipalAngles' numbers and,
// once grown, allocates nothing (the pca scene measures every frame).
func TestAnglesWorkspace(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	a, b := NewMatrix(3, 2), NewMatrix(3, 2)
	for i := range a.Data {
		a.Data[i], b.Data[i] = r.NormFloat64(), r.NormFloat64()
	}
	var w Angles
	want := PrincipalAngles(a, b)
	got := w.Principal(nil, a, b)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("angle %d: workspace %v, PrincipalAngles %v", i, got[i], want[i])
		}
	}
	if d := w.Largest(a, b) - want[len(want)-1]*180/math.Pi; math.Abs(d) > 1e-12 {
		t.Errorf("Largest differs by %g°", d)
	}
	if n := testing.AllocsPerRun(20, func() { w.Largest(a, b) }); n != 0 {
		t.Errorf("Largest allocates %v times once grown", n)
	}
}

// TestFitThinMatchesFit: on few points in many dimensions the thin PCA has
// Fit's variances and, up to sign, its directions.
func TestFitThinMatchesFit(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	x := data.NewSet(7, 20)
	for i := range x.X {
		x.X[i] = r.NormFloat64()
	}
	full, thin := Fit(x), FitThin(x)
	if thin.Vectors.Cols != 7 || len(thin.Vars) != 7 {
		t.Fatalf("thin PCA has %d directions and %d variances, want 7", thin.Vectors.Cols, len(thin.Vars))
	}
	for k := 0; k < 7; k++ {
		if d := math.Abs(full.Vars[k] - thin.Vars[k]); d > 1e-10 {
			t.Errorf("variance %d: thin %v, full %v", k, thin.Vars[k], full.Vars[k])
		}
		if e := full.ReconstructionError(k) - thin.ReconstructionError(k); math.Abs(e) > 1e-10 {
			t.Errorf("error with %d components: thin − full = %v", k, e)
		}
		if k == 6 {
			continue // the 7th variance of 7 centred points is 0: no direction
		}
		dot := 0.0
		for i := 0; i < 20; i++ {
			dot += full.Vectors.Data[i*full.Vectors.Stride+k] * thin.Vectors.Data[i*thin.Vectors.Stride+k]
		}
		if math.Abs(math.Abs(dot)-1) > 1e-8 {
			t.Errorf("direction %d: |cos| %v between thin and full, want 1", k, math.Abs(dot))
		}
	}
}
