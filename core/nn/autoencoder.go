package nn

// Autoencoder is the objective of a Net trained to reproduce its input:
//
//	(1/N) Σₙ ‖g(f(x̃ₙ)) − xₙ‖² + WeightDecay · Σ W²
//
// the squared error of the lecture's L(x̂, x) = ‖x̂ − x‖² averaged over the
// minibatch, plus weight decay over the weights (not the biases).
type Autoencoder struct {
	Net         *Net
	WeightDecay float64
	b           *Batch
}

// NewAutoencoder returns the objective of net.
func NewAutoencoder(net *Net) *Autoencoder { return &Autoencoder{Net: net} }

func (a *Autoencoder) Params() []float64 { return a.Net.Params }
func (a *Autoencoder) Grads() []float64  { return a.Net.Grads }

// Batch returns the workspace of the last LossGrad (tests, drawing).
func (a *Autoencoder) Batch() *Batch { return a.b }

func (a *Autoencoder) LossGrad(mb *Minibatch) float64 {
	if a.b == nil || a.b.Cap != mb.Cap {
		a.b = a.Net.NewBatch(mb.Cap)
	}
	b := a.b
	// The minibatch has the batch's feature-major layout: use it in place.
	b.A[0], b.T, b.N = mb.In, mb.Target, mb.N
	a.Net.Forward(b)
	loss := MSE(b)
	a.Net.ZeroGrad()
	a.Net.Backward(b)
	if a.WeightDecay != 0 {
		loss += a.decay()
	}
	return loss
}

// decay adds the weight decay λΣW² to the gradients and returns its value.
func (a *Autoencoder) decay() float64 {
	lam, total := a.WeightDecay, 0.0
	for l := range a.Net.Layers {
		ly := &a.Net.Layers[l]
		for i, w := range ly.W {
			total += w * w
			ly.GW[i] += 2 * lam * w
		}
	}
	return lam * total
}
