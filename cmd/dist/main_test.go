package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestDist builds from the real page (../../static's index.html and its
// files) with a stand-in program, and checks what a static host gets: every
// file the page names exists under its hashed name with its gzip twin, the
// loader is told the program's sizes, the service worker lists every file,
// and the ZIP holds the same files.
func TestDist(t *testing.T) {
	src := t.TempDir()
	for _, name := range []string{"index.html", "style.css", "noscript.css", "favicon.svg", "preview.png", "loader.js", "aelab.js", "sw.js"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "static", name))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(src, name), b)
	}
	program := bytes.Repeat([]byte("\x00asm stand-in "), 1000)
	write(t, filepath.Join(src, "app.wasm"), program)
	write(t, filepath.Join(src, "wasm_exec.js"), []byte("// go"))
	write(t, filepath.Join(src, "data", "digits.gz"), []byte("\x1f\x8bdigits"))
	out := filepath.Join(t.TempDir(), "dist")
	zipPath := filepath.Join(t.TempDir(), "dist.zip")
	var log bytes.Buffer
	if err := run([]string{"-src", src, "-out", out, "-zip", zipPath, "-gz", "gzip"}, &log); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(out, "index.html"))
	refs := regexp.MustCompile(`(?:src|href)="([^":]+)"`).FindAllStringSubmatch(page, -1)
	if len(refs) != 6 {
		t.Fatalf("index.html names %d files, want 6: %q", len(refs), refs)
	}
	for _, m := range refs {
		name := m[1]
		if !regexp.MustCompile(`^[a-z_]+\.[0-9a-f]{10}\.(js|css|svg)$`).MatchString(name) {
			t.Errorf("index.html names %q, want a hashed name", name)
		}
		if _, err := os.Stat(filepath.Join(out, name+".gz")); err != nil {
			t.Errorf("%s has no gzip twin: %v", name, err)
		}
	}
	m := regexp.MustCompile(`data-wasm="(app\.[0-9a-f]{10}\.wasm)" data-size="(\d+)" data-gz-size="(\d+)" data-sw="sw.js"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the loader's element does not name the program and its sizes: %s", page)
	}
	twin := read(t, filepath.Join(out, m[1]+".gz"))
	zr, err := gzip.NewReader(strings.NewReader(twin))
	if err != nil {
		t.Fatal(err)
	}
	unpacked, _ := io.ReadAll(zr)
	if !bytes.Equal(unpacked, program) || m[2] != strconv.Itoa(len(program)) || m[3] != strconv.Itoa(len(twin)) {
		t.Errorf("the program's twin unpacks to %d bytes (want %d), sizes %s/%s (want %d/%d)",
			len(unpacked), len(program), m[2], m[3], len(program), len(twin))
	}
	sw := read(t, filepath.Join(out, "sw.js"))
	for _, want := range append([]string{`"./"`, `"` + m[1] + `.gz"`, `"data/digits.gz"`}, quoted(refs)...) {
		if !strings.Contains(sw, want) {
			t.Errorf("sw.js does not keep %s", want)
		}
	}
	headers := read(t, filepath.Join(out, "_headers"))
	if !strings.Contains(headers, "/"+m[1]+".gz\n  Cache-Control: public, max-age=31536000, immutable") {
		t.Errorf("_headers does not cache the program for long:\n%s", headers)
	}
	zf, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zf.Close()
	var files int
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
		}
		return err
	})
	if len(zf.File) != files || !strings.HasPrefix(zf.File[0].Name, "autoencoder-lab/") {
		t.Errorf("the ZIP holds %d files (first %q), the folder %d", len(zf.File), zf.File[0].Name, files)
	}
}

func quoted(refs [][]string) []string {
	var q []string
	for _, m := range refs {
		q = append(q, `"`+m[1]+`"`)
	}
	return q
}

func write(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
