//go:build js

package datatest

import (
	"errors"
	"os"
	"path/filepath"

	"aelab/core/data"
)

// Under node the tests read the shipped files from disk: core/data/files,
// found from the test's folder (go test runs it in its package's folder)
// by walking up to the module's root.
func init() {
	data.SetFetcher(func(file string, progress data.Progress) ([]byte, error) {
		dir, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				b, err := os.ReadFile(filepath.Join(dir, "core", "data", "files", file))
				if err == nil {
					progress(int64(len(b)), int64(len(b)))
				}
				return b, err
			}
			up := filepath.Dir(dir)
			if up == dir {
				return nil, errors.New("datatest: no go.mod above the test's folder")
			}
			dir = up
		}
	})
}
