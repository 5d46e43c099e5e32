package contractive

import "aelab/core/nn"

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
