// Command dist writes the deployable build of Autoencoder Lab: a folder
// that any static host serves as it is (GitHub Pages, a course web site,
// a folder behind an iframe), and the same as a ZIP, as `make dist` runs
// it:
//
//	go run ./cmd/dist -src static -out dist -zip dist.zip -gz zopfli
//
// From the web build in -src (make web's app.wasm, wasm_exec.js and data/
// beside the page's own files) it writes:
//   - each file the page loads under a name with its content's hash
//     (app.3f2a91c0d4.wasm, loader.8be0….js), so that a host may let
//     browsers keep them for a year: a new build has new names;
//   - index.html pointing at those names, with the program's sizes for the
//     loader's progress bar, and sw.js, the service worker that keeps the
//     files for offline use (static/sw.js after the build's file list);
//   - a gzip twin (NAME.gz) of every file that packs, for hosts that send
//     pre-compressed files; the loader fetches the program's twin itself,
//     so even a host that compresses nothing sends 3–4 MB, not 14;
//   - _headers, the caching and security headers in the form Netlify and
//     Cloudflare Pages read (other hosts ignore it);
//   - data/, the data sets as make web copies them (core/data fetches
//     data/NAME.gz relative to the page: their names stay).
//
// -gz zopfli packs best (a few percent under gzip -9, about a minute for
// the program); -gz gzip packs with Go's gzip at its best level in a
// second, for tests and a quick look.
package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"aelab/static"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

// hashed are the files index.html loads, in the attribute that names each:
// they get hashed names. The page itself and sw.js keep theirs (a browser
// must find them under a known address).
var hashed = []struct{ name, attr string }{
	{"style.css", `href="style.css"`},
	{"favicon.svg", `href="favicon.svg"`},
	{"noscript.css", `href="noscript.css"`},
	{"wasm_exec.js", `src="wasm_exec.js"`},
	{"aelab.js", `src="aelab.js"`},
	{"loader.js", `src="loader.js"`},
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("dist", flag.ContinueOnError)
	src := fs.String("src", "static", "the web build (make web)")
	dst := fs.String("out", "dist", "folder to write (replaced)")
	zipPath := fs.String("zip", "", "also write the folder as this ZIP file")
	gz := fs.String("gz", "zopfli", "gzip twins with zopfli (best) or gzip (Go's, best level; fast)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	pack, err := packer(*gz)
	if err != nil {
		return err
	}
	b := &build{files: map[string][]byte{}}
	page, err := os.ReadFile(filepath.Join(*src, "index.html"))
	if err != nil {
		return err
	}
	html := string(page)
	wasm, err := os.ReadFile(filepath.Join(*src, "app.wasm"))
	if err != nil {
		return fmt.Errorf("%w: build it first with `make web`", err)
	}
	wasmName := b.addHashed("app.wasm", wasm)
	wasmGz, err := pack(wasm)
	if err != nil {
		return err
	}
	b.files[wasmName+".gz"] = wasmGz
	for _, h := range hashed {
		data, err := os.ReadFile(filepath.Join(*src, h.name))
		if err != nil {
			return err
		}
		name := b.addHashed(h.name, data)
		if strings.Count(html, h.attr) != 1 {
			return fmt.Errorf("index.html: want %s once, to rename it", h.attr)
		}
		attr := strings.Replace(h.attr, h.name, name, 1)
		if h.name == "loader.js" {
			attr += fmt.Sprintf(` data-wasm="%s" data-size="%d" data-gz-size="%d" data-sw="sw.js"`, wasmName, len(wasm), len(wasmGz))
		}
		html = strings.Replace(html, h.attr, attr, 1)
	}
	b.files["index.html"] = []byte(html)
	datasets, err := filepath.Glob(filepath.Join(*src, "data", "*.gz"))
	if err != nil {
		return err
	}
	if len(datasets) == 0 {
		return fmt.Errorf("%s/data has no data sets: build it first with `make web`", *src)
	}
	for _, f := range datasets {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		b.files["data/"+filepath.Base(f)] = data
	}
	// the link preview keeps its name: index.html's og:image names it, and
	// a link scraper reads it long after a build
	preview, err := os.ReadFile(filepath.Join(*src, "preview.png"))
	if err != nil {
		return err
	}
	b.files["preview.png"] = preview
	sw, err := os.ReadFile(filepath.Join(*src, "sw.js"))
	if err != nil {
		return err
	}
	b.files["sw.js"] = b.serviceWorker(sw)
	b.files["_headers"] = b.headers()
	for _, name := range b.names() {
		if !packs(name) {
			continue
		}
		if _, ok := b.files[name+".gz"]; ok {
			continue
		}
		z, err := pack(b.files[name])
		if err != nil {
			return err
		}
		b.files[name+".gz"] = z
	}
	if err := b.write(*dst); err != nil {
		return err
	}
	if *zipPath != "" {
		if err := b.zip(*zipPath); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "dist: %s (%d files; program %s, %.1f MB, %.2f MB packed)\n",
		*dst, len(b.files), wasmName, float64(len(wasm))/1e6, float64(len(wasmGz))/1e6)
	return nil
}

type build struct {
	files  map[string][]byte
	hashed []string // the hashed names, which never change under their name
}

// addHashed adds data as name with its content's hash before the
// extension (app.wasm → app.0123456789.wasm) and returns the new name.
func (b *build) addHashed(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	n := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	b.files[n] = data
	b.hashed = append(b.hashed, n)
	return n
}

func (b *build) names() []string {
	names := make([]string, 0, len(b.files))
	for n := range b.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// version is the build's hash: that of its hashed names, which change with
// any file's content.
func (b *build) version() string {
	sum := sha256.Sum256([]byte(strings.Join(b.hashed, "\n")))
	return hex.EncodeToString(sum[:5])
}

// serviceWorker is static/sw.js after the build's VERSION and FILES: the
// page ("./") and everything it loads, the program by its gzip twin (what
// the loader fetches) and the data sets.
func (b *build) serviceWorker(src []byte) []byte {
	files := []string{"./"}
	for _, n := range b.hashed {
		if strings.HasSuffix(n, ".wasm") {
			n += ".gz"
		}
		files = append(files, n)
	}
	for _, n := range b.names() {
		if strings.HasPrefix(n, "data/") {
			files = append(files, n)
		}
	}
	list, _ := json.Marshal(files)
	return fmt.Appendf(nil, "// make dist: this build's hash and files.\nconst VERSION = %q;\nconst FILES = %s;\n\n%s", b.version(), list, src)
}

// headers is _headers for hosts that read it (Netlify, Cloudflare Pages):
// the hashed files for a year, the page, sw.js and the data sets checked
// on each visit; the security headers of make serve (static.Handler),
// without frame-ancestors so that any course site may show the lab in an
// iframe.
func (b *build) headers() []byte {
	var s strings.Builder
	fmt.Fprintf(&s, "/*\n  Content-Security-Policy: %s\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n", static.Policy)
	// Cache-Control only on rules that match apart: a host combines the
	// headers of every rule a path matches.
	for _, p := range []string{"/", "/index.html", "/sw.js", "/data/*"} {
		fmt.Fprintf(&s, "%s\n  Cache-Control: no-cache\n", p)
	}
	for _, n := range b.hashed {
		fmt.Fprintf(&s, "/%s\n  Cache-Control: public, max-age=31536000, immutable\n", n)
		if strings.HasSuffix(n, ".wasm") {
			fmt.Fprintf(&s, "/%s.gz\n  Cache-Control: public, max-age=31536000, immutable\n", n)
		}
	}
	return []byte(s.String())
}

// packs reports whether name gets a gzip twin: text and the program, not
// what is packed already.
func packs(name string) bool {
	return !strings.HasSuffix(name, ".gz") && name != "_headers"
}

func (b *build) write(dst string) error {
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	for _, n := range b.names() {
		p := filepath.Join(dst, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b.files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// zip writes the folder's files under autoencoder-lab/ (unzipping gives
// one folder), the packed ones stored as they are.
func (b *build) zip(p string) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range b.names() {
		method := zip.Deflate
		if strings.HasSuffix(n, ".gz") {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "autoencoder-lab/" + n, Method: method})
		if err != nil {
			return err
		}
		if _, err := w.Write(b.files[n]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(p, buf.Bytes(), 0o644)
}

// packer returns the gzip writer -gz names.
func packer(kind string) (func([]byte) ([]byte, error), error) {
	switch kind {
	case "gzip":
		return func(data []byte) ([]byte, error) {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(data)
			err := zw.Close()
			return buf.Bytes(), err
		}, nil
	case "zopfli":
		if _, err := exec.LookPath("zopfli"); err != nil {
			return nil, errors.New("zopfli is not installed (Debian: apt-get install zopfli); or use gzip: make dist DISTGZ=gzip")
		}
		return func(data []byte) ([]byte, error) {
			// One iteration for the program: each more costs about a
			// minute on 14 MB for a fraction of a percent.
			args := []string{"-c"}
			if len(data) > 1<<20 {
				args = append(args, "--i1")
			}
			f, err := os.CreateTemp("", "aelab-dist-*")
			if err != nil {
				return nil, err
			}
			defer os.Remove(f.Name())
			if _, err := f.Write(data); err != nil {
				f.Close()
				return nil, err
			}
			f.Close()
			var out, errOut bytes.Buffer
			cmd := exec.Command("zopfli", append(args, f.Name())...)
			cmd.Stdout, cmd.Stderr = &out, &errOut
			if err := cmd.Run(); err != nil {
				return nil, fmt.Errorf("zopfli: %v %s", err, errOut.String())
			}
			return out.Bytes(), nil
		}, nil
	}
	return nil, fmt.Errorf("-gz %q: want zopfli or gzip", kind)
}
