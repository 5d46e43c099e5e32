package sparse

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/nn"
	"aelab/core/rng"
)

// TestAlternateIsAStep: Alternate does what Step does (the same D and W,
// seed 1, ten alternations of each default experiment), counts its steps,
// and reports the objective between its W-step and its D-step.
func TestAlternateIsAStep(t *testing.T) {
	for _, cfg := range []Config{Default2D, DefaultPatches} {
		a, b := New(cfg, 1), New(cfg, 1)
		for s := 1; s <= 10; s++ {
			afterW, diverged := a.Alternate()
			if diverged {
				t.Fatalf("%s alternation %d: diverged", cfg.Data, s)
			}
			b.WStep()
			if o := b.Objective(); afterW != o {
				t.Errorf("%s alternation %d: afterW %.15g, objective after the W-step %.15g", cfg.Data, s, afterW, o)
			}
			b.DStep()
		}
		if !slices.Equal(a.D().Data, b.D().Data) || !slices.Equal(a.W().Data, b.W().Data) {
			t.Errorf("%s: Alternate and WStep + DStep reached different D and W", cfg.Data)
		}
		if a.Steps != 10 {
			t.Errorf("%s: Steps %d after 10 alternations", cfg.Data, a.Steps)
		}
	}
}

// TestAlternateRestoresAfterDivergence: an alternation that makes D or W
// non-finite is undone: D and W are those from before it, Steps does not
// count it, and once the data are sane again the model goes on exactly as
// a twin that never diverged (what depends on D was refreshed). The
// divergence is forced by moving a point to (1e200, 1e200): the D-step's
// sums of its code's square overflow. (The least-squares D-step leaves D
// as it is when its eigensolver meets an overflow, so the point does not
// trip it; the guard is the same for both modes.)
func TestAlternateRestoresAfterDivergence(t *testing.T) {
	m, twin := New(Default2D, 1), New(Default2D, 1)
	for range 3 {
		m.Alternate()
		twin.Alternate()
	}
	d := slices.Clone(m.D().Data)
	w := slices.Clone(m.W().Data)
	x := m.X().X
	keep := [2]float64{x[0], x[1]}
	x[0], x[1] = 1e200, 1e200
	if _, diverged := m.Alternate(); !diverged {
		t.Fatal("a point at 1e200 did not make the alternation diverge")
	}
	if !slices.Equal(m.D().Data, d) || !slices.Equal(m.W().Data, w) {
		t.Error("D and W were not restored after the divergence")
	}
	if !m.Finite() || m.Steps != 3 {
		t.Errorf("finite %v, Steps %d after the divergence, want true and 3", m.Finite(), m.Steps)
	}
	x[0], x[1] = keep[0], keep[1]
	if o, want := m.Objective(), twin.Objective(); o != want {
		t.Errorf("objective %.15g after the restore, the twin's %.15g", o, want)
	}
	for range 3 {
		m.Alternate()
		twin.Alternate()
	}
	if !slices.Equal(m.D().Data, twin.D().Data) || !slices.Equal(m.W().Data, twin.W().Data) {
		t.Error("after the restore the model departs from its twin")
	}
}

// TestMeanRowNorm: the rows (3, 4), (0, 0) and (1, 0) have mean norm 2.
func TestMeanRowNorm(t *testing.T) {
	a := blas64.General{Rows: 3, Cols: 2, Stride: 2, Data: []float64{3, 4, 0, 0, 1, 0}}
	if got := MeanRowNorm(a); got != 2 {
		t.Errorf("MeanRowNorm = %v, want 2", got)
	}
}

// TestAutoencoderMeasure: after some training on patches, for both
// encoders, Measure's objective is the training loss over the whole set
// (MSE + λ·mean ‖f(x)‖₁, point by point), its sparsity that of the codes,
// and the decoder is g(h) = Σₖ hₖ·atomₖ + b₂ with the atoms of Atoms,
// whose mean norm is AtomNorm.
func TestAutoencoderMeasure(t *testing.T) {
	x := PatchData(DefaultPatches, 1)
	for _, act := range []nn.Activation{nn.ReLU, nn.Sigmoid} {
		k := 12
		a := NewAutoencoder(x.D, k, act, 0.1, rng.New(1, rng.StreamWeights))
		tr := nn.NewTrainer(a, nn.NewAdam(0.003), x, 32, rng.New(1, rng.StreamBatches))
		tr.Step(200)
		got := a.Measure(x)
		atoms := make([]float64, k*x.D)
		a.Atoms(atoms)
		enc, dec := &a.Net.Layers[0], &a.Net.Layers[1]
		h := make([]float64, k)
		g := make([]float64, x.D)
		var sq, l1h, worst float64
		nz := 0
		for n := 0; n < x.N; n++ {
			xn := x.At(n)
			for j := range h {
				h[j] = act.Eval(enc.B[j] + nn.Dot(enc.W[j*x.D:(j+1)*x.D], xn))
				l1h += math.Abs(h[j])
				if h[j] != 0 {
					nz++
				}
				if math.Abs(h[j]-a.Codes()[n*k+j]) > 1e-12 {
					t.Fatalf("%v point %d: code %d is %g, Codes has %g", act, n, j, h[j], a.Codes()[n*k+j])
				}
			}
			a.Reconstruct(g, xn)
			for i, v := range xn {
				want := dec.B[i]
				for j, hj := range h {
					want += hj * atoms[j*x.D+i]
				}
				worst = max(worst, math.Abs(g[i]-want))
				sq += (v - g[i]) * (v - g[i])
			}
		}
		if worst > 1e-9 {
			t.Errorf("%v: Reconstruct departs from Σₖ hₖ·atomₖ + b₂ by %g", act, worst)
		}
		N := float64(x.N)
		norms := 0.0
		for j := 0; j < k; j++ {
			norms += math.Sqrt(nn.Dot(atoms[j*x.D:(j+1)*x.D], atoms[j*x.D:(j+1)*x.D]))
		}
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"MSE", got.MSE, sq / N},
			{"Objective", got.Objective, sq/N + a.Lambda*l1h/N},
			{"Sparsity", got.Sparsity, float64(nz) / (N * float64(k))},
			{"AtomNorm", got.AtomNorm, norms / float64(k)},
		} {
			if math.Abs(c.got-c.want) > 1e-9*max(1, math.Abs(c.want)) {
				t.Errorf("%v: %s = %.12g, want %.12g", act, c.name, c.got, c.want)
			}
		}
		t.Logf("%v: objective %.5f, mse %.5f, sparsity %.3f, atom norm %.3f", act, got.Objective, got.MSE, got.Sparsity, got.AtomNorm)
	}
}

// TestPSDDecode: Decode is the decoder of PSD's energy,
// E(x, h) = ‖x − Decode(h)‖² + λ‖h‖₁ + γ‖h − f(x)‖², for inferred codes,
// and Measure's AtomNorm is 1 (unit atoms).
func TestPSDDecode(t *testing.T) {
	x := PatchData(DefaultPatches, 1)
	p := NewPSD(x.D, 16, 0.1, 1, rng.New(1, rng.StreamWeights))
	tr := nn.NewTrainer(p, nn.NewAdam(0.001), x, 32, rng.New(1, rng.StreamBatches))
	tr.Step(30)
	m, _ := p.Measure(x, nil)
	if math.Abs(m.AtomNorm-1) > 1e-12 {
		t.Errorf("AtomNorm %v after the projection, want 1", m.AtomNorm)
	}
	h, f, g := make([]float64, p.K), make([]float64, p.K), make([]float64, x.D)
	for n := 0; n < 20; n++ {
		xn := x.At(n)
		p.Infer(h, xn)
		p.Encode(f, xn)
		p.Decode(g, h)
		e := 0.0
		for i, v := range xn {
			e += (v - g[i]) * (v - g[i])
		}
		for k, hk := range h {
			e += p.Lambda*math.Abs(hk) + p.Gamma*(hk-f[k])*(hk-f[k])
		}
		if want := p.Energy(xn, h); math.Abs(e-want) > 1e-12*max(1, want) {
			t.Errorf("point %d: energy through Decode %.15g, Energy %.15g", n, e, want)
		}
	}
}
