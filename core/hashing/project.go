package hashing

import (
	"math/rand/v2"
	"slices"

	"aelab/core/data"
	"aelab/core/pca"
)

// Projection hashes a point x to K bits by thresholding K linear
// projections: bit j is set when W_j·(x − Mean) > T_j. Both baselines of
// the autoencoder's codes are projections.
type Projection struct {
	K, D int
	Mean []float64 // D
	W    []float64 // K×D, row j is direction j
	T    []float64 // K thresholds
}

// NewLSH returns random-projection locality-sensitive hashing (Charikar,
// STOC 2002: the sign of a projection on a random Gaussian direction;
// two points' bits differ with probability θ/π, θ the angle between them)
// for the data x, centred at its mean.
func NewLSH(x *data.Set, k int, r *rand.Rand) *Projection {
	p := &Projection{K: k, D: x.D, Mean: x.Mean(nil), W: make([]float64, k*x.D), T: make([]float64, k)}
	for i := range p.W {
		p.W[i] = r.NormFloat64()
	}
	return p
}

// NewPCAMedian returns the top K principal directions of x, each
// thresholded at the median of x's projections on it, so that every bit
// splits the data in half (PCAH in Weiss, Torralba & Fergus, "Spectral
// hashing", NIPS 2008). With K above x's dimension it panics.
func NewPCAMedian(x *data.Set, k int) *Projection {
	if k > x.D {
		panic("hashing: NewPCAMedian needs K ≤ D")
	}
	fit := pca.Fit(x)
	p := &Projection{K: k, D: x.D, Mean: fit.Mean, W: make([]float64, k*x.D), T: make([]float64, k)}
	v := fit.Vectors
	for j := 0; j < k; j++ {
		for i := 0; i < x.D; i++ {
			p.W[j*x.D+i] = v.Data[i*v.Stride+j]
		}
	}
	proj := make([]float64, x.N)
	for j := 0; j < k; j++ {
		for n := range proj {
			proj[n] = p.project(j, x.At(n))
		}
		slices.Sort(proj)
		p.T[j] = (proj[(x.N-1)/2] + proj[x.N/2]) / 2
	}
	return p
}

// project returns W_j·(x − Mean).
func (p *Projection) project(j int, x []float64) float64 {
	w := p.W[j*p.D : (j+1)*p.D]
	s := 0.0
	for i, v := range x {
		s += w[i] * (v - p.Mean[i])
	}
	return s
}

// Hash writes the address of each point of x into dst (len x.N).
func (p *Projection) Hash(dst []uint32, x *data.Set) {
	for n := range dst {
		var w uint32
		xn := x.At(n)
		for j := 0; j < p.K; j++ {
			if p.project(j, xn) > p.T[j] {
				w |= 1 << j
			}
		}
		dst[n] = w
	}
}
