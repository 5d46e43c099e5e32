package pretrain

import (
	"strconv"
	"testing"

	"aelab/core/data"
)

// BenchmarkStep is one step of both tracks of the deep stack while
// fine-tuning; BenchmarkMeasurePart each part of a measurement.
func BenchmarkStep(b *testing.B) {
	im, _ := data.Load("digits", nil)
	cfg := Default
	cfg.StageSteps = 10
	m := New(cfg, 1, im)
	m.Step(6 * 10)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Step(1)
	}
}

func BenchmarkMeasurePart(b *testing.B) {
	im, _ := data.Load("digits", nil)
	m := New(Default, 1, im)
	for p := 0; p < Parts; p++ {
		b.Run(strconv.Itoa(p), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				m.MeasurePart(p)
			}
		})
	}
}
