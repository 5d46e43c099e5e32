package sparse

import (
	"testing"
)

// TestWStepWorkBound: a W-step with a Work bound spends at most the bound
// and one more sweep, never raises the objective, and over successive
// W-steps codes every point in turn, reaching the codes an unbounded W-step
// reaches. The case is the sparse scene's most expensive: 128 atoms for
// 8×8 patches with λ = 0.005, where one unbounded W-step from cold codes
// does some 7e9 multiply-adds.
func TestWStepWorkBound(t *testing.T) {
	cfg := DefaultPatches
	cfg.K, cfg.Lambda, cfg.Points = 128, 0.005, 60
	const work = 2_000_000
	// the most one sweep can add past the bound: an active-set step on
	// every atom, or a sweep in which every coordinate moves, and the
	// correlations and Dx of the next point
	k, dim := cfg.K, 64
	sweep := k*k*k/6 + 3*k*k + 3*k*k + k*dim
	bounded := cfg
	bounded.Work = work
	m := New(bounded, 1)
	prev := m.Objective()
	coded := make([]bool, cfg.Points)
	for step := 0; step < 400; step++ {
		before := m.next
		m.lasso.Work = 0
		m.WStep()
		if w := m.lasso.Work; w > work+sweep {
			t.Fatalf("W-step %d did %d multiply-adds, bound %d + one sweep %d", step, w, work, sweep)
		}
		for n := before; n != m.next; n = (n + 1) % cfg.Points {
			coded[n] = true
		}
		obj := m.Objective()
		if obj > prev*(1+1e-12) {
			t.Fatalf("W-step %d raised the objective: %.12g → %.12g", step, prev, obj)
		}
		prev = obj
	}
	for n, ok := range coded {
		if !ok {
			t.Fatalf("point %d was never coded to the end in 400 bounded W-steps", n)
		}
	}
	// every code now solves its LASSO: as the unbounded W-step's do
	for n := 0; n < cfg.Points; n++ {
		if v := KKTViolation(m.D(), cfg.Lambda, m.X().At(n), row(m.W(), n)); v > 1e-6 {
			t.Errorf("point %d: KKT violation %.3g after the bounded W-steps went round", n, v)
		}
	}
}

// TestWStepWorkBoundIdle: a bound that does not bind changes nothing: the
// default patch experiment's W-steps, bounded as the sparse scene bounds
// them, give the codes and dictionary of unbounded ones.
func TestWStepWorkBoundIdle(t *testing.T) {
	bounded := DefaultPatches
	bounded.Work = 6_000_000
	a, b := New(DefaultPatches, 1), New(bounded, 1)
	for range 10 {
		a.Step()
		b.Step()
	}
	for i, v := range a.W().Data {
		if b.W().Data[i] != v {
			t.Fatalf("codes differ at %d: %g and %g", i, v, b.W().Data[i])
		}
	}
}
