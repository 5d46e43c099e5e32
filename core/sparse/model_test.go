package sparse

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/rng"
)

// riseTol is the rounding allowed when an objective must not rise: 1e-12
// relative, far above the ~1e-15 of summing a few thousand terms and far
// below any real step (the smallest half-step changes seen are ~1e-7).
const riseTol = 1e-12

func rose(after, before float64) bool { return after > before*(1+riseTol)+1e-300 }

// TestObjectiveNeverRises: for each default experiment (seed 1), 30
// alternations never raise the objective, checked after every W-step and
// every D-step: each minimises it over one matrix with the other fixed.
func TestObjectiveNeverRises(t *testing.T) {
	for _, cfg := range []Config{Default2D, DefaultPatches} {
		m := New(cfg, 1)
		prev := m.Objective()
		seq := []float64{prev}
		for s := 1; s <= 30; s++ {
			m.WStep()
			if o := m.Objective(); rose(o, prev) {
				t.Errorf("%s alternation %d: the W-step raised the objective from %.15g to %.15g", cfg.Data, s, prev, o)
			} else {
				prev = o
			}
			m.DStep()
			if o := m.Objective(); rose(o, prev) {
				t.Errorf("%s alternation %d: the D-step raised the objective from %.15g to %.15g", cfg.Data, s, prev, o)
			} else {
				prev = o
			}
			seq = append(seq, prev)
		}
		t.Logf("%s objective: start %.5f, after 1 %.5f, 5 %.5f, 10 %.5f, 30 %.5f (mse %.5f, sparsity %.3f)",
			cfg.Data, seq[0], seq[1], seq[5], seq[10], seq[30], m.MSE(), m.Sparsity())
	}
}

// randomModel is a dictionary-learning problem with Gaussian data and
// a random state: codes with about half their entries nonzero, atoms of
// random norms (within the unit ball when normalize, as the D-step's
// constraint requires of its starting point).
func randomModel(r *rand.Rand, n, dim, k int, lambda float64, normalize bool) *Model {
	x := data.NewSet(n, dim)
	for i := range x.X {
		x.X[i] = r.NormFloat64()
	}
	cfg := Default2D
	cfg.K, cfg.Lambda, cfg.Normalize = k, lambda, normalize
	m := NewWithData(x, cfg, r.Uint64())
	for i := range m.w.Data {
		if r.IntN(2) == 0 {
			m.w.Data[i] = r.NormFloat64()
		}
	}
	for j := 0; j < k; j++ {
		scale := 0.2 + 2*r.Float64()
		if normalize {
			scale = min(scale, 1)
		}
		for i, v := range row(m.d, j) {
			row(m.d, j)[i] = v * scale
		}
	}
	m.lasso.SetDict(m.d)
	return m
}

// TestStepsNeverRaiseObjectiveOnRandomProblems: on random problems, from
// random states (some with a zero atom), each W-step and each D-step
// (normalised or least squares) is a descent step.
func TestStepsNeverRaiseObjectiveOnRandomProblems(t *testing.T) {
	r := rng.New(4, 0)
	for trial := range 12 {
		n, dim, k := 20+r.IntN(100), 2+r.IntN(20), 2+r.IntN(30)
		lambda := []float64{0.01, 0.1, 0.5, 2}[trial%4]
		normalize := trial%2 == 0
		m := randomModel(r, n, dim, k, lambda, normalize)
		if trial%3 == 0 {
			// a zero atom: its codes go to 0 and the D-steps must cope
			// with an unused atom (WᵀW singular)
			clear(row(m.d, 0))
			m.lasso.SetDict(m.d)
		}
		name := fmt.Sprintf("N=%d Dim=%d K=%d λ=%g normalize=%v", n, dim, k, lambda, normalize)
		prev := m.Objective()
		for s := range 5 {
			m.WStep()
			if o := m.Objective(); rose(o, prev) {
				t.Errorf("%s, step %d: W-step raised the objective from %.15g to %.15g", name, s, prev, o)
			}
			prev = m.Objective()
			m.DStep()
			if o := m.Objective(); rose(o, prev) {
				t.Errorf("%s, step %d: D-step raised the objective from %.15g to %.15g", name, s, prev, o)
			}
			prev = m.Objective()
		}
	}
}

// TestDStepLeastSquaresIsOptimal: with Normalize off the D-step solves the
// normal equations: afterwards the gradient of ‖X − WD‖² in D,
// −2Wᵀ(X − WD), vanishes (to 1e-9 relative to ‖WᵀX‖), even with an atom
// no code uses, which keeps its value.
func TestDStepLeastSquaresIsOptimal(t *testing.T) {
	r := rng.New(5, 0)
	m := randomModel(r, 60, 7, 9, 0.1, false)
	for n := 0; n < m.x.N; n++ {
		row(m.w, n)[4] = 0 // atom 4 unused
	}
	unused := append([]float64(nil), row(m.d, 4)...)
	m.DStep()
	ds := newDStep(9, 7)
	ds.stats(m.x, m.w)
	scale, worst := norm(ds.b), 0.0
	for i := 0; i < 9; i++ {
		gi := append([]float64(nil), ds.b[i*7:(i+1)*7]...) // (WᵀX − WᵀWD)_i
		for j := 0; j < 9; j++ {
			axpy(gi, -ds.a[i*9+j], row(m.d, j))
		}
		worst = max(worst, norm(gi))
	}
	if worst > 1e-9*scale {
		t.Errorf("after the least-squares D-step ‖Wᵀ(X − WD)‖ = %.3g, want ≤ %.3g", worst, 1e-9*scale)
	}
	for i, v := range row(m.d, 4) {
		if v != unused[i] {
			t.Fatalf("the unused atom changed: %v, was %v", row(m.d, 4), unused)
		}
	}
}

// TestLargerLambdaGivesSparserCodes: trained from reset (seed 1, default
// settings, 30 alternations) at λ = 0.05 and λ = 0.5, the codes are
// sparser (fewer nonzero entries) at the larger λ.
func TestLargerLambdaGivesSparserCodes(t *testing.T) {
	for _, base := range []Config{Default2D, DefaultPatches} {
		sp := map[float64]float64{}
		for _, lambda := range []float64{0.05, 0.5} {
			cfg := base
			cfg.Lambda = lambda
			m := New(cfg, 1)
			m.Train(30)
			sp[lambda] = m.Sparsity()
		}
		t.Logf("%s: sparsity %.4f at λ=0.05, %.4f at λ=0.5", base.Data, sp[0.05], sp[0.5])
		if !(sp[0.5] < sp[0.05]) {
			t.Errorf("%s: sparsity(λ=0.5) = %.4f, want < sparsity(λ=0.05) = %.4f", base.Data, sp[0.5], sp[0.05])
		}
	}
}

// TestCodesSatisfyKKT: after training, every code of every point meets
// the LASSO's optimality conditions on the learned dictionary to kktTol
// (recomputed independently by KKTViolation): each W-step solves its N
// regressions, not approximately.
func TestCodesSatisfyKKT(t *testing.T) {
	for _, cfg := range []Config{Default2D, DefaultPatches} {
		m := New(cfg, 1)
		m.Train(10)
		sweeps, _ := m.WStep()
		worst := 0.0
		for n := 0; n < m.x.N; n++ {
			worst = max(worst, KKTViolation(m.d, m.Cfg.Lambda, m.x.At(n), row(m.w, n)))
		}
		t.Logf("%s: worst KKT violation over %d codes %.3g (bound %g), at most %d sweeps", cfg.Data, m.x.N, worst, kktTol, sweeps)
		if worst > kktTol {
			t.Errorf("%s: worst KKT violation %.3g, want ≤ %g", cfg.Data, worst, kktTol)
		}
		if sweeps >= m.Cfg.MaxSweeps {
			t.Errorf("%s: a code hit the sweep cap %d", cfg.Data, sweeps)
		}
	}
}

// matchAtoms returns, for each true atom, the largest |cos| between it and
// a learned atom.
func matchAtoms(truth, learned blas64.General) []float64 {
	best := make([]float64, truth.Rows)
	for i := range best {
		for j := 0; j < learned.Rows; j++ {
			lj := row(learned, j)
			if n := norm(lj); n > 0 {
				best[i] = max(best[i], math.Abs(nn.Dot(row(truth, i), lj))/(norm(row(truth, i))*n))
			}
		}
	}
	return best
}

// TestRecoversKnownDictionary is the recovery experiment of Aharon, Elad &
// Bruckstein (K-SVD, 2006, section V) at their size: 1500 points of
// dimension 20, each a combination of 3 of 50 random unit atoms, plus
// noise 0.01. Learning 50 atoms from random ones (λ = 0.2, 50
// alternations), each true atom is matched by a learned one with
// |cos| > 0.95 for at least 90% of them.
func TestRecoversKnownDictionary(t *testing.T) {
	r := rng.New(1, rng.StreamData)
	truth := RandomDict(r, 50, 20)
	x, _ := Synthetic(r, truth, 1500, 3, 0.01)
	cfg := Default2D
	cfg.K, cfg.Lambda = 50, 0.2
	m := NewWithData(x, cfg, 1)
	before := matchAtoms(truth, m.D())
	m.Train(50)
	after := matchAtoms(truth, m.D())
	found := func(cos []float64) int {
		c := 0
		for _, v := range cos {
			if v > 0.95 {
				c++
			}
		}
		return c
	}
	minCos := 1.0
	for _, v := range after {
		minCos = min(minCos, v)
	}
	t.Logf("atoms with |cos| > 0.95: %d/50 at the start, %d/50 after 50 alternations (worst match %.4f)", found(before), found(after), minCos)
	if found(after) < 45 {
		t.Errorf("recovered %d of 50 atoms (|cos| > 0.95), want ≥ 45 (90%%)", found(after))
	}
}

// TestAtomsAlignWithStarRays: on the 2-D default data (seed 1, 100
// alternations), each of the five generating directions is matched by a
// learned atom pointing along it, cos > 0.99 (DStep orients the atoms so
// that their codes are mostly positive, as the rays' coefficients are).
func TestAtomsAlignWithStarRays(t *testing.T) {
	m := New(Default2D, 1)
	m.Train(100)
	truth, d := m.TrueDict(), m.D()
	cos := make([]float64, truth.Rows)
	for i := range cos {
		cos[i] = -1
		for j := 0; j < d.Rows; j++ {
			cos[i] = max(cos[i], nn.Dot(row(truth, i), row(d, j)))
		}
		if cos[i] < 0.99 {
			t.Errorf("true direction %d %v: best learned cos %.4f, want > 0.99", i, row(truth, i), cos[i])
		}
	}
	t.Logf("after 100 alternations, best cos of each true direction: %.4f", cos)
}

// TestNormalizeOffDegenerates: without the constraint the alternation
// drifts along the degeneracy D → cD, W → W/c (seed 1, 2-D and patches
// defaults, alternations 1 → 30): ‖D‖_F grows by more than 2× and ‖W‖₁
// shrinks by more than 2× (measured: 2.5× and 2.7× in 2-D, 3.9× and 3.6×
// on patches), while every half-step still lowers the objective. With the
// constraint every atom stays in the unit ball.
func TestNormalizeOffDegenerates(t *testing.T) {
	for _, base := range []Config{Default2D, DefaultPatches} {
		cfg := base
		cfg.Normalize = false
		m := New(cfg, 1)
		m.Step()
		d1, w1 := m.DNorm(), m.W1()
		prev := m.Objective()
		for s := 2; s <= 30; s++ {
			m.WStep()
			if o := m.Objective(); rose(o, prev) {
				t.Errorf("%s, Normalize off, alternation %d: the W-step raised the objective from %.15g to %.15g", cfg.Data, s, prev, o)
			}
			prev = m.Objective()
			m.DStep()
			if o := m.Objective(); rose(o, prev) {
				t.Errorf("%s, Normalize off, alternation %d: the D-step raised the objective from %.15g to %.15g", cfg.Data, s, prev, o)
			}
			prev = m.Objective()
		}
		d30, w30 := m.DNorm(), m.W1()
		t.Logf("%s, Normalize off, alternations 1 → 30: ‖D‖_F %.3f → %.3f (×%.2f), ‖W‖₁/N %.4f → %.4f (×%.3f), atom_norm %.3f",
			cfg.Data, d1, d30, d30/d1, w1, w30, w30/w1, m.AtomNorm())
		if d30 < 2*d1 {
			t.Errorf("%s: ‖D‖_F grew ×%.2f over 29 alternations, want > 2", cfg.Data, d30/d1)
		}
		if w30 > w1/2 {
			t.Errorf("%s: ‖W‖₁ shrank ×%.3f over 29 alternations, want < 0.5", cfg.Data, w30/w1)
		}

		on := New(base, 1)
		worst := 0.0
		for range 30 {
			on.Step()
			for k := 0; k < on.d.Rows; k++ {
				worst = max(worst, norm(row(on.d, k)))
			}
		}
		t.Logf("%s, Normalize on: largest ‖d_k‖ over 30 alternations %.15f, atom_norm %.4f", base.Data, worst, on.AtomNorm())
		if worst > 1+1e-12 {
			t.Errorf("%s, Normalize on: an atom reached norm %.15f, want ≤ 1", base.Data, worst)
		}
	}
}

// TestSetLambdaIsLive: SetLambda keeps D and W (no reset); the next W-step
// starts from the current codes and reaches the new λ's solution.
func TestSetLambdaIsLive(t *testing.T) {
	m := New(Default2D, 1)
	m.Train(10)
	d := append([]float64(nil), m.d.Data...)
	w := append([]float64(nil), m.w.Data...)
	before := m.Sparsity()
	m.SetLambda(0.5)
	for i := range d {
		if m.d.Data[i] != d[i] {
			t.Fatal("SetLambda changed the dictionary")
		}
	}
	for i := range w {
		if m.w.Data[i] != w[i] {
			t.Fatal("SetLambda changed the codes")
		}
	}
	if m.Steps != 10 {
		t.Errorf("Steps = %d after SetLambda, want 10", m.Steps)
	}
	m.WStep()
	if after := m.Sparsity(); !(after < before) {
		t.Errorf("sparsity %.3f at λ=0.1, %.3f one W-step after λ=0.5: want fewer nonzeros", before, after)
	}
	for n := 0; n < m.x.N; n++ {
		if v := KKTViolation(m.d, 0.5, m.x.At(n), row(m.w, n)); v > kktTol {
			t.Fatalf("point %d after the λ change: KKT violation %.3g", n, v)
		}
	}
}

// TestEncodeReconstruct: Encode of a training point gives its code after
// a W-step (the LASSO solution is unique for atoms in general position),
// Reconstruct maps it to wᵀD, and the metrics agree with their
// definitions.
func TestEncodeReconstruct(t *testing.T) {
	m := New(Default2D, 1)
	m.Train(5)
	m.WStep() // codes for the current dictionary
	w := make([]float64, m.Cfg.K)
	xhat := make([]float64, 2)
	sq, l1w, nz := 0.0, 0.0, 0
	for n := 0; n < m.x.N; n++ {
		m.Encode(w, m.x.At(n))
		for k, v := range w {
			if math.Abs(v-row(m.w, n)[k]) > 1e-9 {
				t.Fatalf("point %d: Encode %v, W-step %v", n, w, row(m.w, n))
			}
			l1w += math.Abs(v)
			if v != 0 {
				nz++
			}
		}
		m.Reconstruct(xhat, w)
		for i, v := range m.x.At(n) {
			want := 0.0
			for k := range w {
				want += w[k] * m.d.Data[k*2+i]
			}
			if math.Abs(xhat[i]-want) > 1e-12 {
				t.Fatalf("Reconstruct: %v, want wᵀD with component %d = %g", xhat, i, want)
			}
			sq += (v - xhat[i]) * (v - xhat[i])
		}
	}
	N := float64(m.x.N)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"MSE", m.MSE(), sq / N},
		{"W1", m.W1(), l1w / N},
		{"Objective", m.Objective(), (sq + m.Cfg.Lambda*l1w) / N},
		{"Sparsity", m.Sparsity(), float64(nz) / (N * float64(m.Cfg.K))},
	} {
		if math.Abs(c.got-c.want) > 1e-9*max(1, math.Abs(c.want)) {
			t.Errorf("%s = %.12g, want %.12g", c.name, c.got, c.want)
		}
	}
}
