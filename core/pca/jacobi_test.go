package pca

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"
)

// TestJacobiMatchesLAPACK checks the one-sided Jacobi SVD against gonum's
// LAPACK Dgesvd (which the package used before; test-only here) on tall,
// wide, square and rank-deficient matrices: the same singular values to
// 1e-12 of the largest, and left singular vectors that are orthonormal and
// rebuild the matrix (UUᵀA = A on its column space).
func TestJacobiMatchesLAPACK(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	var j jacobi
	for _, tc := range []struct {
		m, n, rank int
	}{{500, 2, 2}, {2, 500, 2}, {3, 3, 3}, {40, 7, 7}, {7, 40, 7}, {20, 6, 3}, {6, 20, 2}, {784, 30, 30}, {1, 5, 1}, {5, 1, 1}} {
		a := NewMatrix(tc.m, tc.n)
		// rank-r product of Gaussian factors, columns scaled over 4 decades
		for k := 0; k < tc.rank; k++ {
			x, y := make([]float64, tc.m), make([]float64, tc.n)
			for i := range x {
				x[i] = r.NormFloat64()
			}
			for i := range y {
				y[i] = r.NormFloat64() * math.Pow(10, -4*float64(k)/float64(max(tc.rank, 2)))
			}
			for i := range x {
				for c := range y {
					a.Data[i*a.Stride+c] += x[i] * y[c]
				}
			}
		}
		k := min(tc.m, tc.n)
		s := make([]float64, k)
		u := NewMatrix(tc.m, k)
		orig := append([]float64(nil), a.Data...)
		j.svd(a, u, s)
		for i, v := range a.Data {
			if v != orig[i] {
				t.Fatalf("%d×%d: svd changed its argument", tc.m, tc.n)
			}
		}
		want := make([]float64, k)
		var impl gonum.Implementation
		cp := append([]float64(nil), orig...)
		work := []float64{0}
		impl.Dgesvd(lapack.SVDNone, lapack.SVDNone, tc.m, tc.n, cp, tc.n, want, nil, 1, nil, 1, work, -1)
		work = make([]float64, int(work[0]))
		if !impl.Dgesvd(lapack.SVDNone, lapack.SVDNone, tc.m, tc.n, cp, tc.n, want, nil, 1, nil, 1, work, len(work)) {
			t.Fatal("Dgesvd did not converge")
		}
		for i := range s {
			if math.Abs(s[i]-want[i]) > 1e-12*want[0] {
				t.Errorf("%d×%d rank %d: σ%d = %.17g, LAPACK %.17g", tc.m, tc.n, tc.rank, i, s[i], want[i])
			}
		}
		// UᵀU = I
		for p := 0; p < k; p++ {
			for q := 0; q < k; q++ {
				dot := 0.0
				for i := 0; i < tc.m; i++ {
					dot += u.Data[i*u.Stride+p] * u.Data[i*u.Stride+q]
				}
				if want := float64(boolInt(p == q)); math.Abs(dot-want) > 1e-10 {
					t.Errorf("%d×%d: (UᵀU)[%d,%d] = %g", tc.m, tc.n, p, q, dot)
				}
			}
		}
		// the first rank columns span A's columns: ‖A − UUᵀA‖ ≈ 0
		res := 0.0
		for c := 0; c < tc.n; c++ {
			col := make([]float64, tc.m)
			for i := range col {
				col[i] = orig[i*tc.n+c]
			}
			for p := 0; p < tc.rank; p++ {
				dot := 0.0
				for i := range col {
					dot += u.Data[i*u.Stride+p] * orig[i*tc.n+c]
				}
				for i := range col {
					col[i] -= dot * u.Data[i*u.Stride+p]
				}
			}
			for _, v := range col {
				res = math.Max(res, math.Abs(v))
			}
		}
		if res > 1e-10*want[0] {
			t.Errorf("%d×%d rank %d: A − UUᵀA has an entry of %g", tc.m, tc.n, tc.rank, res)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
