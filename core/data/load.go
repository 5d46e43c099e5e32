package data

import (
	"fmt"
	"sync"
)

// The shipped image data sets, by the name Load takes. Their files sit in
// files/ with their licences and SHA256SUMS; `make data` (cmd/datagen)
// regenerates them from their sources.
var catalog = map[string]struct {
	File, Title string
}{
	// UCI optical recognition of handwritten digits, the test set that
	// scikit-learn ships: 1797 images of 8×8 pixels (0–16), 10 classes.
	// E. Alpaydin, C. Kaynak, 1998, CC BY 4.0.
	"digits": {"digits.gz", "UCI optical digits 8×8"},
	// The first 2000 images of the MNIST test set, 28×28 pixels (0–255),
	// 10 classes. Y. LeCun, C. Cortes, CC BY-SA 3.0.
	"mnist": {"mnist.gz", "MNIST 28×28 (first 2000 test images)"},
}

// Progress is told how many bytes of a file have arrived of how many
// (total −1 when unknown).
type Progress func(done, total int64)

// Fetcher returns the bytes of a shipped file (such as "digits.gz"),
// reporting progress as they arrive.
type Fetcher func(file string, progress Progress) ([]byte, error)

var (
	mu      sync.Mutex
	fetcher Fetcher // files_native.go or fetch_js.go sets the default
	loaded  = map[string]*loading{}
)

type loading struct {
	done chan struct{}
	im   *Images
	err  error
}

// SetFetcher replaces where Load gets its files: natively the copies
// embedded in the binary, in the browser an HTTP fetch of BaseURL + file.
// Tests use it; it does not clear what Load has already cached.
func SetFetcher(f Fetcher) {
	mu.Lock()
	defer mu.Unlock()
	fetcher = f
}

// Title returns a data set's name for people, "" for an unknown name.
func Title(name string) string { return catalog[name].Title }

// Load returns the named data set ("digits" or "mnist"), fetching and
// decoding it on first use; progress (may be nil) hears of the bytes as they
// arrive. Later calls return the same *Images at once: callers must not
// change it (Subset and Split copy). Concurrent first calls share one
// fetch. A failed load is not cached, so a later call tries again.
//
// In the browser the data are not inside app.wasm: Load fetches them from
// the server and blocks until they arrive, so call it from a goroutine of
// its own (never from a syscall/js callback) and poll for the result, as a
// scene's Update polls a channel while its Draw shows the progress.
func Load(name string, progress Progress) (*Images, error) {
	entry, ok := catalog[name]
	if !ok {
		return nil, fmt.Errorf("data: no data set %q (have %v)", name, Names())
	}
	mu.Lock()
	l, started := loaded[name]
	if !started {
		l = &loading{done: make(chan struct{})}
		loaded[name] = l
	}
	f := fetcher
	mu.Unlock()
	if started {
		<-l.done
		return l.im, l.err
	}
	if progress == nil {
		progress = func(int64, int64) {}
	}
	var raw []byte
	if f == nil {
		l.err = fmt.Errorf("data: no way to fetch %s on this platform", entry.File)
	} else if raw, l.err = f(entry.File, progress); l.err == nil {
		l.im, l.err = DecodeImages(name, raw)
	}
	if l.err != nil {
		mu.Lock()
		delete(loaded, name)
		mu.Unlock()
	}
	close(l.done)
	return l.im, l.err
}
