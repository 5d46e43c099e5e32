package nn

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"aelab/core/data"
	"aelab/core/rng"
)

// TestVAELikelihoodGradient checks the gradient of the negative ELBO with
// the reparameterisation h = μ + σ ⊙ ε at a fixed noise draw ε against
// central finite differences, for the decoders of the stochastic scene (a
// Gaussian of standard deviation 0.3 on 2-D points, a Bernoulli on pixels)
// and a β other than 1; and that the likelihoods' per-sample NLL adds up
// to their batch loss.
func TestVAELikelihoodGradient(t *testing.T) {
	r := rng.New(16, 0)
	for _, tc := range []struct {
		name string
		d    int
		out  Activation
		lik  Likelihood
		beta float64
	}{
		{"gaussian SD 0.3, β = 0.7", 2, Linear, Gaussian{SD: 0.3}, 0.7},
		{"bernoulli, β = 2", 7, Sigmoid, Bernoulli{}, 2},
	} {
		v := NewVAE([]int{tc.d, 8, 8, 4}, []Activation{Tanh, Tanh, Linear}, []int{2, 8, 8, tc.d}, []Activation{Tanh, Tanh, tc.out}, r)
		v.Init(r)
		v.Lik, v.Beta = tc.lik, tc.beta
		const n = 5
		mb := &Minibatch{N: n, Cap: n + 3, Dim: tc.d, In: make([]float64, tc.d*(n+3))}
		for i := range mb.In {
			mb.In[i] = r.Float64()
		}
		mb.Target = mb.In
		loss := v.LossGrad(mb) // draws ε, which lossGrad below keeps
		if want := v.Recon + tc.beta*v.KL; math.Abs(loss-want) > 1e-12 {
			t.Errorf("%s: loss %g, want Recon + βKL = %g", tc.name, loss, want)
		}
		_, bd := v.Batches()
		sum := 0.0
		for s := 0; s < n; s++ {
			sum += tc.lik.NLL(bd, s)
		}
		if math.Abs(sum/n-v.Recon) > 1e-9 {
			t.Errorf("%s: mean per-sample NLL %g, batch loss %g", tc.name, sum/n, v.Recon)
		}
		got := append([]float64(nil), v.grads...)
		want := fd.Gradient(nil, func(p []float64) float64 {
			saved := append([]float64(nil), v.params...)
			copy(v.params, p)
			l := v.lossGrad(mb)
			copy(v.params, saved)
			return l
		}, v.params, central)
		if e := relErr(got, want); e > gradTol {
			t.Errorf("%s: gradient relative error %g > %g", tc.name, e, gradTol)
		}
	}
}

// TestLogPxBoundsTheLikelihood: for a small VAE with a 2-D code, whose
// log p(x) = log ∫ p(x|h) N(h; 0, I) dh can be computed by quadrature over
// the code plane, the importance-sampled estimate (IWAE, Burda et al. 2016)
// rises with k towards log p(x) and never exceeds it beyond its noise, and
// its k = 1 level is the ELBO, below log p(x) (Jensen).
func TestLogPxBoundsTheLikelihood(t *testing.T) {
	r := rng.New(17, 0)
	v := NewVAE([]int{2, 9, 4}, []Activation{Tanh, Linear}, []int{2, 9, 2}, []Activation{Tanh, Linear}, r)
	v.Init(r)
	v.Lik = Gaussian{SD: 0.4}
	x := []float64{0.5, -0.3}
	mu, lv := make([]float64, 2), make([]float64, 2)
	v.Encode(mu, lv, &data.Set{N: 1, D: 2, X: x}, v.Enc.NewBatch(1))
	// the posterior of an untrained encoder is a poor proposal: widen the
	// gap to see it close
	mu[0] += 0.8
	lv[1] -= 1.5

	// quadrature: a 0.02 grid over [−7, 7]², where the prior's mass
	// outside is below 1e-10
	const step, half = 0.02, 7.0
	scratch, y := make([]float64, 32), make([]float64, 2)
	terms := []float64{}
	top := math.Inf(-1)
	for a := -half; a <= half; a += step {
		for b := -half; b <= half; b += step {
			v.Dec.Eval(y, []float64{a, b}, scratch)
			dx, dy := y[0]-x[0], y[1]-x[1]
			sd := 0.4
			l := -(dx*dx+dy*dy)/(2*sd*sd) - math.Log(2*math.Pi*sd*sd) - (a*a+b*b)/2 - math.Log(2*math.Pi)
			terms = append(terms, l)
			top = math.Max(top, l)
		}
	}
	sum := 0.0
	for _, l := range terms {
		sum += math.Exp(l - top)
	}
	logPx := top + math.Log(sum*step*step)

	const reps = 300
	prevMean, gap1 := math.Inf(-1), 0.0
	for _, k := range []int{1, 4, 16, 64, 256} {
		db := v.Dec.NewBatch(k)
		mean, sq, elbo := 0.0, 0.0, 0.0
		for range reps {
			b := v.LogPx(x, mu, lv, db, nil, r)
			mean += b.LogPx
			sq += b.LogPx * b.LogPx
			elbo += b.ELBO()
		}
		mean, elbo = mean/reps, elbo/reps
		se := math.Sqrt(math.Max(sq/reps-mean*mean, 0) / reps)
		t.Logf("k = %3d: IWAE %.4f ± %.4f, log p(x) %.4f, gap %.4f", k, mean, se, logPx, logPx-mean)
		if mean > logPx+4*se+1e-3 {
			t.Errorf("k = %d: the estimate %g ± %g is above log p(x) = %g", k, mean, se, logPx)
		}
		if mean < prevMean-4*se {
			t.Errorf("k = %d: the estimate %g fell from %g", k, mean, prevMean)
		}
		if k == 1 {
			gap1 = logPx - mean
			// the k = 1 estimate has the ELBO's expectation (the ELBO
			// with the exact KL has less noise)
			if math.Abs(mean-elbo) > 4*se {
				t.Errorf("k = 1: IWAE %g, ELBO %g from the same draws", mean, elbo)
			}
			if gap1 < 0.1 {
				t.Fatalf("the ELBO is only %g below log p(x): no gap to close", gap1)
			}
		}
		if k == 256 && logPx-mean > gap1/5 {
			t.Errorf("k = 256: gap %g, want under a fifth of k = 1's %g", logPx-mean, gap1)
		}
		prevMean = mean
	}
}
