package data

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readShipped reads a file of files/ from disk: the shipped bytes
// themselves, under node too.
func readShipped(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("files", name))
	if err != nil {
		t.Fatalf("shipped file: %v", err)
	}
	return b
}

// TestShippedFiles: the data files are those SHA256SUMS records (which
// `make data` checks against their sources), and their licences and
// attributions sit beside them.
func TestShippedFiles(t *testing.T) {
	sums := map[string]string{}
	for _, line := range strings.Split(string(readShipped(t, "SHA256SUMS")), "\n") {
		if h, name, ok := strings.Cut(line, "  "); ok && !strings.HasPrefix(line, "#") {
			sums[name] = h
		}
	}
	total := 0
	for _, name := range Names() {
		file := catalog[name].File
		b := readShipped(t, file)
		total += len(b)
		h := sha256.Sum256(b)
		if got, want := hex.EncodeToString(h[:]), sums[file]; got != want {
			t.Errorf("%s: sha256 %s, SHA256SUMS records %q", file, got, want)
		}
		for _, src := range []string{"source/", ":content"} {
			found := false
			for k := range sums {
				found = found || strings.Contains(k, src)
			}
			if !found {
				t.Errorf("SHA256SUMS records no %s checksum", src)
			}
		}
	}
	// DESIGN.md: the data files ≤ 600 KB gzipped together.
	if total > 600_000 {
		t.Errorf("data files are %d bytes together, over the 600 kB budget", total)
	}
	for _, l := range []struct{ file, licence, author string }{
		{"LICENSE-digits.txt", "CC BY 4.0", "Alpaydin"},
		{"LICENSE-mnist.txt", "CC BY-SA 3.0", "LeCun"},
	} {
		text := string(readShipped(t, l.file))
		if !strings.Contains(text, l.licence) || !strings.Contains(text, l.author) ||
			!strings.Contains(text, "creativecommons.org/licenses/") {
			t.Errorf("%s lacks its licence %q, its link or the attribution to %s", l.file, l.licence, l.author)
		}
	}
}

// diskFetcher reads files/ as Load's source: under node, where the
// browser's fetch has no page to resolve data/ against.
func diskFetcher(file string, progress Progress) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join("files", file))
	if err == nil {
		progress(int64(len(b)), int64(len(b)))
	}
	return b, err
}

func load(t *testing.T, name string) *Images {
	t.Helper()
	if isJS {
		SetFetcher(diskFetcher)
	}
	im, err := Load(name, nil)
	if err != nil {
		t.Fatal(err)
	}
	return im
}

func TestLoadDigits(t *testing.T) {
	im := load(t, "digits")
	if im.N() != 1797 || im.W != 8 || im.H != 8 || im.X.D != 64 || im.Classes != 10 || im.Levels != 16 {
		t.Fatalf("digits: %d images of %d×%d (D %d), %d classes, levels %d; want 1797 of 8×8, 10 classes, 16",
			im.N(), im.W, im.H, im.X.D, im.Classes, im.Levels)
	}
	// The class sizes of the UCI test set (scikit-learn's digits.rst).
	if got, want := im.ClassCounts(), []int{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}; !slices.Equal(got, want) {
		t.Errorf("digits class counts %v, want %v", got, want)
	}
	// The first row of the first image, a 0, in digits.csv.gz: 0,0,5,13,9,1,0,0.
	for i, v := range []float64{0, 0, 5, 13, 9, 1, 0, 0} {
		if got := im.X.At(0)[i]; got != v/16 {
			t.Errorf("digits image 0 pixel %d = %g, want %g/16", i, got, v)
		}
	}
	if im.Labels[0] != 0 || im.Labels[1] != 1 {
		t.Errorf("digits labels start %v, want 0 1", im.Labels[:2])
	}
	if again, _ := Load("digits", nil); again != im {
		t.Error("a second Load fetched again instead of returning the cached set")
	}
}

func TestLoadMNIST(t *testing.T) {
	im := load(t, "mnist")
	if im.N() != 2000 || im.W != 28 || im.H != 28 || im.Classes != 10 || im.Levels != 255 {
		t.Fatalf("mnist: %d images of %d×%d, %d classes, levels %d; want 2000 of 28×28, 10, 255",
			im.N(), im.W, im.H, im.Classes, im.Levels)
	}
	// The MNIST test set begins 7 2 1 0 4 1 4 9 5 9.
	if got, want := im.Labels[:10], []int{7, 2, 1, 0, 4, 1, 4, 9, 5, 9}; !slices.Equal(got, want) {
		t.Errorf("mnist labels start %v, want %v", got, want)
	}
	lo, hi := 1.0, 0.0
	for _, v := range im.X.X {
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo != 0 || hi != 1 {
		t.Errorf("mnist pixels in [%g, %g], want [0, 1]", lo, hi)
	}
	for c, n := range im.ClassCounts() {
		if n < 150 { // about 200 each in the first 2000
			t.Errorf("mnist class %d has %d images in the subset", c, n)
		}
	}
}

func TestLoadUnknown(t *testing.T) {
	if _, err := Load("cifar", nil); err == nil {
		t.Error("Load of an unknown name gave no error")
	}
}

func TestSplitIsStratifiedAndSeeded(t *testing.T) {
	im := load(t, "digits")
	train, test := im.Split(0.25, rand.New(rand.NewPCG(1, 2)))
	if train.N()+test.N() != im.N() {
		t.Fatalf("split %d + %d of %d images", train.N(), test.N(), im.N())
	}
	all, trc, tec := im.ClassCounts(), train.ClassCounts(), test.ClassCounts()
	for c := range all {
		if want := int(0.25*float64(all[c]) + 0.5); tec[c] != want || trc[c] != all[c]-want {
			t.Errorf("class %d: %d train, %d test of %d, want %d test", c, trc[c], tec[c], all[c], want)
		}
	}
	// Every image lands in exactly one part: compare pixel sums as a
	// fingerprint multiset.
	fp := func(sets ...*Images) []float64 {
		var f []float64
		for _, s := range sets {
			for n := 0; n < s.N(); n++ {
				sum := float64(s.Labels[n]) * 1000
				for i, v := range s.X.At(n) {
					sum += v * float64(i+1)
				}
				f = append(f, sum)
			}
		}
		slices.Sort(f)
		return f
	}
	if !slices.Equal(fp(train, test), fp(im)) {
		t.Error("train ∪ test is not the data set")
	}
	_, again := im.Split(0.25, rand.New(rand.NewPCG(1, 2)))
	_, other := im.Split(0.25, rand.New(rand.NewPCG(2, 2)))
	if !slices.Equal(again.X.X, test.X.X) {
		t.Error("the same seed gave another split")
	}
	if slices.Equal(other.X.X, test.X.X) {
		t.Error("another seed gave the same split")
	}
}

func TestDecodeRejectsDamage(t *testing.T) {
	good := readShipped(t, "digits.gz")
	for _, b := range [][]byte{nil, good[:len(good)/2], []byte("not gzip at all")} {
		if _, err := DecodeImages("bad", b); err == nil {
			t.Errorf("DecodeImages accepted %d damaged bytes", len(b))
		}
	}
}

// A host that labels digits.gz with Content-Encoding: gzip has the browser
// unpack it before fetch() returns: the unpacked bytes decode the same.
func TestDecodeAcceptsUnpacked(t *testing.T) {
	gz := readShipped(t, "digits.gz")
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	a, err := DecodeImages("digits", gz)
	if err != nil {
		t.Fatal(err)
	}
	b, err := DecodeImages("digits", raw)
	if err != nil {
		t.Fatalf("unpacked file: %v", err)
	}
	if a.N() != b.N() || !slices.Equal(a.X.X, b.X.X) || !slices.Equal(a.Labels, b.Labels) {
		t.Error("the unpacked file decodes to other images")
	}
}
