package nn

import "aelab/core/data"

// Apply runs the net over every point of x, b.Cap points at a time, and
// writes the activations of layer output `layer` (0 is the input, len(Sizes)-1
// the output) into dst, row-major with Sizes[layer] columns. It allocates
// nothing.
func (n *Net) Apply(dst []float64, layer int, x *data.Set, b *Batch) {
	width := n.Sizes[layer]
	for start := 0; start < x.N; start += b.Cap {
		b.N = min(b.Cap, x.N-start)
		for s := 0; s < b.N; s++ {
			b.SetInput(s, x.At(start+s))
		}
		n.Forward(b)
		for s := 0; s < b.N; s++ {
			p := (start + s) * width
			b.Activation(dst[p:p+width], layer, s)
		}
	}
}

// ReconstructionError returns (1/N) Σₙ ‖g(f(xₙ)) − xₙ‖², the autoencoder's
// mean squared reconstruction error over all of x, b.Cap points at a time.
func (n *Net) ReconstructionError(x *data.Set, b *Batch) float64 {
	total := 0.0
	for start := 0; start < x.N; start += b.Cap {
		b.N = min(b.Cap, x.N-start)
		for s := 0; s < b.N; s++ {
			p := x.At(start + s)
			b.SetInput(s, p)
			b.SetTarget(s, p)
		}
		n.Forward(b)
		total += MSE(b) * float64(b.N)
	}
	return total / float64(x.N)
}
