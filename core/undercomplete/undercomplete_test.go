package undercomplete

import (
	"math"
	"testing"
)

// TestLinearAutoencoderFindsPrincipalSubspace asserts the lecture's claim on
// the pca scene's defaults for each data dimension (DefaultFor), seeds 1–5,
// the thresholds of the issues: within 4000 steps the decoder's subspace is
// within 1° of PCA's top-K subspace and the error within 2% of PCA's.
func TestLinearAutoencoderFindsPrincipalSubspace(t *testing.T) {
	for _, tc := range []struct {
		dim   int
		seed  uint64
		steps int
	}{
		{2, 1, 4000}, {2, 2, 4000}, {2, 3, 4000}, {2, 4, 4000}, {2, 5, 4000},
		{3, 1, 4000}, {3, 2, 4000}, {3, 3, 4000}, {3, 4, 4000}, {3, 5, 4000},
	} {
		m := New(DefaultFor(tc.dim), tc.seed)
		start := m.AngleDeg()
		if _, diverged := m.Train(tc.steps); diverged {
			t.Fatalf("D=%d: training diverged", tc.dim)
		}
		angle, mse, best := m.AngleDeg(), m.MSE(), m.PCAMSE()
		t.Logf("D=%d, %d steps: angle %.3f° (from %.1f°), mse %.5f, pca_mse %.5f, ratio %.4f", tc.dim, tc.steps, angle, start, mse, best, mse/best)
		if start < 10 {
			t.Errorf("D=%d: the initial angle %.1f° is already small; the test shows nothing", tc.dim, start)
		}
		if angle >= 1 {
			t.Errorf("D=%d: angle_deg = %.3f after %d steps, want < 1", tc.dim, angle, tc.steps)
		}
		if mse > 1.02*best {
			t.Errorf("D=%d: mse = %.5f > 1.02 × pca_mse = %.5f", tc.dim, mse, 1.02*best)
		}
		if mse < best*(1-1e-9) {
			t.Errorf("D=%d: mse = %.6f below PCA's optimum %.6f: impossible for a rank-%d reconstruction", tc.dim, mse, best, tc.dim-1)
		}
	}
}

// TestTanhEncoderIsNotPCA contrasts the non-linear autoencoder: a tanh code
// saturates, so its reconstructions lie on a bounded segment of the decoder's
// line and its error stays above PCA's.
func TestTanhEncoderIsNotPCA(t *testing.T) {
	cfg := Default
	cfg.TanhEncoder = true
	m := New(cfg, 1)
	m.Train(4000)
	if mse, best := m.MSE(), m.PCAMSE(); mse < best*(1-1e-9) {
		t.Errorf("tanh encoder: mse %.5f below PCA's optimum %.5f", mse, best)
	}
	// Every reconstruction is b₂ + W₂h with |h| < 1.
	rec := m.Reconstruct()
	w, b := m.Decoder().Data, m.DecoderBias()
	reach := math.Hypot(w[0], w[1])
	for n := 0; n < m.Data.N; n++ {
		if d := math.Hypot(rec[2*n]-b[0], rec[2*n+1]-b[1]); d > reach*(1+1e-12) {
			t.Fatalf("reconstruction %d is %.4f from b₂, beyond the tanh code's reach %.4f", n, d, reach)
		}
	}
}

// TestReshapeKeepsModel: moving the data sliders keeps the weights and the
// step count, and the PCA follows the data.
func TestReshapeKeepsModel(t *testing.T) {
	m := New(Default, 1)
	m.Train(2000)
	before := append([]float64(nil), m.Net.Params...)
	m.Reshape(3, 120, 0.1)
	for i, p := range m.Net.Params {
		if p != before[i] {
			t.Fatal("Reshape changed the weights")
		}
	}
	if a := m.AngleDeg(); a < 60 {
		t.Errorf("after rotating the data by 90°, angle_deg = %.1f, want ≈ 90 until training catches up", a)
	}
	m.Train(4000)
	if a := m.AngleDeg(); a >= 1 {
		t.Errorf("4000 steps after the rotation, angle_deg = %.2f, want < 1", a)
	}
}

// TestSubspacesAligned checks the drawn bases: orthonormal, and once the
// decoder has reached PCA's subspace its aligned basis is PCA's own (so the
// two planes coincide on screen), in 2-D and 3-D.
func TestSubspacesAligned(t *testing.T) {
	for _, tc := range []struct {
		dim   int
		lr    float64
		steps int
	}{{2, Default.LR, 4000}, {3, 2 * Default.LR, 8000}} {
		cfg := Default
		cfg.Dim, cfg.LR = tc.dim, tc.lr
		m := New(cfg, 1)
		m.Train(tc.steps)
		dec, pc := m.Subspaces()
		k := cfg.Code()
		for a := 0; a < k; a++ {
			for b := 0; b < k; b++ {
				want := 0.0
				if a == b {
					want = 1
				}
				if got := dot3(dec[a], dec[b]); math.Abs(got-want) > 1e-9 {
					t.Errorf("D=%d: decoder basis ⟨e%d, e%d⟩ = %g, want %g", tc.dim, a, b, got, want)
				}
			}
			if c := dot3(dec[a], pc[a]); c < 0.999 {
				t.Errorf("D=%d: aligned decoder vector %d has cos %.5f with PCA's, want ≥ 0.999 (angle %.3f°)", tc.dim, a, c, m.AngleDeg())
			}
		}
	}
}

func dot3(a, b [3]float64) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }
