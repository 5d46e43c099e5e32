// Package rng makes the seeded random sources the lab uses everywhere, so
// that one seed (the URL's seed=…) reproduces a data set and a training run.
package rng

import "math/rand/v2"

// New returns a PCG source seeded from seed. Streams with different stream
// numbers are independent, so data and weights drawn from the same seed do
// not share random numbers.
func New(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15^stream))
}

// Streams used by the lab, named so that two consumers never share one.
const (
	StreamData    = 1 // data sets
	StreamWeights = 2 // initial weights
	StreamBatches = 3 // minibatch order and corruption noise
)
