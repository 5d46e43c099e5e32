// Package static holds the web page of the lab (index.html, style.css,
// loader.js, aelab.js; the build adds app.wasm, app.wasm.gz and
// wasm_exec.js) and the handler that serves it, used by `make serve` and by
// the browser tests.
package static

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Policy is the page's Content-Security-Policy: everything from the page's
// own origin, nothing inline, no string evaluation. WebAssembly needs
// 'wasm-unsafe-eval' to compile app.wasm (and nothing more: it does not
// allow eval). data: images are aelab.screenshot()'s PNG URLs, should a
// page show one. index.html carries the same policy in a <meta> element, so
// the page keeps it wherever it is served; a test checks the two agree.
const Policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

// FrameAncestors says who may show the lab in a frame: only the lab's own
// origin, as `make serve` runs it on a teacher's laptop. It goes only in
// the header, as browsers ignore (and complain about) frame-ancestors in a
// <meta> policy; a course site that embeds the lab in an iframe needs its
// own origin here, which its deployment sets.
const FrameAncestors = "frame-ancestors 'self'"

// served lists what the handler gives out; nothing else in the folder (the
// Go sources, the tests) is served.
var served = map[string]string{
	"index.html":   "text/html; charset=utf-8",
	"style.css":    "text/css; charset=utf-8",
	"noscript.css": "text/css; charset=utf-8",
	"loader.js":    "text/javascript; charset=utf-8",
	"aelab.js":     "text/javascript; charset=utf-8",
	"wasm_exec.js": "text/javascript; charset=utf-8",
	"app.wasm":     "application/wasm",
	"app.wasm.gz":  "application/gzip",
	"favicon.svg":  "image/svg+xml",
	"preview.png":  "image/png", // the link preview (og:image in index.html)
}

// Handler serves the page in dir, to GET and HEAD only (it is a folder of
// files: anything else gets 405 with Allow). Every response carries the
// security headers and Vary: Accept-Encoding (app.wasm's bytes depend on
// it, and a cache must not give gzip to a client that refused it).
// app.wasm goes out precompressed (app.wasm.gz, Content-Encoding: gzip) to
// a client whose Accept-Encoding admits gzip, with its decoded size in
// X-Decoded-Length; others get it as is. The loader asks for app.wasm.gz
// itself, which goes out as a file (application/gzip, no
// Content-Encoding), as a plain static host sends it: the loader counts
// the bytes that cross the network and unpacks them (loader.js).
// /index.html is the page itself, not a redirect to /: a shared link
// index.html?scene=… keeps working, query and all. The data sets in
// dir/data (data/NAME.gz, copied there by `make web`) go out as they are,
// application/gzip without Content-Encoding: the lab decompresses them
// itself and counts their bytes for its progress (core/data).
func Handler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		SecurityHeaders(h)
		h.Set("Vary", "Accept-Encoding")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "405 method not allowed: this server only gives out the lab's files (GET, HEAD)", http.StatusMethodNotAllowed)
			return
		}
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
		h.Set("Content-Type", ctype)
		h.Set("Cache-Control", "no-cache")
		if name == "app.wasm" && AcceptsGzip(r.Header.Get("Accept-Encoding")) {
			if raw, err := os.Stat(path); err == nil && serveFile(w, r, path+".gz", func() {
				h.Set("Content-Encoding", "gzip")
				h.Set("X-Decoded-Length", strconv.FormatInt(raw.Size(), 10))
			}) {
				return
			}
		}
		if !serveFile(w, r, path, nil) {
			http.NotFound(w, r)
		}
	})
}

// SecurityHeaders sets the headers every response of the lab carries: the
// Content-Security-Policy (Policy and FrameAncestors), no MIME sniffing
// (a file is what its Content-Type says), and no Referer to anywhere (the
// lab links nowhere, and a link's query is the teacher's setting).
func SecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", Policy+"; "+FrameAncestors)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// serveFile serves the regular file at path, with conditional requests,
// ranges and HEAD as http.ServeContent does them (and none of ServeFile's
// redirects), after before sets its headers. It reports false, having
// written nothing, when there is no such file.
func serveFile(w http.ResponseWriter, r *http.Request, path string, before func()) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	if before != nil {
		before()
	}
	http.ServeContent(w, r, filepath.Base(path), st.ModTime(), f)
	return true
}

// AcceptsGzip reports whether an Accept-Encoding header admits gzip
// (RFC 9110, section 12.5.3): gzip (or its alias x-gzip) named with a
// q-value above 0, or, when neither is named, * with one. "gzip;q=0"
// refuses it. An absent or empty header admits only identity here: the
// uncompressed file suits every client.
func AcceptsGzip(header string) bool {
	gzipQ, anyQ := -1.0, -1.0
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		q, ok := qValue(params)
		if !ok {
			continue // a malformed entry admits nothing
		}
		switch strings.ToLower(strings.TrimSpace(coding)) {
		case "gzip", "x-gzip":
			gzipQ = max(gzipQ, q)
		case "*":
			anyQ = max(anyQ, q)
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return anyQ > 0
}

// qValue reads the weight among an Accept-Encoding entry's parameters
// ("q=0.5"; 1 when absent). It reports false for a weight that is not a
// number in [0, 1].
func qValue(params string) (float64, bool) {
	for _, p := range strings.Split(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || !(q >= 0 && q <= 1) {
			return 0, false
		}
		return q, true
	}
	return 1, true
}
