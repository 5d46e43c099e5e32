package pretrain

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// topEigen's power iteration finds the two leading eigenpairs that gonum's
// EigenSym does, on a random positive semi-definite matrix.
func TestTopEigenIsEigenSym(t *testing.T) {
	const n = 30
	r := rand.New(rand.NewPCG(1, 2))
	a := mat.NewDense(n, 5, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < 5; j++ {
			a.Set(i, j, r.NormFloat64()*float64(5-j)) // distinct eigenvalues
		}
	}
	var g mat.SymDense
	g.SymOuterK(1, a)
	b := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			b[i*n+j] = g.At(i, j)
		}
	}
	var es mat.EigenSym
	if !es.Factorize(&g, true) {
		t.Fatal("EigenSym failed")
	}
	vals := es.Values(nil) // ascending
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	u, v, w := make([]float64, n), make([]float64, n), make([]float64, n)
	l1, ok1 := topEigen(b, n, u, nil, w, EmbedIters)
	l2, ok2 := topEigen(b, n, v, u, w, EmbedIters)
	if !ok1 || !ok2 {
		t.Fatalf("power iteration did not converge in %d", EmbedIters)
	}
	for k, c := range []struct {
		got  float64
		vec  []float64
		want int
	}{{l1, u, n - 1}, {l2, v, n - 2}} {
		if want := vals[c.want]; math.Abs(c.got-want) > 1e-8*want {
			t.Errorf("eigenvalue %d: %.10g, EigenSym's %.10g", k+1, c.got, want)
		}
		dot := 0.0
		for i := 0; i < n; i++ {
			dot += c.vec[i] * vecs.At(i, c.want)
		}
		if math.Abs(math.Abs(dot)-1) > 1e-5 {
			t.Errorf("eigenvector %d: |cos| with EigenSym's %.8f", k+1, math.Abs(dot))
		}
	}
}

// silhouette is 1 for two tight families far apart, about 0 for mixed
// ones, and NaN while a run has no point.
func TestSilhouette(t *testing.T) {
	r := &Runs{Last: []int{0, 1, 2, 3}}
	at := func(xs ...float64) func(i, j int) float64 {
		return func(i, j int) float64 { return math.Abs(xs[i] - xs[j]) }
	}
	// runs 0, 2 pretrained; 1, 3 random
	if s := r.silhouette(at(0, 100, 0, 100)); s != 1 {
		t.Errorf("apart: %v, want 1", s)
	}
	if s := r.silhouette(at(0, 0, 1, 1)); s > 0 {
		t.Errorf("mixed: %v, want ≤ 0", s)
	}
	r.Last[3] = -1
	if s := r.silhouette(at(0, 1, 2, 3)); !math.IsNaN(s) {
		t.Errorf("a run without a point: %v, want NaN", s)
	}
}

// The lecture's Demo2 (Erhan et al. 2010): on the deep sigmoid stack with
// 2006's training, the end points of three pretrained and three random
// runs lie in regions of their own, in the 2-D embedding and in the full
// space of outputs on the probe digits; with modern units (ReLU, He
// initialisation, Adam) the random runs train too and the families mix.
// A short schedule, as the guided lecture's stop: 200 steps a layer, 2 000
// of fine-tuning.
func TestDemo2Separates(t *testing.T) {
	if testing.Short() {
		t.Skip("trains 36 deep nets for 3 200 steps")
	}
	im := digits(t)
	for seed := uint64(1); seed <= 3; seed++ {
		for _, modern := range []bool{false, true} {
			t.Run("", func(t *testing.T) {
				t.Parallel()
				cfg := Default
				if modern {
					cfg = Modern(cfg)
				}
				cfg.StageSteps, cfg.FineSteps = 200, 2000
				r := NewRuns(cfg, seed, 3, im)
				for !r.Done() {
					if _, div := r.Step(1000); div {
						t.Fatalf("seed %d diverged", seed)
					}
				}
				r.Embed(EmbedIters)
				t.Logf("seed %d, modern %v: separation %.3f (2-D), %.3f (outputs); %d points", seed, modern, r.Separation, r.SeparationFull, r.N)
				switch {
				case !modern && !(r.Separation >= 0.7 && r.SeparationFull >= 0.4):
					t.Errorf("seed %d, 2006: separation %.3f (2-D) and %.3f (outputs), want ≥ 0.7 and ≥ 0.4", seed, r.Separation, r.SeparationFull)
				case modern && !(r.SeparationFull <= 0.15):
					t.Errorf("seed %d, modern: separation (outputs) %.3f, want ≤ 0.15", seed, r.SeparationFull)
				}
			})
		}
	}
}
