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
// A learning rate pushed too far is a demonstration a lecture wants to give
// and take back, so the Trainer guards against divergence. It keeps a
// checkpoint: the last parameters whose loss was sane, that is near the best
// it has seen (Sane), not merely finite — a loss of 1e170 is finite. A step
// whose loss is non-finite or far above what training has seen (Diverging)
// puts the checkpoint back, resets the optimizer and reports the divergence,
// so that a lower learning rate continues from weights it can train.
//
// The loss that judges an update is the next minibatch's, at the updated
// parameters: Step computes it right after the update and keeps it, with its
// gradient, for the next step (or the next call), so that no call returns
// parameters that were never checked — a scene measures and shows them —
// and none costs an extra evaluation. A caller that changes the parameters
// calls Reset.
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
	// (an exponential moving average, bias-corrected as Adam's moments are,
	// so that over the first steps it is their mean rather than the first
	// minibatch's loss): the training loss a curve can show.
	Smooth float64
	// Initial is the loss of the first minibatch since NewTrainer or Reset:
	// what untrained weights score, a level training never needs to exceed
	// by much.
	Initial float64
	// Best is the lowest Smooth seen, forgetting slowly upwards (see
	// bestForget) so that a live change that raises the objective for good
	// (more noise, a larger penalty) lets checkpoints resume at the new
	// level.
	Best float64
	// Restored is the step whose parameters the last divergence put back
	// (the checkpoint's Steps), for a message that says where training
	// went back to.
	Restored int

	rng      *rand.Rand
	mb       *Minibatch
	perm     []int
	pos      int
	ckpt     []float64 // the checkpoint: the last parameters with a sane loss
	ckptStep int       // Steps when ckpt was taken
	ckptLoss float64   // its minibatch loss
	weight   float64   // of Smooth's average: 1 − (1 − 1/smoothSteps)^Steps
	// ahead: the loaded minibatch has been evaluated at the current
	// parameters, its loss is next and its gradient in Obj.Grads()
	ahead bool
	next  float64
}

// smoothSteps is the time constant of Trainer.Smooth, in steps.
const smoothSteps = 100

// divergeFactor is how far above its reference level, the larger of
// Trainer.Initial and Trainer.Best, a minibatch loss must be to count as a
// divergence. Minibatch noise and the live changes a scene offers (a
// penalty λ raised a hundredfold, the noise σ at its maximum) move the loss
// by well under a hundred times that level; a learning rate past the
// stable range multiplies it by 10–1e30 a step, so the bound is crossed a
// few steps after training starts to blow up, long before it overflows.
const divergeFactor = 1e3

// saneFactor bounds a checkpoint: its minibatch loss and the smoothed loss
// at that step must both be within saneFactor of Best. On a converged model
// of the pca scene about 96% of minibatches (of 32) score within 1.5 times
// the best smoothed loss, so checkpoints keep coming; a step on its way up a
// divergence is past it, so the checkpoint is never from the blow-up.
const saneFactor = 1.5

// bestForget is the number of steps over which Best may rise by a factor
// e when the smoothed loss stays above it (a forgetting minimum): slower
// than any divergence worth the name (tens of steps per e-fold), faster
// than a lecture waits after raising the noise.
const bestForget = 1000

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
		ckpt: make([]float64, len(obj.Params())),
	}
	for i := range t.perm {
		t.perm[i] = i
	}
	t.pos = len(t.perm) // shuffle before the first batch
	t.start()
	return t
}

// preparer is an objective or an optimizer that allocates its workspace
// at its first use unless prepared for n (points of a minibatch, or
// parameters).
type preparer interface{ prepare(n int) }

// Prepare allocates now what the first Step would allocate, the
// objective's workspace and the optimizer's state, without changing what
// training does: for a caller that must not allocate while it trains, such
// as a scene that starts a prepared trainer in the middle of a frame.
func (t *Trainer) Prepare() {
	if p, ok := t.Obj.(preparer); ok {
		p.prepare(t.BatchSize)
	}
	if p, ok := t.Opt.(preparer); ok {
		p.prepare(len(t.Obj.Params()))
	}
}

// Reset clears the step count, the loss levels and the optimizer state
// after the caller has drawn new weights, which become the checkpoint.
func (t *Trainer) Reset() {
	t.Opt.Reset()
	t.start()
}

// start makes the current parameters the checkpoint of step 0, with no
// loss measured yet.
func (t *Trainer) start() {
	t.Steps, t.Restored = 0, 0
	t.Loss, t.Smooth, t.Initial, t.Best = math.NaN(), math.NaN(), math.NaN(), math.NaN()
	t.weight = 0
	t.ahead = false
	copy(t.ckpt, t.Obj.Params())
	t.ckptStep, t.ckptLoss = 0, math.NaN()
}

// Minibatch returns the last loaded minibatch.
func (t *Trainer) Minibatch() *Minibatch { return t.mb }

// Checkpoint returns the step of the parameters a divergence now would put
// back.
func (t *Trainer) Checkpoint() int { return t.ckptStep }

// Step runs up to n minibatch updates. It returns how many it made and
// whether it stopped because training diverged, in which case the
// parameters are the checkpoint's (step Restored) and the optimizer is
// reset.
func (t *Trainer) Step(n int) (done int, diverged bool) {
	params := t.Obj.Params()
	if n > 0 && !t.ready() {
		return 0, true
	}
	for done < n {
		loss := t.next // of the parameters before this update
		t.smooth(loss)
		if t.Steps == 0 {
			t.Initial, t.Best = loss, loss
		} else {
			t.Best = math.Min(t.Smooth, t.Best*(1+1.0/bestForget))
		}
		if t.Sane(loss) {
			copy(t.ckpt, params)
			t.ckptStep, t.ckptLoss = t.Steps, loss
		}
		t.Opt.Step(params, t.Obj.Grads())
		t.Loss = loss
		t.Steps++
		done++
		t.ahead = false
		if !t.ready() {
			return done, true
		}
	}
	return done, false
}

// Next returns the loss of the minibatch the next step will take, at the
// current parameters, evaluating it if it has not been: before the first
// step, the level a loss curve starts from (Initial is NaN until then).
// The next Step uses that minibatch and that evaluation, so the run is
// the same whether or not Next was called.
func (t *Trainer) Next() float64 {
	if !t.ahead {
		t.load()
		t.next = t.Obj.LossGrad(t.mb)
		t.ahead = true
	}
	return t.next
}

// ready makes sure the loaded minibatch has been evaluated at the current
// parameters (loading and evaluating the next one if not) and reports
// whether training may go on from them; if not, it has diverged and the
// checkpoint is back.
func (t *Trainer) ready() bool {
	if t.Diverging(t.Next()) {
		t.restore()
		return false
	}
	return true
}

// smooth adds a step's loss to Smooth: m̂ₜ = m̂ₜ₋₁ + (α/wₜ)(loss − m̂ₜ₋₁)
// with α = 1/smoothSteps and wₜ = 1 − (1 − α)ᵗ, the bias-corrected
// exponential average (Kingma & Ba, ICLR 2015, section 3) written so that
// it needs no zero start.
func (t *Trainer) smooth(loss float64) {
	const alpha = 1.0 / smoothSteps
	t.weight = (1-alpha)*t.weight + alpha
	if t.Steps == 0 {
		t.Smooth = loss
		return
	}
	t.Smooth += alpha / t.weight * (loss - t.Smooth)
}

// Diverging reports whether a minibatch loss means training has diverged:
// it is not a finite number, or it is more than divergeFactor times the
// larger of the initial and the best loss.
func (t *Trainer) Diverging(loss float64) bool {
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return true
	}
	if t.Steps == 0 {
		return false // no level to compare with yet
	}
	return loss > divergeFactor*math.Max(t.Initial, t.Best)
}

// Sane reports whether the parameters that scored loss on this step's
// minibatch may be the checkpoint: the first step's always are (the weights
// training started from); later ones when the loss and the smoothed loss
// are both within saneFactor of the best.
func (t *Trainer) Sane(loss float64) bool {
	if t.Steps == 0 {
		return true
	}
	bound := saneFactor * t.Best
	return loss <= bound && t.Smooth <= bound
}

// restore puts the checkpoint back after a divergence: its parameters, its
// loss as the current and the smoothed loss, and a fresh optimizer (the
// momentum or moments of the blow-up would throw it out again).
func (t *Trainer) restore() {
	copy(t.Obj.Params(), t.ckpt)
	t.ahead = false
	t.Opt.Reset()
	t.Restored = t.ckptStep
	if !math.IsNaN(t.ckptLoss) {
		t.Loss, t.Smooth = t.ckptLoss, t.ckptLoss
	}
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
