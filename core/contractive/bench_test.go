package contractive

import (
	"testing"
)

// BenchmarkTrain is Model.Train(1000) on Default (minibatch 32, 16 tanh
// units, tied), reported per call and as samples/s like nn's
// BenchmarkTrainAE.
func BenchmarkTrain(b *testing.B) {
	m, err := New(Default, 1)
	if err != nil {
		b.Fatal(err)
	}
	m.Train(1)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		m.Train(1000)
	}
	b.ReportMetric(float64(b.N)*1000*float64(Default.BatchSize)/b.Elapsed().Seconds(), "samples/s")
}

// BenchmarkJacobianSVDGrid is the scene's per-frame query: J_f's SVD at
// the 40×40 points of a grid over [−2, 2]².
func BenchmarkJacobianSVDGrid(b *testing.B) {
	m, err := New(Default, 1)
	if err != nil {
		b.Fatal(err)
	}
	m.Train(1000)
	b.ReportAllocs()
	b.ResetTimer()
	var p [2]float64
	for range b.N {
		for i := 0; i < 40; i++ {
			for j := 0; j < 40; j++ {
				p[0], p[1] = -2+4*float64(i)/39, -2+4*float64(j)/39
				m.CAE.JacobianSVD(p[:])
			}
		}
	}
}

// BenchmarkMetrics is one Measure of the scene: mse, jacobian_fro,
// tangent_alignment, enc_norm and dec_norm.
func BenchmarkMetrics(b *testing.B) {
	m, err := New(Default, 1)
	if err != nil {
		b.Fatal(err)
	}
	m.Train(1000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		m.MSE()
		m.JacobianFro()
		m.TangentAlignment()
		m.EncNorm()
		m.DecNorm()
	}
}
