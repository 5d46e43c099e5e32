package sparse

import (
	"math"
	"testing"

	"aelab/core/nn"
	"aelab/core/rng"
)

// TestPSDMeasureAgrees: the one-pass Measure gives the energies, errors and
// closeness that Infer, Energy and Closeness give point by point.
func TestPSDMeasureAgrees(t *testing.T) {
	m := New(DefaultPatches, 1)
	x := m.X()
	p := NewPSD(x.D, 16, 0.1, 1, rng.New(1, rng.StreamWeights))
	tr := nn.NewTrainer(p, nn.NewAdam(0.001), x, 32, rng.New(1, rng.StreamBatches))
	tr.Step(50)
	got, pairs := p.Measure(x, nil)
	h := make([]float64, p.K)
	r := make([]float64, x.D)
	var energy, mse float64
	nz := 0
	for n := 0; n < x.N; n++ {
		p.Infer(h, x.At(n))
		energy += p.Energy(x.At(n), h)
		copy(r, x.At(n))
		for k, hk := range h {
			if hk != 0 {
				nz++
				for i := range r {
					r[i] -= hk * p.D.Data[k*x.D+i]
				}
			}
		}
		for _, v := range r {
			mse += v * v
		}
	}
	want := PSDMeasures{Energy: energy / float64(x.N), MSE: mse / float64(x.N),
		Sparsity: float64(nz) / float64(x.N*p.K), Closeness: p.Closeness(x)}
	for _, c := range [][3]any{{"energy", got.Energy, want.Energy}, {"mse", got.MSE, want.MSE},
		{"sparsity", got.Sparsity, want.Sparsity}, {"closeness", got.Closeness, want.Closeness}} {
		g, w := c[1].(float64), c[2].(float64)
		if math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
			t.Errorf("Measure %s = %v, point by point %v", c[0], g, w)
		}
	}
	if len(pairs) == 0 || len(pairs)%2 != 0 {
		t.Errorf("%d pair values", len(pairs))
	}
}
