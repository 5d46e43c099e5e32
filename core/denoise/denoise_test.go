package denoise

import (
	"math"
	"testing"

	"aelab/core/nn"
	"aelab/core/rng"
)

func TestCorruptionStatistics(t *testing.T) {
	const n = 200000
	r := rng.New(1, 0)
	mb := &nn.Minibatch{N: n, Cap: n, Dim: 2, In: make([]float64, 2*n), Target: make([]float64, 2*n)}
	for i := range mb.In {
		mb.In[i] = 0.5
	}
	g := Corruption{Kind: Gaussian, Sigma: 0.3}
	g.Apply(mb, r)
	mean, vr := 0.0, 0.0
	for _, v := range mb.In {
		mean += v - 0.5
		vr += (v - 0.5) * (v - 0.5)
	}
	mean /= 2 * n
	vr /= 2 * n
	// standard errors: σ/√(2n) ≈ 5e-4 for the mean, σ²√(2/2n) ≈ 3e-4 for the variance
	if math.Abs(mean) > 3e-3 || math.Abs(vr-0.09) > 2e-3 {
		t.Errorf("Gaussian corruption: mean %g, variance %g; want 0 and σ² = 0.09", mean, vr)
	}
	for i := range mb.In {
		mb.In[i] = 0.5
	}
	m := Corruption{Kind: Mask, P: 0.3}
	m.Apply(mb, r)
	zeros := 0
	for _, v := range mb.In {
		switch v {
		case 0:
			zeros++
		case 0.5:
		default:
			t.Fatalf("mask corruption changed a value to %g", v)
		}
	}
	if rate := float64(zeros) / (2 * n); math.Abs(rate-0.3) > 3e-3 {
		t.Errorf("mask rate %g, want p = 0.3", rate)
	}
	off := Corruption{Kind: Gaussian, Sigma: 1, Off: true}
	off.Apply(mb, r)
	for i, v := range mb.In {
		if v != 0 && v != 0.5 {
			t.Fatalf("the plain autoencoder's corruption changed input %d", i)
		}
	}
}

// TestFieldPointsToManifold asserts the lecture's slide "What it learns" on
// the denoise scene's defaults with seed 1: after 10000 steps the arrows
// g(f(x)) − x within 2σ of the circle point at it (alignment ≥ 0.9), and on
// the circle the field is small against its size at distance σ.
func TestFieldPointsToManifold(t *testing.T) {
	m, err := New(Default, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	p := NewProbe(m.Curve, 2, 24)
	before := m.Alignment(p)
	m.Train(10000)
	a := m.Alignment(p)
	on, at := m.FieldNormOnManifold(p), m.FieldNormAt(p, Default.Noise)
	t.Logf("alignment %.3f over %d grid points (from %.3f); field norm on the circle %.4f, at distance σ %.4f, ratio %.3f; mse %.4f", a, p.bandPoints(), before, on, at, on/at, m.MSE())
	if a < 0.9 {
		t.Errorf("alignment = %.3f after 10000 steps, want ≥ 0.9", a)
	}
	// On the circle the best denoiser still moves points by about
	// σ²κ/2 = 0.02 towards the centre; at distance σ it moves them by
	// about σ = 0.2. A quarter is a clear "small against".
	if on > 0.25*at {
		t.Errorf("field norm on the manifold %.4f is not small against %.4f at distance σ", on, at)
	}
}

// TestPlainAutoencoderLearnsIdentity: without corruption the same
// overcomplete net learns (nearly) the identity: its field is far smaller
// than the denoiser's, as the slide "Benefits" says.
func TestPlainAutoencoderLearnsIdentity(t *testing.T) {
	cfg := Default
	cfg.Plain = true
	plain, _ := New(cfg, nil, 1)
	dae, _ := New(Default, nil, 1)
	p := NewProbe(plain.Curve, 2, 24)
	plain.Train(10000)
	dae.Train(10000)
	fp, fd := plain.FieldNormAt(p, Default.Noise), dae.FieldNormAt(p, Default.Noise)
	t.Logf("field norm at distance σ: plain %.4f, denoising %.4f (×%.0f)", fp, fd, fd/fp)
	if fp > fd/5 {
		t.Errorf("plain autoencoder's field %.4f is not much smaller than the denoiser's %.4f", fp, fd)
	}
}

func TestFieldDoesNotAllocate(t *testing.T) {
	m, _ := New(Default, nil, 1)
	p := NewProbe(m.Curve, 2, 24)
	m.Alignment(p)
	m.FieldNormOnManifold(p)
	if a := testing.AllocsPerRun(10, func() {
		m.Train(5)
		m.Alignment(p)
		m.FieldNormOnManifold(p)
		m.FieldNormAt(p, 0.2)
		m.GridField(p)
	}); a != 0 {
		t.Errorf("training and measuring the field allocate %v times, want 0", a)
	}
}

// TestFieldApproachesSmoothedScore: the trained denoiser's field near the
// circle agrees in direction with σ²∇log p̂ of the data (Alain & Bengio).
func TestFieldApproachesSmoothedScore(t *testing.T) {
	m, _ := New(Default, nil, 1)
	p := NewProbe(m.Curve, 2, 24)
	m.Train(10000)
	field := m.GridField(p)
	score := make([]float64, len(field))
	SmoothedScore(score, p.Grid, m.Data, Default.Noise)
	sum, n := 0.0, 0
	for k, d := range p.Dist {
		if d > 2*Default.Noise || d < Default.Noise/5 {
			continue
		}
		fx, fy, sx, sy := field[2*k], field[2*k+1], score[2*k], score[2*k+1]
		sum += (fx*sx + fy*sy) / (math.Hypot(fx, fy) * math.Hypot(sx, sy))
		n++
	}
	t.Logf("mean cosine between the field and the smoothed score within 2σ: %.3f over %d points", sum/float64(n), n)
	if sum/float64(n) < 0.9 {
		t.Errorf("field and smoothed score disagree: mean cosine %.3f", sum/float64(n))
	}
}
