package sparse

import (
	"slices"
	"testing"
)

// TestAlternateCatchesFiniteBlowUp: an alternation whose objective stays
// finite but lands far above where it started (a point moved to 1e100
// behind the model's back: an objective of order 1e200) is a divergence
// too, not only an overflow; D and W go back to the checkpoint and
// Restored names its step.
func TestAlternateCatchesFiniteBlowUp(t *testing.T) {
	m := New(Default2D, 1)
	for range 4 {
		if _, diverged := m.Alternate(); diverged {
			t.Fatal("the default experiment diverged")
		}
	}
	d, w := slices.Clone(m.D().Data), slices.Clone(m.W().Data)
	x := m.X().X
	x[0], x[1] = 1e100, -1e100
	if _, diverged := m.Alternate(); !diverged {
		t.Fatalf("objective %g after a point moved to 1e100: not a divergence", m.Objective())
	}
	if !slices.Equal(m.D().Data, d) || !slices.Equal(m.W().Data, w) {
		t.Error("D and W were not restored")
	}
	if m.Restored != 4 || m.Steps != 4 {
		t.Errorf("Restored %d, Steps %d; want 4 and 4", m.Restored, m.Steps)
	}
}

// TestNormalizeAfterLongRunIsNoDivergence: turning the D-step's constraint
// on after a long unconstrained run (‖D‖ has grown, ‖W‖₁ shrunk) raises the
// objective a hundredfold in one alternation, back to about where it
// started; that is the lecture's point, not a divergence.
func TestNormalizeAfterLongRunIsNoDivergence(t *testing.T) {
	cfg := Default2D
	cfg.Normalize = false
	m := New(cfg, 1)
	for range 300 {
		if _, diverged := m.Alternate(); diverged {
			t.Fatal("the unconstrained D-step diverged")
		}
	}
	low := m.Objective()
	m.Cfg.Normalize = true
	if _, diverged := m.Alternate(); diverged {
		t.Fatalf("constraining D after the objective fell to %g was taken for a divergence (now %g)", low, m.Objective())
	}
	t.Logf("objective %.3g → %.3g (×%.0f) on turning Normalize on", low, m.Objective(), m.Objective()/low)
}
