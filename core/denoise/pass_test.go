package denoise

import (
	"math"
	"testing"
)

// TestPassMatchesModel: a Pass run in slices of any size gives the metrics
// the Model's methods give at once, on the same weights, and allocates
// nothing once made.
func TestPassMatchesModel(t *testing.T) {
	m, _ := New(Default, nil, 1)
	m.Train(300)
	p := NewProbe(m.Curve, 2, 24)
	want := Measures{Alignment: m.Alignment(p), MSE: m.MSE(), OnManifold: m.FieldNormOnManifold(p),
		AtSigma: m.FieldNormAt(p, math.Max(Default.Noise, MinSigma))}
	pass := NewPass(m, p)
	for _, slice := range []int{1, 7, 100, 1 << 20} {
		pass.Begin()
		calls := 0
		for !pass.Advance(slice) {
			calls++
		}
		got := pass.Measures()
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"alignment", got.Alignment, want.Alignment}, {"mse", got.MSE, want.MSE},
			{"on the manifold", got.OnManifold, want.OnManifold}, {"at σ", got.AtSigma, want.AtSigma},
		} {
			if math.Abs(c.got-c.want) > 1e-12*math.Max(1, math.Abs(c.want)) {
				t.Errorf("slices of %d: %s = %.15g, the Model's %.15g", slice, c.name, c.got, c.want)
			}
		}
		if slice == 7 && calls < 100 {
			t.Errorf("slices of 7 points: the pass took %d calls, want it spread", calls+1)
		}
	}
	if a := testing.AllocsPerRun(5, func() {
		pass.Begin()
		for !pass.Advance(50) {
		}
	}); a != 0 {
		t.Errorf("a pass allocates %v times, want 0", a)
	}
}
