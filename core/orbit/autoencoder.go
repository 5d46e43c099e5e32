package orbit

import (
	"math/rand/v2"

	"aelab/core/nn"
)

// AEConfig is the shape and training of the autoencoder with a 1-unit code
// that learns the orbit.
type AEConfig struct {
	Hidden    int     // tanh units on each side of the code
	LR        float64 // Adam's step size
	BatchSize int
}

// DefaultAE trains in a few hundred steps on a ±6 px orbit (TestAEBeatsPCA1).
var DefaultAE = AEConfig{Hidden: 16, LR: 0.01, BatchSize: 32}

// Autoencoder is D → Hidden → 1 → Hidden → D, tanh hidden units, a linear
// code and output, trained on the orbit's samples by Adam on the squared
// error: a 1-D code can follow the curved orbit, which one principal
// component (a straight line) cannot (the lecture's move from PCA to
// non-linear autoencoders, slide "Undercomplete autoencoders").
type Autoencoder struct {
	Net     *nn.Net
	Trainer *nn.Trainer
	a       *Analysis
	eval    *nn.Batch
}

// NewAutoencoder returns an autoencoder for the orbit's samples, its
// weights drawn from seed.
func NewAutoencoder(a *Analysis, cfg AEConfig, seed uint64) *Autoencoder {
	d := a.X.D
	net := nn.New([]int{d, cfg.Hidden, 1, cfg.Hidden, d}, []nn.Activation{nn.Tanh, nn.Linear, nn.Tanh, nn.Linear})
	r := rand.New(rand.NewPCG(seed, 0x0b17))
	net.Init(r)
	tr := nn.NewTrainer(nn.NewAutoencoder(net), nn.NewAdam(cfg.LR), a.X, min(cfg.BatchSize, a.X.N), r)
	ae := &Autoencoder{Net: net, Trainer: tr, a: a, eval: net.NewBatch(a.X.N)}
	for n := 0; n < a.X.N; n++ {
		ae.eval.SetInput(n, a.X.At(n))
	}
	ae.eval.N = a.X.N
	return ae
}

// Train runs n minibatch steps.
func (ae *Autoencoder) Train(n int) (int, bool) { return ae.Trainer.Step(n) }

// Evaluate runs every sample through the net: MSE returns, and Code and
// Recon read, the result.
func (ae *Autoencoder) Evaluate() { ae.Net.Forward(ae.eval) }

// MSE returns (1/N) Σₙ ‖g(f(xₙ)) − xₙ‖² over the orbit's samples after
// Evaluate, PCA's ReconstructionError's measure.
func (ae *Autoencoder) MSE() float64 {
	b, x := ae.eval, ae.a.X
	out := b.A[len(b.A)-1]
	total := 0.0
	for n := 0; n < x.N; n++ {
		for i, v := range x.At(n) {
			d := out[i*b.Cap+n] - v
			total += d * d
		}
	}
	return total / float64(x.N)
}

// Code returns sample n's code f(xₙ) after Evaluate.
func (ae *Autoencoder) Code(n int) float64 { return ae.eval.A[2][n] }

// Recon writes sample n's reconstruction after Evaluate into dst.
func (ae *Autoencoder) Recon(dst []float64, n int) {
	b := ae.eval
	out := b.A[len(b.A)-1]
	for i := range dst {
		dst[i] = out[i*b.Cap+n]
	}
}
