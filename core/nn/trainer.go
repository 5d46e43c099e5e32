package nn

import (
	"math"
	"math/rand/v2"

	"aelab/core/data"
)

// Trainer trains a Net as an autoencoder on a data set, one minibatch update
// per step: it minimises the lecture's Σₙ L(g(f(x̃ₙ)), xₙ) with L the squared
// error, plus WeightDecay·Σ W² over the weights (not the biases). Without
// Corrupt, x̃ = x. Scenes may change LR, WeightDecay, Corrupt and the points
// of Data (not their number) between calls to Step.
//
// A step that meets a non-finite loss restores the last parameters that gave
// a finite one, resets the optimizer, and reports the divergence, so a
// learning rate pushed too far never leaves NaN weights on screen.
type Trainer struct {
	Net         *Net
	Opt         Optimizer
	Data        *data.Set
	BatchSize   int
	WeightDecay float64
	// Corrupt, if set, replaces the inputs of each loaded minibatch by a
	// corrupted version x̃ ~ C(x̃|x); the targets stay the clean x.
	Corrupt func(b *Batch, r *rand.Rand)

	Steps int     // updates since NewTrainer or Reset
	Loss  float64 // objective of the last step's minibatch

	rng   *rand.Rand
	batch *Batch
	perm  []int
	pos   int
	last  []float64 // parameters of the last finite-loss step
}

// NewTrainer returns a trainer that draws minibatches and corruption noise
// from r.
func NewTrainer(net *Net, opt Optimizer, x *data.Set, batchSize int, r *rand.Rand) *Trainer {
	t := &Trainer{
		Net: net, Opt: opt, Data: x, BatchSize: batchSize,
		rng:   r,
		batch: net.NewBatch(batchSize),
		perm:  make([]int, x.N),
		last:  make([]float64, len(net.Params)),
	}
	for i := range t.perm {
		t.perm[i] = i
	}
	t.pos = len(t.perm) // shuffle before the first batch
	copy(t.last, net.Params)
	t.Loss = math.NaN()
	return t
}

// Reset clears the step count and the optimizer state after the caller
// has drawn new weights.
func (t *Trainer) Reset() {
	t.Steps = 0
	t.Loss = math.NaN()
	t.Opt.Reset()
	copy(t.last, t.Net.Params)
}

// Batch returns the trainer's minibatch workspace, as the last step left it.
func (t *Trainer) Batch() *Batch { return t.batch }

// Step runs up to n minibatch updates. It returns how many it made and
// whether it stopped because the loss became non-finite, in which case the
// parameters are those of the last finite step.
func (t *Trainer) Step(n int) (done int, diverged bool) {
	net, b := t.Net, t.batch
	for done < n {
		t.load()
		net.Forward(b)
		loss := MSE(b)
		net.ZeroGrad()
		net.Backward(b)
		if t.WeightDecay != 0 {
			loss += t.decay()
		}
		if math.IsNaN(loss) || math.IsInf(loss, 0) {
			copy(net.Params, t.last)
			t.Opt.Reset()
			return done, true
		}
		copy(t.last, net.Params)
		t.Opt.Step(net.Params, net.Grads)
		t.Loss = loss
		t.Steps++
		done++
	}
	return done, false
}

// load fills the minibatch with the next BatchSize points of a shuffled
// pass over the data (Fisher–Yates, reshuffled every epoch).
func (t *Trainer) load() {
	b := t.batch
	b.N = min(t.BatchSize, t.Data.N)
	for s := 0; s < b.N; s++ {
		if t.pos == len(t.perm) {
			for i := len(t.perm) - 1; i > 0; i-- {
				j := t.rng.IntN(i + 1)
				t.perm[i], t.perm[j] = t.perm[j], t.perm[i]
			}
			t.pos = 0
		}
		x := t.Data.At(t.perm[t.pos])
		t.pos++
		b.SetInput(s, x)
		b.SetTarget(s, x)
	}
	if t.Corrupt != nil {
		t.Corrupt(b, t.rng)
	}
}

// decay adds the weight decay λΣW² to the gradients and returns its value.
func (t *Trainer) decay() float64 {
	lam, total := t.WeightDecay, 0.0
	for l := range t.Net.Layers {
		ly := &t.Net.Layers[l]
		for i, w := range ly.W {
			total += w * w
			ly.GW[i] += 2 * lam * w
		}
	}
	return lam * total
}
