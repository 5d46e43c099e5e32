package sparse

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
	"aelab/core/nn"
)

// DefaultInferSteps is the number of ISTA iterations PSD spends on each
// code: from the encoder's prediction, which is close once trained, they
// bring the energy within 1e-6 (relative) of its minimum on the lab's
// patches (TestPSDInference).
const DefaultInferSteps = 30

// PSD is predictive sparse decomposition (slide "Non-linear analogue";
// Kavukcuoglu, Ranzato & LeCun, "Fast inference in sparse coding
// algorithms with applications to object recognition", NYU technical
// report 2008, arXiv:1010.3467): sparse coding with a decoder g(h) = Dᵀh on a
// dictionary D (K×Dim, unit atoms as rows) and a fast feed-forward encoder
// f trained to predict the sparse codes, through the energy
//
//	E(x, h) = ‖x − Dᵀh‖² + λ‖h‖₁ + γ‖h − f(x)‖².
//
// The encoder is f(x) = S(Wx + b, θ), the soft threshold S(z, θ) =
// sign(z)·max(|z| − θ, 0) of an affine map with a learned threshold θ_k ≥ 0
// per unit: the form of one ISTA step and of the LISTA encoder (Gregor &
// LeCun, "Learning fast approximations of sparse coding", ICML 2010). The
// PSD paper uses g ⊙ tanh(Wx + b); the shrinkage is chosen here because it
// makes exact zeros, as the LASSO codes it imitates have, which tanh units
// cannot (the slide "Regularized autoencoders": actual zeros need linear or
// ReLU-like units). It starts as exactly one ISTA step from h = 0 on the
// initial dictionary: W = 2D/L₀, b = 0, θ = λ/L₀ with L₀ = 2 λ_max(DDᵀ)
// (bounded as in prepare).
//
// Training alternates as in the paper: for each point of a
// minibatch, h* = argmin_h E(x, h) is inferred by ISTA started at f(x);
// then with h* fixed, one gradient step on D and on the encoder's W, b, θ
// (the step is the nn.Optimizer's: PSD is an nn.Objective, its loss the
// mean energy at h*). After each step the atoms are renormalised to unit
// norm and negative thresholds set to 0; so that nn.Trainer can drive PSD
// unchanged, that projection happens at the start of the next LossGrad
// (and of Closeness and Infer; Encode treats θ < 0 as 0).
type PSD struct {
	Dim, K     int
	Lambda     float64 // λ, the sparsity penalty
	Gamma      float64 // γ, the weight of the prediction term
	InferSteps int     // ISTA iterations per code

	params, grads []float64
	D, W          blas64.General // views of params: dictionary and encoder weights, K×Dim
	B, Theta      []float64      // views of params: encoder bias and threshold, K
	gD, gW        blas64.General // the same views of grads
	gB, gTheta    []float64

	gram  []float64 // K×K: DDᵀ
	lmax  float64   // Gershgorin's bound on λ_max(DDᵀ)
	step  float64   // 1/L for ISTA, L ≥ the Lipschitz constant of ∇
	x, r  []float64 // Dim: a point, its residual
	f, z  []float64 // K: the prediction f(x), the encoder's pre-activation
	gh    []float64 // K: ISTA's gradient
	dx    []float64 // K: Dx
	lasso *Lasso    // for Closeness
	w     []float64 // K: a LASSO code
	h     []float64 // K: an inferred code (Measure)
	codes []float64 // Cap×K: the codes h* of the last LossGrad
}

// NewPSD returns a PSD with K random unit atoms of dimension dim drawn
// from r and its encoder set to one ISTA step on them.
func NewPSD(dim, k int, lambda, gamma float64, r *rand.Rand) *PSD {
	n := 2*k*dim + 2*k
	p := &PSD{
		Dim: dim, K: k, Lambda: lambda, Gamma: gamma, InferSteps: DefaultInferSteps,
		params: make([]float64, n), grads: make([]float64, n),
		gram: make([]float64, k*k),
		x:    make([]float64, dim), r: make([]float64, dim),
		f: make([]float64, k), z: make([]float64, k),
		gh: make([]float64, k), dx: make([]float64, k), w: make([]float64, k),
	}
	view := func(v []float64) (d, w blas64.General, b, g []float64) {
		kd := k * dim
		d = blas64.General{Rows: k, Cols: dim, Stride: dim, Data: v[:kd:kd]}
		w = blas64.General{Rows: k, Cols: dim, Stride: dim, Data: v[kd : 2*kd : 2*kd]}
		return d, w, v[2*kd : 2*kd+k : 2*kd+k], v[2*kd+k:]
	}
	p.D, p.W, p.B, p.Theta = view(p.params)
	p.gD, p.gW, p.gB, p.gTheta = view(p.grads)
	copy(p.D.Data, RandomDict(r, k, dim).Data)
	p.prepare()
	l0 := 2 * p.lmax
	for i, v := range p.D.Data {
		p.W.Data[i] = 2 * v / l0
	}
	for j := range p.Theta {
		p.Theta[j] = lambda / l0
	}
	p.lasso = NewLasso(p.D, lambda)
	return p
}

func (p *PSD) Params() []float64 { return p.params }
func (p *PSD) Grads() []float64  { return p.grads }

// prepare projects the parameters back onto their domain (unit atoms,
// θ ≥ 0) and refreshes what depends on the dictionary.
func (p *PSD) prepare() {
	for k := 0; k < p.K; k++ {
		dk := row(p.D, k)
		if n := norm(dk); n > 0 {
			for i := range dk {
				dk[i] /= n
			}
		}
	}
	for k, t := range p.Theta {
		p.Theta[k] = max(t, 0)
	}
	p.refresh()
}

// refresh computes the Gram matrix DDᵀ and ISTA's step 1/L for the current
// dictionary. L = 2(λ_max(DDᵀ) + γ), the Lipschitz constant of the
// gradient of ‖x − Dᵀh‖² + γ‖h − f‖², with λ_max bounded by Gershgorin's
// circles, λ_max ≤ max_k Σ_j |G_kj|: an upper bound keeps every ISTA step
// a descent step.
func (p *PSD) refresh() {
	gram(p.gram, p.D)
	bound := 0.0
	for k := 0; k < p.K; k++ {
		bound = max(bound, l1(p.gram[k*p.K:(k+1)*p.K]))
	}
	p.lmax = bound
	p.step = 1 / (2 * (bound + p.Gamma))
}

// encode writes f(x) into p.f and the pre-activations Wx + b into p.z.
func (p *PSD) encode(x []float64) {
	for k := range p.f {
		z := nn.Dot(row(p.W, k), x) + p.B[k]
		p.z[k] = z
		p.f[k] = softThreshold(z, max(p.Theta[k], 0)) // θ < 0 before the next projection counts as 0
	}
}

// infer runs InferSteps ISTA iterations (Daubechies, Defrise & De Mol,
// Comm. Pure Appl. Math. 57(11), 2004; Beck & Teboulle, SIAM J. Imaging
// Sci. 2(1), 2009, section 2) on E(x, ·) from h = f(x), given p.f.
func (p *PSD) infer(h, x []float64) {
	matVec(p.dx, p.D, x)
	copy(h, p.f)
	for range p.InferSteps {
		p.istaStep(h)
	}
}

// istaStep is one ISTA iteration, given p.dx = Dx and p.f = f(x):
//
//	h ← S(h − ∇/L, λ/L),  ∇ = 2(DDᵀh − Dx) + 2γ(h − f).
func (p *PSD) istaStep(h []float64) {
	k := p.K
	// ∇/2 = G h − Dx + γ(h − f)
	for j := range p.gh {
		p.gh[j] = p.Gamma*(h[j]-p.f[j]) - p.dx[j]
	}
	for j, hj := range h {
		if hj != 0 {
			axpy(p.gh, hj, p.gram[j*k:(j+1)*k])
		}
	}
	thr := p.Lambda * p.step
	for j := range h {
		h[j] = softThreshold(h[j]-2*p.step*p.gh[j], thr)
	}
}

// residual sets p.r to x − Dᵀh, the reconstruction error of code h, and
// returns its squared norm.
func (p *PSD) residual(x, h []float64) float64 {
	copy(p.r, x)
	for k, hk := range h {
		if hk != 0 {
			axpy(p.r, -hk, row(p.D, k))
		}
	}
	return nn.Dot(p.r, p.r)
}

// Energy returns E(x, h) for the current parameters (atoms as they are).
func (p *PSD) Energy(x, h []float64) float64 {
	p.encode(x)
	e := p.residual(x, h) + p.Lambda*l1(h)
	for k, hk := range h {
		d := hk - p.f[k]
		e += p.Gamma * d * d
	}
	return e
}

// LossGrad renormalises the atoms, infers h* for each point of mb, and
// returns the mean energy (1/N) Σₙ E(xₙ, h*ₙ) with its gradient with
// respect to D, W, b and θ at fixed h* in Grads:
//
//	∂E/∂d_k = −2 h_k (x − Dᵀh),  ∂E/∂f_k = 2γ (f_k − h_k),
//	∂f_k/∂z_k = [|z_k| > θ_k],  ∂f_k/∂θ_k = −sign(z_k)·[|z_k| > θ_k],  z = Wx + b.
//
// At h* the energy is minimal in h, so this is also the gradient of
// min_h E (the envelope theorem), up to ISTA's residual.
func (p *PSD) LossGrad(mb *nn.Minibatch) float64 {
	p.prepare()
	if len(p.codes) < mb.Cap*p.K {
		p.codes = make([]float64, mb.Cap*p.K)
	}
	for s := 0; s < mb.N; s++ {
		p.gather(mb, s)
		p.encode(p.x)
		p.infer(p.codes[s*p.K:(s+1)*p.K], p.x)
	}
	return p.energyGrad(mb, p.codes)
}

// Codes returns the codes h* inferred by the last LossGrad, one row of K
// per point of its minibatch (reused by the next call).
func (p *PSD) Codes() []float64 { return p.codes }

// gather copies point s of mb (feature-major) into p.x.
func (p *PSD) gather(mb *nn.Minibatch, s int) {
	for i := range p.x {
		p.x[i] = mb.In[i*mb.Cap+s]
	}
}

// energyGrad returns the mean energy of the points of mb at the codes h
// (one row of K per point) and writes its gradient with respect to the
// parameters, at fixed h, into Grads.
func (p *PSD) energyGrad(mb *nn.Minibatch, h []float64) float64 {
	clear(p.grads)
	total := 0.0
	for s := 0; s < mb.N; s++ {
		p.gather(mb, s)
		p.encode(p.x)
		total += p.accumulate(p.x, h[s*p.K:(s+1)*p.K])
	}
	scale := 1 / float64(mb.N)
	for i := range p.grads {
		p.grads[i] *= scale
	}
	return total * scale
}

// accumulate adds the gradient of E(x, h) at fixed h to grads and returns
// E, given p.f and p.z for x.
func (p *PSD) accumulate(x, h []float64) float64 {
	e := p.residual(x, h) + p.Lambda*l1(h)
	for k, hk := range h {
		if hk != 0 {
			axpy(row(p.gD, k), -2*hk, p.r)
		}
		d := p.f[k] - hk
		e += p.Gamma * d * d
		if z := p.z[k]; math.Abs(z) > p.Theta[k] {
			df := 2 * p.Gamma * d
			if z > 0 {
				p.gTheta[k] -= df
			} else {
				p.gTheta[k] += df
			}
			p.gB[k] += df
			axpy(row(p.gW, k), df, x)
		}
	}
	return e
}

// Encode writes the fast encoder's prediction f(x) into dst (length K).
func (p *PSD) Encode(dst, x []float64) {
	p.encode(x)
	copy(dst, p.f)
}

// Infer writes h* = argmin_h E(x, h), by ISTA from f(x), into dst.
func (p *PSD) Infer(dst, x []float64) {
	p.prepare()
	p.encode(x)
	p.infer(dst, x)
}

// Closeness measures how well the fast encoder stands in for sparse
// coding: the relative error of its predictions over the points of x,
//
//	√( Σₙ ‖f(xₙ) − w*ₙ‖² / Σₙ ‖w*ₙ‖² ),
//
// where w*ₙ is the exact LASSO code of xₙ on the current dictionary with
// the same λ (Lasso, from a cold start). 0 means f is sparse coding, 1 is
// the error of predicting 0. The ratio is taken of the sums rather than
// averaged point by point: a point whose LASSO code is nearly 0 (a patch of
// low contrast) would make any small prediction a huge relative error and
// swamp the mean. It returns NaN if every LASSO code is 0.
func (p *PSD) Closeness(x *data.Set) float64 {
	p.prepare()
	p.lasso.Lambda = p.Lambda
	p.lasso.SetDict(p.D)
	num, den := 0.0, 0.0
	for n := 0; n < x.N; n++ {
		xn := x.At(n)
		clear(p.w)
		p.lasso.Encode(p.w, xn)
		p.encode(xn)
		for k, w := range p.w {
			d := p.f[k] - w
			num += d * d
			den += w * w
		}
	}
	if den == 0 {
		return math.NaN()
	}
	return math.Sqrt(num / den)
}
