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
	p.prepare()
	p.lasso.Lambda = p.Lambda
	p.lasso.SetDict(p.D)
	if len(p.h) != p.K {
		p.h = make([]float64, p.K)
	}
	var m PSDMeasures
	var num, den float64
	nz := 0
	for n := 0; n < x.N; n++ {
		xn := x.At(n)
		p.encode(xn)
		p.infer(p.h, xn)
		e := 0.0
		copy(p.r, xn)
		for k, hk := range p.h {
			if hk != 0 {
				nz++
				axpy(p.r, -hk, row(p.D, k))
				e += p.Lambda * math.Abs(hk)
			}
			d := hk - p.f[k]
			e += p.Gamma * d * d
		}
		sq := nn.Dot(p.r, p.r)
		m.MSE += sq
		m.Energy += e + sq
		clear(p.w)
		p.lasso.Encode(p.w, xn)
		for k, w := range p.w {
			d := p.f[k] - w
			num += d * d
			den += w * w
			if w != 0 || p.f[k] != 0 {
				pairs = append(pairs, w, p.f[k])
			}
		}
	}
	inv := 1 / float64(x.N)
	m.Energy *= inv
	m.MSE *= inv
	m.Sparsity = float64(nz) / float64(x.N*p.K)
	m.AtomNorm = MeanRowNorm(p.D)
	m.Closeness = math.NaN()
	if den > 0 {
		m.Closeness = math.Sqrt(num / den)
	}
	return m, pairs
}

// Decode writes the decoder's output g(h) = Dᵀh for a code h into dst
// (length Dim), on the atoms as they are.
func (p *PSD) Decode(dst, h []float64) { decode(dst, p.D, h) }
