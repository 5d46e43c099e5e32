package nn

import "math"

// LossFunc is a loss over the b.N samples of a batch after Forward: it
// returns the loss averaged over the samples and writes its gradient into
// b.G[last], ready for Backward (setting or clearing b.OutputDelta).
type LossFunc func(b *Batch) float64

// MSE returns the lecture's squared-error loss L(x̂, x) = ‖x̂ − x‖² averaged
// over the b.N samples of a batch after Forward,
//
//	(1/N) Σ_s ‖y_s − t_s‖²,
//
// with outputs y in b.A[last] and targets t in b.T, and writes its gradient
// 2(y − t)/N into b.G[last], ready for Backward.
func MSE(b *Batch) float64 {
	last := len(b.A) - 1
	y, g := b.A[last], b.G[last]
	dim := len(y) / b.Cap
	scale := 2 / float64(b.N)
	b.OutputDelta = false
	total := 0.0
	for i := 0; i < dim; i++ {
		row := i * b.Cap
		ys, ts, gs := y[row:row+b.N], b.T[row:row+b.N], g[row:row+b.N]
		for s, v := range ys {
			d := v - ts[s]
			total += d * d
			gs[s] = scale * d
		}
	}
	return total / float64(b.N)
}

// CrossEntropy is the loss of sigmoid output units with targets t in [0, 1]
// (pixel intensities), the lecture's "sigmoidal units, cross-entropy score"
// (slide "Contractive autoencoders: empirical results, details"; the deep
// autoencoders of Hinton & Salakhutdinov, Science 2006, are trained so):
//
//	−(1/N) Σ_s Σ_i [t log y + (1 − t) log(1 − y)].
//
// Through the sigmoid its gradient is simply (y − t)/N with respect to the
// output layer's pre-activations; CrossEntropy writes that into b.G[last]
// and sets b.OutputDelta, so no 1/(y(1 − y)) is ever formed. The output
// layer must be Sigmoid (it panics otherwise). Outputs never reach 0 or 1,
// so the logarithms stay finite: Sigmoid01 stays 1.2e-8 away from them
// (Tanh64 is clamped at ±9).
func CrossEntropy(b *Batch) float64 {
	if b.outAct != Sigmoid {
		panic("nn: CrossEntropy needs a Sigmoid output layer")
	}
	last := len(b.A) - 1
	y, g := b.A[last], b.G[last]
	dim := len(y) / b.Cap
	scale := 1 / float64(b.N)
	b.OutputDelta = true
	total := 0.0
	for i := 0; i < dim; i++ {
		row := i * b.Cap
		ys, ts, gs := y[row:row+b.N], b.T[row:row+b.N], g[row:row+b.N]
		for s, v := range ys {
			t := ts[s]
			total -= t*math.Log(v) + (1-t)*math.Log(1-v)
			gs[s] = scale * (v - t)
		}
	}
	return total / float64(b.N)
}

// SoftmaxCrossEntropy is the loss of a classifier head: the linear outputs
// z are turned into class probabilities p = softmax(z) and scored against
// the target distribution t in b.T (one-hot for a label, see SetLabel),
//
//	−(1/N) Σ_s Σ_i t_i log p_i,
//
// whose gradient with respect to z is (p Σ_j t_j − t)/N, that is (p − t)/N
// for a distribution (Bishop, Pattern Recognition and Machine Learning,
// 2006, eq. 4.109). It writes that into b.G[last] and sets b.OutputDelta;
// the output layer must be Linear (it panics otherwise). The logarithm is
// taken as z_i − log Σ_j e^{z_j} with the largest z subtracted first, so
// large logits neither overflow nor lose the loss.
func SoftmaxCrossEntropy(b *Batch) float64 {
	if b.outAct != Linear {
		panic("nn: SoftmaxCrossEntropy needs a Linear output layer")
	}
	last := len(b.A) - 1
	z, g := b.A[last], b.G[last]
	dim := len(z) / b.Cap
	scale := 1 / float64(b.N)
	b.OutputDelta = true
	total := 0.0
	for s := 0; s < b.N; s++ {
		zmax := math.Inf(-1)
		for i := 0; i < dim; i++ {
			zmax = max(zmax, z[i*b.Cap+s])
		}
		sum, tsum := 0.0, 0.0
		for i := 0; i < dim; i++ {
			sum += math.Exp(z[i*b.Cap+s] - zmax)
			tsum += b.T[i*b.Cap+s]
		}
		logSum := zmax + math.Log(sum)
		for i := 0; i < dim; i++ {
			j := i*b.Cap + s
			logp := z[j] - logSum
			total -= b.T[j] * logp
			g[j] = scale * (math.Exp(logp)*tsum - b.T[j])
		}
	}
	return total / float64(b.N)
}

// Softmax writes softmax(z) into dst (the two may be the same slice).
func Softmax(dst, z []float64) {
	zmax := math.Inf(-1)
	for _, v := range z {
		zmax = max(zmax, v)
	}
	sum := 0.0
	for i, v := range z {
		dst[i] = math.Exp(v - zmax)
		sum += dst[i]
	}
	for i := range dst[:len(z)] {
		dst[i] /= sum
	}
}

// SetLabel writes the one-hot target of class c for sample s: the target
// distribution of SoftmaxCrossEntropy.
func (b *Batch) SetLabel(s, c int) {
	dim := len(b.T) / b.Cap
	for i := 0; i < dim; i++ {
		b.T[i*b.Cap+s] = 0
	}
	b.T[c*b.Cap+s] = 1
}

// Argmax returns the output unit with the largest value for sample s: the
// predicted class of a classifier.
func (b *Batch) Argmax(s int) int {
	out := b.A[len(b.A)-1]
	best := 0
	for i := 1; i < len(out)/b.Cap; i++ {
		if out[i*b.Cap+s] > out[best*b.Cap+s] {
			best = i
		}
	}
	return best
}
