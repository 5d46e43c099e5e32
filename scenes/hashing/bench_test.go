package hashing_test

import (
	"testing"

	"aelab/scenes/hashing"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// BenchmarkDraw is the Go side of a frame's drawing (a recording canvas,
// no GPU) at the widest radius, in each view.
func BenchmarkDraw(b *testing.B) {
	for _, view := range []float64{0, 1} {
		s := hashing.New()
		info := s.Info()
		ps := info.Params
		ps.SetAt(ps.Index("radius"), 5)
		ps.SetAt(ps.Index("view"), view)
		th := ui.Light(1)
		area := ui.Rect{W: 570, H: 430}
		info.InsetRects = []ui.Rect{{X: 600, W: 300, H: 150}, {X: 600, Y: 160, W: 300, H: 150}}
		s.Layout(area, th)
		s.Reset(1)
		s.Train(600)
		s.Measure()
		c := &uitest.Canvas{}
		b.Run(ps.Specs[ps.Index("view")].Choices[int(view)], func(b *testing.B) {
			for b.Loop() {
				c.Reset()
				s.Draw(c, area, th)
			}
			b.ReportMetric(float64(c.Shapes), "shapes")
		})
	}
}
