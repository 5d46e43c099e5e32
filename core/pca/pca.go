// Package pca computes principal component analysis and the principal
// angles between subspaces: the yardstick of the lecture's claim that an
// undercomplete autoencoder with one linear hidden layer and the squared
// error "projects data on the subspace of first K principal components"
// (slide "Undercomplete autoencoders: Connection with PCA"; Baldi & Hornik,
// Neural Networks 2(1), 1989).
//
// Matrices are gonum's blas64.General (the mat package would carry 0.45 MB
// of gzipped code into the web bundle); the singular value decompositions
// are one-sided Jacobi (jacobi.go), small and quick to start.
package pca

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
)

// PCA is the principal component analysis of a data set.
type PCA struct {
	Mean    []float64      // the data's mean
	Vectors blas64.General // D×D, column j is the j-th principal direction
	Vars    []float64      // variance (1/N) along each direction, descending
}

// NewMatrix returns a zeroed r×c matrix.
func NewMatrix(r, c int) blas64.General {
	return blas64.General{Rows: r, Cols: c, Stride: c, Data: make([]float64, r*c)}
}

// Fit computes the PCA of x from the SVD of the centred data matrix:
// X − 1μᵀ = UΣVᵀ, directions V, variances σ²/N. With fewer points than
// dimensions the directions past the N-th complete an orthonormal basis
// (their variance is 0).
func Fit(x *data.Set) *PCA { return fit(x, x.D) }

// FitThin is Fit for a few points in many dimensions (N < D: the orbit of
// an image, 28×28 pixels, sampled at some sixty t): it computes only the
// min(N, D) directions the data can span, from the thin SVD, which costs
// O(N²D) where Fit's full V costs O(D³). Vectors is D×min(N, D) and Vars
// has min(N, D) entries; ReconstructionError is the same as Fit's (the
// other variances are 0).
func FitThin(x *data.Set) *PCA { return fit(x, min(x.N, x.D)) }

// fit computes k ≥ min(N, D) directions and variances.
func fit(x *data.Set, k int) *PCA {
	mean := x.Mean(nil)
	ct := NewMatrix(x.D, x.N) // (X − 1μᵀ)ᵀ: its left singular vectors are V
	for n := 0; n < x.N; n++ {
		for d, v := range x.At(n) {
			ct.Data[d*x.N+n] = v - mean[d]
		}
	}
	thin := min(x.N, x.D)
	vars := make([]float64, k)
	vectors := NewMatrix(x.D, k)
	var j jacobi
	j.svd(ct, vectors, vars[:thin])
	for c := thin; c < k; c++ {
		completeColumn(vectors, c)
	}
	for i, s := range vars[:thin] {
		vars[i] = s * s / float64(x.N)
	}
	return &PCA{Mean: mean, Vectors: vectors, Vars: vars}
}

// Subspace returns the top-k principal directions as the columns of a D×k
// matrix (a view of Vectors).
func (p *PCA) Subspace(k int) blas64.General {
	v := p.Vectors
	return blas64.General{Rows: v.Rows, Cols: k, Stride: v.Stride, Data: v.Data}
}

// ReconstructionError returns (1/N) Σₙ ‖xₙ − x̂ₙ‖², x̂ₙ the projection of xₙ
// on the affine top-k principal subspace through the mean. It is the smallest
// squared error any rank-k affine reconstruction reaches on x (Eckart–Young),
// hence the optimum a linear autoencoder with a k-unit code can reach, and
// equals the sum of the discarded variances.
func (p *PCA) ReconstructionError(k int) float64 {
	e := 0.0
	for _, v := range p.Vars[k:] {
		e += v
	}
	return e
}

// PrincipalAngles returns the min(ka, kb) principal angles, in radians and
// ascending, between the column spaces of a (D×ka) and b (D×kb); columns need
// not be orthonormal, and a zero column spans nothing. Small angles come from
// the sines and large ones from the cosines, which keeps both accurate
// (Knyazev & Argentati, SIAM J. Sci. Comput. 23(6), 2002, Algorithm 3.1).
func PrincipalAngles(a, b blas64.General) []float64 {
	var w Angles
	return w.Principal(nil, a, b)
}

// LargestAngle returns the largest principal angle between the column spaces
// of a and b, in degrees: 0 when one contains the other, 90 when either
// spans nothing.
func LargestAngle(a, b blas64.General) float64 {
	var w Angles
	return w.Largest(a, b)
}

// OrthonormalBasis returns an orthonormal basis of a's column space: its
// left singular vectors with non-negligible singular values.
func OrthonormalBasis(a blas64.General) blas64.General {
	var w Angles
	return w.basis(0, a)
}

// Angles computes principal angles in buffers it keeps, so that a metric
// measured every frame (the pca scene's angle_deg) allocates nothing once
// they have grown. The zero value is ready to use; it is not safe for
// concurrent use.
type Angles struct {
	bufs [8][]float64
	j    jacobi
}

// mat returns a zeroed r×c matrix in buffer slot.
func (w *Angles) mat(slot, r, c int) blas64.General {
	if cap(w.bufs[slot]) < r*c {
		w.bufs[slot] = make([]float64, r*c)
	}
	d := w.bufs[slot][:r*c]
	clear(d)
	return blas64.General{Rows: r, Cols: c, Stride: c, Data: d}
}

// vec returns a zeroed vector of n in buffer slot.
func (w *Angles) vec(slot, n int) []float64 { return w.mat(slot, 1, n).Data }

// copyOf copies a into buffer slot.
func (w *Angles) copyOf(slot int, a blas64.General) blas64.General {
	c := w.mat(slot, a.Rows, a.Cols)
	for i := 0; i < a.Rows; i++ {
		copy(c.Data[i*c.Stride:i*c.Stride+a.Cols], a.Data[i*a.Stride:i*a.Stride+a.Cols])
	}
	return c
}

// basis is OrthonormalBasis into buffer slot (and slot 6 as scratch).
func (w *Angles) basis(slot int, a blas64.General) blas64.General {
	k := min(a.Rows, a.Cols)
	s := w.vec(6, k)
	u := w.mat(slot, a.Rows, k)
	w.j.svd(a, u, s)
	rank := 0
	for _, v := range s {
		if v > 0 && v > rankTol*s[0] {
			rank++
		}
	}
	return blas64.General{Rows: u.Rows, Cols: rank, Stride: u.Stride, Data: u.Data}
}

// Principal appends the principal angles between the column spaces of a
// and b to dst, as PrincipalAngles returns them.
func (w *Angles) Principal(dst []float64, a, b blas64.General) []float64 {
	qa, qb := w.basis(0, a), w.basis(1, b)
	if qa.Cols > qb.Cols {
		qa, qb = qb, qa
	}
	ka, kb := qa.Cols, qb.Cols
	if ka == 0 {
		return dst
	}
	// cosines: singular values of qaᵀqb, descending (smallest angle first)
	m := w.mat(2, ka, kb)
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, qa, qb, 0, m)
	cos := w.vec(3, min(ka, kb))
	w.j.svd(m, blas64.General{}, cos)
	// sines: singular values of qb − qa(qaᵀqb), the part of qb outside span qa
	res := w.copyOf(4, qb)
	blas64.Gemm(blas.NoTrans, blas.NoTrans, -1, qa, m, 1, res)
	sin := w.vec(5, min(res.Rows, kb))
	w.j.svd(res, blas64.General{}, sin)
	for i := 0; i < ka; i++ {
		c := math.Min(cos[i], 1)
		if c*c >= 0.5 {
			// Sines, descending, are kb−ka ones (directions of qb outside
			// every angle), then sin θ from the largest angle down: the i-th
			// smallest angle's sine is i-th from the end.
			dst = append(dst, math.Asin(math.Min(sin[len(sin)-1-i], 1)))
		} else {
			dst = append(dst, math.Acos(math.Max(c, 0)))
		}
	}
	return dst
}

// Largest is LargestAngle in the workspace.
func (w *Angles) Largest(a, b blas64.General) float64 {
	var buf [8]float64
	angles := w.Principal(buf[:0], a, b)
	if len(angles) == 0 {
		return 90
	}
	return angles[len(angles)-1] * 180 / math.Pi
}

// rankTol is the relative size below which a singular value of a basis
// matrix counts as zero.
const rankTol = 1e-10
