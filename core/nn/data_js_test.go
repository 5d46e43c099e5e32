//go:build js

package nn

import (
	"os"
	"path/filepath"

	"aelab/core/data"
)

// Under node there is no page to fetch data/ from: the tests read the
// shipped files from disk instead.
func init() {
	data.SetFetcher(func(file string, progress data.Progress) ([]byte, error) {
		return os.ReadFile(filepath.Join("..", "data", "files", file))
	})
}
