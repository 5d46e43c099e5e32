package contractive

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"

	"aelab/core/nn"
	"aelab/core/rng"
)

// randomLayer returns a 2→h layer of activation act with standard normal
// weights and biases, the scale randomCAE uses.
func randomLayer(h int, act nn.Activation, seed uint64) *nn.Layer {
	net := nn.New([]int{2, h}, []nn.Activation{act})
	r := rng.New(seed, 0)
	for i := range net.Params {
		net.Params[i] = r.NormFloat64()
	}
	return &net.Layers[0]
}

// layerOut writes a(Wx + b) into dst.
func layerOut(ly *nn.Layer, dst, x []float64) {
	for k := range dst {
		dst[k] = ly.Act.Eval(ly.B[k] + ly.W[2*k]*x[0] + ly.W[2*k+1]*x[1])
	}
}

// TestEncoderSVDMatchesFiniteDifferences checks EncoderSVD against the SVD
// of fd.Jacobian of the layer's output. The singular values and directions
// of a matrix move by at most its change (Weyl), so the Jacobian's error
// bound jacTol, times √(2H) for the Frobenius norm, bounds the values' error;
// directions are compared where the values are well apart.
func TestEncoderSVDMatchesFiniteDifferences(t *testing.T) {
	const h = 6
	for _, act := range []nn.Activation{nn.Sigmoid, nn.Tanh, nn.Linear} {
		ly := randomLayer(h, act, 21)
		r := rng.New(22, 0)
		want := mat.NewDense(h, 2, nil)
		tol := jacTol * math.Sqrt(2*h)
		for range 20 {
			x := []float64{r.NormFloat64(), r.NormFloat64()}
			got := EncoderSVD(ly, x)
			fd.Jacobian(want, func(dst, x []float64) { layerOut(ly, dst, x) }, x, &fd.JacobianSettings{Formula: fd.Central, Step: fdStep})
			ref := SVD(want.RawMatrix().Data)
			if math.Abs(got.S1-ref.S1) > tol || math.Abs(got.S2-ref.S2) > tol {
				t.Errorf("%v at %v: singular values %g, %g; of fd.Jacobian %g, %g", act, x, got.S1, got.S2, ref.S1, ref.S2)
			}
			if gap := got.S1 - got.S2; gap > 1e-3 {
				// |cos| of the leading directions: V1 is defined up to sign
				cos := math.Abs(got.V1[0]*ref.V1[0] + got.V1[1]*ref.V1[1])
				if 1-cos > 1e-6 {
					t.Errorf("%v at %v: V1 %v, of fd.Jacobian %v", act, x, got.V1, ref.V1)
				}
			}
		}
	}
}

// TestEncoderSVDOfCAEEncoder checks EncoderSVD on a layer holding a CAE's
// encoder (its W, b and activation) against the CAE's own JacobianSVD:
// the same Gram matrix, summed in another order, so equal to rounding.
func TestEncoderSVDOfCAEEncoder(t *testing.T) {
	for _, act := range []nn.Activation{nn.Sigmoid, nn.Tanh} {
		r := rng.New(23, 0)
		c := randomCAE(2, 8, act, true, 0, r)
		net := nn.New([]int{2, 8}, []nn.Activation{act})
		ly := &net.Layers[0]
		copy(ly.W, c.W)
		copy(ly.B, c.B)
		for range 20 {
			x := []float64{2 * r.NormFloat64(), 2 * r.NormFloat64()}
			got, want := EncoderSVD(ly, x), c.JacobianSVD(x)
			if math.Abs(got.S1-want.S1) > 1e-12 || math.Abs(got.S2-want.S2) > 1e-12 ||
				math.Abs(got.V1[0]-want.V1[0]) > 1e-9 || math.Abs(got.V1[1]-want.V1[1]) > 1e-9 {
				t.Errorf("%v at %v: EncoderSVD = %+v, CAE.JacobianSVD = %+v", act, x, got, want)
			}
		}
		x := []float64{0.3, -0.2}
		if a := testing.AllocsPerRun(10, func() { EncoderSVD(ly, x) }); a != 0 {
			t.Errorf("EncoderSVD allocates %v times", a)
		}
	}
}
