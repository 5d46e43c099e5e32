package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"aelab/core/rng"
)

// kernelTol: the kernels add the same products as the reference loops in
// another order (two steps at a time, fused multiply-adds natively), so
// they agree to rounding, far below 1e-12 for sums of a few hundred terms of
// order one.
const kernelTol = 1e-12

func randSlice(r *rand.Rand, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = r.NormFloat64()
	}
	return v
}

func maxAbsDiff(a, b []float64) float64 {
	d := 0.0
	for i := range a {
		d = max(d, math.Abs(a[i]-b[i]))
	}
	return d
}

// gemmRef is the plain triple loop gemm must match.
func gemmRef(c []float64, ldc int, a []float64, lda int, b []float64, ldb int, m, n, k int) {
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			z := 0.0
			for p := 0; p < k; p++ {
				z += a[i*lda+p] * b[p*ldb+j]
			}
			c[i*ldc+j] += z
		}
	}
}

func TestGemmMatchesReference(t *testing.T) {
	r := rng.New(11, 0)
	// Shapes of the lab's layers and odd ones around the tiles' 4 and 8,
	// with leading dimensions larger than the block (views into wider
	// matrices, as a batch whose capacity exceeds its samples).
	shapes := []struct{ m, n, k, pad int }{
		{1, 1, 1, 0}, {3, 5, 7, 1}, {4, 8, 1, 0}, {4, 8, 2, 3}, {5, 9, 3, 2},
		{7, 15, 17, 0}, {8, 16, 33, 5}, {13, 23, 11, 1}, {2, 64, 16, 0},
		{16, 64, 2, 0}, {32, 64, 64, 0}, {33, 65, 63, 2}, {128, 64, 784, 0},
		{784, 64, 128, 3}, {128, 784, 64, 0}, {6, 12, 1, 7},
	}
	for range 30 { // and random ones, mostly odd
		shapes = append(shapes, struct{ m, n, k, pad int }{1 + r.IntN(40), 1 + r.IntN(70), 1 + r.IntN(50), r.IntN(4)})
	}
	for _, s := range shapes {
		lda, ldb, ldc := s.k+s.pad, s.n+s.pad, s.n+2*s.pad
		a := randSlice(r, s.m*lda)
		b := randSlice(r, s.k*ldb)
		c0 := randSlice(r, s.m*ldc)
		want := append([]float64(nil), c0...)
		gemmRef(want, ldc, a, lda, b, ldb, s.m, s.n, s.k)
		for _, k := range []struct {
			name string
			f    func(c []float64, ldc int, a []float64, lda int, b []float64, ldb int, m, n, k int)
		}{{"gemm", gemm}, {"gemmGo", gemmGo}, {"gemmRows", gemmRows}} {
			got := append([]float64(nil), c0...)
			k.f(got, ldc, a, lda, b, ldb, s.m, s.n, s.k)
			if d := maxAbsDiff(got, want); d > kernelTol {
				t.Errorf("%s m=%d n=%d k=%d pad=%d: max |got − reference| = %g, want ≤ %g", k.name, s.m, s.n, s.k, s.pad, d, kernelTol)
			}
		}
	}
}

func TestTransposeMatchesReference(t *testing.T) {
	r := rng.New(12, 0)
	for _, s := range []struct{ rows, cols int }{{1, 1}, {3, 5}, {4, 4}, {9, 2}, {64, 784}} {
		src := randSlice(r, s.rows*(s.cols+1))
		dst := make([]float64, s.cols*(s.rows+2))
		transpose(dst, s.rows+2, src, s.cols+1, s.rows, s.cols)
		for i := 0; i < s.rows; i++ {
			for j := 0; j < s.cols; j++ {
				if dst[j*(s.rows+2)+i] != src[i*(s.cols+1)+j] {
					t.Fatalf("%d×%d: dst[%d][%d] = %g, want %g", s.rows, s.cols, j, i, dst[j*(s.rows+2)+i], src[i*(s.cols+1)+j])
				}
			}
		}
	}
}

// TestLayerKernelsMatchReference runs a net's Forward and Backward on layer
// widths that take every path (narrow, tiled, odd edges) and compares each
// layer with the textbook loops: z = Wa + b, ∇W = Σₛ δ aᵀ, ∇b = Σₛ δ,
// g = Wᵀδ.
func TestLayerKernelsMatchReference(t *testing.T) {
	r := rng.New(13, 0)
	for _, sizes := range [][]int{
		{2, 32, 1, 32, 2},
		{64, 32, 16, 2, 16, 32, 64},
		{7, 9, 3, 13, 5},
		{33, 17, 8, 1, 12},
	} {
		for _, n := range []int{1, 5, 13, 64} {
			acts := make([]Activation, len(sizes)-1)
			for i := range acts {
				acts[i] = Linear // the kernels alone
			}
			net := New(sizes, acts)
			copy(net.Params, randSlice(r, len(net.Params)))
			b := net.NewBatch(n + 3)
			b.N = n
			b.InputGrad = true
			copy(b.A[0], randSlice(r, len(b.A[0])))
			net.Forward(b)
			last := len(sizes) - 1
			copy(b.G[last], randSlice(r, len(b.G[last])))
			net.ZeroGrad()
			net.Backward(b)
			for l, ly := range net.Layers {
				var dz, dw, db, dg float64
				for s := 0; s < n; s++ {
					for o := 0; o < ly.Out; o++ {
						z := ly.B[o]
						for i := 0; i < ly.In; i++ {
							z += ly.W[o*ly.In+i] * b.A[l][i*b.Cap+s]
						}
						dz = max(dz, math.Abs(z-b.A[l+1][o*b.Cap+s]))
					}
					for i := 0; i < ly.In; i++ {
						g := 0.0
						for o := 0; o < ly.Out; o++ {
							g += ly.W[o*ly.In+i] * b.G[l+1][o*b.Cap+s]
						}
						dg = max(dg, math.Abs(g-b.G[l][i*b.Cap+s]))
					}
				}
				for o := 0; o < ly.Out; o++ {
					gb := 0.0
					for s := 0; s < n; s++ {
						gb += b.G[l+1][o*b.Cap+s]
					}
					db = max(db, math.Abs(gb-ly.GB[o]))
					for i := 0; i < ly.In; i++ {
						gw := 0.0
						for s := 0; s < n; s++ {
							gw += b.G[l+1][o*b.Cap+s] * b.A[l][i*b.Cap+s]
						}
						dw = max(dw, math.Abs(gw-ly.GW[o*ly.In+i]))
					}
				}
				// The activations grow layer by layer (no squashing), so
				// compare relative to their scale.
				scale := 1.0
				for _, v := range b.A[l+1] {
					scale = max(scale, math.Abs(v))
				}
				for _, v := range b.G[l] {
					scale = max(scale, math.Abs(v))
				}
				if max(dz, dw, db, dg) > kernelTol*scale {
					t.Errorf("sizes %v, n=%d, layer %d: max deviation z %g, ∇W %g, ∇b %g, Wᵀδ %g (scale %g), want ≤ %g·scale",
						sizes, n, l, dz, dw, db, dg, scale, kernelTol)
				}
			}
		}
	}
}
