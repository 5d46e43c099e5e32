package static

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"aelab/scenes"
)

// The web boundary of issue 11: the page under a strict
// Content-Security-Policy, window.aelab's typed errors, the loader when the
// program stops, presenter mode without a gesture.

// watchPolicy records every Content-Security-Policy violation of the page
// in window.__violations, from before its first script runs.
func watchPolicy() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
			window.__violations = [];
			document.addEventListener("securitypolicyviolation", (e) => {
				window.__violations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
			});`})
		return err
	})
}

// violations returns the page's policy violations so far.
func (p *page) violations() []string {
	p.t.Helper()
	return eval[[]string](p, `window.__violations`)
}

// thrown runs the JavaScript statement js (in strict mode, as a module or
// a class body runs) and returns what it threw, as "TypeError: message",
// or "" when it threw nothing.
func (p *page) thrown(js string) string {
	p.t.Helper()
	return eval[string](p, `(() => { "use strict"; try { `+js+`; return "" } catch (e) { return e.constructor.name + ": " + e.message } })()`)
}

// TestBrowserStrictPolicy: the page runs under its Content-Security-Policy
// (self only, WebAssembly but no eval, no inline script), sent as a header
// and set in the page, through everything a class does: training, sliders
// set, every scene, a screenshot, a copied link, an exported plot. Not one
// violation, not one console error. Then a string evaluation and an inline
// script are tried, to show the policy is in force and the watch sees it.
func TestBrowserStrictPolicy(t *testing.T) {
	const query = "?scene=pca&seed=1&paused=1"
	p := open(t, query, watchPolicy())
	header, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](
		`fetch(location.href).then((r) => r.headers.get("Content-Security-Policy"))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if header != Policy+"; "+FrameAncestors {
		t.Errorf("the page came with the policy %q, want %q", header, Policy+"; "+FrameAncestors)
	}
	if meta := eval[string](p, `document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`); meta != Policy {
		t.Errorf("the page's <meta> policy is %q, want %q", meta, Policy)
	}

	p.train(200)
	p.set("lr", 0.05)
	p.set("noise", 0.3)
	p.shot()
	p.focusCanvas(query)
	p.key("c") // copy a link: the clipboard, or a notice with the link
	downloads := t.TempDir()
	p.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads})
		return err
	}))
	p.key("p") // export the plot: a download link to a PNG
	if !until(func() bool {
		files, _ := os.ReadDir(downloads)
		return len(files) > 0 && filepath.Ext(files[0].Name()) == ".png"
	}) {
		t.Error("P downloaded no PNG")
	}
	for _, s := range scenes.All() {
		id := s.Info().ID
		eval[chromedp.Void](p, fmt.Sprintf(`aelab.scene(%q), aelab.train(3)`, id))
		eval[chromedp.Void](p, `aelab.play()`)
		time.Sleep(300 * time.Millisecond) // a few frames drawn
		eval[chromedp.Void](p, `aelab.pause()`)
		if st := p.state(); st.Scene != id {
			t.Errorf("aelab.scene(%q) shows %q", id, st.Scene)
		}
		p.shot()
	}
	if fs := eval[map[string]float64](p, `aelab.frameStats()`); len(fs) == 0 {
		t.Error("frameStats() is empty")
	}
	if v := p.violations(); len(v) > 0 {
		t.Errorf("%d policy violations:\n%s", len(v), strings.Join(v, "\n"))
	}
	p.noErrors()

	// DevTools' own evaluations are exempt from the policy: the probes run
	// on a later turn, as the page's code.
	eval[chromedp.Void](p, `setTimeout(() => {
		try { new Function("return 1")(); window.__evalProbe = "ran" } catch (e) { window.__evalProbe = e.name }
		const s = document.createElement("script");
		s.textContent = "window.__inlineProbe = 'ran'";
		document.body.append(s);
	}, 0)`)
	// Each probe is seen twice: by the header's policy and by the <meta>'s.
	if !until(func() bool { return len(p.violations()) >= 4 }) || len(p.violations()) != 4 {
		t.Errorf("the probes were seen as %d violations, want 4 (two probes, two policies): %v", len(p.violations()), p.violations())
	}
	if got := eval[string](p, `String(window.__evalProbe)`); got != "EvalError" {
		t.Errorf(`new Function("…") under the policy: %s, want an EvalError`, got)
	}
	if got := eval[string](p, `String(window.__inlineProbe)`); got != "undefined" {
		t.Errorf("an inline script ran under the policy (%s)", got)
	}
	t.Logf("the probes' violations: %v", p.violations())
}

// TestBrowserTypedErrors: a script's mistake at window.aelab is a thrown
// TypeError (a value of the wrong type) or RangeError (a step count that
// is not a whole number in range), and changes nothing; a value of the
// right type out of a slider's range is clamped with a warning, as in a
// link; valid calls do what DESIGN.md says.
func TestBrowserTypedErrors(t *testing.T) {
	p := open(t, "?scene=pca&seed=1&paused=1", keepGoHalf())
	if got := p.set("lr", 0.05); got != 0.05 {
		t.Fatalf(`set("lr", 0.05) = %v`, got)
	}
	before := p.state()
	for _, c := range []struct{ call, want string }{
		{`aelab.set("lr", 1n)`, "TypeError"},
		{`aelab.set("lr", {value: 0.1})`, "TypeError"},
		{`aelab.set("lr", [0.1])`, "TypeError"},
		{`aelab.set("lr", () => 0.1)`, "TypeError"},
		{`aelab.set("lr", Symbol("lr"))`, "TypeError"},
		{`aelab.set("lr", null)`, "TypeError"},
		{`aelab.set("lr")`, "TypeError"},
		{`aelab.set(1, 0.1)`, "TypeError"},
		{`aelab.set({}, 0.1)`, "TypeError"},
		{`aelab.scene(2)`, "TypeError"},
		{`aelab.scene()`, "TypeError"},
		{`aelab.train("5")`, "TypeError"},
		{`aelab.train(5n)`, "TypeError"},
		{`aelab.train(null)`, "TypeError"},
		{`aelab.train(-5)`, "RangeError"},
		{`aelab.train(-1)`, "RangeError"},
		{`aelab.train(NaN)`, "RangeError"},
		{`aelab.train(2.5)`, "RangeError"},
		{`aelab.train(Infinity)`, "RangeError"},
		{`aelab.train(1e12)`, "RangeError"},
		{`aelab.train(1000001)`, "RangeError"},
	} {
		got := p.thrown(c.call)
		if !strings.HasPrefix(got, c.want+": aelab.") {
			t.Errorf("%s threw %q, want a %s that names the call", c.call, got, c.want)
		} else {
			t.Logf("%s → %s", c.call, got)
		}
	}
	after := p.state()
	if after.Step != before.Step || after.Params["lr"] != 0.05 || len(after.Warnings) != len(before.Warnings) {
		t.Errorf("the refused calls changed the lab: step %d → %d, lr %v, warnings %v",
			before.Step, after.Step, after.Params["lr"], after.Warnings)
	}
	// A 100 kB string names itself briefly.
	if got := p.thrown(`aelab.set("x".repeat(100000), 1n)`); len(got) > 300 {
		t.Errorf("the error for a 100 kB name is %d characters long", len(got))
	}

	// valid calls
	if s := p.train(0); s.Step != before.Step {
		t.Errorf("train(0): step %d → %d", before.Step, s.Step)
	}
	var s state
	if err := json.Unmarshal(eval[[]byte](p, `aelab.train()`), &s); err != nil || s.Step != before.Step+1 {
		t.Errorf("train(): step %d → %d (%v), want one step", before.Step, s.Step, err)
	}
	if s := p.train(7); s.Step != before.Step+8 {
		t.Errorf("train(7): step %d, want %d", s.Step, before.Step+8)
	}
	if got := p.set("lr", "0.02"); got != 0.02 {
		t.Errorf(`set("lr", "0.02") = %v`, got)
	}
	if got := p.set("lr", 1e9); got == 1e9 || len(p.state().Warnings) == len(before.Warnings) {
		t.Errorf(`set("lr", 1e9) = %v with warnings %v: want it clamped, with a warning`, got, p.state().Warnings)
	}
	if got := eval[any](p, `aelab.set("no_such_parameter", 1)`); got != nil {
		t.Errorf(`set("no_such_parameter", 1) = %v, want null and a warning`, got)
	}

	// wasm_memory_bytes: the WebAssembly memory now, whole 64 KiB pages
	fs := eval[map[string]float64](p, `aelab.frameStats()`)
	mem := fs["wasm_memory_bytes"]
	t.Logf("frameStats: %v", fs)
	if !(mem > 0) || mem != float64(int64(mem)/65536*65536) {
		t.Errorf("frameStats().wasm_memory_bytes = %v, want a positive number of 64 KiB pages", mem)
	}
	for _, k := range []string{"fps", "update_ms_p50", "update_ms_p95", "draw_ms_p95", "frame_ms_p95"} {
		if _, ok := fs[k]; !ok {
			t.Errorf("frameStats() lacks %s", k)
		}
	}
	if got := p.thrown(`aelab.state = null; aelab.train = () => 0`); !strings.HasPrefix(got, "TypeError") {
		t.Errorf("window.aelab's members could be replaced (%q)", got)
	}

	// Behind the checks: the Go half, called with what aelab.js never
	// passes, answers with the error marker instead of dying, and aelab.js
	// turns a marker into a thrown Error.
	for _, call := range []string{`__goHalf.set("lr", 1n)`, `__goHalf.set("lr", {})`, `__goHalf.train(-1)`} {
		if got := eval[map[string]any](p, call); got["aelab_error"] == nil {
			t.Errorf("%s = %v, want the error marker", call, got)
		}
	}
	if got := p.thrown(`aelabBoundary({state: () => ({aelab_error: "a bug"})}, new WebAssembly.Memory({initial: 1})).state()`); got != "Error: aelab.state: a bug" {
		t.Errorf("a marker became %q, want Error: aelab.state: a bug", got)
	}
	if s := p.train(1); s.Step != before.Step+9 {
		t.Errorf("after the Go half's errors: train(1) reached step %d, want %d", s.Step, before.Step+9)
	}
	p.noErrors()
}

// keepGoHalf keeps the Go program's functions, which aelab.js holds
// privately, in window.__goHalf: it wraps aelabPage.install as the loader
// sets it.
func keepGoHalf() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
			let page;
			Object.defineProperty(window, "aelabPage", {
				get: () => page,
				set(v) {
					const install = v.install;
					v.install = (raw) => { window.__goHalf = raw; install.call(v, raw); };
					page = v;
				},
			});`})
		return err
	})
}

// userGesture evaluates js as if the user had clicked: the page has
// transient user activation, as after a click or a key press.
func (p *page) userGesture(js string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[chromedp.Void](js, func(ep *runtime.EvaluateParams) {
		ep.UserGesture = new(true)
	})); err != nil {
		p.t.Fatalf("%s: %v", js, err)
	}
}

// warned waits for a warning that contains text.
func (p *page) warned(text string) bool {
	return until(func() bool {
		for _, w := range p.state().Warnings {
			if strings.Contains(w, text) {
				return true
			}
		}
		return false
	})
}

// TestBrowserPresenterWithoutGesture: a script turning presenter mode on
// gets presenter mode and a warning that full screen needs a click or a
// key, and no uncaught promise rejection; a browser that refuses even with
// a gesture is caught and said too.
func TestBrowserPresenterWithoutGesture(t *testing.T) {
	p := open(t, "?scene=pca&seed=1&paused=1")
	eval[chromedp.Void](p, `window.__requests = 0;
		HTMLCanvasElement.prototype.requestFullscreen = function () {
			window.__requests++;
			return Promise.reject(new TypeError("Permissions check failed"));
		}`)
	// DevTools' navigation leaves the page a user activation, which lasts
	// some seconds (5 in Chromium): a script's call then is one without.
	for deadline := time.Now().Add(30 * time.Second); eval[bool](p, `navigator.userActivation.isActive`); time.Sleep(200 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the page's user activation never expired")
		}
	}
	p.set("presenter", 1)
	if !p.warned("only right after a click or a key press") {
		t.Errorf("presenter mode from a script: no warning about full screen, warnings %v", p.state().Warnings)
	}
	if n := eval[int](p, `window.__requests`); n != 0 {
		t.Errorf("full screen was asked %d times without a gesture", n)
	}
	if !until(func() bool { return p.search().Get("presenter") == "on" }) {
		t.Errorf("presenter=%q in the address, want on", p.search().Get("presenter"))
	}
	p.set("presenter", 0)
	p.userGesture(`aelab.set("presenter", 1)`)
	if !p.warned("refused full screen") {
		t.Errorf("a refused full screen: no warning, warnings %v", p.state().Warnings)
	}
	if n := eval[int](p, `window.__requests`); n != 1 {
		t.Errorf("with a gesture, full screen was asked %d times, want 1", n)
	}
	time.Sleep(200 * time.Millisecond) // an unhandled rejection is reported after a turn
	p.noErrors()
}

// stubProgram is a Go program for the loader test: it hands the page an
// API as the lab does, then ends when told to, as the lab would on a bug
// (panic, exit code 2), on log.Fatal (exit 1) or by returning (exit 0).
// ?early panics before the first frame. Its canvas stands for ebiten's.
const stubProgram = `package main

import (
	"os"
	"syscall/js"
)

func main() {
	mode := js.Global().Get("location").Get("search").String()
	if mode == "?early" {
		panic("stub: stopped before its first frame")
	}
	// a canvas over the page, styled as ebiten styles its own
	doc := js.Global().Get("document")
	canvas := doc.Call("createElement", "canvas")
	for k, v := range map[string]string{"width": "100%", "height": "100%", "display": "block", "backgroundColor": "#123"} {
		canvas.Get("style").Set(k, v)
	}
	doc.Get("body").Call("appendChild", canvas)
	quit := make(chan struct{})
	js.Global().Set("quitLab", js.FuncOf(func(js.Value, []js.Value) any { close(quit); return nil }))
	raw := js.Global().Get("Object").New()
	raw.Set("maxTrainSteps", 0)
	raw.Set("state", js.FuncOf(func(js.Value, []js.Value) any { return map[string]any{"step": 0} }))
	js.Global().Get("aelabPage").Call("install", raw)
	<-quit
	switch mode {
	case "?panic":
		panic("stub: a bug after the first frame")
	case "?fatal":
		os.Exit(1)
	}
}
`

// stubSite writes the page with the given app.wasm (none when nil) into a
// folder, served by Handler.
func stubSite(t *testing.T, wasm []byte) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"index.html", "style.css", "loader.js", "aelab.js", "wasm_exec.js"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if wasm != nil {
		if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildStub compiles stubProgram for the browser.
func buildStub(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(stubProgram), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", "stub.wasm", "main.go")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the stub program: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "stub.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBrowserLoaderSaysWhenTheLabStops: whenever the program cannot start
// or stops, before or after its first frame, the page says so in words
// over the frozen picture, with a button to reload, and throws nothing.
func TestBrowserLoaderSaysWhenTheLabStops(t *testing.T) {
	p := open(t, "?scene=pca&paused=1")
	// The lab is up: the loader is out of sight but still in the page.
	if got := eval[string](p, `(() => { const l = document.getElementById("loader"); return l ? getComputedStyle(l).display : "gone" })()`); got != "none" {
		t.Errorf("with the lab up the loader is %q, want in the page and hidden (none)", got)
	}

	stub := buildStub(t)
	sites := map[string]string{
		"stub":      stubSite(t, stub),
		"truncated": stubSite(t, stub[:len(stub)/3]),
		"missing":   stubSite(t, nil),
	}
	urls := map[string]string{}
	for name, dir := range sites {
		srv := httptest.NewServer(Handler(dir))
		t.Cleanup(srv.Close)
		urls[name] = srv.URL + "/"
	}
	for _, c := range []struct {
		site, query string
		ready       bool // the program hands over window.aelab first
		want        string
	}{
		{"stub", "?panic", true, "The lab stopped after an error (exit code 2"},
		{"stub", "?fatal", true, "The lab stopped after an error (exit code 1"},
		{"stub", "?return", true, "The lab stopped. Reload the page"},
		{"stub", "?early", false, "The lab stopped after an error (exit code 2"},
		{"truncated", "", false, "The lab could not start: "},
		{"missing", "", false, "The lab could not start: app.wasm: HTTP 404"},
	} {
		url := urls[c.site] + c.query
		ctx, cancel := context.WithTimeout(p.ctx, 60*time.Second)
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatalf("navigate %s: %v", url, err)
		}
		if c.ready {
			p.waitReady(ctx)
			eval[chromedp.Void](p, `quitLab()`)
		}
		cancel()
		// The message comes once the program has been fetched and compiled,
		// or has ended: wait for it as long as for the lab to load.
		var text string
		for deadline := time.Now().Add(60 * time.Second); text == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			text = eval[string](p, `(() => {
				const l = document.getElementById("loader");
				const b = document.getElementById("loader-reload");
				const top = document.elementFromPoint(innerWidth / 2, innerHeight / 2); // over any canvas
				return l.checkVisibility() && b.checkVisibility() && l.contains(top) && l.getAttribute("role") === "alert" ? l.innerText : "";
			})()`)
		}
		if !strings.Contains(text, c.want) {
			t.Errorf("%s%s: the page shows %q, want a visible message with %q and a reload button", c.site, c.query, text, c.want)
		} else {
			t.Logf("%s%s: %q", c.site, c.query, strings.Join(strings.Fields(text), " "))
		}
		if c.query == "?panic" {
			p.screenshot("browser-loader-stopped.png")
		}
		if c.ready {
			// window.aelab of a stopped program throws, and says why
			if got := p.thrown(`aelab.state()`); !strings.Contains(got, "exited") {
				t.Errorf("%s%s: aelab.state() of a stopped program threw %q, want an Error that says it exited", c.site, c.query, got)
			}
		}
	}
	for _, m := range p.messages() {
		if m.IsException() {
			t.Errorf("uncaught: %s", m)
		}
	}
}
