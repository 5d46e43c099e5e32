package contractive

import (
	"math"
	"testing"

	"aelab/core/nn"
)

func newModel(t *testing.T, cfg Config, seed uint64) *Model {
	t.Helper()
	m, err := New(cfg, seed)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func train(t *testing.T, m *Model, n int) {
	t.Helper()
	if done, diverged := m.Train(n); diverged || done != n {
		t.Fatalf("Train(%d): %d steps, diverged %v", n, done, diverged)
	}
}

// TestJacobianFollowsTangent is the slide "Contractive autoencoders and
// manifolds": after training, the direction in which the code is most
// sensitive, J_f's top right-singular vector, is the circle's tangent. The
// issue's threshold is 0.9; a direction unrelated to the circle scores 2/π
// ≈ 0.64 on average, and the untrained net is checked to be below 0.9 so
// that the test shows learning, not the initial weights.
func TestJacobianFollowsTangent(t *testing.T) {
	m := newModel(t, Tied16, 1)
	start := m.TangentAlignment()
	train(t, m, 10000)
	got := m.TangentAlignment()
	t.Logf("tangent_alignment %.4f after 10000 steps (%.4f before); contraction S2/S1 %.3f, jacobian_fro %.4f, mse %.5f",
		got, start, m.ContractionRatio(), m.JacobianFro(), m.MSE())
	if start >= 0.9 {
		t.Errorf("tangent_alignment is %.3f before training: the test would show nothing", start)
	}
	if got < 0.9 {
		t.Errorf("tangent_alignment = %.4f after 10000 steps, want ≥ 0.9", got)
	}
}

// TestPenaltyContractsAcrossTheCurve separates what the penalty adds from
// what reconstruction alone does. On the circle a plain tied autoencoder
// (λ = 0) also ends up most sensitive along the tangent, but nearly as
// sensitive across it (S2/S1 ≈ 0.93, measured); the penalty contracts the
// direction off the manifold (S2/S1 ≈ 0.71). 0.85 sits between the two.
func TestPenaltyContractsAcrossTheCurve(t *testing.T) {
	plain := Tied16
	plain.Lambda = 0
	var ratio [2]float64
	for i, cfg := range []Config{plain, Tied16} {
		m := newModel(t, cfg, 1)
		train(t, m, 10000)
		ratio[i] = m.ContractionRatio()
		t.Logf("λ = %g: S2/S1 %.3f, tangent_alignment %.4f, jacobian_fro %.4f, mse %.5f",
			cfg.Lambda, ratio[i], m.TangentAlignment(), m.JacobianFro(), m.MSE())
	}
	if ratio[0] < 0.85 || ratio[1] > 0.85 {
		t.Errorf("S2/S1 = %.3f at λ = 0 and %.3f at λ = %g: want the first above 0.85 and the second below", ratio[0], ratio[1], Tied16.Lambda)
	}
}

// TestLambdaTradeOff is the slide's "λ controls tradeoff between
// reconstruction error and robustness": trained from the same seed for the
// same steps, the larger λ gives the smaller mean ‖J_f‖_F and the larger
// mse. Measured with seed 1: jacobian_fro 1.149 against 1.007, mse 0.00023
// against 0.0163 (seeds 1–8 alike: 1.15–1.25 against 1.00–1.01).
func TestLambdaTradeOff(t *testing.T) {
	var fro, mse [2]float64
	lambdas := [2]float64{0.001, 0.3}
	for i, lam := range lambdas {
		cfg := Tied16
		cfg.Lambda = lam
		m := newModel(t, cfg, 1)
		train(t, m, 10000)
		fro[i], mse[i] = m.JacobianFro(), m.MSE()
		t.Logf("λ = %g: jacobian_fro %.4f, mse %.5f, tangent_alignment %.4f", lam, fro[i], mse[i], m.TangentAlignment())
	}
	if fro[1] >= fro[0] {
		t.Errorf("jacobian_fro = %.4f at λ = %g, %.4f at λ = %g: want smaller at the larger λ", fro[0], lambdas[0], fro[1], lambdas[1])
	}
	if mse[1] <= mse[0] {
		t.Errorf("mse = %.5f at λ = %g, %.5f at λ = %g: want larger at the larger λ", mse[0], lambdas[0], mse[1], lambdas[1])
	}
}

// TestUntiedWeightsRunAway is the slide "Caveat". Untied, the penalty
// takes the path f → εf, g → g/ε: ‖W‖ falls and ‖V‖ rises, and keeps doing
// so with no equilibrium in sight: from step 1024 to 3000 the decoder grows
// by half again. Tied, the same run settles: the one matrix that encodes
// must also decode the unit circle, which pins ‖W‖_F near 1.5 (three units
// of |w| ≈ 0.9) against the Glorot draw's expected √(2H·a²/3) ≈ 1.89
// (a = √(6/(2+H))), a ratio of about 0.8; so it must stay within
// [0.75, 1.25] of its start and move by less than 10% from step 1024 to 3000,
// where the untied encoder loses 40%. The thresholds hold for seeds 1–8
// (measured: untied enc ×0.12–0.17 and dec ×3.3–5.2 by step 3000, dec
// ×1.7–1.8 from step 1024 to 3000; tied ×0.80–0.97, moving 1–6%).
func TestUntiedWeightsRunAway(t *testing.T) {
	at := func(tr *NormTrace, step int) (enc, dec float64) {
		for i, s := range tr.Step {
			if s == step {
				return tr.Enc[i], tr.Dec[i]
			}
		}
		t.Fatalf("no norm recorded at step %d (every %d)", step, tr.Every)
		return 0, 0
	}
	tied := Caveat
	tied.Tied = true
	for _, cfg := range []Config{Caveat, tied} {
		m := newModel(t, cfg, 1)
		train(t, m, 3000)
		e0, d0 := at(m.Norms, 0)
		e1, d1 := at(m.Norms, 1024) // the trace keeps powers of two here
		e3, d3 := m.EncNorm(), m.DecNorm()
		t.Logf("tied=%v λ=%g: enc_norm %.3f → %.3f → %.3f (×%.3f), dec_norm %.3f → %.3f → %.3f (×%.3f) at steps 0, 1024, 3000; jacobian_fro %.4f, mse %.5f, tangent_alignment %.3f",
			cfg.Tied, cfg.Lambda, e0, e1, e3, e3/e0, d0, d1, d3, d3/d0, m.JacobianFro(), m.MSE(), m.TangentAlignment())
		if cfg.Tied {
			if e3 != d3 {
				t.Errorf("tied: enc_norm %g ≠ dec_norm %g", e3, d3)
			}
			if r := e3 / e0; r < 0.75 || r > 1.25 {
				t.Errorf("tied: enc_norm went ×%.3f in 3000 steps, want within [0.75, 1.25]", r)
			}
			if r := e3 / e1; math.Abs(r-1) > 0.1 {
				t.Errorf("tied: enc_norm moved ×%.3f from step 1024 to 3000, want within 10%% (settled)", r)
			}
			continue
		}
		if !(e3 < 0.8*e1 && e1 < e0/2) {
			t.Errorf("untied: enc_norm %.3f → %.3f → %.3f, want falling, below half by step 1024 and by a fifth more by 3000", e0, e1, e3)
		}
		if !(d3 > 1.5*d1 && d1 > 1.5*d0) {
			t.Errorf("untied: dec_norm %.3f → %.3f → %.3f, want rising, ×1.5 by step 1024 and ×1.5 again by 3000", d0, d1, d3)
		}
	}
}

// TestNormTrace: the trace keeps step 0, stays within its capacity with
// even spacing, and Train records the same points whether the steps come in
// one call or many.
func TestNormTrace(t *testing.T) {
	tr := NewNormTrace(8)
	for s := 0; s <= 100; s++ {
		tr.Add(s, float64(s), -float64(s))
	}
	if tr.Len() > tr.Cap() || tr.Step[0] != 0 {
		t.Fatalf("trace of cap %d: %d points from step %d", tr.Cap(), tr.Len(), tr.Step[0])
	}
	for i := 1; i < tr.Len(); i++ {
		if tr.Step[i]-tr.Step[i-1] != tr.Every || tr.Enc[i] != float64(tr.Step[i]) || tr.Dec[i] != -float64(tr.Step[i]) {
			t.Fatalf("trace %v (every %d), enc %v: want steps Every apart with their own values", tr.Step, tr.Every, tr.Enc)
		}
	}
	if last := tr.Step[tr.Len()-1]; last+tr.Every <= 100 {
		t.Errorf("trace ends at step %d with every %d: step 100 should be within one spacing", last, tr.Every)
	}

	one, many := newModel(t, Default, 2), newModel(t, Default, 2)
	train(t, one, 700)
	for range 70 {
		train(t, many, 10)
	}
	if one.Norms.Len() != many.Norms.Len() {
		t.Fatalf("Train(700) recorded %d points, 70 × Train(10) %d", one.Norms.Len(), many.Norms.Len())
	}
	for i := range one.Norms.Step {
		if one.Norms.Step[i] != many.Norms.Step[i] || one.Norms.Enc[i] != many.Norms.Enc[i] {
			t.Fatalf("point %d: step %d enc %g against step %d enc %g", i, one.Norms.Step[i], one.Norms.Enc[i], many.Norms.Step[i], many.Norms.Enc[i])
		}
	}
	for i, p := range one.CAE.Params() {
		if p != many.CAE.Params()[i] {
			t.Fatal("recording the norms changed the training: weights differ")
		}
	}
}

// TestLiveSettingsAndLoss: SetLambda and SetLR act on the running model;
// Loss is MSE + λ·Penalty and matches the objective LossGrad computes on
// the whole training set as one minibatch.
func TestLiveSettingsAndLoss(t *testing.T) {
	m := newModel(t, Default, 3)
	train(t, m, 200)
	before := append([]float64(nil), m.CAE.Params()...)
	m.SetLambda(0.5)
	m.SetLR(0.02)
	for i, p := range m.CAE.Params() {
		if p != before[i] {
			t.Fatal("SetLambda or SetLR changed the weights")
		}
	}
	if m.CAE.Lambda != 0.5 || m.Cfg.Lambda != 0.5 {
		t.Errorf("after SetLambda(0.5): CAE.Lambda %g, Cfg.Lambda %g", m.CAE.Lambda, m.Cfg.Lambda)
	}
	opt := m.Trainer.Opt
	if r, ok := opt.(*rowNorm); ok {
		opt = r.Optimizer
	}
	if lr := opt.(*nn.Adam).LR; lr != 0.02 {
		t.Errorf("after SetLR(0.02): Adam's LR = %g", lr)
	}
	want := m.MSE() + 0.5*m.Penalty()
	if got := m.Loss(); math.Abs(got-want) > 1e-15 {
		t.Errorf("Loss = %.17g, MSE + λ·Penalty = %.17g", got, want)
	}
	mb := fullBatch(m)
	if got := m.CAE.LossGrad(mb); math.Abs(got-want) > 1e-12*want {
		t.Errorf("LossGrad on the whole set = %.15g, Loss = %.15g", got, want)
	}
	if _, err := New(Config{Manifold: "torus"}, 1); err == nil {
		t.Error(`New with Manifold "torus": no error`)
	}
}

// fullBatch is the whole training set as one minibatch.
func fullBatch(m *Model) *nn.Minibatch {
	n := m.Data.N
	mb := &nn.Minibatch{N: n, Cap: n, Dim: 2, In: make([]float64, 2*n), Target: make([]float64, 2*n)}
	for s := 0; s < n; s++ {
		x := m.Data.At(s)
		mb.In[s], mb.In[n+s] = x[0], x[1]
		mb.Target[s], mb.Target[n+s] = x[0], x[1]
	}
	return mb
}

// TestMeasureAgrees: the one-pass Measure gives what the separate metric
// methods give.
func TestMeasureAgrees(t *testing.T) {
	m, _ := New(Default, 1)
	m.Train(500)
	r := m.Measure()
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"tangent_alignment", r.TangentAlignment, m.TangentAlignment()},
		{"contraction", r.Contraction, m.ContractionRatio()},
		{"mse", r.MSE, m.MSE()},
		{"jacobian_fro", r.JacobianFro, m.JacobianFro()},
		{"penalty", r.Penalty, m.Penalty()},
		{"enc_norm", r.EncNorm, m.EncNorm()},
		{"dec_norm", r.DecNorm, m.DecNorm()},
	} {
		if math.Abs(c.got-c.want) > 1e-12*math.Max(1, math.Abs(c.want)) {
			t.Errorf("Measure().%s = %v, the method gives %v", c.name, c.got, c.want)
		}
	}
}

// TestRowNormHolds: with Config.RowNorm every encoder row stays at that
// norm through training (the projection runs inside each update), so the
// caveat's f → εf cannot happen; untied without it, ‖W‖ falls.
func TestRowNormHolds(t *testing.T) {
	m := newModel(t, Default, 1)
	train(t, m, 500)
	for k := 0; k < m.CAE.H; k++ {
		if n := norm(m.CAE.W[2*k : 2*k+2]); math.Abs(n-Default.RowNorm) > 1e-12 {
			t.Errorf("row %d: ‖W_k‖ = %.15g after 500 steps, want %g", k, n, Default.RowNorm)
		}
	}
}

// TestContractionOnEveryManifold is the claim the scene opens with, on
// every built-in curve: after 5400 steps (the scene's 180 frames at 30
// steps a frame) the code is most sensitive along the tangent and the
// direction across it is contracted. Measured (seeds 1–3, S2/S1 and |cos|):
// circle 0.10–0.15, 0.988–0.996; spiral 0.23–0.26, 0.94–0.97; arcs
// 0.22–0.27, 0.87–0.91; sine 0.28–0.29, 0.79–0.85. The thresholds sit
// above the worst seed by a margin of a few hundredths; the sine's and the
// arcs' alignment stay below the 0.9 (Default says why). The
// slide's tied model (Tied16) reaches ≈ 0.71 on the circle at best.
func TestContractionOnEveryManifold(t *testing.T) {
	want := map[string]struct{ contraction, alignment float64 }{
		"circle": {0.2, 0.97},
		"spiral": {0.3, 0.92},
		"arcs":   {0.32, 0.85},
		"sine":   {0.38, 0.77},
	}
	for _, name := range []string{"circle", "sine", "spiral", "arcs"} {
		for seed := uint64(1); seed <= 3; seed++ {
			cfg := Default
			cfg.Manifold = name
			m := newModel(t, cfg, seed)
			train(t, m, 5400)
			r := m.Measure()
			w := want[name]
			t.Logf("%s seed %d: contraction %.3f, tangent_alignment %.3f, mse %.4f", name, seed, r.Contraction, r.TangentAlignment, r.MSE)
			if r.Contraction > w.contraction || r.TangentAlignment < w.alignment {
				t.Errorf("%s seed %d: contraction %.3f, tangent_alignment %.3f; want ≤ %g and ≥ %g",
					name, seed, r.Contraction, r.TangentAlignment, w.contraction, w.alignment)
			}
		}
	}
}
