package nn

import "math/rand/v2"

// Batch is the workspace of a forward and backward pass over up to Cap
// samples. Activations and gradients are stored feature-major: feature i of
// sample s of layer l is A[l][i*Cap+s]. A Batch belongs to one Net shape and
// one goroutine.
type Batch struct {
	Cap int         // capacity in samples (the stride of every row)
	N   int         // samples in use, N ≤ Cap
	A   [][]float64 // A[0] input, A[l+1] output of layer l
	G   [][]float64 // G[l] = ∂loss/∂A[l] after Backward
	T   []float64   // targets, Out×Cap, for the loss

	// InputGrad asks Backward to compute G[0] too (input sensitivities).
	InputGrad bool
	// OutputDelta tells Backward that G[last] holds ∂loss/∂(pre-activation)
	// of the output layer rather than ∂loss/∂output: set by the losses that
	// fold the output's non-linearity into their gradient (CrossEntropy,
	// SoftmaxCrossEntropy), cleared by MSE.
	OutputDelta bool
	// Rand, when set, draws the noise of layers with Noise > 0 in Forward;
	// nil (evaluation) injects none.
	Rand *rand.Rand

	work   []float64  // scratch of the kernels: a transposed W or A
	outAct Activation // the output layer's, for the losses' checks
}

// NewBatch returns a workspace for up to cap samples through n.
func (n *Net) NewBatch(cap int) *Batch {
	b := &Batch{Cap: cap, A: make([][]float64, len(n.Sizes)), G: make([][]float64, len(n.Sizes))}
	for l, s := range n.Sizes {
		b.A[l] = make([]float64, s*cap)
		b.G[l] = make([]float64, s*cap)
	}
	b.T = make([]float64, n.Out()*cap)
	work := 0
	for _, ly := range n.Layers {
		work = max(work, ly.In*ly.Out, ly.In*cap)
	}
	b.work = make([]float64, work)
	b.outAct = n.Layers[len(n.Layers)-1].Act
	return b
}

// SetInput writes point x as the input of sample s.
func (b *Batch) SetInput(s int, x []float64) {
	in := b.A[0]
	for i, v := range x {
		in[i*b.Cap+s] = v
	}
}

// SetTarget writes point t as the target of sample s.
func (b *Batch) SetTarget(s int, t []float64) {
	for i, v := range t {
		b.T[i*b.Cap+s] = v
	}
}

// Output writes the output of sample s into dst.
func (b *Batch) Output(dst []float64, s int) {
	b.Activation(dst, len(b.A)-1, s)
}

// Activation writes the activations of layer output l (0 is the input) for
// sample s into dst.
func (b *Batch) Activation(dst []float64, l, s int) {
	a := b.A[l]
	for i := range dst {
		dst[i] = a[i*b.Cap+s]
	}
}
