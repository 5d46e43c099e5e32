// Package denoise is the lecture's denoising autoencoder (slides "Denoising
// autoencoders", "Denoising autoencoder: definition", "Benefits", "What it
// learns"; Vincent, Larochelle, Bengio & Manzagol, ICML 2008): sample x from
// the training set, corrupt it, x̃ ~ C(x̃|x), and train g(f(x̃)) to return the
// clean x. On a 1-D manifold in the plane the learned reconstruction field
// g(f(x)) − x points back to the manifold, and vanishes on it.
package denoise

import (
	"math/rand/v2"

	"aelab/core/nn"
)

// Kind is the corruption process C(x̃|x).
type Kind uint8

const (
	// Gaussian adds N(0, σ²I): x̃ = x + σε.
	Gaussian Kind = iota
	// Mask sets each coordinate to 0 with probability p.
	Mask
)

// Corruption is C(x̃|x), with its parameters settable between steps.
type Corruption struct {
	Kind  Kind
	Sigma float64 // Gaussian standard deviation σ
	P     float64 // Mask probability p
	Off   bool    // no corruption: the plain autoencoder
}

// Point corrupts one point: dst = x̃ for x (dst may be x).
func (c *Corruption) Point(dst, x []float64, r *rand.Rand) {
	for i, v := range x {
		dst[i] = c.value(v, r)
	}
}

func (c *Corruption) value(v float64, r *rand.Rand) float64 {
	switch {
	case c.Off:
		return v
	case c.Kind == Mask:
		if r.Float64() < c.P {
			return 0
		}
		return v
	}
	return v + c.Sigma*r.NormFloat64()
}

// Apply corrupts the inputs of a minibatch in place; the targets stay the
// clean points (nn.Trainer's Corrupt hook).
func (c *Corruption) Apply(mb *nn.Minibatch, r *rand.Rand) {
	if c.Off {
		return
	}
	for i := 0; i < mb.Dim; i++ {
		row := mb.In[i*mb.Cap : i*mb.Cap+mb.N]
		for s, v := range row {
			row[s] = c.value(v, r)
		}
	}
}
