package contractive

import (
	"testing"

	"aelab/core/manifold"
)

// TestSweepTradeOff is the slide's "λ controls tradeoff between
// reconstruction error and robustness" on the sweep the scene plots:
// once trained, a larger λ gives a smaller mean ‖J_f‖_F and a larger MSE
// across the ladder, end to end, and each step up the ladder never
// reverses both at once. Measured, seed 1 on the circle: (‖J_f‖_F, MSE)
// go from (λ = 1e-4) to (λ = 0.3) as logged.
func TestSweepTradeOff(t *testing.T) {
	for _, name := range []string{"circle", "spiral"} {
		curve, _ := manifold.Named(name)
		cfg := Default
		cfg.Manifold = name
		s := NewSweep(cfg, curve, 1)
		for !s.Done() {
			s.Train(30, 30)
		}
		n := len(s.Lambdas)
		for i := range s.Lambdas {
			t.Logf("%s λ = %g: jacobian_fro %.4f, mse %.5f (step %d)", name, s.Lambdas[i], s.JacobianFro[i], s.MSE[i], s.Models[i].Steps())
		}
		if s.JacobianFro[n-1] >= s.JacobianFro[0] || s.MSE[n-1] <= s.MSE[0] {
			t.Errorf("%s: λ = %g gives (‖J_f‖_F %.4f, mse %.5f), λ = %g gives (%.4f, %.5f): want less sensitivity and more error at the larger λ",
				name, s.Lambdas[0], s.JacobianFro[0], s.MSE[0], s.Lambdas[n-1], s.JacobianFro[n-1], s.MSE[n-1])
		}
		if s.Steps() != SweepSteps {
			t.Errorf("%s: sweep done at %d steps, want %d", name, s.Steps(), SweepSteps)
		}
	}
}
