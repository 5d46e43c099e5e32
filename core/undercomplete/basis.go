package undercomplete

import (
	"math"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/nn"
)

// Basis holds an orthonormal basis of a subspace of ℝᴰ, D ≤ 3, in its first
// K ≤ 2 vectors; unused entries are zero.
type Basis [2][3]float64

// Subspaces returns orthonormal bases of PCA's top-K subspace and of the
// decoder's subspace span W₂, the latter chosen as the basis of its
// subspace closest to PCA's: the projections of PCA's vectors onto it,
// orthonormalised. Drawn with these bases, the decoder's plane and PCA's
// coincide on screen exactly when the subspaces do (lecture: "Connection
// with PCA": the decoder spans the principal subspace, not the principal
// vectors themselves).
func (m *Model) Subspaces() (decoder, principal Basis) {
	d, k := m.Cfg.Dim, m.Cfg.Code()
	orthonormalColumns(&principal, m.PCA.Vectors, d, k)
	orthonormalColumns(&decoder, m.Decoder(), d, k)
	alignBasis(&decoder, &principal, d, k)
	return decoder, principal
}

// orthonormalColumns writes an orthonormal basis of the first k columns of
// a (d×?) into dst.
func orthonormalColumns(dst *Basis, a blas64.General, d, k int) {
	*dst = Basis{}
	for j := 0; j < k; j++ {
		for i := 0; i < d; i++ {
			dst[j][i] = a.Data[i*a.Stride+j]
		}
	}
	gramSchmidt(dst, d, k)
}

// gramSchmidt orthonormalises the first k vectors of b in place; a vector
// that vanishes is left zero.
func gramSchmidt(b *Basis, d, k int) {
	for j := 0; j < k; j++ {
		for q := 0; q < j; q++ {
			p := nn.Dot(b[j][:d], b[q][:d])
			for i := 0; i < d; i++ {
				b[j][i] -= p * b[q][i]
			}
		}
		if n := math.Sqrt(nn.Dot(b[j][:d], b[j][:d])); n > 1e-12 {
			for i := 0; i < d; i++ {
				b[j][i] /= n
			}
		} else {
			b[j] = [3]float64{}
		}
	}
}

// alignBasis replaces the orthonormal basis q of a subspace by the
// orthonormal basis of the same subspace closest to ref: the projections of
// ref's vectors, orthonormalised. When a reference vector is orthogonal to
// the subspace, q is kept.
func alignBasis(q, ref *Basis, d, k int) {
	var p Basis
	for j := 0; j < k; j++ {
		for a := 0; a < k; a++ {
			c := nn.Dot(q[a][:d], ref[j][:d])
			for i := 0; i < d; i++ {
				p[j][i] += c * q[a][i]
			}
		}
	}
	gramSchmidt(&p, d, k)
	for j := 0; j < k; j++ {
		if nn.Dot(p[j][:d], p[j][:d]) < 0.5 {
			return
		}
	}
	*q = p
}
