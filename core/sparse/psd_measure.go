package sparse

import (
	"math"

	"aelab/core/data"
	"aelab/core/nn"
)

// PSDMeasures are the sparse scene's metrics of a PSD over a set of points.
type PSDMeasures struct {
	Energy    float64 // mean E(x, h*) at the inferred codes
	MSE       float64 // mean ‖x − Dᵀh*‖²
	Sparsity  float64 // fraction of nonzero entries of the codes h*
	Closeness float64 // as Closeness: √(Σ‖f(x) − w*‖² / Σ‖w*‖²), NaN if every w* is 0
	AtomNorm  float64 // mean ‖d_k‖ after the projection (1 unless an atom is 0)
}

// Measure computes the PSDMeasures over x with the parameters projected
// once (Infer and Closeness each project per call), and appends to pairs the
// (w*_k, f_k(x)) of every unit where either is nonzero, for a scatter of
// the fast encoder against the LASSO code. It allocates nothing once pairs
// has room.
func (p *PSD) Measure(x *data.Set, pairs []float64) (PSDMeasures, []float64) {
	p.prepareMeasure()
	var s psdSums
	for n := 0; n < x.N; n++ {
		clear(p.w)
		p.lasso.Encode(p.w, x.At(n))
		pairs = p.measurePoint(&s, x.At(n), p.w, pairs)
	}
	return s.measures(p, x.N), pairs
}

// prepareMeasure projects the parameters and gives the LASSO the
// dictionary and λ as they are.
func (p *PSD) prepareMeasure() {
	p.prepare()
	p.lasso.Lambda = p.Lambda
	p.lasso.SetDict(p.D)
	if len(p.h) != p.K {
		p.h = make([]float64, p.K)
	}
}

// psdSums are the sums the PSDMeasures are means of.
type psdSums struct {
	energy, mse, num, den float64
	nz                    int
}

func (s *psdSums) measures(p *PSD, n int) PSDMeasures {
	inv := 1 / float64(n)
	m := PSDMeasures{Energy: s.energy * inv, MSE: s.mse * inv,
		Sparsity: float64(s.nz) / float64(n*p.K), AtomNorm: MeanRowNorm(p.D), Closeness: math.NaN()}
	if s.den > 0 {
		m.Closeness = math.Sqrt(s.num / s.den)
	}
	return m
}

// measurePoint adds point xn, whose LASSO code is w, to the sums: it
// infers h* from f(xn), and appends the (w*_k, f_k) pairs.
func (p *PSD) measurePoint(s *psdSums, xn, w, pairs []float64) []float64 {
	p.encode(xn)
	p.infer(p.h, xn)
	e := 0.0
	copy(p.r, xn)
	for k, hk := range p.h {
		if hk != 0 {
			s.nz++
			axpy(p.r, -hk, row(p.D, k))
			e += p.Lambda * math.Abs(hk)
		}
		d := hk - p.f[k]
		e += p.Gamma * d * d
	}
	sq := nn.Dot(p.r, p.r)
	s.mse += sq
	s.energy += e + sq
	for k, wk := range w {
		d := p.f[k] - wk
		s.num += d * d
		s.den += wk * wk
		if wk != 0 || p.f[k] != 0 {
			pairs = append(pairs, wk, p.f[k])
		}
	}
	return pairs
}

// pointWork is the work of measurePoint for one point besides its LASSO,
// in multiply-adds: the encoder, ISTA's Dx and its iterations (each at
// most K² with every code entry nonzero), the residual.
func (p *PSD) pointWork() int {
	return 3*p.K*p.Dim + p.InferSteps*(p.K*p.K+2*p.K)
}

// A PSDPass computes the PSDMeasures of a PSD over a set of points in
// slices of bounded work, for a scene that spreads them over frames while
// training goes on (each slice uses the parameters as they are then). It
// keeps every point's LASSO code w* from one pass to the next as the warm
// start of its next solve: the dictionary moves little between passes, and
// a warm LASSO takes a few sweeps where a cold one with many atoms and a
// small λ takes hundreds (K = 128, λ = 0.005: some 1e7 multiply-adds a
// point). A solve the bound interrupts goes on in the next slice.
type PSDPass struct {
	p     *PSD
	x     *data.Set
	w     []float64 // N×K: the LASSO codes, warm starts of the next pass
	next  int       // the next point
	sums  psdSums
	pairs []float64 // this pass's (w*, f) pairs
	out   PSDMeasures
	shown []float64 // the last complete pass's pairs
}

// NewPass returns a pass over the points of x, with cold LASSO codes.
func (p *PSD) NewPass(x *data.Set) *PSDPass {
	return &PSDPass{p: p, x: x, w: make([]float64, x.N*p.K),
		pairs: make([]float64, 0, 2*x.N*p.K), shown: make([]float64, 0, 2*x.N*p.K), out: PSDMeasures{Closeness: math.NaN()}}
}

// Advance measures points of the pass until about work multiply-adds are
// spent (Lasso.Work, pointWork and the projection; at least one sweep of
// progress), beginning a new pass after a complete one, and reports
// whether this call completed a pass; Measures then holds its result. A
// work of 0 or less means no bound: the rest of the pass. It allocates
// nothing.
func (ps *PSDPass) Advance(work int) (complete bool) {
	p, l := ps.p, ps.p.lasso
	p.prepareMeasure()
	k, dim := p.K, p.Dim
	l.Work = 2 * k * k * dim // the two Gram matrices of the projection
	l.MaxWork = max(work, 0)
	defer func() { l.MaxWork = 0 }()
	for ps.next < ps.x.N {
		if work > 0 && l.Work >= work && l.Work > 2*k*k*dim {
			return false
		}
		n := ps.next
		w := ps.w[n*k : (n+1)*k]
		sweeps, kkt := l.Encode(w, ps.x.At(n))
		if kkt > l.Tol && sweeps < l.MaxSweeps {
			return false // the bound stopped the solve: on with it next time
		}
		ps.pairs = p.measurePoint(&ps.sums, ps.x.At(n), w, ps.pairs)
		l.Work += p.pointWork()
		ps.next++
	}
	ps.out = ps.sums.measures(p, ps.x.N)
	ps.shown = append(ps.shown[:0], ps.pairs...)
	ps.next, ps.sums, ps.pairs = 0, psdSums{}, ps.pairs[:0]
	return true
}

// Measures returns the result of the last complete pass and its (w*_k,
// f_k(x)) pairs where either is nonzero (read only, until the next pass
// completes).
func (ps *PSDPass) Measures() (PSDMeasures, []float64) { return ps.out, ps.shown }

// Restart drops the points measured in the pass under way, keeping the
// LASSO codes as warm starts.
func (ps *PSDPass) Restart() {
	ps.next, ps.sums, ps.pairs = 0, psdSums{}, ps.pairs[:0]
}

// Decode writes the decoder's output g(h) = Dᵀh for a code h into dst
// (length Dim), on the atoms as they are.
func (p *PSD) Decode(dst, h []float64) { decode(dst, p.D, h) }
