package static

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// timeStart records, on the page's own clock (milliseconds since the
// navigation began), when the loader handed the program to WebAssembly
// (fetched: the download's start where it compiles while it downloads,
// instantiateStreaming, else its end), when it was compiled (compiled) and when the
// program drew its first WebGL triangles (drawn): ebiten issues draw calls
// only in a frame, so that is the first frame, for the lab and for the
// bare program alike.
const timeStart = `(() => {
	const t = window.__aelabStart = {};
	for (const name of ["instantiate", "instantiateStreaming"]) {
		const inst = WebAssembly[name];
		if (!inst) continue;
		WebAssembly[name] = function (...args) {
			t.fetched = performance.now();
			return inst.apply(this, args).then((r) => { t.compiled = performance.now(); return r; });
		};
	}
	for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
		if (!C) continue;
		for (const m of ["drawElements", "drawArrays"]) {
			const f = C.prototype[m];
			C.prototype[m] = function (...args) {
				if (t.drawn === undefined) t.drawn = performance.now();
				return f.apply(this, args);
			};
		}
	}
})();`

// startTimes is __aelabStart, in milliseconds after the navigation began.
type startTimes struct{ Fetched, Compiled, Drawn float64 }

// firstFrame opens url in a fresh Chromium (nothing cached, nothing
// compiled before) and returns when the page reached each point of
// timeStart.
func firstFrame(t *testing.T, url string) startTimes {
	t.Helper()
	var st startTimes
	t.Run("", func(t *testing.T) { // its browser closes when it returns
		ctx := startBrowser(t)
		if err := chromedp.Do(ctx, evaluateOnNewDocument(timeStart), chromedp.Navigate(url)); err != nil {
			t.Fatalf("navigate %s: %v", url, err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__aelabStart.drawn !== undefined`,
			chromedp.WithPollingTimeout(90*time.Second))); err != nil {
			t.Fatalf("%s drew no frame: %v", url, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`window.__aelabStart`))
		if err != nil {
			t.Fatal(err)
		}
		st = startTimes{got["fetched"], got["compiled"], got["drawn"]}
	})
	return st
}

// bareSite builds testdata/bare, an ebiten program that fills the screen,
// and returns it on the page (site).
func bareSite(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "bare.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./testdata/bare")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the bare ebiten program: %v\n%s", err, b)
	}
	return site(t, out)
}

// site writes a copy of the page with the program at path as its app.wasm,
// compressed with gzip -9 (as make web does without zopfli): the lab and the
// bare program travel alike.
func site(t *testing.T, path string) string {
	t.Helper()
	wasm, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := stubSite(t, wasm)
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(wasm)
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "app.wasm.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowserFirstFrame times the lab's first frame after navigation
// against a bare ebiten program's (a filled screen) loaded by the same
// page from the same server, alternating, in fresh browsers: DESIGN.md's
// budget is 1.25 times the bare program. Both are measured in this run, so
// a slow machine slows both, but not alike: on a machine loaded by other
// work (a load average of 17 on 2 cores) the lab's share, Go code run for
// the first time, stretched more than the bare program's, and the ratio of
// one build went from 1.0 to 1.6. So it is a measurement for make bench
// (AELAB_BENCH=1), not for make test; it fails past 1.6 and reports the
// figures, the download and compile times too.
// AELAB_FIRSTFRAME_OTHER=path/app.wasm measures another build beside them
// (the one before a change).
func TestBrowserFirstFrame(t *testing.T) {
	if os.Getenv("AELAB_BENCH") == "" {
		t.Skip("a wall-time measurement: make bench")
	}
	if _, err := os.Stat("app.wasm"); err != nil {
		need(t, "static/app.wasm (make web)")
	}
	sites := map[string]string{"lab": site(t, "app.wasm"), "bare": bareSite(t)}
	names := []string{"lab", "bare"}
	if other := os.Getenv("AELAB_FIRSTFRAME_OTHER"); other != "" {
		sites["other"] = site(t, other) // another build of the lab, say the one before a change
		names = append(names, "other")
	}
	urls := map[string]string{}
	for name, dir := range sites {
		srv := httptest.NewServer(Handler(dir))
		t.Cleanup(srv.Close)
		urls[name] = srv.URL + "/"
	}
	const runs = 7
	times := map[string][]startTimes{}
	for i := range len(names) * runs {
		name := names[i%len(names)]
		times[name] = append(times[name], firstFrame(t, urls[name]))
	}
	median := func(name string, f func(startTimes) float64) float64 {
		var v []float64
		for _, s := range times[name] {
			v = append(v, f(s))
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	for _, name := range names {
		var drawn []string
		for _, s := range times[name] {
			drawn = append(drawn, fmt.Sprintf("%.0f", s.Drawn))
		}
		t.Logf("%s: first frame %v ms (median %.0f); median fetched %.0f, compiled %.0f ms, Go start to first frame %.0f ms", name, drawn,
			median(name, func(s startTimes) float64 { return s.Drawn }),
			median(name, func(s startTimes) float64 { return s.Fetched }),
			median(name, func(s startTimes) float64 { return s.Compiled }),
			median(name, func(s startTimes) float64 { return s.Drawn - s.Compiled }))
	}
	// Until the loader hands the program over, the page is the same for
	// every program, and that time varies most from one fresh browser to
	// the next (the loader's WebGL check starts the GPU process: 0.4–1.4 s
	// here). Each program's time is that shared start, its median over all
	// runs, plus the program's own median from then to its first frame.
	var starts []float64
	for _, name := range names {
		for _, s := range times[name] {
			starts = append(starts, s.Fetched)
		}
	}
	slices.Sort(starts)
	start := starts[len(starts)/2]
	own := func(name string) float64 {
		return start + median(name, func(s startTimes) float64 { return s.Drawn - s.Fetched })
	}
	lab, bare := own("lab"), own("bare")
	ratio := lab / bare
	t.Logf("shared start %.0f ms; lab %.0f ms, bare %.0f ms: lab / bare = %.2f (budget 1.25); raw medians %.2f", start, lab, bare, ratio,
		median("lab", func(s startTimes) float64 { return s.Drawn })/median("bare", func(s startTimes) float64 { return s.Drawn }))
	if _, ok := times["other"]; ok {
		t.Logf("other %.0f ms: other / bare = %.2f", own("other"), own("other")/bare)
	}
	if ratio > 1.6 {
		t.Errorf("the lab's first frame came %.0f ms after navigation, %.2f times the bare ebiten program's %.0f ms (budget 1.25, failing past 1.6)", lab, ratio, bare)
	}
}
