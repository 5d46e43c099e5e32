package sparse

import (
	"testing"

	"aelab/core/nn"
	"aelab/core/rng"
)

// TestModelDoesNotAllocate: the calls a scene makes every frame allocate
// nothing, in both D-step modes.
func TestModelDoesNotAllocate(t *testing.T) {
	for _, normalize := range []bool{true, false} {
		cfg := DefaultPatches
		cfg.Normalize = normalize
		m := New(cfg, 1)
		m.Step()
		w, xhat := make([]float64, cfg.K), make([]float64, m.x.D)
		if a := testing.AllocsPerRun(5, func() {
			m.Step()
			m.Alternate()
			m.SetLambda(0.12)
			_ = m.Objective() + m.MSE() + m.Sparsity() + m.AtomNorm() + m.DNorm() + m.W1()
			m.Encode(w, m.x.At(3))
			m.Reconstruct(xhat, w)
		}); a != 0 {
			t.Errorf("Normalize=%v: a frame's calls allocate %v times, want 0", normalize, a)
		}
	}
}

// TestTrainingDoesNotAllocate: a training step of the sparse autoencoder
// and of PSD through nn.Trainer, their measures, decoders and PSD's
// Closeness allocate nothing once their workspaces exist.
func TestTrainingDoesNotAllocate(t *testing.T) {
	x := New(Default2D, 1).X()
	ae := NewAutoencoder(2, 8, nn.ReLU, 0.05, rng.New(1, rng.StreamWeights))
	aeTr := nn.NewTrainer(ae, nn.NewAdam(0.01), x, 32, rng.New(1, rng.StreamBatches))
	p := NewPSD(2, 5, 0.1, 1, rng.New(1, rng.StreamWeights))
	psdTr := nn.NewTrainer(p, nn.NewAdam(0.001), x, 32, rng.New(1, rng.StreamBatches))
	aeTr.Step(1)
	psdTr.Step(1)
	ae.Measure(x)
	h := make([]float64, 5)
	atoms, xhat := make([]float64, 8*2), make([]float64, 2)
	if a := testing.AllocsPerRun(5, func() {
		aeTr.Step(3)
		psdTr.Step(3)
		_ = p.Closeness(x) + ae.CodeSparsity(x) + ae.Measure(x).Objective
		ae.Atoms(atoms)
		ae.Reconstruct(xhat, x.At(0))
		p.Encode(h, x.At(0))
		p.Infer(h, x.At(0))
		p.Decode(xhat, h)
	}); a != 0 {
		t.Errorf("training steps allocate %v times per run, want 0", a)
	}
}
