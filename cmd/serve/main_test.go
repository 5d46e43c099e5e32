package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"aelab/static"
)

// The server of `make serve`: what it answers, with which headers, and how
// it starts. The tests serve a folder of small stand-in files, so they need
// no web build.

// wasmBytes stands in for app.wasm: the handler serves bytes, whatever
// they are.
var wasmBytes = bytes.Repeat([]byte("\x00asm not really a program "), 400)

// site writes a stand-in static folder and returns it.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(wasmBytes)
	zw.Close()
	files := map[string][]byte{
		"index.html":   []byte("<!doctype html><title>lab</title>"),
		"style.css":    []byte("body{}"),
		"loader.js":    []byte("// loader"),
		"aelab.js":     []byte("// aelab"),
		"wasm_exec.js": []byte("// go"),
		"app.wasm":     wasmBytes,
		"app.wasm.gz":  gz.Bytes(),
		"secret.go":    []byte("package secret"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// serve starts make serve's handler and server settings on a test port.
func serve(t *testing.T) *httptest.Server {
	t.Helper()
	h := static.Handler(site(t))
	ts := httptest.NewUnstartedServer(h)
	ts.Config = newServer(h, serverTimeouts)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

// do sends a request with the given method and headers (name, value, …)
// and returns the response with its body read. The client asks for no
// compression of its own, so Accept-Encoding is exactly what is given.
func do(t *testing.T, ts *httptest.Server, method, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestOnlyGetAndHead(t *testing.T) {
	ts := serve(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS"} {
		resp, _ := do(t, ts, m, "/index.html")
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /index.html: %s, Allow %q; want 405 with Allow: GET, HEAD", m, resp.Status, resp.Header.Get("Allow"))
		}
	}
	resp, body := do(t, ts, "HEAD", "/app.wasm")
	if resp.StatusCode != http.StatusOK || len(body) != 0 || resp.ContentLength != int64(len(wasmBytes)) {
		t.Errorf("HEAD /app.wasm: %s, %d bytes of body, Content-Length %d; want 200, none, %d",
			resp.Status, len(body), resp.ContentLength, len(wasmBytes))
	}
	resp, body = do(t, ts, "GET", "/")
	if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("<title>lab")) {
		t.Errorf("GET /: %s %q", resp.Status, body)
	}
	// The loader asks for the gzip twin by name: it goes out as a file, as
	// a plain static host sends it, so the loader counts the bytes sent.
	resp, body = do(t, ts, "GET", "/app.wasm.gz", "Accept-Encoding", "gzip")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != "" ||
		resp.Header.Get("Content-Type") != "application/gzip" || !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		t.Errorf("GET /app.wasm.gz: %s, Content-Encoding %q, Content-Type %q; want 200, none, application/gzip, the gzip file",
			resp.Status, resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"))
	}
}

// TestOnlyThePage: nothing beside the page's own files is given out.
func TestOnlyThePage(t *testing.T) {
	ts := serve(t)
	for _, path := range []string{"/secret.go", "/app.wasm.gz.tmp", "/../main.go", "/static/index.html", "/index.html/"} {
		if resp, _ := do(t, ts, "GET", path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s, want 404", path, resp.Status)
		}
	}
}

func TestAcceptEncoding(t *testing.T) {
	ts := serve(t)
	for _, c := range []struct {
		header string
		gzip   bool
	}{
		{"", false},
		{"gzip", true},
		{"gzip, deflate, br, zstd", true}, // Chromium's
		{"GZIP", true},
		{"x-gzip", true},
		{"gzip;q=0", false},
		{"gzip; q=0.000", false},
		{"gzip;q=0.5, identity", true},
		{"br;q=1, gzip;q=0", false},
		{"identity", false},
		{"*", true},
		{"*;q=0", false},
		{"*, gzip;q=0", false}, // gzip named: its own weight counts
		{"gzip;q=abc", false},  // malformed: admits nothing
		{"gzip;q=2", false},    // out of [0, 1]
		{"deflate", false},
		{"gzipped", false},
	} {
		resp, body := do(t, ts, "GET", "/app.wasm", "Accept-Encoding", c.header)
		gzipped := resp.Header.Get("Content-Encoding") == "gzip"
		if resp.StatusCode != http.StatusOK || gzipped != c.gzip {
			t.Errorf("Accept-Encoding %q: %s, Content-Encoding %q; want gzip %v",
				c.header, resp.Status, resp.Header.Get("Content-Encoding"), c.gzip)
			continue
		}
		if v := resp.Header.Get("Vary"); v != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary %q, want Accept-Encoding", c.header, v)
		}
		got := body
		if gzipped {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("Accept-Encoding %q: %v", c.header, err)
			}
			if got, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
			if n, _ := strconv.Atoi(resp.Header.Get("X-Decoded-Length")); n != len(wasmBytes) {
				t.Errorf("X-Decoded-Length %q, want %d", resp.Header.Get("X-Decoded-Length"), len(wasmBytes))
			}
		}
		if !bytes.Equal(got, wasmBytes) {
			t.Errorf("Accept-Encoding %q: the body is not app.wasm", c.header)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("Accept-Encoding %q: Content-Type %q", c.header, ct)
		}
	}
}

// TestHeadersOnEveryResponse: Vary and the security headers go with every
// answer, a page, a program, an error.
func TestHeadersOnEveryResponse(t *testing.T) {
	ts := serve(t)
	want := map[string]string{
		"Vary":                    "Accept-Encoding",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"Content-Security-Policy": static.Policy + "; " + static.FrameAncestors,
	}
	for _, c := range []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/index.html?scene=pca"}, {"GET", "/style.css"}, {"GET", "/loader.js"},
		{"GET", "/app.wasm"}, {"HEAD", "/app.wasm"}, {"GET", "/nothing"}, {"POST", "/"},
	} {
		resp, _ := do(t, ts, c.method, c.path, "Accept-Encoding", "gzip")
		for k, v := range want {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s %s (%s): %s %q, want %q", c.method, c.path, resp.Status, k, got, v)
			}
		}
	}
	csp := want["Content-Security-Policy"]
	for _, d := range []string{"script-src 'self' 'wasm-unsafe-eval'", "default-src 'self'", "frame-ancestors 'self'"} {
		if !strings.Contains(csp, d) {
			t.Errorf("the policy lacks %q: %s", d, csp)
		}
	}
	if strings.Contains(csp, "'unsafe-eval'") || strings.Contains(csp, "'unsafe-inline'") {
		t.Errorf("the policy allows eval or inline code: %s", csp)
	}
}

// TestPageCarriesThePolicy: index.html's <meta> policy is the header's
// but frame-ancestors (which a <meta> policy cannot carry), so the page is
// as strict wherever it is served.
func TestPageCarriesThePolicy(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "static", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindSubmatch(page)
	if m == nil {
		t.Fatal("static/index.html has no Content-Security-Policy <meta>")
	}
	if got := string(m[1]); got != static.Policy {
		t.Errorf("index.html's policy\n  %s\nis not the server's\n  %s", got, static.Policy)
	}
	if bytes.Contains(page, []byte("<script>")) || regexp.MustCompile(`\son[a-z]+=`).Match(page) {
		t.Error("index.html has inline script, which the policy blocks")
	}
}

// TestIndexKeepsTheQuery: a link to index.html?… is the page itself, not
// a permanent redirect that a browser would remember.
func TestIndexKeepsTheQuery(t *testing.T) {
	ts := serve(t)
	for _, path := range []string{"/index.html?scene=pca&lr=0.1", "/?scene=pca&lr=0.1", "/index.html"} {
		resp, body := do(t, ts, "GET", path)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Location") != "" || !bytes.Contains(body, []byte("<title>lab")) {
			t.Errorf("GET %s: %s Location %q, want the page (200)", path, resp.Status, resp.Header.Get("Location"))
		}
	}
}

// TestHalfSentHeaderIsDropped: a client that stops halfway through its
// request header loses the connection after the header timeout instead of
// holding it open. The timeout here is shortened to keep the test short;
// what is checked is that the server hangs up, not how fast.
func TestHalfSentHeaderIsDropped(t *testing.T) {
	if serverTimeouts.header <= 0 || serverTimeouts.read <= 0 || serverTimeouts.write <= 0 || serverTimeouts.idle <= 0 {
		t.Fatalf("make serve's server has an unbounded timeout: %+v", serverTimeouts)
	}
	h := static.Handler(site(t))
	ts := httptest.NewUnstartedServer(h)
	ts.Config = newServer(h, timeouts{header: 200 * time.Millisecond, read: time.Second, write: time.Second, idle: time.Second})
	ts.Start()
	defer ts.Close()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: "); err != nil {
		t.Fatal(err)
	}
	// Far longer than the timeout, even on a busy machine; a server with no
	// timeout keeps the connection and the read below runs into this.
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	_, err = io.ReadAll(conn)
	var nerr net.Error
	if errors.As(err, &nerr) && nerr.Timeout() {
		t.Fatal("the server kept a half-sent request open")
	}
}

// lines is an io.Writer that hands each written line to a channel.
type lines chan string

func (l lines) Write(b []byte) (int, error) {
	for _, s := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		l <- s
	}
	return len(b), nil
}

func TestPortZeroPrintsThePort(t *testing.T) {
	dir := site(t)
	out := make(lines, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-dir", dir, "-port", "0"}, out, io.Discard) }()
	var line string
	select {
	case line = <-out:
	case err := <-done:
		t.Fatalf("run ended before listening: %v", err)
	}
	m := regexp.MustCompile(`http://localhost:(\d+)/`).FindStringSubmatch(line)
	if m == nil || m[1] == "0" {
		t.Fatalf("-port 0 printed %q, want the port it listens on", line)
	}
	resp, err := http.Get("http://127.0.0.1:" + m[1] + "/")
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("GET / on the printed port: %s, CSP %q", resp.Status, resp.Header.Get("Content-Security-Policy"))
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("after Ctrl-C: %v, want a clean stop", err)
	}
}

func TestTakenPortFailsFirst(t *testing.T) {
	ln, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	var out bytes.Buffer
	err = run(context.Background(), []string{"-dir", site(t), "-port", port}, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), port) {
		t.Errorf("a taken port %s: error %v, want one that names the port", port, err)
	}
	if out.Len() > 0 {
		t.Errorf("a taken port printed %q before failing", out.String())
	}
}

// TestTakenPortFailsFirstOnEveryNetwork: the same with -host 0.0.0.0
// (make serve HOST=0.0.0.0), whose success would print the room's
// addresses.
func TestTakenPortFailsFirstOnEveryNetwork(t *testing.T) {
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	var out bytes.Buffer
	err = run(context.Background(), []string{"-dir", site(t), "-host", "0.0.0.0", "-port", port}, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "port "+port) {
		t.Errorf("a taken port %s: error %v, want one that names the port", port, err)
	}
	if out.Len() > 0 {
		t.Errorf("a taken port printed %q before failing", out.String())
	}
}

// TestEveryNetworkPrintsTheAddresses: -host 0.0.0.0 prints the local
// address and then one per address of the machine's (it connects only to
// loopback).
func TestEveryNetworkPrintsTheAddresses(t *testing.T) {
	dir := site(t)
	out := make(lines, 20)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-dir", dir, "-host", "0.0.0.0", "-port", "0"}, out, io.Discard) }()
	var first string
	select {
	case first = <-out:
	case err := <-done:
		t.Fatalf("run ended before listening: %v", err)
	}
	m := regexp.MustCompile(`http://localhost:(\d+)/`).FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("first line %q, want the local address", first)
	}
	second := <-out
	if !strings.HasPrefix(second, "Students") {
		t.Errorf("second line %q, want the addresses for students", second)
	}
	resp, err := http.Get("http://127.0.0.1:" + m[1] + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("after Ctrl-C: %v", err)
	}
}

func TestLANURLs(t *testing.T) {
	cidr := func(s string) net.Addr {
		ip, n, err := net.ParseCIDR(s)
		if err != nil {
			t.Fatal(err)
		}
		n.IP = ip
		return n
	}
	got := lanURLs([]net.Addr{
		cidr("127.0.0.1/8"), cidr("::1/128"), cidr("fe80::1/64"), cidr("169.254.3.4/16"),
		cidr("2001:db8::5/64"), cidr("192.168.1.20/24"), cidr("10.0.0.7/8"),
	}, 8080)
	want := []string{"http://192.168.1.20:8080/", "http://10.0.0.7:8080/", "http://[2001:db8::5]:8080/"}
	if !slices.Equal(got, want) {
		t.Errorf("lanURLs: %q, want %q", got, want)
	}
}

func TestBadStart(t *testing.T) {
	for _, args := range [][]string{
		{"-dir", t.TempDir(), "-port", "0"}, // no app.wasm
		{"-port", "http"},
		{"-port", "70000"},
		{"-port", "-1"},
		{"-dir", "static", "stray"},
		{"-nope"},
	} {
		var out bytes.Buffer
		if err := run(context.Background(), args, &out, io.Discard); err == nil || out.Len() > 0 {
			t.Errorf("run %q: error %v, printed %q; want an error and nothing printed", args, err, out.String())
		}
	}
}

// TestUsage: -h prints the flags and ends without serving.
func TestUsage(t *testing.T) {
	var out, usage bytes.Buffer
	if err := run(context.Background(), []string{"-h"}, &out, &usage); err != nil || out.Len() > 0 {
		t.Errorf("-h: %v, printed %q", err, out.String())
	}
	sc := bufio.NewScanner(&usage)
	var flags []string
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) > 0 && strings.HasPrefix(f[0], "-") {
			flags = append(flags, f[0])
		}
	}
	if strings.Join(flags, " ") != "-dir -host -port" {
		t.Errorf("-h listed %v, want -dir -host -port", flags)
	}
}
