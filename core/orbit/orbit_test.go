package orbit

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"aelab/core/data"
)

// digit returns MNIST test image n blurred by sigma pixels.
func digit(t testing.TB, n int, sigma float64) Image {
	t.Helper()
	im, err := data.Load("mnist", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, tmp := make([]float64, 784), make([]float64, 784)
	Blur(b, im.X.At(n), tmp, 28, 28, sigma)
	return Image{W: 28, H: 28, Pix: b}
}

// TestInterpolationIsExactAtPixels: cubic convolution passes through the
// pixels (u(0) = 1, u(±1) = u(±2) = 0).
func TestInterpolationIsExactAtPixels(t *testing.T) {
	im := digit(t, 0, 0)
	for y := 0; y < 28; y++ {
		for x := 0; x < 28; x++ {
			if v, _, _ := im.At(float64(x), float64(y)); math.Abs(v-im.Pix[y*28+x]) > 1e-12 {
				t.Fatalf("At(%d, %d) = %v, pixel %v", x, y, v, im.Pix[y*28+x])
			}
		}
	}
}

// TestBlurKeepsInk: the normalised Gaussian moves ink, it does not add or
// remove it (a blob farther than 3σ from the border), and spreads it with
// variance σ² along each axis.
func TestBlurKeepsInk(t *testing.T) {
	src, dst, tmp := make([]float64, 784), make([]float64, 784), make([]float64, 784)
	src[14*28+14] = 1
	const sigma = 1.5
	Blur(dst, src, tmp, 28, 28, sigma)
	sum, vx := 0.0, 0.0
	for y := 0; y < 28; y++ {
		for x := 0; x < 28; x++ {
			sum += dst[y*28+x]
			vx += dst[y*28+x] * float64((x-14)*(x-14))
		}
	}
	// the sampled, truncated Gaussian's variance is σ² to within 1%
	if math.Abs(sum-1) > 1e-12 || math.Abs(vx-sigma*sigma) > 0.01*sigma*sigma {
		t.Errorf("blurred point: ink %v, want 1; variance %v, want σ² = %v", sum, vx, sigma*sigma)
	}
}

// gradTol is the agreement wanted between an analytic derivative and
// gonum's central difference. Away from whole pixels the difference is
// off by ~1e-10; at a whole pixel Keys' kernel has a kink in its second
// derivative, and the central difference over its step (~6e-6) is off by
// that step times the jump, ~1e-6.
const gradTol = 1e-5

// TestImageGradient checks At's gradient against finite differences at
// random points, inside and across the border.
func TestImageGradient(t *testing.T) {
	im := digit(t, 1, 1)
	r := rand.New(rand.NewPCG(1, 1))
	for k := 0; k < 200; k++ {
		x, y := -2+31*r.Float64(), -2+31*r.Float64()
		_, gx, gy := im.At(x, y)
		fx := fd.Derivative(func(x float64) float64 { v, _, _ := im.At(x, y); return v }, x, &fd.Settings{Formula: fd.Central})
		fy := fd.Derivative(func(y float64) float64 { v, _, _ := im.At(x, y); return v }, y, &fd.Settings{Formula: fd.Central})
		if math.Abs(gx-fx) > gradTol || math.Abs(gy-fy) > gradTol {
			t.Fatalf("gradient at (%.3f, %.3f): analytic (%v, %v), finite differences (%v, %v)", x, y, gx, gy, fx, fy)
		}
	}
}

// TestTangentIsTheDerivative checks the chain rule: Tangent against the
// finite-difference derivative of each pixel of the orbit, for each
// transformation, at t between and on whole pixels.
func TestTangentIsTheDerivative(t *testing.T) {
	src := digit(t, 2, 0.8)
	for _, kind := range []Kind{Vertical, Horizontal, Rotate} {
		o := &Orbit{Src: src, Kind: kind}
		tan, img := make([]float64, 784), make([]float64, 784)
		for _, t0 := range []float64{-2.3, 0, 1, 4.6} {
			o.Tangent(tan, t0)
			for p := 0; p < 784; p += 7 {
				f := fd.Derivative(func(t float64) float64 { o.At(img, t); return img[p] }, t0, &fd.Settings{Formula: fd.Central})
				if math.Abs(tan[p]-f) > gradTol {
					t.Fatalf("kind %d, t = %v, pixel %d: ∂I/∂t %v, finite differences %v", kind, t0, p, tan[p], f)
				}
			}
		}
	}
}

// TestBlurredShiftTangent is the lecture's figure: a blurred MNIST digit
// shifted vertically by ±3 px. Its tangent image agrees with the orbit's
// difference over a pixel, and projected on PC1–PC2 it follows the curve.
func TestBlurredShiftTangent(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3} {
		a := Analyse(&Orbit{Src: digit(t, n, 1), Kind: Vertical}, -3, 3, 61)
		var m Marker
		for _, t0 := range []float64{-2.5, -1, 0, 0.7, 2} {
			m.Move(a, t0, 1)
			if m.TangentCos < 0.95 || m.TangentPCCos < 0.95 {
				t.Errorf("digit %d, t = %v: tangent_cos %.3f, tangent_pc_cos %.3f, want both ≥ 0.95", n, t0, m.TangentCos, m.TangentPCCos)
			}
		}
	}
}

// TestBlurMakesTheTangentLinear: without the blur the difference over a
// pixel is a poorer match (Simard et al. smooth before differentiating).
func TestBlurMakesTheTangentLinear(t *testing.T) {
	var sharp, soft Marker
	sharp.Move(Analyse(&Orbit{Src: digit(t, 0, 0), Kind: Vertical}, -3, 3, 61), 0.5, 1)
	soft.Move(Analyse(&Orbit{Src: digit(t, 0, 1), Kind: Vertical}, -3, 3, 61), 0.5, 1)
	if !(sharp.TangentCos < soft.TangentCos-0.03) {
		t.Errorf("tangent_cos %.3f unblurred, %.3f blurred by 1 px: want the blur to help", sharp.TangentCos, soft.TangentCos)
	}
}

// TestExplainedFallsWithRange: the orbit is curved, so the larger the
// shift the more of its variance lies outside PC1–PC2.
func TestExplainedFallsWithRange(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 4} {
		o := &Orbit{Src: digit(t, n, 1), Kind: Vertical}
		e2, e8 := Analyse(o, -2, 2, 61).Explained(2), Analyse(o, -8, 8, 61).Explained(2)
		if !(e2 > e8) {
			t.Errorf("digit %d: explained_2pc %.3f at ±2 px, %.3f at ±8 px; want it to fall", n, e2, e8)
		}
	}
}

// TestAEBeatsPCA1: on a ±6 px orbit an autoencoder with a 1-unit code
// reconstructs better than one principal component within 400 steps
// (measured: 100–200 on seeds 1–3).
func TestAEBeatsPCA1(t *testing.T) {
	a := Analyse(&Orbit{Src: digit(t, 0, 1), Kind: Vertical}, -6, 6, 61)
	pca1 := a.PCA.ReconstructionError(1)
	for seed := uint64(1); seed <= 3; seed++ {
		ae := NewAutoencoder(a, DefaultAE, seed)
		ae.Evaluate()
		before := ae.MSE()
		ae.Train(400)
		ae.Evaluate()
		if got := ae.MSE(); !(got < pca1) || !(before > pca1) {
			t.Errorf("seed %d: ae_mse %.3f before, %.3f after 400 steps; pca1_mse %.3f", seed, before, got, pca1)
		}
	}
}
