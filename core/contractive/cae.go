package contractive

import (
	"math"
	"math/rand/v2"

	"aelab/core/nn"
)

// CAE is a contractive autoencoder with one hidden layer and its training
// objective, an nn.Objective:
//
//	h = s(Wx + b),  r = Vh + c,  V = Wᵀ when Tied,
//	loss = (1/N) Σₙ ‖r(xₙ) − xₙ‖² + λ (1/N) Σₙ ‖J_f(xₙ)‖²_F.
//
// The encoder reads the minibatch's inputs and the reconstruction is
// compared with its targets (the same points unless the Trainer corrupts
// the inputs). Lambda may change between steps; D, H, Act and Tied fix the
// parameter layout, so changing them means a new CAE.
//
// The query methods (Encode, Reconstruct, Jacobian, JacobianSVD, …) use
// scratch space of the CAE: a CAE belongs to one goroutine.
type CAE struct {
	// The shape, set by NewCAE and read-only.
	D, H int           // input and code dimensions
	Act  nn.Activation // nn.Sigmoid or nn.Tanh
	Tied bool          // decoder V = Wᵀ

	Lambda float64 // weight λ of the contractive penalty; may change between steps

	// Views into the flat Params: the encoder's W and b, the decoder's c
	// and V. W is H×D row-major: W[k*D+j] connects input j to unit k. V is
	// D×H row-major, nil when Tied (DecoderWeight reads either).
	W, B, C, V []float64
	// Gradients, same shapes (GV nil when Tied).
	GW, GB, GC, GV []float64

	params, grads []float64

	// Workspace of LossGrad for minibatches of capacity cap, feature-major
	// like nn.Minibatch: hid[k*cap+s] is h_k of sample s.
	cap           int
	hid, dz, dres []float64
	// Workspace of the one-point queries.
	h []float64

	// Terms of the last LossGrad's loss.
	lastRecon, lastPenalty float64
}

// NewCAE returns a CAE with d inputs and h hidden units of activation act
// (nn.Sigmoid or nn.Tanh), weights zero until Init. The parameters are laid
// out as W (h×d), b (h), c (d) and, untied, V (d×h).
func NewCAE(d, h int, act nn.Activation, tied bool) *CAE {
	if act != nn.Sigmoid && act != nn.Tanh {
		panic("contractive: the activation must be nn.Sigmoid or nn.Tanh")
	}
	if d < 1 || h < 1 {
		panic("contractive: NewCAE needs d, h ≥ 1")
	}
	n := h*d + h + d
	if !tied {
		n += d * h
	}
	c := &CAE{D: d, H: h, Act: act, Tied: tied,
		params: make([]float64, n), grads: make([]float64, n), h: make([]float64, h)}
	c.W, c.GW = c.params[:h*d], c.grads[:h*d]
	off := h * d
	c.B, c.GB = c.params[off:off+h], c.grads[off:off+h]
	off += h
	c.C, c.GC = c.params[off:off+d], c.grads[off:off+d]
	off += d
	if !tied {
		c.V, c.GV = c.params[off:off+d*h], c.grads[off:off+d*h]
	}
	return c
}

// Init draws W (and V when untied) from Glorot & Bengio's uniform
// distribution U(±√(6/(D+H))) (AISTATS 2010, eq. 16), as nn.Net.Init does,
// and sets the biases to zero. Both matrices then start with the same
// expected norm, so enc_norm and dec_norm start level.
func (c *CAE) Init(r *rand.Rand) {
	a := math.Sqrt(6 / float64(c.D+c.H))
	for i := range c.W {
		c.W[i] = a * (2*r.Float64() - 1)
	}
	for i := range c.V {
		c.V[i] = a * (2*r.Float64() - 1)
	}
	clear(c.B)
	clear(c.C)
}

// Params are W, b, c and (untied) V, in that order, in one slice.
func (c *CAE) Params() []float64 { return c.params }

// Grads has the layout of Params.
func (c *CAE) Grads() []float64 { return c.grads }

// DecoderWeight returns V_jk, the weight from unit k to output j: W_kj
// when tied. Column k of V is the direction in which unit k moves the
// reconstruction.
func (c *CAE) DecoderWeight(j, k int) float64 { return c.dec(j, k) }

func (c *CAE) dec(j, k int) float64 {
	if c.Tied {
		return c.W[k*c.D+j]
	}
	return c.V[j*c.H+k]
}

// derivs returns s'(z) and s″(z) written from the unit's output y = s(z):
// for the sigmoid s' = y(1−y), s″ = s'(1−2y); for tanh s' = 1−y²,
// s″ = −2y s'. s' is nn.Activation.Deriv, the backward pass of the rest of
// the lab.
func derivs(a nn.Activation, y float64) (d1, d2 float64) {
	d1 = a.Deriv(y)
	if a == nn.Sigmoid {
		return d1, d1 * (1 - 2*y)
	}
	return d1, -2 * y * d1
}

// LossGrad returns the objective on the mb.N samples of mb and writes its
// exact gradient into Grads (exact up to the 1.3e-7 by which the true
// derivative of the lab's tanh, nn.Tanh64, differs from the 1 − y² it is
// computed by, as everywhere in the lab). With E = r − x and δ = 2E/N:
//
//	∂/∂c_j  = Σₙ δ_j
//	∂/∂V_jk = Σₙ δ_j h_k                         (untied; tied, it adds to ∂/∂W_kj)
//	∂/∂z_k  = s'(z_k) Σ_j V_jk δ_j + (λ/N) 2 s'(z_k) s″(z_k) ‖W_k‖²
//	∂/∂W_kj = Σₙ ∂/∂z_k x_j + (λ/N) Σₙ 2 s'(z_k)² W_kj
//	∂/∂b_k  = Σₙ ∂/∂z_k
//
// The penalty's terms are the derivatives of its closed form
// Σ_k s'(z_k)² ‖W_k‖² (Rifai et al., ICML 2011, who write them for a sigmoid
// layer): through z_k, 2 s' s″ ‖W_k‖² times x_j for W_kj and times 1 for
// b_k, and directly, 2 s'² W_kj.
func (c *CAE) LossGrad(mb *nn.Minibatch) float64 {
	if mb.Dim != c.D {
		panic("contractive: minibatch dimension differs from the CAE's")
	}
	c.workspace(mb.Cap)
	D, H, n, cp := c.D, c.H, mb.N, mb.Cap
	x, t := mb.In, mb.Target

	// Forward: h = s(Wx + b).
	for k := 0; k < H; k++ {
		hk := c.hid[k*cp : k*cp+n]
		bk := c.B[k]
		for s := range hk {
			hk[s] = bk
		}
		for j := 0; j < D; j++ {
			w, xj := c.W[k*D+j], x[j*cp:j*cp+n]
			for s, v := range xj {
				hk[s] += w * v
			}
		}
		c.Act.Apply(hk)
	}

	// Reconstruction r = Vh + c and its error; dres becomes δ = 2(r − x)/N.
	scale := 2 / float64(n)
	recon := 0.0
	for j := 0; j < D; j++ {
		rj := c.dres[j*cp : j*cp+n]
		cj := c.C[j]
		for s := range rj {
			rj[s] = cj
		}
		for k := 0; k < H; k++ {
			v, hk := c.dec(j, k), c.hid[k*cp:k*cp+n]
			for s, h := range hk {
				rj[s] += v * h
			}
		}
		tj := t[j*cp : j*cp+n]
		g := 0.0
		for s, r := range rj {
			e := r - tj[s]
			recon += e * e
			rj[s] = scale * e
			g += rj[s]
		}
		c.GC[j] = g
	}

	// Backward through the decoder and the encoder, with the penalty.
	lamN := c.Lambda / float64(n)
	penalty := 0.0
	for k := 0; k < H; k++ {
		wk, gwk := c.W[k*D:(k+1)*D], c.GW[k*D:(k+1)*D]
		q := 0.0 // ‖W_k‖²
		for _, w := range wk {
			q += w * w
		}
		hk, dzk := c.hid[k*cp:k*cp+n], c.dz[k*cp:k*cp+n]
		// Decoder weights: Σₙ δ_j h_k.
		for j := 0; j < D; j++ {
			dj := c.dres[j*cp : j*cp+n]
			g := 0.0
			for s, h := range hk {
				g += dj[s] * h
			}
			if c.Tied {
				gwk[j] = g
			} else {
				c.GV[j*H+k] = g
			}
		}
		// ∂/∂z_k for each sample; sp2 accumulates Σₙ s'(z_k)².
		for s := range dzk {
			dzk[s] = 0
		}
		for j := 0; j < D; j++ {
			v, dj := c.dec(j, k), c.dres[j*cp:j*cp+n]
			for s, d := range dj {
				dzk[s] += v * d
			}
		}
		sp2 := 0.0
		pq := 2 * lamN * q
		for s, h := range hk {
			d1, d2 := derivs(c.Act, h)
			sp2 += d1 * d1
			dzk[s] = dzk[s]*d1 + pq*d1*d2
		}
		penalty += sp2 * q
		// Encoder weights and bias.
		gb := 0.0
		for _, d := range dzk {
			gb += d
		}
		c.GB[k] = gb
		for j := 0; j < D; j++ {
			xj := x[j*cp : j*cp+n]
			g := 0.0
			for s, d := range dzk {
				g += d * xj[s]
			}
			if !c.Tied {
				gwk[j] = 0
			}
			gwk[j] += g + 2*lamN*sp2*wk[j]
		}
	}
	c.lastRecon = recon / float64(n)
	c.lastPenalty = penalty / float64(n)
	return c.lastRecon + c.Lambda*c.lastPenalty
}

// LastTerms returns the two terms of the last LossGrad's loss: the mean
// squared reconstruction error and the mean ‖J_f‖²_F (before the factor λ).
func (c *CAE) LastTerms() (mse, penalty float64) { return c.lastRecon, c.lastPenalty }

func (c *CAE) workspace(cp int) {
	if c.cap == cp {
		return
	}
	c.cap = cp
	c.hid = make([]float64, c.H*cp)
	c.dz = make([]float64, c.H*cp)
	c.dres = make([]float64, c.D*cp)
}

// Encode writes the code h = f(x) = s(Wx + b) into dst (length H).
func (c *CAE) Encode(dst, x []float64) {
	D := c.D
	x = x[:D]
	for k := range dst[:c.H] {
		z := c.B[k]
		for j, v := range x {
			z += c.W[k*D+j] * v
		}
		dst[k] = c.Act.Eval(z)
	}
}

// Reconstruct writes r = g(f(x)) into dst (length D).
func (c *CAE) Reconstruct(dst, x []float64) {
	c.Encode(c.h, x)
	for j := range dst[:c.D] {
		r := c.C[j]
		for k, h := range c.h {
			r += c.dec(j, k) * h
		}
		dst[j] = r
	}
}

// Jacobian writes J_f(x) = diag(s'(z)) W, the H×D Jacobian of the encoder at
// x, into dst, row-major.
func (c *CAE) Jacobian(dst, x []float64) {
	c.Encode(c.h, x)
	D := c.D
	dst = dst[:c.H*D]
	for k, h := range c.h {
		d := c.Act.Deriv(h)
		for j := 0; j < D; j++ {
			dst[k*D+j] = d * c.W[k*D+j]
		}
	}
}

// JacobianFro2 returns ‖J_f(x)‖²_F = Σ_k s'(z_k)² ‖W_k‖², the penalty at x.
func (c *CAE) JacobianFro2(x []float64) float64 {
	c.Encode(c.h, x)
	D, sum := c.D, 0.0
	for k, h := range c.h {
		d := c.Act.Deriv(h)
		q := 0.0
		for _, w := range c.W[k*D : (k+1)*D] {
			q += w * w
		}
		sum += d * d * q
	}
	return sum
}

// JacobianSVD returns the singular values and right singular vectors of
// J_f(x) for a CAE on the plane (D = 2), without forming J: JᵀJ =
// Σ_k s'(z_k)² W_kᵀW_k is accumulated directly and decomposed by SVDGram.
func (c *CAE) JacobianSVD(x []float64) SVD2 {
	if c.D != 2 {
		panic("contractive: JacobianSVD needs D = 2")
	}
	c.Encode(c.h, x)
	var a, b, d float64
	for k, h := range c.h {
		s := c.Act.Deriv(h)
		s2 := s * s
		w0, w1 := c.W[2*k], c.W[2*k+1]
		a += s2 * w0 * w0
		b += s2 * w0 * w1
		d += s2 * w1 * w1
	}
	return SVDGram(a, b, d)
}

// EncNorm returns ‖W‖_F, the encoder's weight norm (metric enc_norm).
func (c *CAE) EncNorm() float64 { return norm(c.W) }

// DecNorm returns ‖V‖_F, the decoder's weight norm (metric dec_norm); it
// equals EncNorm when the weights are tied.
func (c *CAE) DecNorm() float64 {
	if c.Tied {
		return norm(c.W)
	}
	return norm(c.V)
}

func norm(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}
