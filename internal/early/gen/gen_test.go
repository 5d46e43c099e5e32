package main

import (
	"bytes"
	"os"
	"testing"
)

// TestUsageIsCurrent: the usage that package early embeds (what -help
// prints before ebiten starts) is what app.Usage prints now, so a new or
// changed parameter cannot leave -help stale.
func TestUsageIsCurrent(t *testing.T) {
	embedded, err := os.ReadFile("../usage.txt")
	if err != nil {
		t.Fatal(err)
	}
	if now := Text(); !bytes.Equal(embedded, now) {
		t.Errorf("internal/early/usage.txt is stale: run go generate ./internal/early\n--- embedded\n%s\n--- app.Usage\n%s", embedded, now)
	}
}
