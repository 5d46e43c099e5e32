// Package static holds the web page of the lab (index.html, style.css; the
// build adds app.wasm, app.wasm.gz and wasm_exec.js) and the handler that
// serves it, used by `make serve` and by the browser tests.
package static

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// served lists what the handler gives out; nothing else in the folder (the
// Go sources, the tests) is served.
var served = map[string]string{
	"index.html":   "text/html; charset=utf-8",
	"style.css":    "text/css; charset=utf-8",
	"wasm_exec.js": "text/javascript; charset=utf-8",
	"app.wasm":     "application/wasm",
}

// Handler serves the page in dir. app.wasm goes out precompressed
// (app.wasm.gz, Content-Encoding: gzip) to browsers that accept gzip, with
// its decoded size in X-Decoded-Length for the loader's progress bar. The
// data sets in dir/data (data/NAME.gz, copied there by `make web`) go out as
// they are, application/gzip without Content-Encoding: the lab decompresses
// them itself and counts their bytes for its progress (core/data).
func Handler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" {
			name = "index.html"
		}
		if file, ok := strings.CutPrefix(name, "data/"); ok && strings.HasSuffix(file, ".gz") && !strings.ContainsAny(file, "/\\") && !strings.HasPrefix(file, ".") {
			h := w.Header()
			h.Set("Content-Type", "application/gzip")
			h.Set("Cache-Control", "no-cache")
			http.ServeFile(w, r, filepath.Join(dir, "data", file))
			return
		}
		ctype, ok := served[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		path := filepath.Join(dir, name)
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Cache-Control", "no-cache")
		if name == "app.wasm" && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			if gz, err := os.Stat(path + ".gz"); err == nil && !gz.IsDir() {
				if raw, err := os.Stat(path); err == nil {
					h.Set("X-Decoded-Length", strconv.FormatInt(raw.Size(), 10))
				}
				h.Set("Content-Encoding", "gzip")
				h.Set("Vary", "Accept-Encoding")
				http.ServeFile(w, r, path+".gz")
				return
			}
		}
		http.ServeFile(w, r, path)
	})
}
