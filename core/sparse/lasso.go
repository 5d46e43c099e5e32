package sparse

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
	"aelab/core/nn"
)

// Default stopping rule of the LASSO. Tol is in the units of the gradient
// of ‖x − Dᵀw‖², which for the lab's data (‖x‖ of order 1, unit atoms) is
// of order 1: 1e-7 is far below anything drawn and below the 1e-6 the tests
// demand of the optimality conditions (the active-set step usually ends at
// rounding level, ~1e-15). MaxSweeps is only a guard: on the lab's data
// warm-started codes need 1–6 sweeps and cold ones up to about 25; the
// hardest case tested (100 atoms in 20 dimensions, λ = 0.01, cold) needed
// 198.
const (
	DefaultTol       = 1e-7
	DefaultMaxSweeps = 1000
)

// Lasso is the lecture's sparse-coding encoder (slide "Sparse coding:
// encoder & decoder"): for a fixed dictionary D (K×Dim, one atom per row)
// it maps a point x to the code
//
//	w = argmin_w ‖xᵀ − wᵀD‖² + λ‖w‖₁,
//
// one LASSO regression. It solves it by cyclic coordinate descent with
// covariance updates (Friedman, Hastie & Tibshirani, "Regularization paths
// for generalized linear models via coordinate descent", J. Stat. Softw.
// 33(1), 2010, section 2.2): the Gram matrix G = DDᵀ is computed once per
// dictionary and the correlations c = Dx − Gw are kept up to date, so a
// coordinate costs O(1) when it stays where it is and O(K) when it moves.
// Each coordinate is set to its exact minimiser given the others,
//
//	w_k ← S(c_k + G_kk·w_k, λ/2) / G_kk,   S(z, t) = sign(z)·max(|z| − t, 0),
//
// so the objective never rises, and a warm start from the current code
// costs only the sweeps its change needs.
//
// Between sweeps over all K coordinates, Friedman et al. iterate on the
// active set (the nonzero coordinates) alone. Here that inner work is the
// feature-sign step of Lee et al. (see activeSolve), which solves for the
// active set at once instead of sweeping it to convergence: on learned
// dictionaries, whose atoms are correlated, plain sweeps converge linearly
// and took 20–50 sweeps per code to reach Tol, the step one or two. It
// runs once a sweep has left the active set and its signs unchanged (or
// from the third sweep on), and never raises the objective either. From a
// cold start (w = 0) the first sweep visits the coordinates by decreasing
// |c_k|, so that the atoms that explain x enter before those that merely
// overlap it.
//
// Sweeps stop when the worst violation of the optimality conditions (see
// KKTViolation) is at most Tol, or after MaxSweeps (a sweep: one pass over
// all K coordinates or one active-set step), or once Work has reached
// MaxWork.
//
// A Lasso keeps a reference to its dictionary: after changing the atoms in
// place call SetDict again, which recomputes G. Encode allocates nothing.
type Lasso struct {
	Lambda    float64 // λ ≥ 0
	Tol       float64 // stop when the KKT violation is ≤ Tol
	MaxSweeps int     // at most this many sweeps per Encode
	// Work counts the multiply-adds (and comparisons) Encode has done, a
	// measure of its time that is the same on every machine; the caller
	// zeroes it. MaxWork, when positive, stops an Encode after the sweep
	// in which Work reached it: a W-step spends a bounded amount (see
	// Config.Work).
	Work, MaxWork int

	dict blas64.General
	g    []float64 // K×K Gram matrix DDᵀ
	inv  []float64 // K: 1/G_kk (0 for a zero atom)
	// order of the coordinates in a sweep: 0…K−1, or by decreasing
	// correlation in the first sweep of an Encode
	order, byCorr []int
	b, c          []float64 // K: Dx and Dx − Gw during Encode
	act           []int     // the active set during Encode
	chol          []float64 // K×K: Cholesky factor of the active set's Gram matrix
	z             []float64 // K: the active set's solution
}

// cholFloor: a pivot of the active set's Cholesky factorisation below this
// fraction of its diagonal entry of G means the active atoms are linearly
// dependent to working precision (the factor would lose all but a few
// digits), and the active-set step removes the dependence instead.
const cholFloor = 1e-10

// flatTol: along a direction of dependent atoms whose fit changes by at
// most this fraction of an atom's squared norm per unit step, and whose
// penalty does not change, the objective is flat up to rounding (exactly
// duplicated atoms give ~1e-16).
const flatTol = 1e-14

// NewLasso returns an encoder on dict (K×Dim) with the default stopping
// rule.
func NewLasso(dict blas64.General, lambda float64) *Lasso {
	l := &Lasso{Lambda: lambda, Tol: DefaultTol, MaxSweeps: DefaultMaxSweeps}
	l.SetDict(dict)
	return l
}

// SetDict makes dict (K×Dim) the dictionary and recomputes its Gram matrix.
func (l *Lasso) SetDict(dict blas64.General) {
	k := dict.Rows
	if len(l.g) != k*k {
		l.g = make([]float64, k*k)
		l.b, l.c, l.act = make([]float64, k), make([]float64, k), make([]int, 0, k)
		l.chol, l.z, l.inv = make([]float64, k*k), make([]float64, k), make([]float64, k)
		l.order, l.byCorr = make([]int, k), make([]int, k)
		for j := range l.order {
			l.order[j] = j
		}
	}
	l.dict = dict
	gram(l.g, dict)
	for j := range l.inv {
		l.inv[j] = 0
		if gjj := l.g[j*k+j]; gjj != 0 {
			l.inv[j] = 1 / gjj
		}
	}
}

// Dict returns the dictionary.
func (l *Lasso) Dict() blas64.General { return l.dict }

// Gram returns G = DDᵀ, K×K row-major (read only).
func (l *Lasso) Gram() []float64 { return l.g }

// Encode improves the code w (length K) of x (length Dim) in place,
// starting from w as it is (a warm start; zero it for a cold one), until
// the KKT violation is at most Tol, MaxSweeps sweeps are done or Work has
// reached MaxWork (after one sweep at least). It returns the sweeps made and
// the final KKT violation.
func (l *Lasso) Encode(w, x []float64) (sweeps int, kkt float64) {
	d, g, b, c := l.dict, l.g, l.b, l.c
	k := d.Rows
	if len(w) != k || len(x) != d.Cols {
		panic("sparse: Lasso.Encode: w must have length K and x length Dim")
	}
	matVec(b, d, x)
	l.Work += k * d.Cols
	half := l.Lambda / 2
	cold := true
	for _, v := range w {
		cold = cold && v == 0
	}
	stale := true // c must be recomputed
	for full := 0; ; full++ {
		if stale {
			l.correlations(w)
			stale = false
		}
		kkt = violation(c, w, l.Lambda)
		if kkt <= l.Tol || sweeps >= l.MaxSweeps || l.spent(sweeps) {
			return sweeps, kkt
		}
		order := l.order
		if full == 0 && cold {
			// From w = 0 the first sweep visits the coordinates by
			// decreasing |c_j|: the atoms that explain most of x enter
			// first and lower the others' correlations below λ/2 before
			// they are visited, where a cyclic sweep would let in every
			// atom that merely overlaps x, for later sweeps to prune (on
			// BenchmarkSparseEncode, 26 ms against 246 ms cyclically).
			order = l.byCorr
			for j := range order {
				order[j] = j
			}
			slices.SortFunc(order, func(i, j int) int { return cmp.Compare(math.Abs(c[j]), math.Abs(c[i])) })
			l.Work += 8 * k
		}
		// One sweep over all K coordinates finds the active set...
		sweeps++
		l.Work += 2 * k
		moved := false // did a coordinate enter, leave or change sign?
		for _, j := range order {
			inv := l.inv[j]
			if inv == 0 {
				// A zero atom: its coefficient does not touch the fit, so
				// λ|w_j| is minimised by 0 (and G's row j is 0: c stays).
				w[j] = 0
				continue
			}
			old := w[j]
			if nw := softThreshold(c[j]+g[j*k+j]*old, half) * inv; nw != old {
				w[j] = nw
				axpy(c, old-nw, g[j*k:(j+1)*k])
				l.Work += k
				moved = moved || (old > 0) != (nw > 0) || (old < 0) != (nw < 0)
			}
		}
		// ...and once a sweep leaves the active set and its signs as they
		// were (or from the third sweep on, when they keep changing), the
		// active set is solved for by feature-sign steps, each of which
		// either reaches the minimum on the active set or takes one atom
		// out of it.
		if moved && full < 2 {
			continue
		}
		for sweeps < l.MaxSweeps && !l.spent(sweeps) {
			act := nonzeros(l.act, w)
			if len(act) == 0 {
				break
			}
			if stale {
				l.correlations(w)
			}
			dropped, ok := l.activeSolve(w, act)
			if !ok {
				break
			}
			sweeps++
			stale = true
			if !dropped {
				break
			}
		}
	}
}

// spent reports whether Encode must stop for MaxWork, after sweeps sweeps:
// never before the first, so that every call makes progress.
func (l *Lasso) spent(sweeps int) bool {
	return l.MaxWork > 0 && sweeps > 0 && l.Work >= l.MaxWork
}

// correlations sets c = Dx − Gw from b = Dx.
func (l *Lasso) correlations(w []float64) {
	k := len(w)
	copy(l.c, l.b)
	l.Work += 2 * k
	for j, wj := range w {
		if wj != 0 {
			axpy(l.c, -wj, l.g[j*k:(j+1)*k])
			l.Work += k
		}
	}
}

// activeSolve takes one step on the active set A (the nonzero coordinates
// of w, given c = Dx − Gw up to date), the feature-sign step of Lee,
// Battle, Raina & Ng ("Efficient sparse coding algorithms", NIPS 2006,
// section 3): with A and the signs s of w fixed, the objective is the
// quadratic ‖x − Dᵀw‖² + λ sᵀw_A, minimised by
//
//	z_A = G_AA⁻¹ (Dx − λs/2)_A.
//
// w moves along the segment towards z, by an exact line search on that
// quadratic, and stops early at the first coordinate that reaches 0, which
// is set to 0. If z keeps the signs s the step reaches z, the exact LASSO
// solution when the inactive coordinates then meet their conditions (which
// Encode checks next).
//
// When G_AA is singular to working precision (the Cholesky factorisation
// meets a pivot below cholFloor: more active atoms than dimensions, or
// duplicated atoms), the step is instead along a direction that leaves the
// fit nearly unchanged, d_p − Σ α_q d_q ≈ 0 for the first dependent atom p,
// oriented so that λ‖w‖₁ falls, again up to the first coordinate that
// reaches 0: this removes the dependence. Either way the line search keeps
// the objective from rising. It reports whether a coordinate was set to 0,
// and ok = false if no step was possible.
func (l *Lasso) activeSolve(w []float64, act []int) (dropped, ok bool) {
	k, n := l.dict.Rows, len(act)
	// the factorisation, n³/6, and the solves and the line search, 3n²
	l.Work += n*n*n/6 + 3*n*n
	g, ch, u := l.g, l.chol[:n*n], l.z[:n]
	// Cholesky factor of G_AA, lower, n×n with stride n; dep is the first
	// linearly dependent atom, if any.
	for p, i := range act {
		for q, j := range act[:p+1] {
			ch[p*n+q] = g[i*k+j]
		}
	}
	dep := -1
factor:
	for p := 0; p < n; p++ {
		for q := 0; q <= p; q++ {
			v := ch[p*n+q] - nn.Dot(ch[p*n:p*n+q], ch[q*n:q*n+q])
			if q < p {
				ch[p*n+q] = v / ch[q*n+q]
				continue
			}
			if v <= cholFloor*g[act[p]*k+act[p]] {
				dep = p
				break factor
			}
			ch[p*n+p] = math.Sqrt(v)
		}
	}
	half := l.Lambda / 2
	if dep < 0 {
		// u = z − w_A, z = G_AA⁻¹ (b_A − λs/2): forward then back
		// substitution.
		for p, i := range act {
			v := l.b[i] - math.Copysign(half, w[i])
			u[p] = (v - nn.Dot(ch[p*n:p*n+p], u[:p])) / ch[p*n+p]
		}
		backSubstitute(ch, n, u)
		for p, i := range act {
			u[p] -= w[i]
		}
	} else {
		// Row dep of the factor holds L⁻¹ G_{A', p} for the atoms A'
		// before it; α = L⁻ᵀ of that solves G_A'A' α = G_A'p, and
		// u = e_p − Σ α_q e_q.
		copy(u[:dep], ch[dep*n:dep*n+dep])
		backSubstitute(ch, n, u[:dep])
		for q := range u[:dep] {
			u[q] = -u[q]
		}
		u[dep] = 1
		clear(u[dep+1:])
	}
	// Along w + t·u the objective changes by slope·t + curv·t².
	slope, curv := 0.0, 0.0
	for p, i := range act {
		if u[p] == 0 {
			continue
		}
		slope += u[p] * (math.Copysign(l.Lambda, w[i]) - 2*l.c[i])
		gi := g[i*k : (i+1)*k]
		for q, j := range act {
			curv += u[p] * u[q] * gi[j]
		}
	}
	if slope > 0 {
		for p := range u {
			u[p] = -u[p]
		}
		slope = -slope
	}
	tmax, hit := math.Inf(1), -1
	for p, i := range act {
		if u[p] != 0 && (u[p] > 0) != (w[i] > 0) {
			if t := -w[i] / u[p]; t < tmax {
				tmax, hit = t, p
			}
		}
	}
	var t float64
	switch {
	case dep >= 0 && slope == 0 && curv <= flatTol*g[act[dep]*k+act[dep]]:
		// Exactly flat (duplicated atoms of equal sign): any split fits
		// as well; go to the boundary, which drops the duplicate.
		t = tmax
	case curv > 0:
		t = min(-slope/(2*curv), tmax)
	case slope < 0:
		t = tmax
	}
	if math.IsInf(t, 0) || !(t > 0) {
		return false, false
	}
	for p, i := range act {
		w[i] += t * u[p]
	}
	if t == tmax {
		w[act[hit]] = 0
		return true, true
	}
	return false, true
}

// backSubstitute solves Lᵀy = v in place for the n×n lower-triangular L
// stored in ch with stride stride, n = len(v).
func backSubstitute(ch []float64, stride int, v []float64) {
	for p := len(v) - 1; p >= 0; p-- {
		s := v[p]
		for q := p + 1; q < len(v); q++ {
			s -= ch[q*stride+p] * v[q]
		}
		v[p] = s / ch[p*stride+p]
	}
}

// EncodeAll runs Encode on every row of x, with the codes in the rows of w
// (N×K) as warm starts: the W-step of dictionary learning, N independent
// LASSO regressions (slide "Sparse coding: estimation"). It returns the
// largest number of sweeps any point needed and the worst final KKT
// violation.
func (l *Lasso) EncodeAll(w blas64.General, x *data.Set) (maxSweeps int, maxKKT float64) {
	for n := 0; n < x.N; n++ {
		s, v := l.Encode(row(w, n), x.At(n))
		maxSweeps, maxKKT = max(maxSweeps, s), max(maxKKT, v)
	}
	return maxSweeps, maxKKT
}

// violation is the worst KKT violation of w given c = Dx − Gw, where the
// gradient of the smooth part is g = 2(Gw − Dx) = −2c.
func violation(c, w []float64, lambda float64) float64 {
	worst := 0.0
	for j, wj := range w {
		worst = max(worst, violation1(c[j], wj, lambda))
	}
	return worst
}

// violation1 is the KKT violation of one coordinate with c_j = −g_j/2.
func violation1(cj, wj, lambda float64) float64 {
	gj := -2 * cj
	switch {
	case wj > 0:
		return math.Abs(gj + lambda)
	case wj < 0:
		return math.Abs(gj - lambda)
	}
	return math.Abs(gj) - lambda
}

// KKTViolation returns how far w is from the LASSO solution for x on dict
// (K×Dim) with penalty λ, by the optimality (Karush–Kuhn–Tucker)
// conditions of ‖xᵀ − wᵀD‖² + λ‖w‖₁: with the gradient of the squared
// error g = 2D(Dᵀw − x),
//
//	g_k + λ·sign(w_k) = 0  where w_k ≠ 0,    |g_k| ≤ λ  where w_k = 0.
//
// It returns the worst violation over k, max(|g_k + λ sign w_k|, |g_k| − λ,
// 0): zero exactly at the solution. It recomputes everything from dict and
// allocates a K-vector; it is a check, not part of the solver.
func KKTViolation(dict blas64.General, lambda float64, x, w []float64) float64 {
	if len(w) != dict.Rows || len(x) != dict.Cols {
		panic("sparse: KKTViolation: w must have length K and x length Dim")
	}
	// r = x − Dᵀw, c = Dr = Dx − DDᵀw
	r := append([]float64(nil), x...)
	for k, wk := range w {
		if wk != 0 {
			axpy(r, -wk, row(dict, k))
		}
	}
	c := make([]float64, dict.Rows)
	for k := range c {
		c[k] = nn.Dot(row(dict, k), r)
	}
	return max(violation(c, w, lambda), 0)
}
