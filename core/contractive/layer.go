package contractive

import (
	"math"

	"aelab/core/manifold"
	"aelab/core/nn"
)

// EncoderSVD returns the SVD2 of the Jacobian of a dense layer's output
// a(Wx + b) on the plane (ly.In = 2) at x: J = diag(a'(z)) W, H×2, whose
// Gram matrix JᵀJ = Σ_k a'(z_k)² W_kᵀW_k is accumulated row by row, as SVD
// would from J itself, and decomposed by SVDGram. It is what the
// contractive scene draws for the first layer of another model, the
// denoising autoencoder it is compared with (for a CAE, JacobianSVD); it
// allocates nothing.
func EncoderSVD(ly *nn.Layer, x []float64) SVD2 {
	if ly.In != 2 {
		panic("contractive: EncoderSVD needs a layer with 2 inputs")
	}
	x0, x1 := x[0], x[1]
	var a, b, d float64
	for k := 0; k < ly.Out; k++ {
		w0, w1 := ly.W[2*k], ly.W[2*k+1]
		s := ly.Act.Deriv(ly.Act.Eval(ly.B[k] + w0*x0 + w1*x1))
		j0, j1 := s*w0, s*w1 // row k of J
		a += j0 * j0
		b += j0 * j1
		d += j1 * j1
	}
	return SVDGram(a, b, d)
}

// LayerAlignment is tangent_alignment and the contraction S2/S1 of a dense
// layer's Jacobian (EncoderSVD) along curve, averaged over n points evenly
// spaced by arc length as Model.Measure averages a CAE's: the measure by
// which the contractive scene compares the first layer of a denoising
// autoencoder with a CAE (Alain & Bengio, JMLR 15, 2014: for small noise a
// DAE's reconstruction is contractive, and sensitive along the manifold).
func LayerAlignment(ly *nn.Layer, curve *manifold.Curve, n int) (alignment, contraction float64) {
	for i := 0; i < n; i++ {
		x, y, tx, ty := curve.At(curve.Length * (float64(i) + 0.5) / float64(n))
		p := [2]float64{x, y}
		s := EncoderSVD(ly, p[:])
		alignment += math.Abs(s.V1[0]*tx + s.V1[1]*ty)
		if s.S1 > 0 {
			contraction += s.S2 / s.S1
		} else {
			contraction++
		}
	}
	return alignment / float64(n), contraction / float64(n)
}
