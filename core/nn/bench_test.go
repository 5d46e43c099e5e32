package nn

import (
	"testing"

	"aelab/core/data"
	"aelab/core/rng"
)

// BenchmarkTrainAE is the training-throughput benchmark of DESIGN.md: a
// 2-32-1-32-2 autoencoder with tanh hidden layers and a linear output,
// minibatch 32, plain SGD, reporting samples/s. Budgets: ≥ 2M samples/s
// natively, ≥ 400k samples/s as WebAssembly under node.
func BenchmarkTrainAE(b *testing.B) {
	const batch = 32
	x := data.NewSet(512, 2)
	data.Anisotropic2D(x, data.NewBase(rng.New(1, rng.StreamData), 512, 2), 3, 30, 0.1)
	net := New([]int{2, 32, 1, 32, 2}, []Activation{Tanh, Tanh, Tanh, Linear})
	net.Init(rng.New(1, rng.StreamWeights))
	tr := NewTrainer(NewAutoencoder(net), &SGD{LR: 0.01}, x, batch, rng.New(1, rng.StreamBatches))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, diverged := tr.Step(1); diverged {
			b.Fatal("training diverged")
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "samples/s")
}
