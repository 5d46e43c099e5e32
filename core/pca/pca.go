// Package pca computes principal component analysis and the principal
// angles between subspaces: the yardstick of the lecture's claim that an
// undercomplete autoencoder with one linear hidden layer and the squared
// error "projects data on the subspace of first K principal components"
// (slide "Undercomplete autoencoders: Connection with PCA"; Baldi & Hornik,
// Neural Networks 2(1), 1989).
package pca

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"aelab/core/data"
)

// PCA is the principal component analysis of a data set.
type PCA struct {
	Mean    []float64  // the data's mean
	Vectors *mat.Dense // D×D, column j is the j-th principal direction
	Vars    []float64  // variance (1/N) along each direction, descending
}

// Fit computes the PCA of x from the thin SVD of the centred data matrix:
// X − 1μᵀ = UΣVᵀ, directions V, variances σ²/N.
func Fit(x *data.Set) *PCA {
	mean := x.Mean(nil)
	c := mat.NewDense(x.N, x.D, nil)
	for n := 0; n < x.N; n++ {
		for d, v := range x.At(n) {
			c.Set(n, d, v-mean[d])
		}
	}
	var svd mat.SVD
	if !svd.Factorize(c, mat.SVDThinV) {
		panic("pca: SVD did not converge")
	}
	sv := svd.Values(nil)
	vars := make([]float64, x.D)
	for i, s := range sv {
		vars[i] = s * s / float64(x.N)
	}
	var v mat.Dense
	svd.VTo(&v)
	return &PCA{Mean: mean, Vectors: &v, Vars: vars}
}

// Subspace returns the top-k principal directions as the columns of a D×k
// matrix.
func (p *PCA) Subspace(k int) *mat.Dense {
	d, _ := p.Vectors.Dims()
	return mat.DenseCopyOf(p.Vectors.Slice(0, d, 0, k))
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
func PrincipalAngles(a, b mat.Matrix) []float64 {
	qa, qb := orthonormalBasis(a), orthonormalBasis(b)
	_, ka := qa.Dims()
	_, kb := qb.Dims()
	k := min(ka, kb)
	if k == 0 {
		return nil
	}
	if ka > kb {
		qa, qb = qb, qa
		ka, kb = kb, ka
	}
	var m mat.Dense
	m.Mul(qa.T(), qb) // ka×kb
	var svd mat.SVD
	if !svd.Factorize(&m, mat.SVDNone) {
		panic("pca: SVD did not converge")
	}
	cos := svd.Values(nil) // descending: smallest angle first
	// sines: singular values of qb − qa(qaᵀqb), the part of qb outside span qa
	var proj, res mat.Dense
	proj.Mul(qa, &m)
	res.Sub(qb, &proj)
	if !svd.Factorize(&res, mat.SVDNone) {
		panic("pca: SVD did not converge")
	}
	sinAll := svd.Values(nil) // descending, kb of them
	angles := make([]float64, k)
	for i := 0; i < k; i++ {
		c := math.Min(cos[i], 1)
		if c*c >= 0.5 {
			// Sines, descending, are kb−ka ones (the directions of qb
			// outside any angle) then sin θ from the largest angle down:
			// the i-th smallest angle's sine is i-th from the end.
			s := sinAll[len(sinAll)-1-i]
			angles[i] = math.Asin(math.Min(s, 1))
		} else {
			angles[i] = math.Acos(math.Max(c, 0))
		}
	}
	return angles
}

// LargestAngle returns the largest principal angle between the column spaces
// of a and b, in degrees: 0 when one contains the other.
func LargestAngle(a, b mat.Matrix) float64 {
	angles := PrincipalAngles(a, b)
	if len(angles) == 0 {
		return 90
	}
	return angles[len(angles)-1] * 180 / math.Pi
}

// rankTol is the relative size below which a singular value of a basis
// matrix counts as zero.
const rankTol = 1e-10

// orthonormalBasis returns an orthonormal basis of a's column space: its left
// singular vectors with non-negligible singular values.
func orthonormalBasis(a mat.Matrix) *mat.Dense {
	r, _ := a.Dims()
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDThinU) {
		panic("pca: SVD did not converge")
	}
	sv := svd.Values(nil)
	rank := 0
	for _, s := range sv {
		if s > rankTol*sv[0] && s > 0 {
			rank++
		}
	}
	var u mat.Dense
	svd.UTo(&u)
	if rank == 0 {
		return &mat.Dense{}
	}
	return mat.DenseCopyOf(u.Slice(0, r, 0, rank))
}
