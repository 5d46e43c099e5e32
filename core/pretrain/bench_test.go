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

// BenchmarkEmbed is the Demo2 view's embedding of the most points it
// holds (six pairs of runs, every point recorded): a frame's share
// (embedIters of the scene, 20 power iterations from the last directions)
// and a whole computation from scratch (EmbedIters at most).
func BenchmarkEmbed(b *testing.B) {
	im, _ := data.Load("digits", nil)
	cfg := Default
	cfg.StageSteps, cfg.FineSteps = 10, 230
	r := NewRuns(cfg, 1, 6, im)
	for !r.Done() {
		r.Step(1000)
	}
	b.Logf("%d points of %d", r.N, r.cap)
	for _, iters := range []int{20, EmbedIters} {
		b.Run(strconv.Itoa(iters), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				r.embedN, r.done = -1, false // as if a point had come
				if iters == EmbedIters {
					clear(r.u)
					clear(r.v)
				}
				r.Embed(iters)
			}
		})
	}
}
