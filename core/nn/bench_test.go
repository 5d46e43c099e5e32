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

// benchDeep trains the autoencoder sizes (tanh hidden layers, linear output)
// on n random points in [0, 1)^D with minibatch 64 and plain SGD, reporting
// samples/s: the deeper nets of DESIGN.md's budgets, on the same random data
// as the TF.js comparison (bench/tfjs).
func benchDeep(b *testing.B, sizes []int, n int) {
	const batch = 64
	r := rng.New(1, rng.StreamData)
	x := data.NewSet(n, sizes[0])
	for i := range x.X {
		x.X[i] = r.Float64()
	}
	acts := make([]Activation, len(sizes)-1)
	for i := range acts {
		acts[i] = Tanh
	}
	acts[len(acts)-1] = Linear
	net := New(sizes, acts)
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

// BenchmarkTrainDeep: 64-32-16-2-16-32-64 (the size of the 8×8 digits).
// Budgets: ≥ 300k samples/s natively; as WebAssembly ≥ 2.5× TF.js 4.22's
// wasm backend on the same net in the same run (make bench-tfjs).
func BenchmarkTrainDeep(b *testing.B) {
	benchDeep(b, []int{64, 32, 16, 2, 16, 32, 64}, 512)
}

// BenchmarkTrainDeepMNIST: 784-128-32-2-32-128-784 (28×28 images).
// Budgets: ≥ 8k samples/s natively; as WebAssembly ≥ 1.5× TF.js wasm.
func BenchmarkTrainDeepMNIST(b *testing.B) {
	benchDeep(b, []int{784, 128, 32, 2, 32, 128, 784}, 512)
}
