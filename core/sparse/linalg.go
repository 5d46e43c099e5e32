package sparse

import (
	"math"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/nn"
)

// The few vector kernels of this package. Every inner loop of the LASSO
// and of the dictionary update is one of them; like core/nn's kernels they
// keep four independent accumulators (the dot product is nn.Dot), which matters most as WebAssembly
// (no vectorisation, one bounds check per access otherwise).

// matVec sets dst[j] = d_j·x for every row d_j of d: four rows per pass
// over x, which then is loaded once for four products (this is the
// LASSO's Dx, a third of a W-step).
func matVec(dst []float64, d blas64.General, x []float64) {
	x = x[:d.Cols]
	j := 0
	for ; j+4 <= d.Rows; j += 4 {
		r0, r1, r2, r3 := row(d, j), row(d, j+1), row(d, j+2), row(d, j+3)
		r0, r1, r2, r3 = r0[:len(x)], r1[:len(x)], r2[:len(x)], r3[:len(x)]
		var s0, s1, s2, s3 float64
		for i, v := range x {
			s0 += r0[i] * v
			s1 += r1[i] * v
			s2 += r2[i] * v
			s3 += r3[i] * v
		}
		dst[j], dst[j+1], dst[j+2], dst[j+3] = s0, s1, s2, s3
	}
	for ; j < d.Rows; j++ {
		dst[j] = nn.Dot(row(d, j), x)
	}
}

// axpy sets y ← y + a·x.
func axpy(y []float64, a float64, x []float64) {
	x = x[:len(y)]
	i := 0
	for ; i+4 <= len(y); i += 4 {
		yy, xx := y[i:i+4:i+4], x[i:i+4:i+4]
		yy[0] += a * xx[0]
		yy[1] += a * xx[1]
		yy[2] += a * xx[2]
		yy[3] += a * xx[3]
	}
	for ; i < len(y); i++ {
		y[i] += a * x[i]
	}
}

// decode writes Dᵀh = Σ_k h_k d_k into dst (length Dim), the linear
// decoder of a code h on the dictionary d (atoms as rows).
func decode(dst []float64, d blas64.General, h []float64) {
	clear(dst)
	for k, v := range h {
		if v != 0 {
			axpy(dst, v, row(d, k))
		}
	}
}

// norm returns the Euclidean norm ‖x‖.
func norm(x []float64) float64 { return math.Sqrt(nn.Dot(x, x)) }

// l1 returns Σ |x[i]|.
func l1(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += math.Abs(v)
	}
	return s
}

// softThreshold is the proximal map of t|·|: sign(z)·max(|z| − t, 0).
func softThreshold(z, t float64) float64 {
	switch {
	case z > t:
		return z - t
	case z < -t:
		return z + t
	}
	return 0
}

// row returns row i of m as a slice (no copy).
func row(m blas64.General, i int) []float64 {
	return m.Data[i*m.Stride : i*m.Stride+m.Cols : i*m.Stride+m.Cols]
}

// newMatrix returns a zeroed r×c matrix.
func newMatrix(r, c int) blas64.General {
	return blas64.General{Rows: r, Cols: c, Stride: c, Data: make([]float64, r*c)}
}

// gram writes G = AAᵀ (rows×rows, row-major) for the rows of a.
func gram(g []float64, a blas64.General) {
	k := a.Rows
	for i := 0; i < k; i++ {
		ai := row(a, i)
		for j := 0; j <= i; j++ {
			v := nn.Dot(ai, row(a, j))
			g[i*k+j], g[j*k+i] = v, v
		}
	}
}

// nonzeros writes the indices of the nonzero entries of w into idx and
// returns them.
func nonzeros(idx []int, w []float64) []int {
	idx = idx[:0]
	for k, v := range w {
		if v != 0 {
			idx = append(idx, k)
		}
	}
	return idx
}
