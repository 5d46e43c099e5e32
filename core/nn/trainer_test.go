package nn

import (
	"math"
	"testing"

	"aelab/core/data"
	"aelab/core/rng"
)

// cloud is the pca scene's data in small: 500 points of an anisotropic
// Gaussian in the plane (aspect 3, rotated 30°, noise 0.1), seeded.
func cloud(seed uint64) *data.Set {
	x := data.NewSet(500, 2)
	data.Anisotropic2D(x, data.NewBase(rng.New(seed, 0), 500, 2), 3, 30, 0.1)
	return x
}

// linearAE is the pca scene's model: a 2-1-2 autoencoder, linear or with a
// tanh encoder, trained by plain SGD at lr on cloud(seed), minibatch 32.
func linearAE(seed uint64, tanh bool, lr float64) (*Net, *Trainer, *SGD) {
	enc := Linear
	if tanh {
		enc = Tanh
	}
	net := New([]int{2, 1, 2}, []Activation{enc, Linear})
	net.Init(rng.New(seed, 1))
	opt := &SGD{LR: lr}
	return net, NewTrainer(NewAutoencoder(net), opt, cloud(seed), 32, rng.New(seed, 2)), opt
}

// mse is the reconstruction error of net on x, the scenes' loss.
func mse(net *Net, x *data.Set) float64 { return net.ReconstructionError(x, net.NewBatch(64)) }

// TestDivergenceRestoresSaneWeights pushes the learning rate far past the
// stable range, as a lecture does, and wants the weights back to a
// checkpoint whose error is near the start's, not merely finite: the
// restored error is at most saneFactor times the initial one (before the
// guard it was 5.8e170 on this data, the last finite step's).
func TestDivergenceRestoresSaneWeights(t *testing.T) {
	for _, tc := range []struct {
		name string
		tanh bool
		lr   float64
	}{
		{"linear lr=1", false, 1},
		{"tanh lr=1", true, 1},
		{"linear lr=50", false, 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			net, tr, _ := linearAE(1, tc.tanh, tc.lr)
			start := mse(net, tr.Data)
			done, diverged := tr.Step(5000)
			if !diverged {
				t.Fatalf("lr %g did not diverge in %d steps", tc.lr, done)
			}
			if tr.Steps != done {
				t.Errorf("Steps = %d, want the %d steps made", tr.Steps, done)
			}
			if tr.Restored > done || tr.Restored != tr.Checkpoint() {
				t.Errorf("Restored = %d, checkpoint %d, after %d steps", tr.Restored, tr.Checkpoint(), done)
			}
			got := mse(net, tr.Data)
			if !(got <= saneFactor*start) {
				t.Errorf("error after the restore = %g, want ≤ %g×%g (the start's)", got, float64(saneFactor), start)
			}
			for _, v := range []float64{tr.Loss, tr.Smooth} {
				if !(v <= saneFactor*tr.Initial) {
					t.Errorf("Loss %g, Smooth %g after the restore, want ≤ %g×%g", tr.Loss, tr.Smooth, float64(saneFactor), tr.Initial)
				}
			}
		})
	}
}

// TestLowerLearningRateContinues is the notice's advice: after a
// divergence, a lower learning rate trains on from the restored weights,
// with no reset, about as well as training at that rate from the start: the
// linear autoencoder to within twice PCA's error (its optimum), the slower
// tanh encoder to within 1.5 times what a fresh run reaches in as many
// steps (the restored weights are a few steps of lr 1 away from the
// start, which costs it up to 25% on these seeds).
func TestLowerLearningRateContinues(t *testing.T) {
	for _, tanh := range []bool{false, true} {
		for seed := uint64(1); seed <= 3; seed++ {
			net, tr, _ := linearAE(seed, tanh, 0.01)
			tr.Step(1000)
			fresh := mse(net, tr.Data)

			net, tr, opt := linearAE(seed, tanh, 1)
			if _, diverged := tr.Step(5000); !diverged {
				t.Fatalf("tanh %v seed %d: lr 1 did not diverge", tanh, seed)
			}
			opt.SetLR(0.01)
			if done, diverged := tr.Step(1000); diverged {
				t.Fatalf("tanh %v seed %d: lr 0.01 diverged again after %d steps", tanh, seed, done)
			}
			got := mse(net, tr.Data)
			if !(got <= 1.5*fresh) {
				t.Errorf("tanh %v seed %d: error %g after 1000 steps at lr 0.01, want ≤ 1.5×%g (a fresh run's)", tanh, seed, got, fresh)
			}
			if pcaMSE := pcaError(tr.Data); !tanh && !(got <= 2*pcaMSE) {
				t.Errorf("seed %d: error %g after 1000 steps at lr 0.01, want ≤ 2×%g (PCA's)", seed, got, pcaMSE)
			}
		}
	}
}

// pcaError is the error of projecting x on its first principal axis: the
// smaller eigenvalue of its 2×2 covariance.
func pcaError(x *data.Set) float64 {
	mean := x.Mean(nil)
	var sxx, sxy, syy float64
	for n := 0; n < x.N; n++ {
		p := x.At(n)
		dx, dy := p[0]-mean[0], p[1]-mean[1]
		sxx, sxy, syy = sxx+dx*dx, sxy+dx*dy, syy+dy*dy
	}
	sxx, sxy, syy = sxx/float64(x.N), sxy/float64(x.N), syy/float64(x.N)
	tr, det := sxx+syy, sxx*syy-sxy*sxy
	return tr/2 - math.Sqrt(tr*tr/4-det)
}

// TestDivergenceResetsOptimizer: momentum carried over from the blow-up
// would throw the restored weights out again.
func TestDivergenceResetsOptimizer(t *testing.T) {
	net, tr, opt := linearAE(1, false, 1)
	opt.Momentum = 0.9
	if _, diverged := tr.Step(5000); !diverged {
		t.Fatal("lr 1 with momentum did not diverge")
	}
	for i, v := range opt.v {
		if v != 0 {
			t.Fatalf("velocity[%d] = %g after the restore, want 0", i, v)
		}
	}
	if !net.Finite() {
		t.Fatal("weights not finite after the restore")
	}
}

// TestDivergenceCaughtBeforeOverflow: the tanh encoder at lr 1 climbs by a
// factor of about 1.6 a step and used to run 734 steps to 1e306 before a
// non-finite loss stopped it; the bound on the loss stops it while the
// numbers are still small.
func TestDivergenceCaughtBeforeOverflow(t *testing.T) {
	_, tr, _ := linearAE(1, true, 1)
	done, diverged := tr.Step(5000)
	if !diverged || done > 100 {
		t.Fatalf("diverged %v after %d steps, want a divergence within 100 steps", diverged, done)
	}
}

// TestNoFalseDivergence: what a scene does on purpose — a penalty raised a
// hundredfold, or noise that lifts a converged loss far above its best —
// must not be taken for a divergence.
func TestNoFalseDivergence(t *testing.T) {
	net, tr, _ := linearAE(2, false, 0.01)
	scaled := &scaledObjective{Objective: tr.Obj, scale: 1}
	tr.Obj = scaled
	if _, diverged := tr.Step(2000); diverged {
		t.Fatal("diverged at lr 0.01")
	}
	scaled.scale = 100 // the objective jumps a hundredfold, for good
	if done, diverged := tr.Step(2000); diverged {
		t.Fatalf("a hundredfold objective was taken for a divergence after %d steps", done)
	}
	if !net.Finite() {
		t.Fatal("weights not finite")
	}
}

// scaledObjective multiplies an objective (and its gradient's effect, by
// the same factor on the loss only: the test needs the loss level, not the
// dynamics) by scale.
type scaledObjective struct {
	Objective
	scale float64
}

func (s *scaledObjective) LossGrad(mb *Minibatch) float64 { return s.scale * s.Objective.LossGrad(mb) }

// TestCheckpointIsSane follows a divergence step by step: the checkpoint
// is only ever taken where the loss and the smoothed loss are within
// saneFactor of the best, and the loss that stops training is beyond
// divergeFactor times the reference.
func TestCheckpointIsSane(t *testing.T) {
	_, tr, _ := linearAE(1, true, 1)
	for range 5000 {
		before := tr.Checkpoint()
		ref := math.Max(tr.Initial, tr.Best)
		done, diverged := tr.Step(1)
		if diverged {
			if !(tr.Loss <= saneFactor*tr.Best) {
				t.Errorf("restored loss %g, best %g", tr.Loss, tr.Best)
			}
			return
		}
		if done != 1 {
			t.Fatalf("Step(1) made %d steps", done)
		}
		if tr.Checkpoint() != before && tr.Steps > 1 {
			if !(tr.Loss <= saneFactor*tr.Best) || !(tr.Smooth <= saneFactor*tr.Best) {
				t.Errorf("checkpoint at step %d with loss %g, smoothed %g, best %g", tr.Checkpoint(), tr.Loss, tr.Smooth, tr.Best)
			}
		}
		if tr.Steps > 1 && tr.Loss > divergeFactor*ref {
			t.Errorf("step %d: loss %g beyond %g×%g was not a divergence", tr.Steps, tr.Loss, divergeFactor, ref)
		}
	}
	t.Fatal("tanh lr 1 did not diverge in 5000 steps")
}

// TestNonFiniteFirstLoss: weights that are broken from the start give a
// divergence at step 0 and stay as they were.
func TestNonFiniteFirstLoss(t *testing.T) {
	net, tr, _ := linearAE(1, false, 0.01)
	net.Params[0] = math.Inf(1)
	tr.Reset() // the broken weights are the start
	done, diverged := tr.Step(10)
	if done != 0 || !diverged || tr.Restored != 0 {
		t.Errorf("Step = %d, %v, restored %d; want 0, true, 0", done, diverged, tr.Restored)
	}
	if !math.IsInf(net.Params[0], 1) {
		t.Errorf("params[0] = %g, want the +Inf it started with", net.Params[0])
	}
}

// TestResetStartsAfresh: after Reset the new weights are the checkpoint
// and the levels are measured again.
func TestResetStartsAfresh(t *testing.T) {
	net, tr, _ := linearAE(1, false, 1)
	tr.Step(5000)
	net.Init(rng.New(9, 1))
	tr.Reset()
	if tr.Steps != 0 || tr.Checkpoint() != 0 || !math.IsNaN(tr.Initial) || !math.IsNaN(tr.Best) {
		t.Errorf("after Reset: steps %d, checkpoint %d, initial %g, best %g", tr.Steps, tr.Checkpoint(), tr.Initial, tr.Best)
	}
	want := append([]float64(nil), net.Params...)
	tr.Step(1000) // diverges at lr 1, back to the new weights
	for i, v := range net.Params {
		if v != want[i] {
			t.Fatalf("params[%d] = %g after the restore, want the reset's %g", i, v, want[i])
		}
	}
}

// Prepare allocates what the first steps would, and changes nothing of
// what they compute: after it, training allocates nothing, and the weights
// after ten steps are those of a trainer that was not prepared.
func TestPrepareAllocatesAheadOnly(t *testing.T) {
	newTrainer := func() (*Net, *Trainer) {
		net := New([]int{2, 8, 2}, []Activation{Tanh, Linear})
		net.Init(rng.New(1, 1))
		return net, NewTrainer(NewAutoencoder(net), NewAdam(0.01), cloud(1), 32, rng.New(1, 2))
	}
	_, plain := newTrainer()
	net, prepared := newTrainer()
	prepared.Prepare()
	// each call a first step: AllocsPerRun(runs, f) calls f runs + 1 times
	// (a warm-up), with GOMAXPROCS 1, so other tests' allocations do not count
	const runs = 4
	fresh := make([]*Trainer, runs+1)
	for i := range fresh {
		_, fresh[i] = newTrainer()
		fresh[i].Prepare()
	}
	next := 0
	if n := testing.AllocsPerRun(runs, func() { fresh[next].Step(1); next++ }); n != 0 {
		t.Errorf("a prepared trainer's first step allocates %v times", n)
	}
	prepared.Step(10)
	plain.Step(10)
	for i, w := range net.Params {
		if w != plain.Obj.Params()[i] {
			t.Fatalf("parameter %d: %v prepared, %v not", i, w, plain.Obj.Params()[i])
		}
	}
}
