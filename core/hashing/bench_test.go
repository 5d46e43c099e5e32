package hashing

import (
	"testing"

	"aelab/core/data"
)

// BenchmarkStep is a minibatch step of the default 64-64-16-64-64 net.
func BenchmarkStep(b *testing.B) {
	im, err := data.Load("digits", nil)
	if err != nil {
		b.Fatal(err)
	}
	m := New(Default, 1, im)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Step(1)
	}
}

// BenchmarkMeasurePart is one part of Measure, in turn (a frame's share
// of measuring while the scene plays).
func BenchmarkMeasurePart(b *testing.B) {
	im, err := data.Load("digits", nil)
	if err != nil {
		b.Fatal(err)
	}
	m := New(Default, 1, im)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.MeasurePart(i % Parts)
	}
}
