package sparse

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/rng"
)

// Finite differences. Central differences with step 1e-6 have a
// truncation error of order h²·f”' and a rounding error of order
// ε·|f|/h ≈ 1e-10 relative. The sigmoid is core/nn's rational
// approximation, whose true derivative differs from the y(1 − y) of the
// backward pass by up to ~3e-8 (a quarter of Tanh64's 1.3e-7): its
// tolerance is core/nn's 1e-5. ReLU and PSD's soft threshold are piecewise
// linear, so away from their kinks only rounding remains: 1e-7 there still
// leaves a margin of 1000 and catches any wrong factor.
const (
	fdStep        = 1e-6
	gradTolSmooth = 1e-5 // through nn.Sigmoid01
	gradTolLinear = 1e-7 // piecewise-linear units, away from kinks
)

func relErr(got, want []float64) float64 {
	d := 0.0
	for i := range got {
		d += (got[i] - want[i]) * (got[i] - want[i])
	}
	return math.Sqrt(d) / max(norm(want), 1e-300)
}

// minibatch packs the points of x into a minibatch of capacity cap ≥ N.
func minibatch(x *data.Set, cap int) *nn.Minibatch {
	mb := &nn.Minibatch{N: x.N, Cap: cap, Dim: x.D, In: make([]float64, x.D*cap), Target: make([]float64, x.D*cap)}
	for s := 0; s < x.N; s++ {
		for i, v := range x.At(s) {
			mb.In[i*cap+s], mb.Target[i*cap+s] = v, v
		}
	}
	return mb
}

func gaussSet(seed uint64, n, dim int) *data.Set {
	r := rng.New(seed, 0)
	x := data.NewSet(n, dim)
	for i := range x.X {
		x.X[i] = r.NormFloat64()
	}
	return x
}

// TestAutoencoderGradient checks LossGrad's gradient, reconstruction and
// penalty together, against central differences, for both encoders. For
// ReLU the check is made only where no pre-activation lies within 10 fd
// steps of the kink at 0 (each perturbation changes a pre-activation by at
// most |x_i|·h), and such a minibatch is asserted to exist.
func TestAutoencoderGradient(t *testing.T) {
	for _, tc := range []struct {
		act nn.Activation
		tol float64
	}{{nn.ReLU, gradTolLinear}, {nn.Sigmoid, gradTolSmooth}} {
		ae := NewAutoencoder(5, 7, tc.act, 0.3, rng.New(2, rng.StreamWeights))
		for i := range ae.Net.Layers[0].B {
			ae.Net.Layers[0].B[i] = 0.2 * float64(i%3-1)
		}
		x := gaussSet(3, 13, 5) // 13 points: not a multiple of the kernels' 4 or 8
		mb := minibatch(x, 16)
		loss := func(p []float64) float64 {
			saved := append([]float64(nil), ae.Params()...)
			copy(ae.Params(), p)
			l := ae.LossGrad(mb)
			copy(ae.Params(), saved)
			return l
		}
		got := append([]float64(nil), ae.Grads()...)
		ae.LossGrad(mb)
		copy(got, ae.Grads())
		// distance of the pre-activations from ReLU's kink
		z := make([]float64, 7)
		kink := math.Inf(1)
		enc := ae.Net.Layers[0]
		for s := 0; s < x.N; s++ {
			for k := range z {
				z[k] = enc.B[k] + nn.Dot(enc.W[k*5:(k+1)*5], x.At(s))
				kink = min(kink, math.Abs(z[k]))
			}
		}
		maxX := 0.0
		for _, v := range x.X {
			maxX = max(maxX, math.Abs(v))
		}
		if margin := 10 * fdStep * max(1, maxX); tc.act == nn.ReLU && kink < margin {
			t.Fatalf("relu: a pre-activation is %.3g from the kink, within %.3g; choose another seed", kink, margin)
		}
		want := fd.Gradient(nil, loss, ae.Params(), &fd.Settings{Formula: fd.Central, Step: fdStep})
		if e := relErr(got, want); e > tc.tol {
			t.Errorf("%v: gradient relative error %.3g, want ≤ %g\ngot  %.6f\nwant %.6f", tc.act, e, tc.tol, got[:8], want[:8])
		} else {
			t.Logf("%v: gradient relative error %.3g (tolerance %g)", tc.act, e, tc.tol)
		}
		// The penalty is in the loss: λ·mean ‖h‖₁ on top of the MSE.
		ae.LossGrad(mb)
		mse := nn.MSE(ae.Batch())
		h := ae.Batch().A[1]
		pen := 0.0
		for k := 0; k < 7; k++ {
			for s := 0; s < x.N; s++ {
				pen += math.Abs(h[k*16+s])
			}
		}
		if l, w := ae.LossGrad(mb), mse+0.3*pen/13; math.Abs(l-w) > 1e-12 {
			t.Errorf("%v: loss %.15g, want MSE + λ mean ‖h‖₁ = %.15g", tc.act, l, w)
		}
	}
}

// TestReLUCodesAreExactlyZero is the slide's remark: with the L1 penalty,
// ReLU codes are exactly 0 for many points, sigmoid codes for none. Both
// 2-16-2 autoencoders are trained (λ = 0.05, Adam 0.01, 3000 minibatches of
// 32, seed 1) on the 2-D default data. Without the penalty (λ = 0) the
// ReLU codes have fewer zeros: the penalty is what makes them sparse.
func TestReLUCodesAreExactlyZero(t *testing.T) {
	x := New(Default2D, 1).X()
	train := func(act nn.Activation, lambda float64) *Autoencoder {
		ae := NewAutoencoder(2, 16, act, lambda, rng.New(1, rng.StreamWeights))
		tr := nn.NewTrainer(ae, nn.NewAdam(0.01), x, 32, rng.New(1, rng.StreamBatches))
		if _, diverged := tr.Step(3000); diverged {
			t.Fatalf("%v, λ=%g: training diverged", act, lambda)
		}
		return ae
	}
	zeros := map[nn.Activation]float64{}
	for _, act := range []nn.Activation{nn.ReLU, nn.Sigmoid} {
		ae := train(act, 0.05)
		zeros[act] = 1 - ae.CodeSparsity(x)
		minCode := math.Inf(1)
		for _, v := range ae.Codes() {
			minCode = min(minCode, v)
		}
		t.Logf("%v: %.1f%% of the codes exactly 0, smallest code %.3g, mse %.5f", act, 100*zeros[act], minCode, ae.Net.ReconstructionError(x, ae.Net.NewBatch(64)))
		if act == nn.Sigmoid && !(minCode > 0) {
			t.Errorf("sigmoid: a code is %g, want every code > 0", minCode)
		}
	}
	plain := 1 - train(nn.ReLU, 0).CodeSparsity(x)
	t.Logf("relu without the penalty: %.1f%% of the codes exactly 0", 100*plain)
	if !(zeros[nn.ReLU] > plain) {
		t.Errorf("relu: %.1f%% zeros with λ=0.05, %.1f%% with λ=0: want more with the penalty", 100*zeros[nn.ReLU], 100*plain)
	}
	if zeros[nn.ReLU] < 0.3 {
		t.Errorf("relu: %.1f%% of the codes are exactly 0, want ≥ 30%%", 100*zeros[nn.ReLU])
	}
	if zeros[nn.Sigmoid] != 0 {
		t.Errorf("sigmoid: %.1f%% of the codes are exactly 0, want none", 100*zeros[nn.Sigmoid])
	}
}
