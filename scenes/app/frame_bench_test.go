package app

import (
	"testing"

	"aelab/scenes"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// BenchmarkFrame measures one frame of each scene at its default settings:
// Update (training at the default steps/frame, measuring) and Draw onto a
// recording canvas (the Go side of drawing, without the GPU).
func BenchmarkFrame(b *testing.B) {
	for _, sc := range scenes.All() {
		b.Run(sc.Info().ID, func(b *testing.B) {
			a := New(Options{Scenes: []scene.Scene{sc}})
			a.Resize(1280, 800, 1)
			c := &uitest.Canvas{}
			in := &ui.Input{}
			b.ReportAllocs()
			for b.Loop() {
				a.Update(in)
				a.Draw(c)
			}
		})
	}
}

func BenchmarkMeasure(b *testing.B) {
	for _, sc := range scenes.All() {
		b.Run(sc.Info().ID, func(b *testing.B) {
			a := New(Options{Scenes: []scene.Scene{sc}})
			a.Resize(1280, 800, 1)
			for b.Loop() {
				sc.Measure()
			}
		})
	}
}
