package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"

	"aelab/core/data"
	"aelab/core/rng"
)

// Tolerances of the gradient checks. Central differences with step 1e-6
// carry a truncation error of order h² and a rounding error of order
// ε/h ≈ 1e-10 relative; tanh and sigmoid are the rational approximation
// Tanh64, whose true derivative differs from the 1 − y² the backward pass
// uses by up to 1.3e-7 (TestTanh64Accuracy). Relative error 1e-5 leaves a
// margin of 100 over that and still catches a wrong factor or a missing term.
const (
	fdStep  = 1e-6
	gradTol = 1e-5
)

func TestTanh64Accuracy(t *testing.T) {
	maxErr, maxDerivErr := 0.0, 0.0
	for x := -12.0; x <= 12; x += 1e-4 {
		y := Tanh64(x)
		maxErr = max(maxErr, math.Abs(y-math.Tanh(x)))
		num := (Tanh64(x+fdStep) - Tanh64(x-fdStep)) / (2 * fdStep)
		if math.Abs(x) < tanhClamp-fdStep { // beyond the clamp the derivative is 0 by construction
			maxDerivErr = max(maxDerivErr, math.Abs(num-(1-y*y)))
		}
	}
	if maxErr > 3e-8 {
		t.Errorf("max |Tanh64 − tanh| = %g, want ≤ 3e-8", maxErr)
	}
	if maxDerivErr > 1.3e-7 {
		t.Errorf("max |Tanh64' − (1 − Tanh64²)| = %g, want ≤ 1.3e-7", maxDerivErr)
	}
	// The batched kernels (four at a time in Go, and with AVX2 on amd64)
	// must agree with the scalar one, clamp infinities and keep NaN, which
	// the divergence guard relies on.
	v := make([]float64, 103)
	for i := range v {
		v[i] = float64(i-50) / 5
	}
	v[3], v[7], v[11], v[101] = math.NaN(), math.Inf(1), math.Inf(-1), math.NaN()
	for _, k := range []struct {
		name string
		f    func([]float64)
	}{{"tanhSlice", tanhSlice}, {"tanhSliceGo", tanhSliceGo}} {
		w := append([]float64(nil), v...)
		k.f(w)
		for i, x := range v {
			want := Tanh64(x)
			if math.IsNaN(want) != math.IsNaN(w[i]) || math.Abs(w[i]-want) > 1e-15 {
				t.Errorf("%s(%g) = %g, Tanh64 = %g", k.name, x, w[i], want)
			}
		}
	}
	if Tanh64(math.Inf(1)) != Tanh64(tanhClamp) || !math.IsNaN(Tanh64(math.NaN())) {
		t.Errorf("Tanh64(+Inf) = %g, Tanh64(NaN) = %g", Tanh64(math.Inf(1)), Tanh64(math.NaN()))
	}
}

// objective builds the batch loss as a function of the flat parameters, for
// finite differences.
func objective(net *Net, b *Batch) func([]float64) float64 {
	return func(p []float64) float64 {
		saved := append([]float64(nil), net.Params...)
		copy(net.Params, p)
		net.Forward(b)
		loss := MSE(b)
		copy(net.Params, saved)
		return loss
	}
}

func randomBatch(net *Net, n int, r *rand.Rand) *Batch {
	b := net.NewBatch(n + 3) // a capacity larger than N exercises the stride
	b.N = n
	x := make([]float64, net.In())
	tgt := make([]float64, net.Out())
	for s := 0; s < n; s++ {
		for i := range x {
			x[i] = r.NormFloat64()
		}
		for i := range tgt {
			tgt[i] = r.NormFloat64()
		}
		b.SetInput(s, x)
		b.SetTarget(s, tgt)
	}
	return b
}

func relErr(a, b []float64) float64 {
	diff := make([]float64, len(a))
	floats.SubTo(diff, a, b)
	return floats.Norm(diff, 2) / math.Max(floats.Norm(b, 2), 1e-12)
}

func TestBackwardMatchesFiniteDifferences(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sizes []int
		acts  []Activation
	}{
		{"linear 2-1-2", []int{2, 1, 2}, []Activation{Linear, Linear}},
		{"tanh 2-32-1-32-2", []int{2, 32, 1, 32, 2}, []Activation{Tanh, Tanh, Tanh, Linear}},
		{"sigmoid 3-5-2-3", []int{3, 5, 2, 3}, []Activation{Sigmoid, Sigmoid, Linear}},
		{"relu 2-7-3", []int{2, 7, 3}, []Activation{ReLU, Linear}},
		{"mixed 5-4-6-5", []int{5, 4, 6, 5}, []Activation{Tanh, ReLU, Sigmoid}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rng.New(7, 0)
			net := New(tc.sizes, tc.acts)
			net.Init(r)
			for i := range net.Layers {
				for k := range net.Layers[i].B {
					net.Layers[i].B[k] = 0.1 * r.NormFloat64()
				}
			}
			b := randomBatch(net, 13, r) // 13: not a multiple of the kernels' 4 or 8
			b.InputGrad = true
			net.Forward(b)
			MSE(b)
			net.ZeroGrad()
			net.Backward(b)
			want := fd.Gradient(nil, objective(net, b), net.Params, &fd.Settings{Formula: fd.Central, Step: fdStep})
			if e := relErr(net.Grads, want); e > gradTol {
				t.Errorf("parameter gradient: relative error %g > %g\ngot  %v\nwant %v", e, gradTol, net.Grads[:6], want[:6])
			}
			// Input gradient of sample 5 against finite differences in x.
			const s = 5
			x0 := make([]float64, net.In())
			b.Activation(x0, 0, s)
			gotIn := make([]float64, net.In())
			b.Activation(gotIn, 0, s) // overwritten below from G[0]
			for i := range gotIn {
				gotIn[i] = b.G[0][i*b.Cap+s]
			}
			lossOfInput := func(x []float64) float64 {
				b.SetInput(s, x)
				net.Forward(b)
				l := MSE(b)
				b.SetInput(s, x0)
				return l
			}
			wantIn := fd.Gradient(nil, lossOfInput, x0, &fd.Settings{Formula: fd.Central, Step: fdStep})
			if e := relErr(gotIn, wantIn); e > gradTol {
				t.Errorf("input gradient: relative error %g > %g: got %v, want %v", e, gradTol, gotIn, wantIn)
			}
		})
	}
}

func TestWeightDecayGradient(t *testing.T) {
	r := rng.New(3, 0)
	x := data.NewSet(20, 2)
	for i := range x.X {
		x.X[i] = r.NormFloat64()
	}
	net := New([]int{2, 4, 2}, []Activation{Tanh, Linear})
	net.Init(r)
	ae := NewAutoencoder(net)
	ae.WeightDecay = 0.3
	tr := NewTrainer(ae, &SGD{LR: 0}, x, 20, r) // LR 0: Step computes gradients only
	if _, diverged := tr.Step(1); diverged {
		t.Fatal("diverged")
	}
	b := ae.Batch()
	obj := func(p []float64) float64 {
		saved := append([]float64(nil), net.Params...)
		copy(net.Params, p)
		net.Forward(b)
		l := MSE(b)
		for _, ly := range net.Layers {
			for _, w := range ly.W {
				l += 0.3 * w * w
			}
		}
		copy(net.Params, saved)
		return l
	}
	want := fd.Gradient(nil, obj, net.Params, &fd.Settings{Formula: fd.Central, Step: fdStep})
	if e := relErr(net.Grads, want); e > gradTol {
		t.Errorf("gradient with weight decay: relative error %g > %g", e, gradTol)
	}
	if got, w := tr.Loss, obj(net.Params); math.Abs(got-w) > 1e-12 {
		t.Errorf("Loss = %g, want %g", got, w)
	}
}

func TestApplyMatchesEval(t *testing.T) {
	r := rng.New(4, 0)
	net := New([]int{3, 5, 2, 3}, []Activation{Tanh, Linear, Sigmoid})
	net.Init(r)
	x := data.NewSet(37, 3)
	for i := range x.X {
		x.X[i] = r.NormFloat64()
	}
	b := net.NewBatch(8) // 37 points in 5 chunks
	out := make([]float64, 37*3)
	net.Apply(out, 3, x, b)
	got := make([]float64, 3)
	scratch := make([]float64, 10)
	mse := 0.0
	for n := 0; n < x.N; n++ {
		net.Eval(got, x.At(n), scratch)
		for d := range got {
			if math.Abs(got[d]-out[3*n+d]) > 1e-14 {
				t.Fatalf("point %d: Apply %v, Eval %v", n, out[3*n:3*n+3], got)
			}
			e := got[d] - x.At(n)[d]
			mse += e * e
		}
	}
	mse /= float64(x.N)
	if rec := net.ReconstructionError(x, b); math.Abs(rec-mse) > 1e-12 {
		t.Errorf("ReconstructionError = %g, want %g", rec, mse)
	}
}

func TestAdamFirstStepIsLR(t *testing.T) {
	// Kingma & Ba, section 2.1: the first effective step is ±α whatever the
	// gradient's scale.
	p := []float64{1, 1, 1}
	g := []float64{1e-3, -5, 200}
	o := NewAdam(0.01)
	o.Step(p, g)
	want := []float64{0.99, 1.01, 0.99}
	for i := range p {
		if math.Abs(p[i]-want[i]) > 1e-6 {
			t.Errorf("Adam first step: p[%d] = %g, want %g", i, p[i], want[i])
		}
	}
}

func TestOptimizersMinimiseQuadratic(t *testing.T) {
	// f(p) = ½ Σ cᵢ pᵢ², gradient cᵢ pᵢ: every optimizer must reach 0.
	c := []float64{1, 10, 0.5}
	for _, tc := range []struct {
		name string
		opt  Optimizer
	}{
		{"sgd", &SGD{LR: 0.05}},
		{"momentum", &SGD{LR: 0.02, Momentum: 0.9}},
		{"adam", NewAdam(0.05)},
	} {
		p := []float64{1, -1, 2}
		g := make([]float64, 3)
		for range 2000 {
			for i := range p {
				g[i] = c[i] * p[i]
			}
			tc.opt.Step(p, g)
		}
		if n := floats.Norm(p, 2); n > 1e-3 {
			t.Errorf("%s: |p| = %g after 2000 steps, want < 1e-3", tc.name, n)
		}
	}
}

func TestDivergenceRestoresLastFiniteWeights(t *testing.T) {
	r := rng.New(5, 0)
	x := data.NewSet(64, 2)
	for i := range x.X {
		x.X[i] = 3 * r.NormFloat64()
	}
	net := New([]int{2, 8, 2}, []Activation{Linear, Linear})
	net.Init(r)
	tr := NewTrainer(NewAutoencoder(net), &SGD{LR: 50}, x, 16, r)
	done, diverged := tr.Step(10000)
	if !diverged {
		t.Fatalf("learning rate 50 on a linear net did not diverge in %d steps", done)
	}
	if !net.Finite() {
		t.Fatal("parameters are not finite after a divergence")
	}
	if math.IsNaN(tr.Loss) || math.IsInf(tr.Loss, 0) {
		t.Errorf("Loss = %g after divergence, want the last finite loss", tr.Loss)
	}
	if tr.Steps != done {
		t.Errorf("Steps = %d, want %d", tr.Steps, done)
	}
}

func TestTrainingDoesNotAllocate(t *testing.T) {
	x := data.NewSet(100, 2)
	data.Anisotropic2D(x, data.NewBase(rng.New(1, 0), 100, 2), 3, 30, 0.1)
	net := New([]int{2, 32, 1, 32, 2}, []Activation{Tanh, Tanh, Tanh, Linear})
	net.Init(rng.New(1, 1))
	tr := NewTrainer(NewAutoencoder(net), &SGD{LR: 0.01, Momentum: 0.9}, x, 32, rng.New(1, 2))
	tr.Step(1) // the optimizer allocates its state once
	b := net.NewBatch(64)
	out := make([]float64, 200)
	if a := testing.AllocsPerRun(20, func() {
		tr.Step(10)
		net.Apply(out, 4, x, b)
	}); a != 0 {
		t.Errorf("Step and Apply allocate %v times per run, want 0", a)
	}
}
