package sparse

import (
	"testing"

	"aelab/core/rng"
)

// BenchmarkSparseEncode encodes 2000 points of dimension 64 on 64 random
// unit-norm atoms (RandomDict), every code from a cold start, with λ = 0.1
// and the default stopping rule (KKT violation ≤ Tol = 1e-7, MaxSweeps =
// 1000; the codes end at ~1e-15). The points are Synthetic: 5 atoms each
// with coefficients ±[0.5, 1.5] and noise 0.01. For comparison,
// scikit-learn's coordinate-descent sparse_encode takes about 0.09 s
// (9e7 ns/op) for this size on the lab's machine class. Its objective,
// (1/(2·Dim))‖x − wD‖² + (α/Dim)‖w‖₁, is ours divided by 2·Dim with
// λ = 2α: λ = 0.1 is sparse_encode(…, algorithm="lasso_cd", alpha=0.05),
// whose own stopping rule is a duality gap of 1e-4 (Lasso's default tol).
func BenchmarkSparseEncode(b *testing.B) {
	const n, dim, k = 2000, 64, 64
	r := rng.New(1, rng.StreamData)
	dict := RandomDict(r, k, dim)
	x, _ := Synthetic(r, dict, n, 5, 0.01)
	l := NewLasso(dict, 0.1)
	w := newMatrix(n, k)
	b.ReportAllocs()
	for b.Loop() {
		clear(w.Data)
		l.EncodeAll(w, x)
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "samples/s")
}

// BenchmarkStep2D and BenchmarkStepPatches time one alternation (W-step
// and D-step) of the default experiments after 20 alternations, what the
// scene spends per training step.
func BenchmarkStep2D(b *testing.B)      { benchmarkStep(b, Default2D) }
func BenchmarkStepPatches(b *testing.B) { benchmarkStep(b, DefaultPatches) }

func benchmarkStep(b *testing.B, cfg Config) {
	m := New(cfg, 1)
	m.Train(20)
	b.ReportAllocs()
	for b.Loop() {
		m.Step()
	}
}
