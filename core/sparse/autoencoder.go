package sparse

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
	"aelab/core/nn"
)

// Autoencoder is the sparse autoencoder of the slide "Regularized
// autoencoders": one encoder layer h = f(x) = a(W₁x + b₁) with a ReLU or
// sigmoid activation a (the field Act), a linear decoder g(h) = W₂h + b₂,
// and the L1 penalty R(h) = Σ_d |h_d| on the code,
//
//	(1/N) Σₙ ‖g(f(xₙ)) − xₙ‖² + λ (1/N) Σₙ ‖f(xₙ)‖₁.
//
// It is an nn.Objective, trained by nn.Trainer like any other. As the slide
// says, R "induces sparsity", but actual zeros need linear or ReLU units:
// a ReLU code is exactly 0 wherever W₁x + b₁ ≤ 0, a sigmoid code is never
// 0, only small.
type Autoencoder struct {
	Net    *nn.Net       // Dim-K-Dim: Layers[0] the encoder, Layers[1] the linear decoder
	Act    nn.Activation // the encoder's activation (nn.ReLU or nn.Sigmoid), read by every LossGrad
	Lambda float64       // λ ≥ 0

	b     *nn.Batch
	e     []float64 // the penalty's δ for one unit over a minibatch
	eval  *nn.Batch // for CodeSparsity and Measure
	codes []float64
	atoms []float64 // K×Dim, for Measure
	eval1 []float64 // Net.Eval's scratch, for Reconstruct
}

// NewAutoencoder returns a Dim-K-Dim sparse autoencoder with encoder
// activation act and Glorot-uniform initial weights drawn from r (nn.Net's
// Init).
func NewAutoencoder(dim, k int, act nn.Activation, lambda float64, r *rand.Rand) *Autoencoder {
	net := nn.New([]int{dim, k, dim}, []nn.Activation{act, nn.Linear})
	net.Init(r)
	return &Autoencoder{Net: net, Act: act, Lambda: lambda,
		atoms: make([]float64, k*dim), eval1: make([]float64, 2*max(k, dim))}
}

func (a *Autoencoder) Params() []float64 { return a.Net.Params }
func (a *Autoencoder) Grads() []float64  { return a.Net.Grads }

// Batch returns the workspace of the last LossGrad (tests, drawing): its
// A[1] holds the codes h, feature-major.
func (a *Autoencoder) Batch() *nn.Batch { return a.b }

// LossGrad returns the loss above on mb and writes its gradient into
// Grads. The penalty's gradient with respect to the code is λ·sign(h)/N
// (0 at h = 0, where ReLU's derivative is 0 as well); it flows to the
// encoder's weights only.
func (a *Autoencoder) LossGrad(mb *nn.Minibatch) float64 {
	if a.b == nil || a.b.Cap != mb.Cap {
		a.b = a.Net.NewBatch(mb.Cap)
		a.e = make([]float64, mb.Cap)
	}
	b, enc := a.b, &a.Net.Layers[0]
	enc.Act = a.Act
	b.A[0], b.T, b.N = mb.In, mb.Target, mb.N
	a.Net.Forward(b)
	loss := nn.MSE(b)
	a.Net.ZeroGrad()
	a.Net.Backward(b)
	if a.Lambda == 0 {
		return loss
	}
	// The penalty: its value, and its gradient through the encoder added
	// to what Backward left in the encoder's GW and GB (Backward overwrites
	// G[1], so the penalty's δ = λ sign(h) a'(z)/N is formed here, one unit
	// at a time).
	scale := a.Lambda / float64(b.N)
	h, x := b.A[1], b.A[0]
	e := a.e[:b.N]
	total := 0.0
	for k := 0; k < enc.Out; k++ {
		hk := h[k*b.Cap : k*b.Cap+b.N]
		sum := 0.0
		for s, v := range hk {
			total += math.Abs(v)
			var sg float64
			switch {
			case v > 0:
				sg = scale
			case v < 0:
				sg = -scale
			}
			e[s] = sg * a.Act.Deriv(v)
			sum += e[s]
		}
		enc.GB[k] += sum
		gw := enc.GW[k*enc.In : (k+1)*enc.In]
		for i := range gw {
			gw[i] += nn.Dot(e, x[i*b.Cap:i*b.Cap+b.N])
		}
	}
	return loss + scale*total
}

// CodeSparsity returns the fraction of nonzero entries of the codes f(x)
// over all points of x (the metric of Model.Sparsity for the network).
// It allocates its workspace on the first call only.
func (a *Autoencoder) CodeSparsity(x *data.Set) float64 {
	k := a.Net.Sizes[1]
	if a.eval == nil {
		a.eval = a.Net.NewBatch(256)
	}
	if len(a.codes) != x.N*k {
		a.codes = make([]float64, x.N*k)
	}
	a.Net.Layers[0].Act = a.Act
	a.Net.Apply(a.codes, 1, x, a.eval)
	return Sparsity(a.codes)
}

// Codes returns the codes f(xₙ) of the last CodeSparsity, N×K row-major
// (reused by the next call).
func (a *Autoencoder) Codes() []float64 { return a.codes }

// AEMeasures are the sparse scene's metrics of a sparse autoencoder over a
// set of points.
type AEMeasures struct {
	Objective float64 // MSE + λ·(1/N) Σₙ ‖f(xₙ)‖₁, the training loss over the whole set
	MSE       float64 // (1/N) Σₙ ‖g(f(xₙ)) − xₙ‖²
	Sparsity  float64 // fraction of nonzero entries of the codes f(xₙ)
	AtomNorm  float64 // mean norm of the decoder's columns, its atoms (Atoms)
}

// Measure computes the AEMeasures over x and leaves the codes f(xₙ) in
// Codes. It allocates its workspace on the first call only.
func (a *Autoencoder) Measure(x *data.Set) AEMeasures {
	var m AEMeasures
	m.Sparsity = a.CodeSparsity(x) // fills a.codes, sets the encoder's Act
	m.MSE = a.Net.ReconstructionError(x, a.eval)
	m.Objective = m.MSE + a.Lambda*l1(a.codes)/float64(x.N)
	a.Atoms(a.atoms)
	k := a.Net.Sizes[1]
	dim := len(a.atoms) / k
	m.AtomNorm = MeanRowNorm(blas64.General{Rows: k, Cols: dim, Stride: dim, Data: a.atoms})
	return m
}

// Atoms writes the decoder's columns into dst (K×Dim, row-major), one atom
// a row: g(h) = W₂h + b₂ = Σₖ hₖ·atomₖ + b₂, the linear decoder's analogue
// of a dictionary's atoms.
func (a *Autoencoder) Atoms(dst []float64) {
	dec := &a.Net.Layers[1] // Dim×K: atom k is column k
	k, dim := dec.In, dec.Out
	for j := 0; j < k; j++ {
		for i := 0; i < dim; i++ {
			dst[j*dim+i] = dec.W[i*k+j]
		}
	}
}

// Reconstruct writes g(f(x)) for one point x into dst (length Dim),
// allocating nothing.
func (a *Autoencoder) Reconstruct(dst, x []float64) {
	a.Net.Layers[0].Act = a.Act
	a.Net.Eval(dst, x, a.eval1)
}
