//go:build js

package data

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestFetchFromServer is the browser build's path to the data, run as
// WebAssembly under node against a real HTTP server: the native
// TestFetchUnderNode starts the server and this test with AELAB_DATA_URL.
func TestFetchFromServer(t *testing.T) {
	base := os.Getenv("AELAB_DATA_URL")
	if base == "" {
		t.Skip("needs AELAB_DATA_URL (run by the native TestFetchUnderNode)")
	}
	mu.Lock()
	BaseURL, fetcher, loaded = base, fetchFile, map[string]*loading{}
	mu.Unlock()

	want := readShipped(t, "mnist.gz")
	var calls []int64
	var total int64
	got, err := fetchFile("mnist.gz", func(done, tot int64) {
		calls = append(calls, done)
		total = tot
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("fetched %d bytes that differ from the %d shipped", len(got), len(want))
	}
	if total != int64(len(want)) || calls[len(calls)-1] != total || len(calls) < 3 {
		t.Errorf("progress: total %d, calls %v; want total %d reached in several steps", total, calls, len(want))
	}
	for i := 1; i < len(calls); i++ {
		if calls[i] < calls[i-1] {
			t.Errorf("progress went back: %v", calls)
		}
	}
	t.Logf("mnist.gz: %d bytes in %d progress reports", len(got), len(calls))

	im, err := Load("digits", nil)
	if err != nil || im.N() != 1797 {
		t.Fatalf("Load(digits) through fetch: %v", err)
	}
	if _, err := fetchFile("missing.gz", func(int64, int64) {}); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("fetching a missing file: error %v, want HTTP 404", err)
	}
}
