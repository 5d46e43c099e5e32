package nn

import (
	"math"
	"math/rand/v2"
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
	Beta     float64  // weight of the KL term; NewVAE sets 1
	Rand     *rand.Rand

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
