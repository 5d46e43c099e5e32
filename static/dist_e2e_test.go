package static

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The deployable build (make dist) and the loader's screens: dist/ served
// as static hosts serve it, the progress text honest on each, and the pages
// for a browser without WebGL, a page opened from disk, and JavaScript off.

// distDir builds dist/ once per test binary, with gzip -9 rather than
// zopfli (make dist's default) so that it stays within a test's time;
// the files and their names are the same.
func distDir(t *testing.T) string {
	t.Helper()
	distOnce.Do(func() {
		cmd := exec.Command("make", "-C", "..", "dist", "DISTGZ=gzip")
		out, err := cmd.CombinedOutput()
		if err != nil {
			distErr = fmt.Errorf("make dist: %v\n%s", err, out)
		}
	})
	if distErr != nil {
		t.Fatal(distErr)
	}
	return filepath.Join("..", "dist")
}

// precompressed serves dir as a host with pre-compressed files does
// (nginx's gzip_static, Netlify): a request for X, where X.gz exists and
// the client takes gzip, gets X.gz's bytes with Content-Encoding: gzip and
// X's type; anything else goes out as http.FileServer sends it.
// gzLabelled adds what Apache's "AddEncoding gzip .gz" does: any .gz file
// asked for by name (the program's twin, the data sets) goes out as
// Content-Encoding: gzip, so the browser unpacks it before the lab reads a
// byte.
func precompressed(dir string, gzLabelled bool) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		base := filepath.Base(name)
		if gzLabelled && strings.HasSuffix(base, ".gz") {
			ctype := "application/octet-stream"
			if strings.HasSuffix(base, ".wasm.gz") {
				ctype = "application/wasm"
			}
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Content-Encoding", "gzip")
			http.ServeFile(w, r, name)
			return
		}
		if !strings.HasSuffix(name, ".gz") && AcceptsGzip(r.Header.Get("Accept-Encoding")) {
			if st, err := os.Stat(name + ".gz"); err == nil && st.Mode().IsRegular() {
				ctype := mime.TypeByExtension(filepath.Ext(name))
				if ctype == "" {
					ctype = "application/octet-stream"
				}
				w.Header().Set("Content-Type", ctype)
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Add("Vary", "Accept-Encoding")
				http.ServeFile(w, r, name+".gz")
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// recordProgress keeps every text the loader shows, in order, in
// window.__loaderTexts: a MutationObserver sees each change, however fast
// the download goes.
const recordProgress = `(() => {
	window.__loaderTexts = [];
	window.__loaderAt = [];
	new MutationObserver(() => {
		const el = document.getElementById("loader-text");
		const s = el ? el.textContent : "";
		const a = window.__loaderTexts;
		if (s && a[a.length - 1] !== s) { a.push(s); window.__loaderAt.push(performance.now()); }
	}).observe(document, { subtree: true, childList: true, characterData: true });
})();`

var progressText = regexp.MustCompile(`([0-9.]+) of ([0-9.]+) MB`)

// loadSite opens url in a fresh browser (with extra flags, network
// conditions) and waits for aelab.ready; it returns the page, the texts the
// loader showed on the way and the time from navigation to ready.
func loadSite(t *testing.T, url string, setup ...chromedp.Action[chromedp.Void]) (*page, []string, time.Duration) {
	t.Helper()
	ctx := startBrowser(t)
	p := &page{t: t, ctx: ctx, url: url}
	p.listen()
	tctx, cancel := context.WithTimeout(ctx, 150*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, evaluateOnNewDocument(recordProgress)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tctx, setup...); err != nil {
		t.Fatalf("setup: %v", err)
	}
	start := time.Now()
	if err := chromedp.Do(tctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](`window.aelab !== undefined && window.aelab.ready === true`,
		chromedp.WithPollingTimeout(140*time.Second))); err != nil {
		t.Fatalf("%s: window.aelab.ready never came: %v\nconsole: %v", url, err, p.messages())
	}
	took := time.Since(start)
	return p, eval[[]string](p, `window.__loaderTexts`), took
}

// checkProgress fails on a progress text whose count is above its total or
// whose total is not want (in MB, as shown), and on a load that showed no
// count between nothing and all.
func checkProgress(t *testing.T, site string, texts []string, want float64) {
	t.Helper()
	between, last := 0, ""
	for _, s := range texts {
		m := progressText.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		got, _ := strconv.ParseFloat(m[1], 64)
		total, _ := strconv.ParseFloat(m[2], 64)
		if got > total {
			t.Errorf("%s: the loader showed %q: more than its total", site, s)
		}
		if total != want {
			t.Errorf("%s: the loader showed %q, want a total of %.1f MB (what goes over the wire)", site, s, want)
		}
		if got > 0 && got < total {
			between++
		}
		last = s
	}
	if between == 0 {
		t.Errorf("%s: the loader showed no count on the way (texts %q)", site, texts)
	}
	if m := progressText.FindStringSubmatch(last); m == nil || m[1] != m[2] {
		t.Errorf("%s: the last count was %q, want all of it (texts %q)", site, last, texts)
	}
	t.Logf("%s: %d texts, %q … %q", site, len(texts), first(texts), texts[len(texts)-1])
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// fast3G is DevTools' Fast 3G preset: 562.5 ms latency, 1.6 Mbit/s down
// (×0.9), 750 kbit/s up (×0.9).
func fast3G() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{
				Latency:            562.5,
				DownloadThroughput: 1.6 * 1024 * 1024 / 8 * 0.9,
				UploadThroughput:   750 * 1024 / 8 * 0.9,
			}},
		})
		return err
	})
}

// TestBrowserFast3G measures the time from navigation to aelab.ready over
// DevTools' Fast 3G, for the note of issue 12 (not in make test: it takes
// half a minute and asserts nothing but the progress text):
//
//	AELAB_E2E=1 AELAB_FAST3G=1 go test -run TestBrowserFast3G -v ./static/
//
// AELAB_FAST3G=dist serves dist/ as a host with pre-compressed files does
// (built by make dist before: the test does not rebuild it; with
// AELAB_NOSTREAM=1 the browser has no instantiateStreaming), =static
// serves static/ with Handler (make serve), and a folder's path serves that
// folder with Handler (an older page, to compare).
func TestBrowserFast3G(t *testing.T) {
	which := os.Getenv("AELAB_FAST3G")
	if which == "" {
		t.Skip("set AELAB_FAST3G=static, dist or a folder to measure")
	}
	var h http.Handler
	switch which {
	case "static":
		h = Handler(".")
	case "dist":
		h = precompressed(filepath.Join("..", "dist"), false)
	default:
		h = Handler(which)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	setup := []chromedp.Action[chromedp.Void]{fast3G()}
	if os.Getenv("AELAB_FAST3G_OFF") != "" {
		setup = nil // the same load unthrottled
	}
	if os.Getenv("AELAB_NOSTREAM") != "" {
		// the loader's fallback: compile once every byte is in
		setup = append(setup, evaluateOnNewDocument(`delete WebAssembly.instantiateStreaming`))
		which += " (no streaming)"
	}
	p, texts, took := loadSite(t, srv.URL+"/?scene=pca", setup...)
	// When the count reached its total the download had ended; the loader
	// shows "Starting…" once its stream has ended too (the old loader: once
	// it had every byte, before compiling).
	at := eval[[]float64](p, `window.__loaderAt.map((t) => t - performance.getEntriesByType("navigation")[0].startTime)`)
	var done, compiled float64
	for i, s := range texts {
		if m := progressText.FindStringSubmatch(s); m != nil && m[1] == m[2] && done == 0 {
			done = at[i] / 1e3
		}
		if s == "Starting…" {
			compiled = at[i] / 1e3
		}
	}
	t.Logf("Fast 3G, %s: downloaded at %.1f s, Starting… at %.1f s, aelab.ready at %.1f s after the navigation began; the last texts %q",
		which, done, compiled, took.Seconds(), texts[max(0, len(texts)-2):])
}

// gzSize is the size of the program's gzip twin in dist, in MB as the
// loader shows it: what crosses the network from each host below.
func gzSize(t *testing.T, dir string) float64 {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "app.*.wasm.gz"))
	if err != nil || len(m) != 1 {
		t.Fatalf("dist: want one app.*.wasm.gz, have %v (%v)", m, err)
	}
	st, err := os.Stat(m[0])
	if err != nil {
		t.Fatal(err)
	}
	v, _ := strconv.ParseFloat(fmt.Sprintf("%.1f", float64(st.Size())/1e6), 64)
	return v
}

// TestBrowserDist: dist/ works as it is from a plain static server
// (http.FileServer: no compression, .gz files as files), from a host that
// sends pre-compressed twins with Content-Encoding, and from one that
// labels the program's twin itself Content-Encoding: gzip (the browser
// unpacks it before the loader sees it). On each the lab gets ready, and
// the loader's count never passes its total, the packed size: what crosses
// the network. The download is held to 2 MB/s (about two seconds), so that
// the count goes through many values whatever the machine.
func TestBrowserDist(t *testing.T) {
	dir := distDir(t)
	want := gzSize(t, dir)
	for _, c := range []struct {
		name string
		h    http.Handler
	}{
		{"plain", http.FileServer(http.Dir(dir))},
		{"precompressed", precompressed(dir, false)},
		{"gz-labelled", precompressed(dir, true)},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(c.h)
			t.Cleanup(srv.Close)
			p, texts, took := loadSite(t, srv.URL+"/?scene=pca&paused=1", throttle(2e6))
			t.Logf("%s: ready after %.1f s", c.name, took.Seconds())
			checkProgress(t, c.name, texts, want)
			if s := p.state(); s.Scene != "pca" {
				t.Errorf("%s: scene %q, want pca", c.name, s.Scene)
			}
			// the data sets come from the same host, fetched when a scene
			// first needs them: translate's MNIST digits
			eval[chromedp.Void](p, `aelab.scene("translate")`)
			if !until(func() bool { return p.state().Metrics["explained_2pc"] > 0 }) {
				t.Errorf("%s: the MNIST digits never arrived (state %+v, console %v)", c.name, p.state(), p.messages())
			}
			p.noErrors()
		})
	}
}

// throttle limits the download to bytesPerSec, without latency.
func throttle(bytesPerSec float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{DownloadThroughput: bytesPerSec, UploadThroughput: -1}},
		})
		return err
	})
}

// failurePage waits for the loader's failure message and returns its text.
func failurePage(t *testing.T, ctx context.Context) string {
	t.Helper()
	var text string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
			const l = document.getElementById("loader");
			return l && l.classList.contains("failed") && l.getAttribute("role") === "alert" && l.checkVisibility() ? l.innerText : "";
		})()`))
		if err == nil && v != "" {
			text = v
			break
		}
	}
	return text
}

// TestBrowserNoWebGL: with WebGL switched off the page says the lab needs
// it and what to try, before downloading the program (no app.wasm request
// reaches the server), and has no reload button (reloading cannot help).
func TestBrowserNoWebGL(t *testing.T) {
	var asked atomic.Int32
	h := Handler(".")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "app.wasm") {
			asked.Add(1)
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	ctx := startBrowser(t, chromedp.Flag("disable-webgl", true), chromedp.Flag("disable-3d-apis", true))
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	text := failurePage(t, tctx)
	for _, want := range []string{"The lab needs WebGL", "another browser", "hardware acceleration", "desktop app"} {
		if !strings.Contains(text, want) {
			t.Errorf("without WebGL the page shows %q, want it to say %q", text, want)
		}
	}
	if strings.Contains(text, "Reload") {
		t.Errorf("without WebGL the page offers to reload: %q", text)
	}
	if n := asked.Load(); n != 0 {
		t.Errorf("without WebGL the page still asked for the program %d times", n)
	}
	buf, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	save(t, "browser-no-webgl.png", buf)
	t.Logf("no WebGL: %q", strings.Join(strings.Fields(text), " "))
}

// TestBrowserFromDisk: dist/index.html opened as a file says how to serve
// it.
func TestBrowserFromDisk(t *testing.T) {
	dir, err := filepath.Abs(distDir(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx := startBrowser(t)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(dir, "index.html")))); err != nil {
		t.Fatal(err)
	}
	text := failurePage(t, tctx)
	for _, want := range []string{"served over HTTP", "python3 -m http.server", "make serve", "desktop app"} {
		if !strings.Contains(text, want) {
			t.Errorf("from disk the page shows %q, want it to say %q", text, want)
		}
	}
	buf, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	save(t, "browser-from-disk.png", buf)
	t.Logf("from disk: %q", strings.Join(strings.Fields(text), " "))
}

// TestBrowserNoScript: with JavaScript off the page says the lab needs it,
// and no longer says it is loading.
func TestBrowserNoScript(t *testing.T) {
	srv := httptest.NewServer(Handler("."))
	t.Cleanup(srv.Close)
	ctx := startBrowser(t)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	off := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	if err := chromedp.Do(tctx, off, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	// innerText, read over the protocol (the page's scripts are off, not
	// DevTools'): what a person sees.
	text, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "The lab needs JavaScript") || strings.Contains(text, "Loading the lab") {
		t.Errorf("with JavaScript off the page shows %q, want the JavaScript message and no loading line", text)
	}
	buf, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	save(t, "browser-no-script.png", buf)
}

var (
	distOnce sync.Once
	distErr  error
)

// TestBrowserOffline: after a first visit to dist/, the service worker
// has kept every file: with the server gone the page opens again, query
// and all, and the lab gets ready.
func TestBrowserOffline(t *testing.T) {
	dir := distDir(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	url := srv.URL + "/?scene=pca&paused=1"
	p, _, _ := loadSite(t, url)
	// The worker controls the page once it has kept every file (it claims
	// the page after its install, which waits for them).
	if !waitFor(60*time.Second, func() bool { return eval[bool](p, `navigator.serviceWorker.controller !== null`) }) {
		srv.Close()
		t.Fatalf("no service worker took the page; console: %v", p.messages())
	}
	srv.Close()
	ctx, cancel := context.WithTimeout(p.ctx, 120*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s with the server gone: %v", url, err)
	}
	p.waitReady(ctx)
	if s := p.state(); s.Scene != "pca" {
		t.Errorf("offline: scene %q, want pca", s.Scene)
	}
	p.noErrors()
}
