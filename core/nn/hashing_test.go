package nn

import (
	"testing"

	"aelab/core/data"
	"aelab/core/rng"
)

// TestNoiseMakesBinaryCodes asserts the lecture's slide "Semantic hashing:
// binarization of representation": with noise added before the sigmoid of
// the code layer, "to confront this noise model will need to make
// activations very large or small — sigmoid will saturate". On the 8×8
// digits, the fraction of code values within 0.1 of 0 or 1 is far higher
// with noise (σ = 4, Salakhutdinov & Hinton's "deterministic noise" of
// variance 16) than without.
func TestNoiseMakesBinaryCodes(t *testing.T) {
	digits, err := data.Load("digits", nil)
	if err != nil {
		t.Fatal(err)
	}
	binary := func(noise float64) float64 {
		net := New([]int{64, 32, 8, 32, 64}, []Activation{Sigmoid, Sigmoid, Sigmoid, Sigmoid})
		net.Init(rng.New(1, rng.StreamWeights))
		net.Layers[1].Noise = noise
		ae := &Autoencoder{Net: net, Loss: CrossEntropy, Noise: rng.New(1, 7)}
		tr := NewTrainer(ae, NewAdam(0.01), digits.X, 64, rng.New(1, rng.StreamBatches))
		tr.Step(800)
		codes := make([]float64, digits.N()*8)
		net.Apply(codes, 2, digits.X, net.NewBatch(64)) // evaluation: no noise
		n := 0
		for _, c := range codes {
			if c < 0.1 || c > 0.9 {
				n++
			}
		}
		return float64(n) / float64(len(codes))
	}
	plain, noisy := binary(0), binary(4)
	t.Logf("code values within 0.1 of 0 or 1: %.2f without noise, %.2f with σ = 4", plain, noisy)
	if noisy < 0.8 || noisy < plain+0.2 {
		t.Errorf("binary fraction %.2f with noise, %.2f without: want ≥ 0.8 and 0.2 above", noisy, plain)
	}
}
