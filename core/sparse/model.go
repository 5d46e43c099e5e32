package sparse

import (
	"math"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/rng"
)

// Config is a dictionary-learning experiment: its data, the dictionary's
// size, the penalty and the solvers' settings.
type Config struct {
	Data      string  // "2d" (Star2D) or "patches" (8×8 patches of a procedural image)
	K         int     // number of atoms
	Lambda    float64 // λ of ‖X − WD‖² + λ‖W‖₁
	Normalize bool    // D-step under ‖d_k‖ ≤ 1 (true) or plain least squares (false)
	Points    int     // N, the number of data points

	// "2d" data (Star2D)
	TrueAtoms int     // K_true, directions of the generating dictionary
	PairFrac  float64 // fraction of points made of two atoms instead of one
	Noise     float64 // standard deviation of the Gaussian noise

	// "patches" data (NewImage, Patches)
	ImageSize int // side of the procedural image, pixels
	Patch     int // side of a patch, pixels (Dim = Patch²)

	// solvers
	Passes    int     // D-step passes over the atoms (Normalize on)
	Tol       float64 // LASSO stopping rule: KKT violation (see Lasso)
	MaxSweeps int     // LASSO sweep cap per point and W-step
	// Work, when positive, bounds the work of a W-step (Lasso.Work): the
	// scene's steps must fit a frame at every setting, and with many atoms
	// and a small λ coding all N points takes N LASSO solves of a
	// near-singular active set, 0.3 s natively at K = 128, λ = 0.005 (3 s
	// from cold codes). Such a W-step codes the points in turn instead:
	// from where the last stopped, each to Tol, until the work is spent,
	// and the next W-step carries on. It is block-coordinate descent over
	// the rows of W, so it never raises the objective either. 0: every
	// point, every W-step.
	Work int
}

// Default2D is the sparse scene's opening experiment: five atoms learned
// from a star of five rays in the plane.
var Default2D = Config{
	Data: "2d", K: 5, Lambda: 0.1, Normalize: true, Points: 500,
	TrueAtoms: 5, PairFrac: 0.2, Noise: 0.03,
	ImageSize: 128, Patch: 8,
	Passes: 3, Tol: DefaultTol, MaxSweeps: DefaultMaxSweeps,
}

// DefaultPatches learns 32 atoms from 8×8 patches of a 128×128 procedural
// image.
var DefaultPatches = Config{
	Data: "patches", K: 32, Lambda: 0.1, Normalize: true, Points: 500,
	TrueAtoms: 5, PairFrac: 0.2, Noise: 0.03,
	ImageSize: 128, Patch: 8,
	Passes: 3, Tol: DefaultTol, MaxSweeps: DefaultMaxSweeps,
}

// Model is sparse coding being learned by alternation (slide "Sparse
// coding: estimation"): data X (N×Dim), a dictionary D (K×Dim, one atom
// per row) and codes W (N×K, one per row of X), with
//
//	‖X − WD‖²₂ + λ‖W‖₁ → min over D, W,
//
// not convex in (D, W) jointly but convex in each. WStep and DStep each
// minimise it over one matrix with the other fixed and never raise it.
// Nothing allocates after New: the scene calls these every frame.
type Model struct {
	Cfg   Config
	Steps int // alternations since New

	x        *data.Set
	d, w     blas64.General
	trueDict blas64.General // the generating atoms of "2d" data (Rows 0 otherwise)
	image    *Image         // the picture of "patches" data

	lasso *Lasso
	ds    *dstep
	resid []float64 // Dim
	sqErr float64   // ‖X − WD‖², when known
	known bool      // sqErr is up to date

	lastD, lastW []float64 // D and W before the running Alternate
	next         int       // the point a W-step with a Work bound starts at
	initial      float64   // the objective before the first Alternate, NaN until then

	// Restored is the step whose D and W the last divergence of Alternate
	// put back.
	Restored int
}

// New builds the data of cfg from seed (stream rng.StreamData) and a random
// initial dictionary of K unit atoms (stream rng.StreamWeights); the codes
// start at 0.
func New(cfg Config, seed uint64) *Model {
	r := rng.New(seed, rng.StreamData)
	var x *data.Set
	var trueDict blas64.General
	var img *Image
	switch cfg.Data {
	case "2d":
		x, trueDict = Star2D(r, cfg.TrueAtoms, cfg.Points, cfg.PairFrac, cfg.Noise)
	case "patches":
		img = NewImage(r, cfg.ImageSize)
		x = data.NewSet(cfg.Points, cfg.Patch*cfg.Patch)
		Patches(x, img, r)
	default:
		panic(`sparse: Config.Data must be "2d" or "patches"`)
	}
	m := NewWithData(x, cfg, seed)
	m.trueDict, m.image = trueDict, img
	return m
}

// NewWithData learns a dictionary for the given points instead of cfg's
// data set (cfg.Data, Points and the data fields are ignored): K random
// unit atoms drawn from seed (stream rng.StreamWeights), codes at 0.
func NewWithData(x *data.Set, cfg Config, seed uint64) *Model {
	if cfg.K < 1 || x.N < 1 {
		panic("sparse: need K ≥ 1 atoms and at least one point")
	}
	m := &Model{
		Cfg: cfg, x: x,
		d:     RandomDict(rng.New(seed, rng.StreamWeights), cfg.K, x.D),
		w:     newMatrix(x.N, cfg.K),
		ds:    newDStep(cfg.K, x.D),
		resid: make([]float64, x.D),
		lastD: make([]float64, cfg.K*x.D),
		lastW: make([]float64, x.N*cfg.K),

		initial: math.NaN(),
	}
	m.lasso = NewLasso(m.d, cfg.Lambda)
	m.lasso.Tol, m.lasso.MaxSweeps = cfg.Tol, cfg.MaxSweeps
	return m
}

// WStep is the W half of an alternation: N LASSO regressions, one per row
// of W, each warm-started from its current code (see Lasso); with a Work
// bound, as many of them as it allows, in turn (see Config.Work). It
// returns the most sweeps a point needed and the worst KKT violation left
// among the points it coded.
func (m *Model) WStep() (maxSweeps int, maxKKT float64) {
	m.known = false
	l := m.lasso
	l.Lambda, l.Tol, l.MaxSweeps = m.Cfg.Lambda, m.Cfg.Tol, m.Cfg.MaxSweeps
	if m.Cfg.Work <= 0 {
		return l.EncodeAll(m.w, m.x)
	}
	l.Work, l.MaxWork = 0, m.Cfg.Work
	for i := 0; i < m.x.N && l.Work < l.MaxWork; i++ {
		n := m.next
		s, v := l.Encode(row(m.w, n), m.x.At(n))
		maxSweeps, maxKKT = max(maxSweeps, s), max(maxKKT, v)
		if v <= l.Tol || s >= l.MaxSweeps {
			m.next = (n + 1) % m.x.N // done with it; else it goes on next time
		}
	}
	l.MaxWork = 0
	return maxSweeps, maxKKT
}

// DStep is the D half of an alternation, D = argmin ‖X − WD‖² with W
// fixed. With Cfg.Normalize (the default), under the constraint
// ‖d_k‖ ≤ 1: Cfg.Passes passes of projected block-coordinate descent over
// the atoms (Mairal, Bach, Ponce & Sapiro, JMLR 2010, Algorithm 2).
// Without it, the plain least-squares solution of the normal equations
// WᵀW D = WᵀX, the slide's "K OLS regressions"; atoms no code uses are
// left unchanged (see leastSquares). Unconstrained, nothing stops the
// degeneracy D → cD, W → W/c (c > 1), which keeps WD and divides λ‖W‖₁ by
// c: over alternations ‖D‖ grows and ‖W‖₁ shrinks without bound, which is
// why dictionaries are normalised.
//
// Finally each atom is oriented so that the sum of its codes is not
// negative (d_k, W's column k → −d_k, −column k when it is): WD and ‖W‖₁
// are unchanged, and the arrows of the 2-D scene point along the data's
// rays. Switching Normalize on after atoms have grown beyond the unit ball
// projects them back, which may raise the objective once.
func (m *Model) DStep() {
	m.known = false
	m.ds.stats(m.x, m.w)
	if m.Cfg.Normalize {
		m.ds.blockCoordinate(m.d, max(m.Cfg.Passes, 1))
	} else {
		m.ds.leastSquares(m.d)
	}
	m.orient()
	m.lasso.SetDict(m.d)
}

// Step is one alternation, WStep then DStep: what the scene's "step" and
// window.aelab's train(1) do.
func (m *Model) Step() {
	m.WStep()
	m.DStep()
	m.Steps++
}

// Alternate is one alternation, WStep then DStep, guarded against
// divergence. Each half-step minimises the objective over one matrix, so an
// alternation never raises it in exact arithmetic; one whose D, W or
// objective stops being a finite number, or whose objective lands more
// than divergeFactor times above the larger of its value before the
// alternation and before the first one (W = 0 then), went wrong
// numerically. Alternate then puts back the dictionary and codes from
// before the alternation — the checkpoint, which passed this test itself —
// and reports diverged (Steps then does not count it; Restored names the
// step put back). afterW is the objective between the two half-steps, for
// a plot of every half-step; after DStep the objective is Objective(). This
// is the sparse scene's training step.
func (m *Model) Alternate() (afterW float64, diverged bool) {
	copy(m.lastD, m.d.Data)
	copy(m.lastW, m.w.Data)
	before := m.Objective()
	if math.IsNaN(m.initial) {
		m.initial = before
	}
	m.WStep()
	afterW = m.Objective()
	m.DStep()
	if after := m.Objective(); !m.Finite() || !(after <= divergeFactor*math.Max(before, m.initial)) {
		copy(m.d.Data, m.lastD)
		copy(m.w.Data, m.lastW)
		m.Refresh()
		m.Restored = m.Steps
		return afterW, true
	}
	m.Steps++
	return afterW, false
}

// divergeFactor bounds the rise of the objective in one alternation (see
// Alternate): far beyond anything rounding can do to a descent step, and
// beyond what a live change of λ or of the D-step's constraint does (turning
// Normalize on after a long unconstrained run raises the objective to about
// its initial value, never above it).
const divergeFactor = 1e3

// Train runs n alternations.
func (m *Model) Train(n int) {
	for range n {
		m.Step()
	}
}

// orient flips atoms whose codes sum to a negative number.
func (m *Model) orient() {
	k := m.Cfg.K
	for j := 0; j < k; j++ {
		s := 0.0
		for n := 0; n < m.x.N; n++ {
			s += m.w.Data[n*k+j]
		}
		if s >= 0 {
			continue
		}
		dj := row(m.d, j)
		for c := range dj {
			dj[c] = -dj[c]
		}
		for n := 0; n < m.x.N; n++ {
			if v := m.w.Data[n*k+j]; v != 0 { // (no −0 in W)
				m.w.Data[n*k+j] = -v
			}
		}
	}
}

// SetLambda changes λ live: the next W-step starts from the current codes.
func (m *Model) SetLambda(lambda float64) {
	m.Cfg.Lambda = lambda
	m.lasso.Lambda = lambda
}

// squaredError returns ‖X − WD‖², summed over the nonzero entries of each
// code and kept until the next step, so that the metrics cost nothing when
// read again in the same frame.
func (m *Model) squaredError() float64 {
	if !m.known {
		m.sqErr = 0
		for n := 0; n < m.x.N; n++ {
			m.sqErr += m.residual(m.resid, n)
		}
		m.known = true
	}
	return m.sqErr
}

// residual writes xₙ − Dᵀwₙ into r and returns its squared norm.
func (m *Model) residual(r []float64, n int) float64 {
	copy(r, m.x.At(n))
	wn := row(m.w, n)
	for k, v := range wn {
		if v != 0 {
			axpy(r, -v, row(m.d, k))
		}
	}
	return nn.Dot(r, r)
}

// Objective is the metric objective: (‖X − WD‖² + λ‖W‖₁)/N, the lecture's
// objective per sample.
func (m *Model) Objective() float64 {
	return (m.squaredError() + m.Cfg.Lambda*l1(m.w.Data)) / float64(m.x.N)
}

// MSE is the metric mse: ‖X − WD‖²/N.
func (m *Model) MSE() float64 { return m.squaredError() / float64(m.x.N) }

// W1 is ‖W‖₁/N, the penalty's share of the objective divided by λ.
func (m *Model) W1() float64 { return l1(m.w.Data) / float64(m.x.N) }

// Sparsity is the metric sparsity: the fraction of nonzero entries of W
// (lower is sparser).
func (m *Model) Sparsity() float64 { return Sparsity(m.w.Data) }

// AtomNorm is the metric atom_norm: the mean norm ‖d_k‖ of the atoms.
func (m *Model) AtomNorm() float64 { return MeanRowNorm(m.d) }

// MeanRowNorm is the mean Euclidean norm of the rows of a: the metric
// atom_norm of a dictionary whose atoms are its rows.
func MeanRowNorm(a blas64.General) float64 {
	s := 0.0
	for k := 0; k < a.Rows; k++ {
		s += norm(row(a, k))
	}
	return s / float64(a.Rows)
}

// DNorm is the Frobenius norm ‖D‖_F, which grows without bound when the
// dictionary is not normalised.
func (m *Model) DNorm() float64 { return norm(m.d.Data) }

// Sparsity returns the fraction of nonzero entries of w.
func Sparsity(w []float64) float64 {
	nz := 0
	for _, v := range w {
		if v != 0 {
			nz++
		}
	}
	return float64(nz) / float64(len(w))
}

// Encode writes into dst (length K) the LASSO code of any point x (length
// Dim) on the current dictionary, from a cold start, and returns the KKT
// violation reached. It allocates nothing.
func (m *Model) Encode(dst, x []float64) float64 {
	m.lasso.Lambda, m.lasso.Tol, m.lasso.MaxSweeps = m.Cfg.Lambda, m.Cfg.Tol, m.Cfg.MaxSweeps
	clear(dst)
	_, kkt := m.lasso.Encode(dst, x)
	return kkt
}

// Reconstruct writes the decoder's output x̂ᵀ = wᵀD for the code w into
// dst (length Dim).
func (m *Model) Reconstruct(dst, w []float64) { decode(dst, m.d, w) }

// D returns the dictionary, K×Dim, one atom per row (the model's own
// storage: read it, do not write it).
func (m *Model) D() blas64.General { return m.d }

// W returns the codes, N×K, row n the code of point n (the model's own
// storage).
func (m *Model) W() blas64.General { return m.w }

// X returns the data, N×Dim.
func (m *Model) X() *data.Set { return m.x }

// TrueDict returns the atoms that generated "2d" data (TrueAtoms×2), for
// drawing beside the learned ones; Rows is 0 for other data.
func (m *Model) TrueDict() blas64.General { return m.trueDict }

// Image returns the picture the patches were cut from, nil for other data.
func (m *Model) Image() *Image { return m.image }

// Finite reports whether D and W are finite numbers.
func (m *Model) Finite() bool {
	s := 0.0
	for _, v := range m.d.Data {
		s += v * 0
	}
	for _, v := range m.w.Data {
		s += v * 0
	}
	return s == 0 // NaN·0 and ±Inf·0 are NaN; finite·0 is 0
}

// Refresh recomputes what depends on D after a caller changed D or W in
// place (Alternate restoring its last finite state).
func (m *Model) Refresh() {
	m.known = false
	m.lasso.SetDict(m.d)
}

// PatchData returns the patch data of cfg drawn from seed (stream
// rng.StreamData), as New makes them, without a model: for the autoencoders
// that learn on the same patches.
func PatchData(cfg Config, seed uint64) *data.Set {
	r := rng.New(seed, rng.StreamData)
	img := NewImage(r, cfg.ImageSize)
	x := data.NewSet(cfg.Points, cfg.Patch*cfg.Patch)
	Patches(x, img, r)
	return x
}
