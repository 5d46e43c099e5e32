package contractive

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"aelab/core/nn"
	"aelab/core/rng"
)

// Tolerances of the checks against finite differences, argued as in
// core/nn/nn_test.go. Central differences with step 1e-6 carry a truncation
// error of order h²·f‴ ≈ 1e-12 and a rounding error of order
// ε·|f|/h ≈ 1e-10 relative. tanh and the sigmoid are the lab's rational
// approximation nn.Tanh64, whose true derivative differs from the
// s' = 1 − y² (y(1 − y) for the sigmoid, a quarter of that) of the analytic
// formulas by at most 1.3e-7 (nn's TestTanh64Accuracy); the s' we use is
// within 1.3e-7 of the true one relative to s' ≤ 1 and the penalty's
// s″ = d(s')/dz inherits the same bound through the chain rule, so the
// analytic gradient is that of the objective to about 1e-7 relative. A
// tolerance of 1e-5 leaves a factor 100 over it and still catches a missing
// term: dropping the penalty's s″ term alone gives 8e-3
// (TestGradientCheckCatchesMistakes).
const (
	fdStep  = 1e-6
	gradTol = 1e-5
	// jacTol bounds the absolute error of J_f = diag(s')W against
	// fd.Jacobian of the encoder: 1.3e-7·|W_kj|, with the test's standard
	// normal |W_kj| < 4, plus the difference's own error ≈ 1e-10: 5.2e-7
	// at worst; 1e-6 is twice that.
	jacTol = 1e-6
)

func relErr(a, b []float64) float64 {
	d := make([]float64, len(a))
	floats.SubTo(d, a, b)
	return floats.Norm(d, 2) / math.Max(floats.Norm(b, 2), 1e-12)
}

// randomCAE returns a CAE with random weights and biases of the scale
// training reaches (|W| up to about 2, biases up to about 1), so that
// units are both in their linear and their saturating range.
func randomCAE(d, h int, act nn.Activation, tied bool, lambda float64, r *rand.Rand) *CAE {
	c := NewCAE(d, h, act, tied)
	for i := range c.Params() {
		c.Params()[i] = r.NormFloat64()
	}
	c.Lambda = lambda
	return c
}

// randomBatch is n points of dimension d in a minibatch of capacity n+3
// (a capacity larger than N exercises the stride), with targets different
// from the inputs when corrupt is set (a denoising-style pair).
func randomBatch(d, n int, corrupt bool, r *rand.Rand) *nn.Minibatch {
	mb := &nn.Minibatch{N: n, Cap: n + 3, Dim: d,
		In: make([]float64, d*(n+3)), Target: make([]float64, d*(n+3))}
	for j := 0; j < d; j++ {
		for s := 0; s < n; s++ {
			x := r.NormFloat64()
			mb.In[j*mb.Cap+s], mb.Target[j*mb.Cap+s] = x, x
			if corrupt {
				mb.Target[j*mb.Cap+s] += 0.3 * r.NormFloat64()
			}
		}
	}
	return mb
}

// lossAt is the objective as a function of the flat parameters, for
// finite differences; it restores the parameters and gradients.
func lossAt(c *CAE, mb *nn.Minibatch) func([]float64) float64 {
	saved := make([]float64, len(c.Params()))
	savedG := make([]float64, len(c.Grads()))
	return func(p []float64) float64 {
		copy(saved, c.Params())
		copy(savedG, c.Grads())
		copy(c.Params(), p)
		l := c.LossGrad(mb)
		copy(c.Params(), saved)
		copy(c.Grads(), savedG)
		return l
	}
}

// TestLossGradMatchesFiniteDifferences checks the whole objective's
// gradient, tied and untied, sigmoid and tanh, with λ = 0 (reconstruction
// only), with λ alone mattering (the penalty's closed-form gradient) and
// with both; and the loss against a direct evaluation point by point.
func TestLossGradMatchesFiniteDifferences(t *testing.T) {
	for _, act := range []nn.Activation{nn.Sigmoid, nn.Tanh} {
		for _, tied := range []bool{true, false} {
			for _, lambda := range []float64{0, 0.7, 1e3} {
				for _, d := range []int{2, 3} {
					r := rng.New(11, uint64(d))
					c := randomCAE(d, 7, act, tied, lambda, r)
					mb := randomBatch(d, 13, d == 3, r) // 13: not a multiple of 4 or 8
					loss := c.LossGrad(mb)
					got := append([]float64(nil), c.Grads()...)
					want := fd.Gradient(nil, lossAt(c, mb), c.Params(), &fd.Settings{Formula: fd.Central, Step: fdStep})
					e := relErr(got, want)
					t.Logf("%v tied=%v λ=%g D=%d: gradient relative error %.2g", act, tied, lambda, d, e)
					if e > gradTol {
						t.Errorf("%v tied=%v λ=%g D=%d: gradient relative error %g, want ≤ %g\ngot  %.6g\nwant %.6g",
							act, tied, lambda, d, e, gradTol, got[:6], want[:6])
					}
					if direct := directLoss(c, mb); math.Abs(loss-direct) > 1e-12*math.Max(1, direct) {
						t.Errorf("%v tied=%v λ=%g D=%d: LossGrad = %.15g, point by point %.15g", act, tied, lambda, d, loss, direct)
					}
				}
			}
		}
	}
}

// directLoss evaluates the objective point by point through the query
// methods: Reconstruct for the error and JacobianFro2 for the penalty.
func directLoss(c *CAE, mb *nn.Minibatch) float64 {
	x, tg, r := make([]float64, c.D), make([]float64, c.D), make([]float64, c.D)
	total := 0.0
	for s := 0; s < mb.N; s++ {
		for j := range x {
			x[j], tg[j] = mb.In[j*mb.Cap+s], mb.Target[j*mb.Cap+s]
		}
		c.Reconstruct(r, x)
		for j := range r {
			total += (r[j] - tg[j]) * (r[j] - tg[j])
		}
		total += c.Lambda * c.JacobianFro2(x)
	}
	return total / float64(mb.N)
}

// TestPenaltyGradient isolates the penalty: the objective's gradient at λ
// minus that at λ = 0, divided by λ, is the gradient of the mean ‖J_f‖²_F,
// which is checked against finite differences of the penalty computed from
// fd.Jacobian of the encoder (no closed form involved).
func TestPenaltyGradient(t *testing.T) {
	for _, act := range []nn.Activation{nn.Sigmoid, nn.Tanh} {
		r := rng.New(12, 0)
		c := randomCAE(2, 5, act, true, 1, r)
		mb := randomBatch(2, 9, false, r)
		c.LossGrad(mb)
		with := append([]float64(nil), c.Grads()...)
		c.Lambda = 0
		c.LossGrad(mb)
		got := make([]float64, len(with))
		floats.SubTo(got, with, c.Grads())

		// The penalty from numerical Jacobians of the encoder.
		penalty := func(p []float64) float64 {
			saved := append([]float64(nil), c.Params()...)
			copy(c.Params(), p)
			defer copy(c.Params(), saved)
			jac := mat.NewDense(c.H, 2, nil)
			total := 0.0
			for s := 0; s < mb.N; s++ {
				x := []float64{mb.In[s], mb.In[mb.Cap+s]}
				fd.Jacobian(jac, func(dst, x []float64) { c.Encode(dst, x) }, x, &fd.JacobianSettings{Formula: fd.Central, Step: 1e-5})
				total += mat.Norm(jac, 2) * mat.Norm(jac, 2)
			}
			return total / float64(mb.N)
		}
		// Nested differences: the inner step 1e-5 has truncation error
		// ≈ 1e-10·f‴ and the outer step 1e-4 divides the inner's rounding
		// error (1e-16/1e-5 ≈ 1e-11) by 1e-4: about 1e-7 absolute on
		// gradients of order 1, so the tolerance is 1e-5 again.
		want := fd.Gradient(nil, penalty, c.Params(), &fd.Settings{Formula: fd.Central, Step: 1e-4})
		e := relErr(got, want)
		t.Logf("%v: penalty gradient vs fd of fd.Jacobian: relative error %.2g", act, e)
		if e > gradTol {
			t.Errorf("%v: penalty gradient relative error %g, want ≤ %g\ngot  %.6g\nwant %.6g", act, e, gradTol, got, want)
		}
		if p, q := c.LastTerms(); math.Abs(q-penalty(c.Params())) > 1e-6*q {
			t.Errorf("%v: penalty closed form %.10g, from fd.Jacobian %.10g (mse term %g)", act, q, penalty(c.Params()), p)
		}
	}
}

// TestJacobianMatchesFiniteDifferences checks Jacobian against fd.Jacobian
// of Encode, and JacobianFro2 and JacobianSVD against it.
func TestJacobianMatchesFiniteDifferences(t *testing.T) {
	for _, act := range []nn.Activation{nn.Sigmoid, nn.Tanh} {
		r := rng.New(13, 0)
		c := randomCAE(2, 6, act, false, 0, r)
		got := make([]float64, 12)
		want := mat.NewDense(6, 2, nil)
		worst := 0.0
		for range 20 {
			x := []float64{r.NormFloat64(), r.NormFloat64()}
			c.Jacobian(got, x)
			fd.Jacobian(want, func(dst, x []float64) { c.Encode(dst, x) }, x, &fd.JacobianSettings{Formula: fd.Central, Step: fdStep})
			for i, v := range got {
				worst = max(worst, math.Abs(v-want.RawMatrix().Data[i]))
			}
			fro2 := floats.Dot(got, got)
			if f := c.JacobianFro2(x); math.Abs(f-fro2) > 1e-12*math.Max(1, fro2) {
				t.Errorf("%v at %v: JacobianFro2 = %g, ‖Jacobian‖² = %g", act, x, f, fro2)
			}
			// Same Gram matrix summed in another order: equal to rounding.
			svd, ref := c.JacobianSVD(x), SVD(got)
			if math.Abs(svd.S1-ref.S1) > 1e-12 || math.Abs(svd.S2-ref.S2) > 1e-12 ||
				math.Abs(svd.V1[0]-ref.V1[0]) > 1e-12 || math.Abs(svd.V1[1]-ref.V1[1]) > 1e-12 {
				t.Errorf("%v at %v: JacobianSVD = %+v, SVD(Jacobian) = %+v", act, x, svd, ref)
			}
		}
		t.Logf("%v: max |J − fd.Jacobian| = %.2g", act, worst)
		if worst > jacTol {
			t.Errorf("%v: max |J − fd.Jacobian| = %g, want ≤ %g", act, worst, jacTol)
		}
	}
}

// TestSVDMatchesGonum compares the closed form with gonum's SVD on random
// n×2 matrices, including rank-one and zero ones.
func TestSVDMatchesGonum(t *testing.T) {
	r := rng.New(14, 0)
	for trial := range 50 {
		n := 1 + trial%7
		j := make([]float64, 2*n)
		for i := range j {
			j[i] = r.NormFloat64()
		}
		switch trial {
		case 0: // rank one
			for i := 0; i < n; i++ {
				j[2*i+1] = 3 * j[2*i]
			}
		case 1: // zero
			clear(j)
		}
		got := SVD(j)
		var ref mat.SVD
		if !ref.Factorize(mat.NewDense(n, 2, j), mat.SVDThin) {
			t.Fatal("gonum SVD failed")
		}
		s := ref.Values(nil)
		s = append(s, 0) // n = 1: one value
		if math.Abs(got.S1-s[0]) > 1e-12*math.Max(1, s[0]) || math.Abs(got.S2-s[1]) > 1e-7*math.Max(1, s[0]) {
			t.Errorf("matrix %d (%d×2): singular values %g, %g, gonum %g, %g", trial, n, got.S1, got.S2, s[0], s[1])
		}
		// J·V1 has length S1 and J·V2 length S2 (checks the vectors
		// without fixing their sign).
		for _, c := range []struct {
			v [2]float64
			s float64
		}{{got.V1, got.S1}, {got.V2, got.S2}} {
			l := 0.0
			for i := 0; i < n; i++ {
				y := j[2*i]*c.v[0] + j[2*i+1]*c.v[1]
				l += y * y
			}
			if math.Abs(math.Sqrt(l)-c.s) > 1e-7*math.Max(1, s[0]) {
				t.Errorf("matrix %d: ‖J v‖ = %g for the vector of singular value %g", trial, math.Sqrt(l), c.s)
			}
		}
		if d := got.V1[0]*got.V2[0] + got.V1[1]*got.V2[1]; math.Abs(d) > 1e-15 || math.Abs(math.Hypot(got.V1[0], got.V1[1])-1) > 1e-15 || got.V1[0] < 0 {
			t.Errorf("matrix %d: V1 = %v, V2 = %v: want orthonormal with V1[0] ≥ 0", trial, got.V1, got.V2)
		}
	}
}

// TestGradientCheckCatchesMistakes shows the tolerance has teeth: dropping
// the penalty's s″ term (a classic slip) makes the check fail by orders of
// magnitude more than gradTol.
func TestGradientCheckCatchesMistakes(t *testing.T) {
	r := rng.New(15, 0)
	c := randomCAE(2, 7, nn.Sigmoid, true, 0.7, r)
	mb := randomBatch(2, 13, false, r)
	c.LossGrad(mb)
	got := append([]float64(nil), c.Grads()...)
	// Remove (λ/N) Σ 2 s' s″ ‖W_k‖² (x_j, 1) from the W and b gradients.
	lamN := c.Lambda / float64(mb.N)
	for k := 0; k < c.H; k++ {
		q := c.W[2*k]*c.W[2*k] + c.W[2*k+1]*c.W[2*k+1]
		for s := 0; s < mb.N; s++ {
			x := []float64{mb.In[s], mb.In[mb.Cap+s]}
			h := make([]float64, c.H)
			c.Encode(h, x)
			d1, d2 := derivs(c.Act, h[k])
			g := 2 * lamN * d1 * d2 * q
			got[2*k] -= g * x[0]
			got[2*k+1] -= g * x[1]
			got[c.H*2+k] -= g
		}
	}
	want := fd.Gradient(nil, lossAt(c, mb), c.Params(), &fd.Settings{Formula: fd.Central, Step: fdStep})
	e := relErr(got, want)
	t.Logf("gradient without the s″ term: relative error %.2g", e)
	if e < 100*gradTol {
		t.Errorf("dropping the s″ term gives relative error %g, want ≫ %g: the check would not notice", e, gradTol)
	}
}

func TestTrainingAndQueriesDoNotAllocate(t *testing.T) {
	m, err := New(Default, 1)
	if err != nil {
		t.Fatal(err)
	}
	m.Train(1) // Adam allocates its moments once
	x := []float64{0.3, -0.8}
	jac := make([]float64, 2*m.CAE.H)
	h := make([]float64, m.CAE.H)
	var r [2]float64
	if a := testing.AllocsPerRun(10, func() {
		m.Train(50)
		for range 100 {
			m.CAE.Jacobian(jac, x)
			m.CAE.JacobianSVD(x)
			m.CAE.Encode(h, x)
			m.CAE.Reconstruct(r[:], x)
		}
		m.MSE()
		m.JacobianFro()
		m.TangentAlignment()
		m.Loss()
	}); a != 0 {
		t.Errorf("Train, the queries and the metrics allocate %v times per run, want 0", a)
	}
}

var _ nn.Objective = (*CAE)(nil)
