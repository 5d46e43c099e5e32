package sparse

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"aelab/core/nn"
	"aelab/core/rng"
)

// testPSD is a small PSD with an encoder moved away from its ISTA start
// (random W, b, θ), so that some units are active and some at 0.
func testPSD() *PSD {
	r := rng.New(6, 0)
	p := NewPSD(6, 8, 0.1, 0.7, r)
	for i := range p.W.Data {
		p.W.Data[i] = r.NormFloat64()
	}
	for k := range p.B {
		p.B[k] = 0.3 * r.NormFloat64()
		p.Theta[k] = 0.5 * r.Float64()
	}
	return p
}

// TestPSDGradient checks LossGrad's gradient against central differences
// twice: of the energy at the inferred codes held fixed (the paper's
// update), and of the inferred energy min_h E itself, by inferring afresh
// at each perturbed parameter (the envelope theorem makes them equal at
// the minimum; 500 ISTA iterations reach it to rounding here, since γ = 0.7
// makes E strongly convex in h). Points whose encoder units lie within 10
// fd steps of the threshold's kinks |z| = θ would make the fixed-code
// energy non-smooth; the test asserts there are none.
func TestPSDGradient(t *testing.T) {
	p := testPSD()
	p.InferSteps = 500
	x := gaussSet(7, 9, 6)
	mb := minibatch(x, 12)
	p.LossGrad(mb) // projects, infers h*
	got := append([]float64(nil), p.Grads()...)
	codes := append([]float64(nil), p.Codes()[:9*8]...)
	active, kink := 0, math.Inf(1)
	for s := 0; s < x.N; s++ {
		p.encode(x.At(s))
		for k, z := range p.z {
			kink = min(kink, math.Abs(math.Abs(z)-p.Theta[k]))
			if p.f[k] != 0 {
				active++
			}
		}
	}
	maxX := 0.0
	for _, v := range x.X {
		maxX = max(maxX, math.Abs(v))
	}
	// a perturbation of W, b or θ by h moves |z| − θ by at most max(|x_i|, 1)·h
	if margin := 10 * fdStep * max(maxX, 1); kink < margin {
		t.Fatalf("an encoder unit is %.3g from its kink, within %.3g; choose another seed", kink, margin)
	}
	t.Logf("%d of %d encoder outputs nonzero, nearest kink %.3g away", active, 9*8, kink)
	if active == 0 || active == 9*8 {
		t.Fatalf("%d of %d encoder outputs nonzero: the check would miss a branch", active, 9*8)
	}
	at := func(energy func() float64) func([]float64) float64 {
		return func(q []float64) float64 {
			saved := append([]float64(nil), p.Params()...)
			copy(p.Params(), q)
			p.refresh() // no projection: the perturbed atoms are not renormalised
			e := energy()
			copy(p.Params(), saved)
			p.refresh()
			return e
		}
	}
	fixed := at(func() float64 { return p.energyGrad(mb, codes) })
	inferred := at(func() float64 {
		h := make([]float64, 8)
		e := 0.0
		for s := 0; s < x.N; s++ {
			p.encode(x.At(s))
			p.infer(h, x.At(s))
			e += p.Energy(x.At(s), h)
		}
		return e / float64(x.N)
	})
	settings := &fd.Settings{Formula: fd.Central, Step: fdStep}
	for _, c := range []struct {
		name string
		f    func([]float64) float64
		tol  float64
	}{
		// piecewise quadratic in the parameters: only rounding remains
		{"energy at fixed h*", fixed, gradTolLinear},
		// each evaluation carries ISTA's residual (~1e-15) over the fd
		// step: 1e-6 relative
		{"min_h E (envelope)", inferred, 1e-6},
	} {
		want := fd.Gradient(nil, c.f, p.Params(), settings)
		if e := relErr(got, want); e > c.tol {
			t.Errorf("%s: gradient relative error %.3g, want ≤ %g", c.name, e, c.tol)
		} else {
			t.Logf("%s: gradient relative error %.3g (tolerance %g)", c.name, e, c.tol)
		}
	}
}

// TestPSDInference: ISTA never raises the energy, and from the encoder's
// prediction DefaultInferSteps iterations bring it within 1e-6 (relative)
// of its minimum (5000 iterations), once the encoder is trained.
func TestPSDInference(t *testing.T) {
	m := New(DefaultPatches, 1)
	x := m.X()
	p := NewPSD(x.D, 32, 0.1, 1, rng.New(1, rng.StreamWeights))
	tr := nn.NewTrainer(p, nn.NewAdam(0.001), x, 32, rng.New(1, rng.StreamBatches))
	tr.Step(300)
	p.prepare()
	h, ref := make([]float64, 32), make([]float64, 32)
	worstGap := 0.0
	for n := 0; n < 50; n++ {
		xn := x.At(n)
		p.encode(xn)
		matVec(p.dx, p.D, xn)
		copy(h, p.f)
		prev := p.Energy(xn, h)
		for it := 1; it <= DefaultInferSteps; it++ {
			p.istaStep(h)
			e := p.Energy(xn, h)
			if rose(e, prev) {
				t.Errorf("point %d, ISTA iteration %d: energy rose from %.15g to %.15g", n, it, prev, e)
			}
			prev = e
		}
		p.InferSteps = 5000
		p.encode(xn)
		p.infer(ref, xn)
		best := p.Energy(xn, ref)
		worstGap = max(worstGap, (prev-best)/best)
	}
	t.Logf("after %d ISTA iterations the energy is within %.3g (relative) of its minimum", DefaultInferSteps, worstGap)
	if worstGap > 1e-6 {
		t.Errorf("after %d ISTA iterations the energy is %.3g above its minimum (relative), want ≤ 1e-6", DefaultInferSteps, worstGap)
	}
}

// TestPSDEncoderApproachesSparseCoding: training PSD on the patches
// (K = 32, λ = 0.1, γ = 1, Adam 0.001, 500 minibatches of 32, seed 1)
// brings the fast encoder's predictions closer to the exact LASSO codes:
// Closeness falls by more than half.
func TestPSDEncoderApproachesSparseCoding(t *testing.T) {
	x := New(DefaultPatches, 1).X()
	p := NewPSD(x.D, 32, 0.1, 1, rng.New(1, rng.StreamWeights))
	tr := nn.NewTrainer(p, nn.NewAdam(0.001), x, 32, rng.New(1, rng.StreamBatches))
	before := p.Closeness(x)
	if _, diverged := tr.Step(500); diverged {
		t.Fatal("PSD training diverged")
	}
	after := p.Closeness(x)
	t.Logf("closeness √(Σ‖f(x) − w*‖² / Σ‖w*‖²): %.4f before, %.4f after 500 steps", before, after)
	if !(after < 0.5*before) {
		t.Errorf("closeness %.4f after training, want < half of %.4f", after, before)
	}
	for k := 0; k < p.K; k++ {
		if n := norm(row(p.D, k)); math.Abs(n-1) > 1e-12 {
			t.Errorf("atom %d has norm %.15f after Closeness, want 1", k, n)
		}
	}
}
