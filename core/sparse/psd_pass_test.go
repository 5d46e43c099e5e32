package sparse

import (
	"math"
	"testing"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/rng"
)

// TestPSDPassAgrees: a PSDPass in slices of bounded work gives what the
// one-pass Measure gives (up to the LASSO's tolerance: its codes start
// warm), each slice stays within its bound and one sweep and one point,
// and the second pass, warm, costs far less than the first. The case is
// the sparse scene's most expensive: 128 atoms, λ = 0.005.
func TestPSDPassAgrees(t *testing.T) {
	m := New(DefaultPatches, 1)
	x := &data.Set{N: 16, D: m.X().D, X: m.X().X[:16*m.X().D]}
	p := NewPSD(x.D, 128, 0.005, 1, rng.New(1, rng.StreamWeights))
	tr := nn.NewTrainer(p, nn.NewAdam(0.001), m.X(), 32, rng.New(1, rng.StreamBatches))
	tr.Step(5)
	want, wantPairs := p.Measure(x, nil)

	const work = 3_000_000
	k, dim := p.K, p.Dim
	slack := k*k*k/6 + 6*k*k + k*dim + p.pointWork() + 2*k*k*dim
	pass := p.NewPass(x)
	total := func() (calls, spent int) {
		for {
			calls++
			done := pass.Advance(work)
			spent += p.lasso.Work
			if p.lasso.Work > work+slack {
				t.Fatalf("a slice did %d multiply-adds, bound %d + %d", p.lasso.Work, work, slack)
			}
			if done {
				return calls, spent
			}
		}
	}
	calls, cold := total()
	got, pairs := pass.Measures()
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"energy", got.Energy, want.Energy}, {"mse", got.MSE, want.MSE}, {"sparsity", got.Sparsity, want.Sparsity},
		{"closeness", got.Closeness, want.Closeness}, {"atom norm", got.AtomNorm, want.AtomNorm}} {
		if math.Abs(c.got-c.want) > 1e-6*math.Max(1, math.Abs(c.want)) {
			t.Errorf("%s: pass %.10g, Measure %.10g", c.name, c.got, c.want)
		}
	}
	if len(pairs) != len(wantPairs) {
		t.Errorf("%d pair values, Measure gives %d", len(pairs), len(wantPairs))
	}
	_, warm := total()
	t.Logf("first pass: %d slices, %.3g multiply-adds; second, warm: %.3g", calls, float64(cold), float64(warm))
	if calls < 3 {
		t.Errorf("the cold pass took %d slices of %d: it was not spread", calls, work)
	}
	if warm > cold/4 {
		t.Errorf("the warm pass cost %d, the cold one %d: the codes did not start warm", warm, cold)
	}
	if a := testing.AllocsPerRun(3, func() { pass.Advance(0) }); a != 0 {
		t.Errorf("a pass allocates %v times", a)
	}
}
