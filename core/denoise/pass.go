package denoise

import (
	"math"

	"aelab/core/data"
)

// Measures are the denoise scene's metrics of a model.
//
// Under mask noise the band and the distance σ mean nothing: the corrupted
// inputs lie on the axes. Alignment and AtSigma are then NaN (not
// applicable), and Restored and AtMasked measure the field where the
// masked inputs are; under Gaussian noise those two are NaN. With nothing
// to undo (σ = 0, p = 0 or the plain autoencoder; Model.Nothing) the field
// has no direction to point in: Alignment and Restored are NaN, and
// AtSigma is measured at MinSigma.
type Measures struct {
	Alignment  float64 // as Model.Alignment
	MSE        float64 // as Model.MSE
	OnManifold float64 // as Model.FieldNormOnManifold
	AtSigma    float64 // as Model.FieldNormAt at distance max(σ, MinSigma)
	// Restored is the share of the masking's squared error that g(f(·))
	// undoes, 1 − E‖g(f(x̃)) − x‖² / E‖x̃ − x‖², the expectation over the
	// training points and every mask that zeroes at least one coordinate,
	// weighted by its probability: 1 when every zeroed coordinate is
	// filled back in from the other, 0 when none is.
	Restored float64
	// AtMasked is the mean ‖g(f(x̃)) − x̃‖ at those masked inputs, with the
	// same weights: the yardstick of OnManifold under mask noise.
	AtMasked float64
	// MaxOnManifold is the largest ‖g(f(x)) − x‖ at the points along the
	// curve: with nothing to undo, how far the field is from vanishing
	// anywhere on it.
	MaxOnManifold float64
}

// MinSigma is the least distance FieldNormAt is measured at by a Pass: with
// σ = 0 (or the plain autoencoder) the yardstick is still taken off the
// curve.
const MinSigma = 0.05

// A Pass measures a model in slices: it evaluates the field g(f(x)) − x at
// every point the Measures need — the grid points in the alignment's band,
// the training points, the points along the curve and those at distance σ
// beside it — at most a given number of points per call, so that a scene
// can spread the work of a large net over frames. Each slice uses the
// weights as they are then; the Measures come out when the last point is
// done, equal (up to the order of the sums) to those the Model's methods
// compute at once on unchanged weights.
type Pass struct {
	m     *Model
	p     *Probe
	pts   *data.Set // the points, in order: band, training, on, off; masked
	field []float64 // the field at them
	n     int       // points in this pass
	band  []int     // the grid points in the band, as gatherBand lists them
	next  int       // the next to evaluate
	sigma float64   // the distance of the off points, fixed when the pass began
	mask  bool      // the masked points follow, not the band and the off ones
	out   Measures
}

// NewPass returns a pass over m's metrics at the probe's points, begun.
func NewPass(m *Model, p *Probe) *Pass {
	most := max(p.n*p.n+2*probeOnCurve, 2*m.Data.N+1+probeOnCurve) + m.Data.N
	ps := &Pass{m: m, p: p, pts: data.NewSet(most, 2), field: make([]float64, 2*most), band: make([]int, 0, p.n*p.n)}
	ps.Begin()
	return ps
}

// Begin starts the pass over, with the noise σ as it is now.
func (ps *Pass) Begin() {
	m, p := ps.m, ps.p
	x := ps.pts.X
	ps.mask = m.Corrupt.Kind == Mask && !m.Nothing()
	ps.band = ps.band[:0]
	if !ps.mask {
		ps.band = p.gatherBand(x, ps.band, m.band())
	}
	i := len(ps.band)
	copy(x[2*i:], m.Data.X)
	i += m.Data.N
	copy(x[2*i:], p.On.X)
	i += probeOnCurve
	if ps.mask {
		// each training point with x zeroed, then with y zeroed, then the
		// origin (both zeroed: the same input for every point)
		nd := m.Data.N
		for n := 0; n < nd; n++ {
			x[2*(i+n)], x[2*(i+n)+1] = 0, m.Data.X[2*n+1]
			x[2*(i+nd+n)], x[2*(i+nd+n)+1] = m.Data.X[2*n], 0
		}
		i += 2 * nd
		x[2*i], x[2*i+1] = 0, 0
		ps.n = i + 1
	} else {
		ps.sigma = math.Max(m.Cfg.Noise, MinSigma)
		if m.Nothing() {
			ps.sigma = MinSigma
		}
		p.offCurve(x[2*i:], ps.sigma)
		ps.n = i + probeOnCurve
	}
	ps.next = 0
}

// Left returns how many points are still to evaluate.
func (ps *Pass) Left() int { return ps.n - ps.next }

// Advance evaluates the field at up to most more points and reports whether
// the pass is complete; then Measures holds its result. It allocates
// nothing.
func (ps *Pass) Advance(most int) (complete bool) {
	if k := min(most, ps.Left()); k > 0 {
		a := ps.next
		pts := data.Set{N: k, D: 2, X: ps.pts.X[2*a : 2*(a+k)]}
		ps.m.Field(ps.field[2*a:2*(a+k)], &pts)
		ps.next += k
		if ps.next == ps.n {
			ps.finish()
		}
	}
	return ps.Left() == 0
}

// finish computes the Measures from the field at every point.
func (ps *Pass) finish() {
	f, m := ps.field, ps.m
	nb, nd := len(ps.band), m.Data.N
	nan := math.NaN()
	ps.out = Measures{Alignment: nan, AtSigma: nan, Restored: nan, AtMasked: nan}
	ps.out.MSE = meanSquare(f[2*nb : 2*(nb+nd)])
	on := nb + nd
	ps.out.OnManifold = meanNorm(f[2*on : 2*(on+probeOnCurve)])
	for i := on; i < on+probeOnCurve; i++ {
		ps.out.MaxOnManifold = math.Max(ps.out.MaxOnManifold, math.Hypot(f[2*i], f[2*i+1]))
	}
	rest := on + probeOnCurve
	if !ps.mask {
		if !m.Nothing() {
			ps.out.Alignment = ps.p.alignment(ps.band, f[:2*nb])
		}
		ps.out.AtSigma = meanNorm(f[2*rest : 2*ps.n])
		return
	}
	// the masks' probabilities: one coordinate zeroed p(1 − p) each, both p²
	p := m.Corrupt.P
	one, both := p*(1-p), p*p
	if one+both == 0 {
		return // nothing masked: nothing to restore, no masked input
	}
	// x̃ − x at the masked inputs is −x's zeroed part; the field there is
	// g(f(x̃)) − x̃, so g(f(x̃)) − x = field − (x − x̃)
	var errBefore, errAfter, norm float64
	x := m.Data.X
	for n := 0; n < nd; n++ {
		X, Y := x[2*n], x[2*n+1]
		fx, fy := f[2*(rest+n)], f[2*(rest+n)+1] // x zeroed
		errBefore += one * X * X
		errAfter += one * ((fx-X)*(fx-X) + fy*fy)
		norm += one * math.Hypot(fx, fy)
		fx, fy = f[2*(rest+nd+n)], f[2*(rest+nd+n)+1] // y zeroed
		errBefore += one * Y * Y
		errAfter += one * (fx*fx + (fy-Y)*(fy-Y))
		norm += one * math.Hypot(fx, fy)
		ox, oy := f[2*(rest+2*nd)], f[2*(rest+2*nd)+1] // both
		errBefore += both * (X*X + Y*Y)
		errAfter += both * ((ox-X)*(ox-X) + (oy-Y)*(oy-Y))
		norm += both * math.Hypot(ox, oy)
	}
	ps.out.AtMasked = norm / (float64(nd) * (2*one + both))
	if errBefore > 0 {
		ps.out.Restored = 1 - errAfter/errBefore
	}
}

// Measures returns the result of the last complete pass.
func (ps *Pass) Measures() Measures { return ps.out }

// PointCost is the work of evaluating the net at one point, in
// multiply-adds: its number of weights. A scene sizes its slices by it.
func (m *Model) PointCost() int { return len(m.Net.Params) }
