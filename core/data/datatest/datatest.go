// Package datatest gives tests of packages that load the shipped data sets
// (data.Load, data.Start) their files under node, where `make test` runs
// core's tests as WebAssembly (test-wasm) and there is no page to fetch
// data/ from: import it for its side effect in a test file,
//
//	import _ "aelab/core/data/datatest"
//
// Natively the data sets are embedded and it does nothing.
package datatest

import (
	"testing"

	"aelab/core/data"
)

// Digits returns the shipped 8×8 digits, or fails the test.
func Digits(t testing.TB) *data.Images {
	t.Helper()
	im, err := data.Load("digits", nil)
	if err != nil {
		t.Fatal(err)
	}
	return im
}
