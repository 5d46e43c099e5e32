package nn

import (
	"math"
	"math/rand/v2"

	"aelab/core/data"
)

// VAE is the variational autoencoder (Kingma & Welling, "Auto-encoding
// variational Bayes", ICLR 2014), the lecture's stochastic autoencoder
// (slide "Stochastic autoencoders": x → p_encoder(h|x), h → p_decoder(x|h),
// estimated by maximum likelihood). The encoder Enc maps x to the mean μ and
// log-variance log σ² of a Gaussian code q(h|x) = N(μ, diag σ²): its Linear
// output has 2K units, μ first, then log σ². A code is drawn by the
// reparameterisation h = μ + σ ⊙ ε, ε ~ N(0, I) (section 2.4), so that the
// gradient flows through μ and σ; the decoder Dec maps h back to x. The
// loss of a minibatch is the negative evidence lower bound,
//
//	(1/N) Σₙ [ Loss(Dec(hₙ), xₙ) + Beta · KL(q(h|xₙ) ‖ N(0, I)) ],
//	KL = ½ Σ_k (μ_k² + σ_k² − log σ_k² − 1)   (appendix B),
//
// with one draw of ε per sample. With Beta 1 and Loss CrossEntropy over a
// Sigmoid output (a Bernoulli decoder) it is exactly the paper's estimator
// (eq. 10); with MSE, a Gaussian decoder of variance ½.
//
// Enc and Dec share one flat parameter vector (Params), so any Optimizer
// and the Trainer handle the pair as one model.
type VAE struct {
	Enc, Dec *Net
	Loss     LossFunc // reconstruction loss; nil means MSE
	// Lik, when set, is the decoder's likelihood p(x|h): its loss replaces
	// Loss, and LogPx needs it.
	Lik  Likelihood
	Beta float64 // weight of the KL term; NewVAE sets 1
	Rand *rand.Rand

	Recon, KL float64 // the last minibatch's terms, per sample

	params, grads []float64
	be, bd        *Batch
	eps           []float64 // K×Cap draws of the last LossGrad
}

// NewVAE returns a VAE with an encoder of sizes enc (inputs first, last
// 2K: μ and log σ², a Linear layer) and activations encActs, and a decoder
// of sizes dec (first K, last the input size) and activations decActs,
// drawing its codes from r. Weights are zero until Init.
func NewVAE(enc []int, encActs []Activation, dec []int, decActs []Activation, r *rand.Rand) *VAE {
	k := dec[0]
	if enc[len(enc)-1] != 2*k || encActs[len(encActs)-1] != Linear || dec[len(dec)-1] != enc[0] {
		panic("nn: NewVAE needs an encoder D → … → 2K with a Linear output and a decoder K → … → D")
	}
	ne, nd := paramCount(enc, encActs), paramCount(dec, decActs)
	v := &VAE{Beta: 1, Rand: r,
		params: make([]float64, ne+nd), grads: make([]float64, ne+nd)}
	v.Enc = newIn(enc, encActs, v.params[:ne], v.grads[:ne])
	v.Dec = newIn(dec, decActs, v.params[ne:], v.grads[ne:])
	return v
}

// Init draws both nets' weights (Net.Init).
func (v *VAE) Init(r *rand.Rand) {
	v.Enc.Init(r)
	v.Dec.Init(r)
}

// Code returns K, the code's dimension.
func (v *VAE) Code() int { return v.Dec.In() }

func (v *VAE) Params() []float64 { return v.params }
func (v *VAE) Grads() []float64  { return v.grads }

// Batches returns the encoder's and decoder's workspaces of the last
// LossGrad: the encoder's output holds μ and log σ², the decoder's input
// the codes drawn.
func (v *VAE) Batches() (enc, dec *Batch) { return v.be, v.bd }

func (v *VAE) LossGrad(mb *Minibatch) float64 {
	v.ensure(mb.Cap)
	k, cap := v.Code(), mb.Cap
	for i := 0; i < k; i++ {
		row := v.eps[i*cap : i*cap+mb.N]
		for s := range row {
			row[s] = v.Rand.NormFloat64()
		}
	}
	return v.lossGrad(mb)
}

func (v *VAE) ensure(cap int) {
	if v.be == nil || v.be.Cap != cap {
		v.be, v.bd = v.Enc.NewBatch(cap), v.Dec.NewBatch(cap)
		v.bd.InputGrad = true
		v.eps = make([]float64, v.Code()*cap)
	}
}

// lossGrad is LossGrad with the draws ε already in v.eps.
func (v *VAE) lossGrad(mb *Minibatch) float64 {
	be, bd := v.be, v.bd
	k, cap, n := v.Code(), mb.Cap, mb.N
	be.A[0], be.N = mb.In, n
	v.Enc.Forward(be)
	h := be.A[len(be.A)-1]
	z := bd.A[0]
	kl := 0.0
	for i := 0; i < k; i++ {
		mu, lv := h[i*cap:i*cap+n], h[(k+i)*cap:(k+i)*cap+n]
		eps, zi := v.eps[i*cap:i*cap+n], z[i*cap:i*cap+n]
		for s, m := range mu {
			sd := math.Exp(0.5 * lv[s])
			zi[s] = m + sd*eps[s]
			kl += 0.5 * (m*m + sd*sd - lv[s] - 1)
		}
	}
	bd.T, bd.N = mb.Target, n
	v.Dec.Forward(bd)
	lossFn := v.Loss
	if lossFn == nil {
		lossFn = MSE
	}
	if v.Lik != nil {
		lossFn = v.Lik.Loss
	}
	v.Recon = lossFn(bd)
	v.KL = kl / float64(n)
	clear(v.grads)
	v.Dec.Backward(bd)
	// ∂/∂μ = ∂L/∂h + β μ/N; ∂/∂log σ² = ∂L/∂h · ε σ/2 + β (σ² − 1)/(2N).
	gz, gh := bd.G[0], be.G[len(be.G)-1]
	scale := v.Beta / float64(n)
	be.OutputDelta = false
	for i := 0; i < k; i++ {
		mu, lv := h[i*cap:i*cap+n], h[(k+i)*cap:(k+i)*cap+n]
		eps, g := v.eps[i*cap:i*cap+n], gz[i*cap:i*cap+n]
		gmu, glv := gh[i*cap:i*cap+n], gh[(k+i)*cap:(k+i)*cap+n]
		for s, m := range mu {
			sd := math.Exp(0.5 * lv[s])
			gmu[s] = g[s] + scale*m
			glv[s] = 0.5*g[s]*eps[s]*sd + 0.5*scale*(sd*sd-1)
		}
	}
	v.Enc.Backward(be)
	return v.Recon + v.Beta*v.KL
}

// Likelihood is a decoder's p(x|h): its loss over a batch (a LossFunc, the
// mean of −log p(xₛ|hₛ) with its gradient in b.G[last]) and the negative
// log-likelihood of one sample, which the importance-sampled estimate of
// log p(x) needs (LogPx). The decoder's output is the distribution's mean.
type Likelihood interface {
	Loss(b *Batch) float64
	// NLL returns −log p(xₛ|hₛ) of sample s of a batch after Forward, with
	// xₛ the target in b.T.
	NLL(b *Batch, s int) float64
}

// Bernoulli is the decoder of Kingma & Welling's MNIST experiments
// (appendix C.1): a Sigmoid output y gives each pixel the probability y of
// being on, −log p(x|h) = −Σᵢ [xᵢ log yᵢ + (1 − xᵢ) log(1 − yᵢ)], the
// CrossEntropy loss. Grey levels in [0, 1] are scored as they are (as the
// paper scores MNIST's); the sum is then not a normalised density of grey
// images, but the bound and its estimate (LogPx) are of the same quantity.
type Bernoulli struct{}

func (Bernoulli) Loss(b *Batch) float64 { return CrossEntropy(b) }

func (Bernoulli) NLL(b *Batch, s int) float64 {
	last := len(b.A) - 1
	y := b.A[last]
	nll := 0.0
	for i := 0; i < len(y)/b.Cap; i++ {
		v, t := y[i*b.Cap+s], b.T[i*b.Cap+s]
		nll -= t*math.Log(v) + (1-t)*math.Log(1-v)
	}
	return nll
}

// Gaussian is the decoder p(x|h) = N(g(h), SD² I) of points in the plane
// (Kingma & Welling, appendix C.2, with a fixed variance):
// −log p(x|h) = ‖x − g(h)‖²/(2SD²) + (D/2) log(2π SD²). The decoder's noise
// SD is the slider beside β: the spread of the cloud p(x|h) drawn around
// each decoded point.
type Gaussian struct{ SD float64 }

func (g Gaussian) Loss(b *Batch) float64 {
	mse := MSE(b) // ‖y − t‖² per sample, gradient 2(y − t)/N
	last := len(b.A) - 1
	s := 1 / (2 * g.SD * g.SD)
	for i := range b.G[last] {
		b.G[last][i] *= s
	}
	return s*mse + g.logNorm(len(b.A[last])/b.Cap)
}

func (g Gaussian) NLL(b *Batch, s int) float64 {
	last := len(b.A) - 1
	y := b.A[last]
	d := len(y) / b.Cap
	sq := 0.0
	for i := 0; i < d; i++ {
		e := y[i*b.Cap+s] - b.T[i*b.Cap+s]
		sq += e * e
	}
	return sq/(2*g.SD*g.SD) + g.logNorm(d)
}

// logNorm is (D/2) log(2π SD²), the Gaussian's normalising constant.
func (g Gaussian) logNorm(d int) float64 {
	return 0.5 * float64(d) * math.Log(2*math.Pi*g.SD*g.SD)
}

// Encode writes the posterior q(h|x) = N(μ, diag σ²) of each point of x
// into mu and logVar (row-major, K columns each), b.Cap points at a time
// through b, a batch of the encoder. It allocates nothing.
func (v *VAE) Encode(mu, logVar []float64, x *data.Set, b *Batch) {
	k := v.Code()
	out := len(b.A) - 1
	for start := 0; start < x.N; start += b.Cap {
		b.N = min(b.Cap, x.N-start)
		for s := 0; s < b.N; s++ {
			b.SetInput(s, x.At(start+s))
		}
		v.Enc.Forward(b)
		h := b.A[out]
		for s := 0; s < b.N; s++ {
			p := (start + s) * k
			for i := 0; i < k; i++ {
				mu[p+i] = h[i*b.Cap+s]
				logVar[p+i] = h[(k+i)*b.Cap+s]
			}
		}
	}
}

// Bound holds, for one point x, the terms of the evidence lower bound and
// the importance-sampled estimate of log p(x) from the same encoding.
type Bound struct {
	Recon float64 // E_q[−log p(x|h)], averaged over the K draws
	KL    float64 // KL(q(h|x) ‖ N(0, I)), exact
	LogPx float64 // the IWAE estimate with K draws (see LogPx)
}

// ELBO returns the evidence lower bound −Recon − KL (β = 1: the bound on
// log p(x), whatever β training weighs the KL with).
func (b Bound) ELBO() float64 { return -b.Recon - b.KL }

// LogPx estimates, for the point x with posterior (mu, logVar), the
// log-likelihood log p(x) = log ∫ p(x|h) p(h) dh by importance sampling
// with q(h|x) as the proposal, k = db.Cap draws hⱼ = μ + σ ⊙ εⱼ:
//
//	log p̂(x) = log (1/k) Σⱼ wⱼ,  wⱼ = p(x|hⱼ) p(hⱼ) / q(hⱼ|x),
//
// the bound of Burda, Grosse & Salakhutdinov's importance-weighted
// autoencoder ("Importance weighted autoencoders", ICLR 2016, eq. 8): its
// expectation is a lower bound on log p(x) that rises with k (their
// Theorem 1) to log p(x) as k → ∞, and is the ELBO at k = 1. The k draws
// are decoded as one batch db of the decoder (Cap k, its Lik's targets set
// here). Recon is the mean of −log p(x|hⱼ) over the same draws, an
// unbiased estimate of the ELBO's reconstruction term; KL is exact. The
// draws come from r (nil: eps, K×k values, feature-major, as given). It
// allocates nothing.
func (v *VAE) LogPx(x, mu, logVar []float64, db *Batch, eps []float64, r *rand.Rand) Bound {
	k, n := v.Code(), db.Cap
	db.N = n
	z := db.A[0]
	var bd Bound
	for i := 0; i < k; i++ {
		sd := math.Exp(0.5 * logVar[i])
		bd.KL += 0.5 * (mu[i]*mu[i] + sd*sd - logVar[i] - 1)
		for s := 0; s < n; s++ {
			e := 0.0
			if r != nil {
				e = r.NormFloat64()
			} else {
				e = eps[i*n+s]
			}
			z[i*n+s] = mu[i] + sd*e
		}
	}
	for s := 0; s < n; s++ {
		db.SetTarget(s, x)
	}
	v.Dec.Forward(db)
	lik := v.likelihood()
	// log wⱼ = log p(x|hⱼ) + log N(hⱼ; 0, I) − log N(hⱼ; μ, σ²); the
	// (2π) constants of the two Gaussians cancel.
	lw := db.work[:n] // the kernels' scratch, free after Forward
	top := math.Inf(-1)
	for s := 0; s < n; s++ {
		nll := lik.NLL(db, s)
		bd.Recon += nll
		w := -nll
		for i := 0; i < k; i++ {
			h := z[i*n+s]
			e := (h - mu[i]) * math.Exp(-0.5*logVar[i])
			w += -0.5*h*h + 0.5*e*e + 0.5*logVar[i]
		}
		lw[s] = w
		top = max(top, w)
	}
	sum := 0.0
	for _, w := range lw {
		sum += math.Exp(w - top)
	}
	bd.Recon /= float64(n)
	bd.LogPx = top + math.Log(sum/float64(n))
	return bd
}

// likelihood returns Lik; LogPx needs one.
func (v *VAE) likelihood() Likelihood {
	if v.Lik == nil {
		panic("nn: LogPx needs the VAE's Lik")
	}
	return v.Lik
}
