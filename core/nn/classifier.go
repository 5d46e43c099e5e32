package nn

// Classifier is the objective of a Net whose Linear outputs score classes:
// the softmax cross-entropy of the minibatch's Labels (Trainer.Labels),
//
//	−(1/N) Σₙ log softmax(f(xₙ))_{yₙ} + WeightDecay · Σ W².
//
// Trained on top of a pretrained encoder (see Stack), it is the supervised
// fine-tuning stage of greedy layer-wise pretraining (Bengio et al.,
// "Greedy layer-wise training of deep networks", NIPS 2007, section 2; the
// lecture's slides "Unsupervized pretraining" and "Supervised pretraining").
type Classifier struct {
	Net         *Net
	WeightDecay float64
	b           *Batch
}

// NewClassifier returns the objective of net, whose output layer must be
// Linear with one unit per class.
func NewClassifier(net *Net) *Classifier { return &Classifier{Net: net} }

func (c *Classifier) Params() []float64 { return c.Net.Params }
func (c *Classifier) Grads() []float64  { return c.Net.Grads }

// prepare allocates the workspace for minibatches of up to n points.
func (c *Classifier) prepare(n int) {
	if c.b == nil || c.b.Cap != n {
		c.b = c.Net.NewBatch(n)
	}
}

// Batch returns the workspace of the last LossGrad.
func (c *Classifier) Batch() *Batch { return c.b }

func (c *Classifier) LossGrad(mb *Minibatch) float64 {
	c.prepare(mb.Cap)
	b := c.b
	b.A[0], b.N = mb.In, mb.N
	for s := 0; s < mb.N; s++ {
		b.SetLabel(s, mb.Labels[s])
	}
	c.Net.Forward(b)
	loss := SoftmaxCrossEntropy(b)
	c.Net.ZeroGrad()
	c.Net.Backward(b)
	if c.WeightDecay != 0 {
		loss += weightDecay(c.Net, c.WeightDecay)
	}
	return loss
}

// Accuracy returns the fraction of the points of x (rows of X, dimension
// In) whose largest output is their label, b.Cap points at a time.
func (n *Net) Accuracy(x []float64, labels []int, b *Batch) float64 {
	in := n.In()
	count := len(labels)
	right := 0
	for start := 0; start < count; start += b.Cap {
		b.N = min(b.Cap, count-start)
		for s := 0; s < b.N; s++ {
			b.SetInput(s, x[(start+s)*in:(start+s+1)*in])
		}
		n.Forward(b)
		for s := 0; s < b.N; s++ {
			if b.Argmax(s) == labels[start+s] {
				right++
			}
		}
	}
	return float64(right) / float64(count)
}
