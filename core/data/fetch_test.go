//go:build !js

package data

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestFetchUnderNode runs the browser build's fetch (fetch_js.go) for real:
// it compiles this package's tests to WebAssembly, serves files/ over HTTP
// on the loopback in 16 kB chunks (so that progress has steps to report),
// and runs TestFetchFromServer under node against it.
func TestFetchUnderNode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a WebAssembly test binary")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("needs node (make test installs it)")
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/data/")
		b, err := os.ReadFile(filepath.Join("files", filepath.Base(name)))
		if !ok || err != nil || !strings.HasSuffix(name, ".gz") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/gzip")
		w.Header().Set("Content-Length", strconv.Itoa(len(b)))
		for len(b) > 0 {
			n := min(len(b), 16<<10)
			w.Write(b[:n])
			w.(http.Flusher).Flush()
			b = b[n:]
		}
	}))
	defer srv.Close()

	bin := filepath.Join(t.TempDir(), "data.test.wasm")
	build := exec.Command("go", "test", "-c", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the WebAssembly tests: %v\n%s", err, out)
	}
	run := exec.Command(filepath.Join(runtime.GOROOT(), "lib", "wasm", "go_js_wasm_exec"), bin,
		"-test.run", "^TestFetchFromServer$", "-test.v")
	run.Env = append(os.Environ(), "AELAB_DATA_URL="+srv.URL+"/data/")
	out, err := run.CombinedOutput()
	t.Logf("under node:\n%s", out)
	if err != nil || !strings.Contains(string(out), "--- PASS: TestFetchFromServer") {
		t.Fatalf("TestFetchFromServer under node did not pass: %v", err)
	}
}
