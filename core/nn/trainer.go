package nn

import (
	"math"
	"math/rand/v2"

	"aelab/core/data"
)

// Minibatch holds up to Cap training pairs, feature-major like a Batch:
// feature i of sample s of the inputs is In[i*Cap+s]. In and Target have Dim
// features each (an autoencoder reconstructs its input). Labels holds the
// class of each sample when the Trainer has Labels (a classifier).
type Minibatch struct {
	N, Cap, Dim int
	In, Target  []float64
	Labels      []int
}

// Objective is a model with its training loss, as a Trainer sees it: flat
// parameters, their gradient, and the loss of a minibatch.
type Objective interface {
	// Params are the model's parameters, updated in place by the optimizer.
	Params() []float64
	// Grads has Params' length.
	Grads() []float64
	// LossGrad returns the loss on the mb.N pairs of mb and writes its
	// gradient with respect to Params into Grads (overwriting it).
	LossGrad(mb *Minibatch) float64
}

// Trainer runs minibatch updates of an Objective on a data set: the
// lecture's "trained with backpropagation using minibatches" (slide
// "Details"). Each pair is (x̃, x): without Corrupt, x̃ = x. Scenes may change
// the learning rate, Corrupt, the objective's own settings and the points of
// Data (not their number) between calls to Step.
//
// A step that meets a non-finite loss restores the last parameters that gave
// a finite one, resets the optimizer, and reports the divergence, so a
// learning rate pushed too far never leaves NaN weights on screen.
type Trainer struct {
	Obj       Objective
	Opt       Optimizer
	Data      *data.Set
	BatchSize int
	// Corrupt, if set, replaces the inputs of each loaded minibatch by a
	// corrupted version x̃ ~ C(x̃|x); the targets stay the clean x.
	Corrupt func(mb *Minibatch, r *rand.Rand)
	// Labels, if set, holds a class for each point of Data, loaded into
	// the minibatch's Labels (see Classifier).
	Labels []int

	Steps int     // updates since NewTrainer or Reset
	Loss  float64 // objective of the last step's minibatch
	// Smooth is the minibatch loss averaged over about the last 100 steps
	// (an exponential moving average): the training loss a curve can show.
	Smooth float64

	rng  *rand.Rand
	mb   *Minibatch
	perm []int
	pos  int
	last []float64 // parameters of the last finite-loss step
}

// smoothSteps is the time constant of Trainer.Smooth, in steps.
const smoothSteps = 100

// NewTrainer returns a trainer that draws minibatches and corruption noise
// from r.
func NewTrainer(obj Objective, opt Optimizer, x *data.Set, batchSize int, r *rand.Rand) *Trainer {
	t := &Trainer{
		Obj: obj, Opt: opt, Data: x, BatchSize: batchSize,
		rng: r,
		mb: &Minibatch{Cap: batchSize, Dim: x.D,
			In: make([]float64, x.D*batchSize), Target: make([]float64, x.D*batchSize),
			Labels: make([]int, batchSize)},
		perm: make([]int, x.N),
		last: make([]float64, len(obj.Params())),
	}
	for i := range t.perm {
		t.perm[i] = i
	}
	t.pos = len(t.perm) // shuffle before the first batch
	copy(t.last, obj.Params())
	t.Loss, t.Smooth = math.NaN(), math.NaN()
	return t
}

// Reset clears the step count and the optimizer state after the caller
// has drawn new weights.
func (t *Trainer) Reset() {
	t.Steps = 0
	t.Loss, t.Smooth = math.NaN(), math.NaN()
	t.Opt.Reset()
	copy(t.last, t.Obj.Params())
}

// Minibatch returns the last loaded minibatch.
func (t *Trainer) Minibatch() *Minibatch { return t.mb }

// Step runs up to n minibatch updates. It returns how many it made and
// whether it stopped because the loss became non-finite, in which case the
// parameters are those of the last finite step.
func (t *Trainer) Step(n int) (done int, diverged bool) {
	params := t.Obj.Params()
	for done < n {
		t.load()
		loss := t.Obj.LossGrad(t.mb)
		if math.IsNaN(loss) || math.IsInf(loss, 0) {
			copy(params, t.last)
			t.Opt.Reset()
			return done, true
		}
		copy(t.last, params)
		t.Opt.Step(params, t.Obj.Grads())
		t.Loss = loss
		if t.Steps == 0 {
			t.Smooth = loss
		} else {
			t.Smooth += (loss - t.Smooth) / smoothSteps
		}
		t.Steps++
		done++
	}
	return done, false
}

// load fills the minibatch with the next BatchSize points of a shuffled
// pass over the data (Fisher–Yates, reshuffled every epoch).
func (t *Trainer) load() {
	mb := t.mb
	mb.N = min(t.BatchSize, t.Data.N)
	for s := 0; s < mb.N; s++ {
		if t.pos == len(t.perm) {
			for i := len(t.perm) - 1; i > 0; i-- {
				j := t.rng.IntN(i + 1)
				t.perm[i], t.perm[j] = t.perm[j], t.perm[i]
			}
			t.pos = 0
		}
		x := t.Data.At(t.perm[t.pos])
		if t.Labels != nil {
			mb.Labels[s] = t.Labels[t.perm[t.pos]]
		}
		t.pos++
		for i, v := range x {
			mb.In[i*mb.Cap+s] = v
			mb.Target[i*mb.Cap+s] = v
		}
	}
	if t.Corrupt != nil {
		t.Corrupt(mb, t.rng)
	}
}
