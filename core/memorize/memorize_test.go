package memorize

import (
	"math"
	"testing"
)

// TestLinearCodeIsPC1: depth 0 is the linear autoencoder D-1-D, whose
// optimum is PCA's first component (Baldi & Hornik 1989): its code orders
// the examples as PC1 does and its reconstructions lie on PCA's first axis.
func TestLinearCodeIsPC1(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		m := New(Config{Data: Gauss, NTrain: 32, Depth: 0, Width: 1, LR: 0.005}, seed, nil)
		m.Step(4000)
		m.Measure()
		if m.CodeRankCorr < 0.99 {
			t.Errorf("seed %d: |rank correlation| of the linear code with PC1 %.3f, want ≥ 0.99", seed, m.CodeRankCorr)
		}
		if m.TrainMSE > 1.01*m.PCATrainMSE {
			t.Errorf("seed %d: linear training error %.4f, PCA's %.4f: want within 1%%", seed, m.TrainMSE, m.PCATrainMSE)
		}
		// every reconstruction is its own projection on PCA's axis
		worst := 0.0
		p := make([]float64, 2)
		for n := 0; n < NTest; n++ {
			r := m.Recon[2*n : 2*n+2]
			m.PCAReconstruct(p, r)
			worst = math.Max(worst, math.Sqrt(SqDist(p, r)))
		}
		if worst > 0.02 {
			t.Errorf("seed %d: a linear reconstruction lies %.3f off PCA's first axis, want ≤ 0.02", seed, worst)
		}
	}
}

// TestDeepFitsTheExamplesNotTheDistribution: the lecture's caveat. With 3
// hidden tanh layers of 64 each side and N = 32 examples, the K = 1
// autoencoder's training error falls below 1% of the linear optimum's
// (PCA's first component) while its held-out error stays above PCA's;
// memorized, the share of held-out reconstructions within ε of a training
// example, rises with depth (depth 0–3 logged: the closing note).
func TestDeepFitsTheExamplesNotTheDistribution(t *testing.T) {
	if testing.Short() {
		t.Skip("trains four nets for 6000 steps")
	}
	const steps = 6000
	mem := make([]float64, 4)
	for depth := 0; depth <= 3; depth++ {
		m := New(Config{Data: Gauss, NTrain: 32, Depth: depth, Width: 64, LR: Default.LR}, 1, nil)
		m.Step(steps)
		m.Measure()
		mem[depth] = m.Memorized
		t.Logf("depth %d: train %.4g test %.4g (PCA %.4g / %.4g), memorized %.2f (PCA %.2f), knn_preserved %.2f, code_rank_corr %.2f",
			depth, m.TrainMSE, m.TestMSE, m.PCATrainMSE, m.PCATestMSE, m.Memorized, m.PCAMemorized, m.KNNPreserved, m.CodeRankCorr)
		if depth == 3 {
			if m.TrainMSE > 0.01*m.PCATrainMSE {
				t.Errorf("deep training error %.4g, want ≤ 1%% of PCA's %.4g", m.TrainMSE, m.PCATrainMSE)
			}
			if m.TestMSE <= m.PCATestMSE {
				t.Errorf("deep held-out error %.4g, want above PCA's %.4g", m.TestMSE, m.PCATestMSE)
			}
		}
	}
	if !(mem[3] >= mem[0]+0.15 && mem[1] >= mem[0] && mem[3] >= mem[1]) {
		t.Errorf("memorized over depth 0–3: %.2f, want rising (depth 3 at least 0.15 above depth 0)", mem)
	}
}

// TestRankAndNeighbours: Spearman's ρ of a monotone map is ±1 with ties
// averaged, and a code that is the data's own coordinate keeps every
// nearest neighbour of points on a line.
func TestRankAndNeighbours(t *testing.T) {
	a := []float64{3, 1, 2, 2, 5}
	b := []float64{30, 10, 20, 20, 50}
	c := []float64{-3, -1, -2, -2, -5}
	ra, rb, o := make([]float64, 5), make([]float64, 5), make([]int, 5)
	if r := spearman(a, b, ra, rb, o); math.Abs(r-1) > 1e-12 {
		t.Errorf("ρ of an increasing map %v, want 1", r)
	}
	if r := spearman(a, c, ra, rb, o); math.Abs(r+1) > 1e-12 {
		t.Errorf("ρ of a decreasing map %v, want −1", r)
	}
	m := New(Config{Data: Gauss, NTrain: 20, Depth: 0, Width: 1, LR: 0.005}, 1, nil)
	for n := 0; n < m.Train.N; n++ { // put the points on a line
		p := m.Train.At(n)
		p[1] = 0.5 * p[0]
	}
	for i := 0; i < m.Train.N; i++ {
		nearestK(m.knnX[i*KNN:(i+1)*KNN], i, m.Train.N, func(j int) float64 { return SqDist(m.Train.At(i), m.Train.At(j)) })
		m.Codes[i] = -2 * m.Train.At(i)[0]
	}
	if k := m.knnPreserved(); k != 1 {
		t.Errorf("knn_preserved of a code that is the line's coordinate %v, want 1", k)
	}
}

// TestIteratedMapFindsTheExamples: iterated, a trained autoencoder's map
// x ← g(f(x)) carries points to its training examples (Radhakrishnan,
// Belkin & Uhler, PNAS 2020): after 30 applications most of a grid over
// the plane lies within ε of a training example, far more than after one,
// for the deep K = 1 net; the linear one is a projection, which iterating
// does not move.
func TestIteratedMapFindsTheExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("trains four nets for 6000 steps")
	}
	attracted := func(m *Model, k int) float64 {
		m.SetIterations(k)
		eps2, hit := Epsilon(Gauss)*Epsilon(Gauss), 0
		for i := 0; i < m.Grid.N; i++ {
			if _, d := m.nearestTrain(m.GridRecon[2*i : 2*i+2]); d <= eps2 {
				hit++
			}
		}
		return float64(hit) / float64(m.Grid.N)
	}
	var once, iterated float64
	for seed := uint64(1); seed <= 3; seed++ {
		m := New(Config{Data: Gauss, NTrain: 32, Depth: 3, Width: 64, LR: Default.LR}, seed, nil)
		m.Step(6000)
		a1, a30 := attracted(m, 1), attracted(m, 30)
		t.Logf("seed %d: grid within ε = %.1f of a training example after 1 map %.2f, after 30 %.2f", seed, Epsilon(Gauss), a1, a30)
		if a30 < 0.75 {
			t.Errorf("seed %d: after 30 maps %.2f of the grid is within ε of a training example, want ≥ 0.75", seed, a30)
		}
		once, iterated = once+a1/3, iterated+a30/3
	}
	if iterated < once+0.15 {
		t.Errorf("mean share of the grid at a training example: %.2f after one map, %.2f after 30; want 0.15 more", once, iterated)
	}
	lin := New(Config{Data: Gauss, NTrain: 32, Depth: 0, Width: 1, LR: 0.005}, 1, nil)
	lin.Step(4000)
	if a1, a30 := attracted(lin, 1), attracted(lin, 30); math.Abs(a30-a1) > 0.02 {
		t.Errorf("the linear map moved the grid on iterating: %.2f after one map, %.2f after 30", a1, a30)
	}
}
