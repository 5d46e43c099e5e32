package pretrain

import (
	"math"
	"testing"

	"aelab/core/data"
	"aelab/core/data/datatest"
	"aelab/core/pca"
)

// digits is datatest.Digits (the shipped digits, or the test fails).
var digits = datatest.Digits

// run trains the whole schedule, classifiers included.
func run(t *testing.T, cfg Config, seed uint64, im *data.Images) *Model {
	t.Helper()
	m := New(cfg, seed, im)
	for !m.Done() {
		if _, div := m.Step(1000); div {
			t.Fatalf("seed %d diverged at step %d", seed, m.Steps)
		}
	}
	m.Measure()
	return m
}

// The claims on the deep sigmoid stack 64-48-32-24-16-8-2 with
// 0.1/√fan-in weights and plain SGD: from random initialisation it stays
// stuck at the mean (ae_mse ≈ the data's variance, worse than PCA with two
// components); greedily pretrained and fine-tuned it beats PCA, its 2-D
// codes separate the classes better than PCA's (k-NN), and with 50 labels
// the pretrained classifier beats the randomly initialised one.
func TestDeepStackPretrainingHelps(t *testing.T) {
	if testing.Short() {
		t.Skip("trains three pairs of deep nets for 13 500 steps")
	}
	im := digits(t)
	for seed := uint64(1); seed <= 3; seed++ {
		m := run(t, Default, seed, im)
		t.Logf("seed %d: ae_mse pretrained %.3f random %.3f pca %.3f; knn codes %.3f pca %.3f; 50 labels: acc pretrained %.3f random %.3f",
			seed, m.Pre.MSE, m.Rand.MSE, m.PCAMSE, m.Pre.KNN, m.PCAKNN, m.AccPre, m.AccRand)
		if !(m.Pre.MSE < 0.85*m.PCAMSE) {
			t.Errorf("seed %d: pretrained ae_mse %.3f not below 0.85 × PCA's %.3f", seed, m.Pre.MSE, m.PCAMSE)
		}
		if !(m.Rand.MSE > m.PCAMSE) {
			t.Errorf("seed %d: the random start's ae_mse %.3f is not stuck above PCA's %.3f", seed, m.Rand.MSE, m.PCAMSE)
		}
		if !(m.Pre.KNN > m.PCAKNN+0.05) {
			t.Errorf("seed %d: k-NN on the codes %.3f not above PCA's %.3f + 0.05", seed, m.Pre.KNN, m.PCAKNN)
		}
		if !(m.AccPre > m.AccRand+0.2) {
			t.Errorf("seed %d, 50 labels: acc pretrained %.3f not above random %.3f + 0.2", seed, m.AccPre, m.AccRand)
		}
	}
}

// In the shallower 64-32-16-2 with 1/√fan-in weights gradients reach every
// layer from a random start: it is not stuck, and beats PCA without
// pretraining.
func TestShallowNetTrainsFromRandom(t *testing.T) {
	if testing.Short() {
		t.Skip("trains two pairs of nets for 13 500 steps")
	}
	im := digits(t)
	cfg := Default
	cfg.Arch = Shallow
	cfg.ClassSteps = 0
	for seed := uint64(1); seed <= 2; seed++ {
		m := run(t, cfg, seed, im)
		t.Logf("seed %d: ae_mse pretrained %.3f random %.3f pca %.3f", seed, m.Pre.MSE, m.Rand.MSE, m.PCAMSE)
		if !(m.Rand.MSE < m.PCAMSE) {
			t.Errorf("seed %d: random start's ae_mse %.3f not below PCA's %.3f", seed, m.Rand.MSE, m.PCAMSE)
		}
	}
}

// The stages follow the schedule: layer k's shallow autoencoder, then the
// unrolled network; the stack so far has the right shape.
func TestStages(t *testing.T) {
	cfg := Default
	cfg.StageSteps, cfg.FineSteps, cfg.ClassSteps = 5, 5, 5
	m := New(cfg, 1, digits(t))
	for k := 0; k < m.L; k++ {
		if m.Stage() != k || len(m.Stages) != k+1 || m.Pre.Net.Sizes[1] != m.Sizes[k+1] {
			t.Fatalf("step %d: stage %d with %d shallow nets, want %d", m.Steps, m.Stage(), len(m.Stages), k)
		}
		m.Step(5)
	}
	if m.Stage() != m.L || len(m.Pre.Net.Layers) != 2*m.L || m.Pre.Net.Out() != 64 {
		t.Fatalf("after the stages: stage %d, net %v", m.Stage(), m.Pre.Net.Sizes)
	}
	m.Step(100)
	if !m.Done() || m.ClassSteps != 5 {
		t.Fatalf("not done: %d steps, %d classifier steps", m.Steps, m.ClassSteps)
	}
}

// project's error on the data PCA was fitted to is the discarded variance
// (Eckart–Young), so its codes are the coordinates on the top directions.
func TestProjectIsPCA(t *testing.T) {
	im := digits(t)
	x := &data.Set{N: 300, D: 64, X: im.X.X[:300*64]}
	p := pca.Fit(x)
	codes := make([]float64, 300*2)
	got := project(p, x, codes, 2)
	if want := p.ReconstructionError(2); math.Abs(got-want) > 1e-9*want {
		t.Errorf("project's error %.12g, PCA's discarded variance %.12g", got, want)
	}
}

// With modern units (ReLU, He initialisation, Adam) the deep stack trains
// from a random start, below PCA and below the pretrained start: the
// lecture's "Drop-out, batch-norm and ReLu give possibility to achieve
// good results without unsupervised pretraining".
func TestModernUnitsNeedNoPretraining(t *testing.T) {
	if testing.Short() {
		t.Skip("trains five pairs of deep nets for 13 500 steps")
	}
	im := digits(t)
	for seed := uint64(1); seed <= 5; seed++ {
		t.Run("", func(t *testing.T) {
			t.Parallel()
			m := run(t, Modern(Default), seed, im)
			t.Logf("seed %d: ae_mse pretrained %.3f random %.3f pca %.3f; knn codes %.3f random %.3f pca %.3f; 50 labels: acc pretrained %.3f random %.3f",
				seed, m.Pre.MSE, m.Rand.MSE, m.PCAMSE, m.Pre.KNN, m.Rand.KNN, m.PCAKNN, m.AccPre, m.AccRand)
			if !(m.Rand.MSE < m.Pre.MSE && m.Rand.MSE < 0.7*m.PCAMSE) {
				t.Errorf("seed %d: random start's ae_mse %.3f not below the pretrained %.3f and 0.7 × PCA's %.3f", seed, m.Rand.MSE, m.Pre.MSE, m.PCAMSE)
			}
			if !(m.AccRand > 0.4) {
				t.Errorf("seed %d, 50 labels: the random start's classifier %.3f, want > 40%% (it trains)", seed, m.AccRand)
			}
		})
	}
}
