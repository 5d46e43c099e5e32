package memorize

import (
	"aelab/core/data"
	"aelab/core/nn"
)

// Indexed is the objective that builds the lecture's decomposition
// outright (slide 14: "a complicated encoder encodes xₙ → n and a
// complicated decoder decodes n → xₙ"): the code of training example n is
// prescribed to be its observation number, scaled to [−1, 1],
//
//	tₙ = −1 + 2n/(N−1),
//
// and the encoder and the decoder are fitted to it separately,
//
//	(1/N) Σₙ [ (f(xₙ) − tₙ)² + ‖g(tₙ) − xₙ‖² ].
//
// The examples are drawn at random, so n says nothing about where xₙ lies:
// the code is an index by construction, and what the training error
// reaches measures whether the encoder and the decoder have the capacity
// the caveat speaks of. Its Trainer's data hold xₙ followed by tₙ (D + 1
// features, see IndexedSet), so that the minibatch's feature-major layout
// gives the encoder its inputs and the decoder its inputs and targets in
// place.
type Indexed struct {
	Net, Enc, Dec *nn.Net
	be, bd        *nn.Batch
}

func (o *Indexed) Params() []float64 { return o.Net.Params }
func (o *Indexed) Grads() []float64  { return o.Net.Grads }

func (o *Indexed) LossGrad(mb *nn.Minibatch) float64 {
	if o.be == nil || o.be.Cap != mb.Cap {
		o.be, o.bd = o.Enc.NewBatch(mb.Cap), o.Dec.NewBatch(mb.Cap)
	}
	d := mb.Dim - 1
	x, t := mb.In[:d*mb.Cap], mb.In[d*mb.Cap:(d+1)*mb.Cap]
	o.Net.ZeroGrad()
	o.be.A[0], o.be.T, o.be.N = x, t, mb.N
	o.Enc.Forward(o.be)
	loss := nn.MSE(o.be)
	o.Enc.Backward(o.be)
	o.bd.A[0], o.bd.T, o.bd.N = t, x, mb.N
	o.Dec.Forward(o.bd)
	loss += nn.MSE(o.bd)
	o.Dec.Backward(o.bd)
	return loss
}

// IndexCode returns tₙ, the code Indexed prescribes to training example n
// of N.
func IndexCode(n, N int) float64 { return -1 + 2*float64(n)/float64(N-1) }

// IndexedSet returns the examples of x, each followed by its IndexCode.
func IndexedSet(x *data.Set) *data.Set {
	s := data.NewSet(x.N, x.D+1)
	for n := 0; n < x.N; n++ {
		copy(s.At(n), x.At(n))
		s.At(n)[x.D] = IndexCode(n, x.N)
	}
	return s
}
