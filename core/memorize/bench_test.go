package memorize

import (
	"testing"

	"aelab/core/data"
)

// BenchmarkStep times one full-batch Adam step and one full Measure at
// the defaults, on the digits, and at every parameter's most expensive
// end (depth 4, width 128, 200 digits): the scene's speed and the App's
// budget cost model come from these.
func BenchmarkStep(b *testing.B) {
	im, err := data.Load("digits", nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"default", Default},
		{"digits", Config{Data: Digits, NTrain: 32, Depth: 3, Width: 64, LR: Default.LR}},
		{"most-expensive", Config{Data: Digits, NTrain: 200, Depth: 4, Width: 128, LR: Default.LR}},
		{"most-expensive-gauss", Config{Data: Gauss, NTrain: 200, Depth: 4, Width: 128, LR: Default.LR}},
	} {
		m := New(tc.cfg, 1, im)
		b.Run(tc.name+"/step", func(b *testing.B) {
			for b.Loop() {
				m.Step(1)
			}
		})
		b.Run(tc.name+"/measure", func(b *testing.B) {
			for b.Loop() {
				m.Measure()
			}
		})
	}
}
