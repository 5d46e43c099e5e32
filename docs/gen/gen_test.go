package main

import (
	"bytes"
	"os"
	"testing"
)

// TestDocsAreCurrent: docs/parameters.md is what the declarations give
// now, so a new or changed parameter or metric cannot leave it stale.
func TestDocsAreCurrent(t *testing.T) {
	written, err := os.ReadFile("../parameters.md")
	if err != nil {
		t.Fatal(err)
	}
	if now := Text(); !bytes.Equal(written, now) {
		t.Errorf("docs/parameters.md is stale: run go generate ./docs\n--- now\n%s", now)
	}
}
