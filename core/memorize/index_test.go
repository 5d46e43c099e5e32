package memorize

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"aelab/core/data"
	"aelab/core/nn"
)

// TestIndexedGradient: Indexed's gradient, the encoder's regression onto
// the observation numbers plus the decoder's reconstruction from them,
// against central differences of its loss.
func TestIndexedGradient(t *testing.T) {
	m := New(Config{Data: Gauss, NTrain: 6, Depth: 1, Width: 5, LR: 0.01, Code: Index}, 1, nil)
	x := IndexedSet(m.Train)
	mb := &nn.Minibatch{N: x.N, Cap: x.N, Dim: x.D, In: make([]float64, x.N*x.D)}
	for n := 0; n < x.N; n++ { // feature-major, as the Trainer loads it
		for i := 0; i < x.D; i++ {
			mb.In[i*x.N+n] = x.At(n)[i]
		}
	}
	mb.Target = mb.In
	obj := m.Trainer.Obj
	obj.LossGrad(mb)
	got := append([]float64(nil), obj.Grads()...)
	p0 := append([]float64(nil), obj.Params()...)
	want := fd.Gradient(nil, func(p []float64) float64 {
		copy(obj.Params(), p)
		return obj.LossGrad(mb)
	}, p0, &fd.Settings{Formula: fd.Central, Step: 1e-6})
	copy(obj.Params(), p0)
	num, den := 0.0, 0.0
	for i := range got {
		num += (got[i] - want[i]) * (got[i] - want[i])
		den += want[i] * want[i]
	}
	if e := math.Sqrt(num / den); e > 1e-6 {
		t.Errorf("relative error of the gradient %.3g, want ≤ 1e-6", e)
	}
}

// TestObservationNumberCode: the lecture's "a complicated encoder encodes
// xₙ → n and a complicated decoder decodes n → xₙ" (slide 14), built: with
// the code prescribed to be the observation number, 3 tanh layers of 64
// each side reconstruct 32 training digits to under 1% of PCA's first
// component's error through a code that keeps no order of the data: its
// |rank correlation with PC1| is a random order's (≤ 0.45: |ρ| of a random
// permutation of 32 exceeds 2.5/√31 = 0.45 one time in a hundred) and the
// 3-NN it keeps near chance (3/31 ≈ 0.1), while the
// linear autoencoder cannot decode an index (its error stays above PCA's).
func TestObservationNumberCode(t *testing.T) {
	im, err := data.Load("digits", nil)
	if err != nil {
		t.Fatal(err)
	}
	if testing.Short() {
		t.Skip("trains six nets for 4500 steps")
	}
	for seed := uint64(1); seed <= 3; seed++ {
		for _, depth := range []int{0, 3} {
			m := New(Config{Data: Digits, NTrain: 32, Depth: depth, Width: 64, LR: Default.LR, Code: Index}, seed, im)
			m.Step(4500)
			m.Measure()
			t.Logf("seed %d depth %d: train %.4g (PCA %.4g) test %.4g (PCA %.4g) rank %.2f knn %.2f memorized %.2f",
				seed, depth, m.TrainMSE, m.PCATrainMSE, m.TestMSE, m.PCATestMSE, m.CodeRankCorr, m.KNNPreserved, m.Memorized)
			if m.CodeRankCorr > 0.45 || m.KNNPreserved > 0.25 {
				t.Errorf("seed %d depth %d: the index code keeps order: |ρ| %.2f, 3-NN %.2f", seed, depth, m.CodeRankCorr, m.KNNPreserved)
			}
			if depth == 3 && m.TrainMSE > 0.01*m.PCATrainMSE {
				t.Errorf("seed %d: deep training error through the index %.4g, want ≤ 1%% of PCA's %.4g", seed, m.TrainMSE, m.PCATrainMSE)
			}
			if depth == 0 && m.TrainMSE < m.PCATrainMSE {
				t.Errorf("seed %d: linear training error through the index %.4g, below PCA's %.4g", seed, m.TrainMSE, m.PCATrainMSE)
			}
		}
	}
}
