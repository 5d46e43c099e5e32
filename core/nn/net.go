package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Layer is one dense layer a(Wx + b). W and B (and their gradients GW, GB)
// are views into the flat Params (Grads) of the Net that owns the layer.
type Layer struct {
	In, Out int
	Act     Activation
	W       []float64 // Out×In, row-major: W[k*In+i] connects input i to unit k
	B       []float64 // Out
	GW, GB  []float64 // gradients, same shapes

	// Noise is the standard deviation of Gaussian noise added to the
	// pre-activations, a(Wx + b + Noise·ε) with ε ~ N(0, I), in a forward
	// pass over a Batch whose Rand is set (training); evaluation batches
	// have none. Before a sigmoid code layer it drives the code towards
	// binary values, as in semantic hashing (Salakhutdinov & Hinton,
	// "Semantic hashing", Int. J. Approx. Reasoning 2009, section 3; the
	// lecture's slide "Semantic hashing: binarization of representation":
	// "before this non-linearity add noise"): noise the decoder cannot see
	// through unless the code saturates.
	Noise float64

	// Frozen layers keep their parameters: Backward leaves their gradients
	// at zero and stops below the lowest layer that is not frozen (unless
	// the batch asks for InputGrad). The lecture's "we may fix pretrained
	// weights" (slide "Unsupervized pretraining"): a new layer learns on
	// top of a pretrained stack (see Stack). An optimizer with momentum
	// should be Reset after Frozen changes, or its velocity keeps moving the
	// frozen weights.
	Frozen bool
}

// injectNoise adds Noise·ε to the pre-activations z of the batch's samples
// when the layer has noise and the batch a random source.
func (ly *Layer) injectNoise(z []float64, b *Batch) {
	if ly.Noise == 0 || b.Rand == nil {
		return
	}
	for k := 0; k < ly.Out; k++ {
		row := z[k*b.Cap : k*b.Cap+b.N]
		for s := range row {
			row[s] += ly.Noise * b.Rand.NormFloat64()
		}
	}
}

// Net is a multilayer perceptron. Layer l maps Sizes[l] units to Sizes[l+1].
type Net struct {
	Sizes  []int
	Layers []Layer
	Params []float64 // every W then B, layer by layer
	Grads  []float64 // same layout as Params
}

// New returns a net with the given layer sizes (inputs first) and one
// activation per layer; weights are zero until Init.
func New(sizes []int, acts []Activation) *Net {
	total := paramCount(sizes, acts)
	return newIn(sizes, acts, make([]float64, total), make([]float64, total))
}

// paramCount returns the number of weights and biases of a net.
func paramCount(sizes []int, acts []Activation) int {
	if len(sizes) < 2 || len(acts) != len(sizes)-1 {
		panic("nn: New needs len(acts) == len(sizes)-1 >= 1")
	}
	total := 0
	for l := range acts {
		total += sizes[l+1]*sizes[l] + sizes[l+1]
	}
	return total
}

// newIn lays a net out in params and grads (paramCount long), so that
// several nets can share one flat parameter vector (see VAE).
func newIn(sizes []int, acts []Activation, params, grads []float64) *Net {
	n := &Net{
		Sizes:  append([]int(nil), sizes...),
		Layers: make([]Layer, len(acts)),
		Params: params,
		Grads:  grads,
	}
	off := 0
	for l, a := range acts {
		in, out := sizes[l], sizes[l+1]
		ly := &n.Layers[l]
		ly.In, ly.Out, ly.Act = in, out, a
		ly.W, ly.GW = n.Params[off:off+out*in], n.Grads[off:off+out*in]
		off += out * in
		ly.B, ly.GB = n.Params[off:off+out], n.Grads[off:off+out]
		off += out
	}
	return n
}

// Slice returns the net made of layers lo to hi−1 of n, sharing their
// weights, biases and gradients (no copy): the encoder (layers below the
// code) or the decoder (layers above it) of an autoencoder, run on their
// own to draw codes or the decoder's curve g(h).
func (n *Net) Slice(lo, hi int) *Net {
	if lo < 0 || hi > len(n.Layers) || lo >= hi {
		panic("nn: Slice needs 0 <= lo < hi <= len(Layers)")
	}
	acts := make([]Activation, hi-lo)
	off := 0
	for l := range n.Layers[:lo] {
		off += len(n.Layers[l].W) + len(n.Layers[l].B)
	}
	end := off
	for l := lo; l < hi; l++ {
		acts[l-lo] = n.Layers[l].Act
		end += len(n.Layers[l].W) + len(n.Layers[l].B)
	}
	s := newIn(n.Sizes[lo:hi+1], acts, n.Params[off:end:end], n.Grads[off:end:end])
	for l := lo; l < hi; l++ {
		s.Layers[l-lo].Noise, s.Layers[l-lo].Frozen = n.Layers[l].Noise, n.Layers[l].Frozen
	}
	return s
}

// Stack returns a new net made of copies of the given layers in order
// (weights, biases, activation, Noise, Frozen); each layer's In must be the
// previous one's Out. It builds a deep autoencoder from trained shallow
// ones: the encoders of the stages of greedy layer-wise pretraining, then
// their decoders in reverse, "unrolled" for fine-tuning (Hinton &
// Salakhutdinov, Science 2006, Fig. 1; Bengio et al., NIPS 2007; the
// lecture's slide "Unsupervized pretraining": "by training shallow
// autoencoders build layer by layer, use pretrained layers as
// initialization for deep network"), or a pretrained encoder with a new
// classifier layer on top.
func Stack(layers ...*Layer) *Net {
	if len(layers) == 0 {
		panic("nn: Stack needs at least one layer")
	}
	sizes := []int{layers[0].In}
	acts := make([]Activation, len(layers))
	for l, ly := range layers {
		if ly.In != sizes[l] {
			panic(fmt.Sprintf("nn: Stack: layer %d has %d inputs, the layer below it %d outputs", l, ly.In, sizes[l]))
		}
		sizes = append(sizes, ly.Out)
		acts[l] = ly.Act
	}
	n := New(sizes, acts)
	for l, ly := range layers {
		dst := &n.Layers[l]
		copy(dst.W, ly.W)
		copy(dst.B, ly.B)
		dst.Noise, dst.Frozen = ly.Noise, ly.Frozen
	}
	return n
}

// Init draws the weights from Glorot & Bengio's uniform distribution
// (AISTATS 2010, eq. 16), U(±√(6/(in+out))), and sets the biases to zero.
func (n *Net) Init(r *rand.Rand) {
	for l := range n.Layers {
		ly := &n.Layers[l]
		a := math.Sqrt(6 / float64(ly.In+ly.Out))
		for i := range ly.W {
			ly.W[i] = a * (2*r.Float64() - 1)
		}
		clear(ly.B)
	}
}

// In returns the input dimension.
func (n *Net) In() int { return n.Sizes[0] }

// Out returns the output dimension.
func (n *Net) Out() int { return n.Sizes[len(n.Sizes)-1] }

// ZeroGrad sets every gradient to zero.
func (n *Net) ZeroGrad() { clear(n.Grads) }

// Forward computes the activations of every layer for the b.N samples whose
// inputs are in b.A[0].
func (n *Net) Forward(b *Batch) {
	for l := range n.Layers {
		ly := &n.Layers[l]
		out := b.A[l+1]
		linearForward(out, ly.W, ly.B, b.A[l], ly.Out, ly.In, b.Cap, b.N)
		ly.injectNoise(out, b)
		if ly.Act != Linear {
			for k := 0; k < ly.Out; k++ {
				ly.Act.Apply(out[k*b.Cap : k*b.Cap+b.N])
			}
		}
	}
}

// Backward back-propagates ∂loss/∂output, which the caller has put in
// b.G[len(Layers)] (see MSE; or ∂loss/∂(pre-activation) of the output layer
// when b.OutputDelta is set, see CrossEntropy), through the net after a
// Forward on the same batch. It adds the parameter gradients of the layers
// that are not Frozen to Grads and leaves ∂loss/∂A[l] in b.G[l] for every l
// above the lowest such layer (every l ≥ 1 when none is frozen), and in
// b.G[0] when b.InputGrad is set. Each G[l] above the input is overwritten
// by ∂loss/∂(pre-activation) on the way.
func (n *Net) Backward(b *Batch) {
	low := 0 // the lowest layer whose deltas anything needs
	if !b.InputGrad {
		low = n.lowestTrainable()
	}
	for l := len(n.Layers) - 1; l >= low; l-- {
		ly := &n.Layers[l]
		g, y := b.G[l+1], b.A[l+1]
		if ly.Act != Linear && !(l == len(n.Layers)-1 && b.OutputDelta) {
			for k := 0; k < ly.Out; k++ {
				ly.Act.MulDeriv(g[k*b.Cap:k*b.Cap+b.N], y[k*b.Cap:k*b.Cap+b.N])
			}
		}
		if !ly.Frozen {
			weightGrad(ly.GW, ly.GB, g, b.A[l], ly.Out, ly.In, b.Cap, b.N, b.work)
		}
		if l > low || b.InputGrad {
			inputGrad(b.G[l], ly.W, g, ly.Out, ly.In, b.Cap, b.N, b.work)
		}
	}
}

// lowestTrainable returns the index of the lowest layer that is not
// frozen, or len(Layers) when all are.
func (n *Net) lowestTrainable() int {
	for l := range n.Layers {
		if !n.Layers[l].Frozen {
			return l
		}
	}
	return len(n.Layers)
}

// Eval runs the net on one input x and writes the output into dst, using
// scratch (len ≥ 2·max(Sizes)) for the hidden activations. It allocates
// nothing and is meant for drawing a handful of points; batches go through
// Forward.
func (n *Net) Eval(dst, x, scratch []float64) {
	width := 0
	for _, s := range n.Sizes {
		width = max(width, s)
	}
	cur, next := scratch[:width], scratch[width:2*width]
	copy(cur, x)
	for l := range n.Layers {
		ly := &n.Layers[l]
		for k := 0; k < ly.Out; k++ {
			z := ly.B[k] + Dot(ly.W[k*ly.In:(k+1)*ly.In], cur[:ly.In])
			next[k] = ly.Act.Eval(z)
		}
		cur, next = next, cur
	}
	copy(dst, cur[:n.Out()])
}

// Finite reports whether every parameter is a finite number.
func (n *Net) Finite() bool {
	return finite(n.Params)
}

func finite(v []float64) bool {
	s := 0.0
	for _, x := range v {
		s += x * 0 // NaN·0 and ±Inf·0 are NaN; finite·0 is 0
	}
	return s == 0
}
