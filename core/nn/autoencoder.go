package nn

import "math/rand/v2"

// Autoencoder is the objective of a Net trained to reproduce its input:
//
//	(1/N) Σₙ ‖g(f(x̃ₙ)) − xₙ‖² + WeightDecay · Σ W²
//
// the squared error of the lecture's L(x̂, x) = ‖x̂ − x‖² averaged over the
// minibatch, plus weight decay over the weights (not the biases). Loss
// replaces the squared error, e.g. by CrossEntropy for sigmoid outputs.
type Autoencoder struct {
	Net         *Net
	WeightDecay float64
	// Loss is the reconstruction loss; nil means MSE.
	Loss LossFunc
	// Noise draws the noise of the net's layers with Noise > 0 during
	// training (semantic hashing); nil injects none.
	Noise *rand.Rand
	b     *Batch
}

// NewAutoencoder returns the objective of net.
func NewAutoencoder(net *Net) *Autoencoder { return &Autoencoder{Net: net} }

func (a *Autoencoder) Params() []float64 { return a.Net.Params }
func (a *Autoencoder) Grads() []float64  { return a.Net.Grads }

// prepare allocates the workspace for minibatches of up to n points.
func (a *Autoencoder) prepare(n int) {
	if a.b == nil || a.b.Cap != n {
		a.b = a.Net.NewBatch(n)
	}
}

// Batch returns the workspace of the last LossGrad (tests, drawing).
func (a *Autoencoder) Batch() *Batch { return a.b }

func (a *Autoencoder) LossGrad(mb *Minibatch) float64 {
	a.prepare(mb.Cap)
	b := a.b
	// The minibatch has the batch's feature-major layout: use it in place.
	b.A[0], b.T, b.N = mb.In, mb.Target, mb.N
	b.Rand = a.Noise
	a.Net.Forward(b)
	lossFn := a.Loss
	if lossFn == nil {
		lossFn = MSE
	}
	loss := lossFn(b)
	a.Net.ZeroGrad()
	a.Net.Backward(b)
	if a.WeightDecay != 0 {
		loss += weightDecay(a.Net, a.WeightDecay)
	}
	return loss
}

// weightDecay returns λΣW² over all layers and adds its gradient to those
// of the layers that are not frozen.
func weightDecay(n *Net, lam float64) float64 {
	total := 0.0
	for l := range n.Layers {
		ly := &n.Layers[l]
		for i, w := range ly.W {
			total += w * w
			if !ly.Frozen {
				ly.GW[i] += 2 * lam * w
			}
		}
	}
	return lam * total
}
