package sparse

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/nn"
	"aelab/core/rng"
)

// kktTol is the bound on the optimality conditions of a LASSO code,
// in the units of the gradient of ‖x − Dᵀw‖² (points and atoms of norm
// about 1, so gradients of order 1).
const kktTol = 1e-6

// lassoProblem is a dictionary and points to encode on it.
type lassoProblem struct {
	name   string
	dict   blas64.General
	points [][]float64
}

// lassoProblems are the encoder's test cases: under- and overcomplete
// random dictionaries, the correlated atoms of a learned dictionary, and
// degenerate ones (a zero atom, a duplicated atom), which exercise the
// fall-back from the active-set solve to coordinate sweeps.
func lassoProblems(r *rand.Rand) []lassoProblem {
	gauss := func(n, dim int) [][]float64 {
		p := make([][]float64, n)
		for i := range p {
			p[i] = make([]float64, dim)
			for j := range p[i] {
				p[i][j] = r.NormFloat64() / math.Sqrt(float64(dim))
			}
		}
		return p
	}
	var probs []lassoProblem
	for _, s := range []struct{ k, dim int }{{5, 2}, {8, 16}, {64, 64}, {100, 20}} {
		probs = append(probs, lassoProblem{"random", RandomDict(r, s.k, s.dim), gauss(40, s.dim)})
	}
	m := New(DefaultPatches, 1)
	m.Train(10)
	learned := make([][]float64, 40)
	for i := range learned {
		learned[i] = m.X().At(i)
	}
	probs = append(probs, lassoProblem{"learned patches", m.D(), learned})

	deg := RandomDict(r, 12, 6)
	clear(row(deg, 3))             // a zero atom
	copy(row(deg, 7), row(deg, 5)) // a duplicate: G_AA singular when both are active
	copy(row(deg, 9), row(deg, 2)) // and another
	probs = append(probs, lassoProblem{"degenerate", deg, gauss(40, 6)})
	return probs
}

// lassoObjective is ‖x − Dᵀw‖² + λ‖w‖₁.
func lassoObjective(dict blas64.General, lambda float64, x, w []float64) float64 {
	r := append([]float64(nil), x...)
	for k, v := range w {
		axpy(r, -v, row(dict, k))
	}
	return nn.Dot(r, r) + lambda*l1(w)
}

// ista solves the same LASSO by proximal gradient (ISTA), a slow but
// independent method, for n iterations from 0.
func ista(dict blas64.General, lambda float64, x []float64, n int) []float64 {
	k := dict.Rows
	g := make([]float64, k*k)
	gram(g, dict)
	lip := 0.0
	for j := 0; j < k; j++ {
		lip = max(lip, l1(g[j*k:(j+1)*k]))
	}
	step := 1 / (2 * lip)
	w, grad := make([]float64, k), make([]float64, k)
	for range n {
		for j := range grad {
			grad[j] = -2 * nn.Dot(row(dict, j), x)
		}
		for j, v := range w {
			axpy(grad, 2*v, g[j*k:(j+1)*k])
		}
		for j := range w {
			w[j] = softThreshold(w[j]-step*grad[j], lambda*step)
		}
	}
	return w
}

// TestLassoSatisfiesKKT: every code the encoder returns meets the LASSO's
// optimality conditions to kktTol, as recomputed from scratch by
// KKTViolation, and its objective is not above that of 3000 ISTA
// iterations (an independent solver, near but not at the minimum; 1e-9
// allows for rounding).
func TestLassoSatisfiesKKT(t *testing.T) {
	r := rng.New(1, 0)
	worst, maxSweeps := 0.0, 0
	for _, p := range lassoProblems(r) {
		for _, lambda := range []float64{0.01, 0.1, 1} {
			l := NewLasso(p.dict, lambda)
			w := make([]float64, p.dict.Rows)
			for i, x := range p.points {
				clear(w)
				sweeps, reported := l.Encode(w, x)
				v := KKTViolation(p.dict, lambda, x, w)
				worst, maxSweeps = max(worst, v), max(maxSweeps, sweeps)
				if v > kktTol {
					t.Errorf("%s %d×%d, λ=%g, point %d: KKT violation %.3g, want ≤ %g (%d sweeps)", p.name, p.dict.Rows, p.dict.Cols, lambda, i, v, kktTol, sweeps)
				}
				if math.Abs(v-reported) > 1e-9 {
					t.Errorf("%s λ=%g point %d: Encode reports KKT violation %.3g, recomputed %.3g", p.name, lambda, i, reported, v)
				}
				if i < 2 {
					ref := ista(p.dict, lambda, x, 3000)
					if got, want := lassoObjective(p.dict, lambda, x, w), lassoObjective(p.dict, lambda, x, ref); got > want+1e-9 {
						t.Errorf("%s λ=%g point %d: objective %.12g above ISTA's %.12g", p.name, lambda, i, got, want)
					}
				}
				// Warm-started at its own solution, a code needs no sweep.
				if s, _ := l.Encode(w, x); s != 0 {
					t.Errorf("%s λ=%g point %d: re-encoding the solution took %d sweeps, want 0", p.name, lambda, i, s)
				}
			}
		}
	}
	t.Logf("worst KKT violation %.3g (bound %g), at most %d sweeps", worst, kktTol, maxSweeps)
}

// TestLassoSweepsNeverRaiseObjective: stopping the same encoding after
// 1, 2, 3, … sweeps gives a non-increasing objective, from cold and warm
// starts: each coordinate step is an exact minimisation and each
// active-set step a descent along a segment. The tolerance 1e-12 relative
// is for rounding.
func TestLassoSweepsNeverRaiseObjective(t *testing.T) {
	r := rng.New(2, 0)
	for _, p := range lassoProblems(r) {
		l := NewLasso(p.dict, 0.1)
		l.Tol = 0
		for i, x := range p.points[:10] {
			start := make([]float64, p.dict.Rows)
			if i%2 == 1 { // a warm start away from the solution
				for k := range start {
					start[k] = r.NormFloat64()
				}
			}
			w := make([]float64, len(start))
			prev := lassoObjective(p.dict, 0.1, x, start)
			for s := 1; s <= 12; s++ {
				copy(w, start)
				l.MaxSweeps = s
				l.Encode(w, x)
				obj := lassoObjective(p.dict, 0.1, x, w)
				if obj > prev*(1+1e-12)+1e-15 {
					t.Errorf("%s point %d: objective %.15g after %d sweeps, up from %.15g", p.name, i, obj, s, prev)
				}
				prev = obj
			}
		}
	}
}

// TestKKTViolationDetectsNonSolutions makes sure the check can fail: moving
// one coordinate of a solution by δ violates its condition by 2·G_kk·δ
// (plus λ if it leaves 0), and a solution for another λ is not one for λ.
func TestKKTViolationDetectsNonSolutions(t *testing.T) {
	r := rng.New(3, 0)
	dict := RandomDict(r, 10, 8)
	x := make([]float64, 8)
	for i := range x {
		x[i] = r.NormFloat64()
	}
	l := NewLasso(dict, 0.2)
	w := make([]float64, 10)
	l.Encode(w, x)
	if v := KKTViolation(dict, 0.2, x, w); v > kktTol {
		t.Fatalf("the solution violates KKT by %g", v)
	}
	const delta = 1e-3
	for k := range w {
		moved := append([]float64(nil), w...)
		moved[k] += delta
		want := 2 * delta // G_kk = 1 for unit atoms
		if w[k] == 0 {
			want += 0.2 - 2*math.Abs(l.c[k]) // from |g_k| ≤ λ to w_k ≠ 0
		}
		if v := KKTViolation(dict, 0.2, x, moved); v < 0.5*want {
			t.Errorf("w_%d moved by %g: violation %.3g, want at least %.3g", k, delta, v, 0.5*want)
		}
	}
	if v := KKTViolation(dict, 0.4, x, w); v < 0.1 {
		t.Errorf("the λ=0.2 solution checked at λ=0.4: violation %.3g, want ≥ 0.1", v)
	}
}
