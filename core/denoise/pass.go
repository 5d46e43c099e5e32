package denoise

import (
	"math"

	"aelab/core/data"
)

// Measures are the denoise scene's metrics of a model.
type Measures struct {
	Alignment  float64 // as Model.Alignment
	MSE        float64 // as Model.MSE
	OnManifold float64 // as Model.FieldNormOnManifold
	AtSigma    float64 // as Model.FieldNormAt at distance max(σ, MinSigma)
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
	pts   *data.Set // the points, in order: band, training, on, off
	field []float64 // the field at them
	n     int       // points in this pass
	band  []int     // the grid points in the band, as gatherBand lists them
	next  int       // the next to evaluate
	sigma float64   // the distance of the off points, fixed when the pass began
	out   Measures
}

// NewPass returns a pass over m's metrics at the probe's points, begun.
func NewPass(m *Model, p *Probe) *Pass {
	most := p.n*p.n + m.Data.N + 2*probeOnCurve
	ps := &Pass{m: m, p: p, pts: data.NewSet(most, 2), field: make([]float64, 2*most), band: make([]int, 0, p.n*p.n)}
	ps.Begin()
	return ps
}

// Begin starts the pass over, with the noise σ as it is now.
func (ps *Pass) Begin() {
	m, p := ps.m, ps.p
	x := ps.pts.X
	ps.band = p.gatherBand(x, ps.band, m.band())
	i := len(ps.band)
	copy(x[2*i:], m.Data.X)
	i += m.Data.N
	copy(x[2*i:], p.On.X)
	i += probeOnCurve
	ps.sigma = math.Max(m.Cfg.Noise, MinSigma)
	p.offCurve(x[2*i:], ps.sigma)
	ps.n = i + probeOnCurve
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
	f := ps.field
	nb, nd := len(ps.band), ps.m.Data.N
	ps.out.Alignment = ps.p.alignment(ps.band, f[:2*nb])
	ps.out.MSE = meanSquare(f[2*nb : 2*(nb+nd)])
	on := nb + nd
	ps.out.OnManifold = meanNorm(f[2*on : 2*(on+probeOnCurve)])
	ps.out.AtSigma = meanNorm(f[2*(on+probeOnCurve) : 2*ps.n])
}

// Measures returns the result of the last complete pass.
func (ps *Pass) Measures() Measures { return ps.out }

// PointCost is the work of evaluating the net at one point, in
// multiply-adds: its number of weights. A scene sizes its slices by it.
func (m *Model) PointCost() int { return len(m.Net.Params) }
