package static

import (
	"bytes"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// TestDataFilesServed: `make web` copies the shipped data sets to
// static/data, and the handler gives them out byte for byte as
// application/gzip without Content-Encoding (core/data counts and
// decompresses them itself), and nothing else under data/.
func TestDataFilesServed(t *testing.T) {
	if _, err := os.Stat(filepath.Join("data", "digits.gz")); err != nil {
		need(t, "static/data (make web)")
	}
	srv := httptest.NewServer(Handler("."))
	defer srv.Close()
	for _, name := range []string{"digits.gz", "mnist.gz"} {
		want, err := os.ReadFile(filepath.Join("..", "core", "data", "files", name))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.Client().Get(srv.URL + "/data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !bytes.Equal(got, want) {
			t.Errorf("/data/%s: status %d, %d bytes; want 200 and the %d shipped bytes (make web copies them)", name, resp.StatusCode, len(got), len(want))
		}
		if ct, ce := resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"); ct != "application/gzip" || ce != "" {
			t.Errorf("/data/%s: Content-Type %q, Content-Encoding %q; want application/gzip and none", name, ct, ce)
		}
	}
	for _, path := range []string{"/data/../serve.go", "/data/x.go", "/data/.hidden.gz", "/data/missing.gz"} {
		resp, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, resp.StatusCode)
		}
	}
}
