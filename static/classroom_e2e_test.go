package static

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/png"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"aelab/scenes"
	"aelab/scenes/app"
	"aelab/scenes/ui"
)

// The classroom tests (issue 6) drive the page as a teacher does: real key
// events, the address bar, a reload, the export download and the guided
// lecture.

// key presses a key on the page: Chromium delivers the key events to the
// focused canvas as from a keyboard, and the lab runs a frame while the
// key is down and after it comes up (frame), so that the press is read
// however slow the machine, as a hand holds a key for a frame or more.
func (p *page) key(k string) {
	p.t.Helper()
	for _, r := range k {
		for _, ev := range kb.Encode(r) {
			if ev.Type == input.DispatchKeyEventTypeKeyUp {
				p.frame() // the key is held: read as down
			}
			p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, *ev)
				return err
			}))
		}
		p.frame()
	}
}

// focusCanvas clicks the plot, as a teacher clicks the page before using
// the keyboard.
func (p *page) focusCanvas(query string) {
	p.t.Helper()
	r, dpr := p.layout(query).PlotRect(), eval[float64](p, `window.devicePixelRatio`)
	x, y := (r.X+r.W*0.9)/dpr, (r.Y+r.H*0.1)/dpr
	btn := chromedp.ButtonType("left")
	p.do(chromedp.MouseEvent(chromedp.MousePressed, x, y, btn, chromedp.ClickCount(1)))
	p.frame()
	p.do(chromedp.MouseEvent(chromedp.MouseReleased, x, y, btn, chromedp.ClickCount(1)))
	p.frame()
	if !eval[bool](p, `document.activeElement === document.querySelector("canvas")`) {
		p.t.Fatal("a click on the plot does not give the canvas the keyboard focus")
	}
}

// search is the query in the address bar, parsed.
func (p *page) search() url.Values {
	p.t.Helper()
	v, err := url.ParseQuery(strings.TrimPrefix(eval[string](p, `location.search`), "?"))
	if err != nil {
		p.t.Fatal(err)
	}
	return v
}

// until polls cond until it holds, for up to frameWait (what a frame may
// take on a busy machine, and then some), and reports whether it held.
func until(cond func() bool) bool { return waitFor(frameWait, cond) }

// decodePNG decodes a data:image/png;base64 URL into the image and the
// PNG's bytes.
func decodePNG(t *testing.T, dataURL string) (image.Image, []byte) {
	t.Helper()
	const prefix = "data:image/png;base64,"
	if !strings.HasPrefix(dataURL, prefix) {
		t.Fatalf("not a PNG data URL: %.40q", dataURL)
	}
	raw, err := base64.StdEncoding.DecodeString(dataURL[len(prefix):])
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("invalid PNG: %v", err)
	}
	return img, raw
}

// shot is what the canvas shows, through aelab.screenshot().
func (p *page) shot() image.Image {
	p.t.Helper()
	img, _ := decodePNG(p.t, eval[string](p, `aelab.screenshot()`))
	return img
}

// luminance is the mean brightness of img in [0, 1].
func luminance(img image.Image) float64 {
	b := img.Bounds()
	sum, n := 0.0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			sum += (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(bl)) / 0xffff
			n++
		}
	}
	return sum / float64(n)
}

// TestBrowserURLRoundTrip: a link with parameters loads them; aelab.set
// rewrites the address bar; a reload of that address restores the same
// setting, and with the same seed the same training numbers.
func TestBrowserURLRoundTrip(t *testing.T) {
	p := open(t, "?scene=denoise&seed=7&noise=0.3&lr=0.01&paused=1&jitter_hide=1")
	s := p.state()
	if s.Scene != "denoise" || s.Params["noise"] != 0.3 || s.Params["lr"] != 0.01 || len(s.Warnings) != 0 {
		t.Fatalf("loaded %s with %v, warnings %v: want denoise, noise 0.3, lr 0.01, no warnings", s.Scene, s.Params, s.Warnings)
	}
	p.set("noise", 0.25)
	p.set("corruption", "mask")
	if !until(func() bool { q := p.search(); return q.Get("noise") == "0.25" && q.Get("corruption") == "mask" }) {
		t.Fatalf("after aelab.set the address bar reads %q: want noise=0.25 and corruption=mask", eval[string](p, `location.search`))
	}
	q := p.search()
	for k, want := range map[string]string{"scene": "denoise", "seed": "7", "lr": "0.01", "paused": "on", "jitter_hide": "1"} {
		if q.Get(k) != want {
			t.Errorf("address bar %s=%q, want %q (in %q)", k, q.Get(k), want, q.Encode())
		}
	}
	eval[any](p, `aelab.reset()`)
	before := p.train(300)

	p.do(chromedp.Reload())
	ctx, cancel := context.WithTimeout(p.ctx, 90*time.Second)
	defer cancel()
	p.waitReady(ctx)
	s = p.state()
	if s.Scene != "denoise" || s.Params["noise"] != 0.25 || s.Params["corruption"] != before.Params["corruption"] || s.Step != 0 || !s.Paused {
		t.Errorf("after reload: %s step %d paused %v params %v; want denoise, step 0, paused, noise 0.25, corruption %v",
			s.Scene, s.Step, s.Paused, s.Params, before.Params["corruption"])
	}
	after := p.train(300)
	if after.Loss != before.Loss {
		t.Errorf("the same link trains differently: loss %v before the reload, %v after", before.Loss, after.Loss)
	}
	if eval[string](p, `location.search`) == "" || p.search().Get("jitter_hide") != "1" {
		t.Errorf("after reload the address bar lost the setting: %q", eval[string](p, `location.search`))
	}
	p.noErrors()
}

// TestBrowserHiddenControls: a link hides chosen controls; a hide of a name
// the lab does not know is a warning, not an error.
func TestBrowserHiddenControls(t *testing.T) {
	const query = "?scene=pca&seed=1&paused=1&lr_hide=1&aspect_hide=1&bogus_hide=1&transport_hide=1"
	p := open(t, query)
	s := p.state()
	if !strings.Contains(strings.Join(s.Warnings, "\n"), "bogus") {
		t.Errorf("warnings do not mention bogus_hide: %v", s.Warnings)
	}
	// A drag across where the lr slider would be moves no lr.
	full := p.layout("?scene=pca&seed=1&paused=1")
	for _, w := range full.Widgets() {
		if w.Spec().Name == "lr" {
			tr, dpr := w.(*ui.Slider).Track(), full.Theme().U
			y := (tr.Y + tr.H/2) / dpr
			p.drag((tr.X+tr.W*0.1)/dpr, y, (tr.X+tr.W*0.9)/dpr, y)
		}
	}
	if lr := p.state().Params["lr"]; lr != 0.01 {
		t.Errorf("lr_hide=1, yet a drag where its slider would be set lr to %v", lr)
	}
	q := p.search()
	if q.Get("lr_hide") != "1" || q.Get("transport_hide") != "1" || q.Has("bogus_hide") {
		t.Errorf("address bar %q: want lr_hide and transport_hide kept, bogus_hide dropped", q.Encode())
	}
	// The hidden sliders still take values from links and scripts.
	if v := p.set("lr", 0.02); v != 0.02 {
		t.Errorf("aelab.set(lr) on a hidden slider = %v", v)
	}
	p.screenshot("browser-hidden-controls.png")
	p.noErrors()
}

// TestBrowserShortcuts presses every key of the help overlay and checks
// what it did.
func TestBrowserShortcuts(t *testing.T) {
	const query = "?scene=pca&seed=1&paused=1"
	p := open(t, query)
	p.focusCanvas(query)
	ids := []string{}
	for _, s := range scenes.All() {
		ids = append(ids, s.Info().ID)
	}

	// space, S, R
	p.key(" ")
	if !until(func() bool { return !p.state().Paused }) {
		t.Error("space did not start training")
	}
	p.key(" ")
	if !until(func() bool { return p.state().Paused }) {
		t.Error("space did not pause")
	}
	step := p.state().Step
	p.key("s")
	if s := p.state(); s.Step != step+1 || !s.Paused {
		t.Errorf("S: step %d → %d, paused %v; want one step, paused", step, s.Step, s.Paused)
	}
	p.key("r")
	if s := p.state(); s.Step != 0 {
		t.Errorf("R: step %d, want 0", s.Step)
	}

	// ← → and the digits, from pca, the lecture's second scene: → goes
	// to the next, then ← ← ← back past the first to the last
	n, at := len(ids), slices.Index(ids, "pca")
	p.key(kb.ArrowRight)
	if s := p.state(); s.Scene != ids[(at+1)%n] {
		t.Errorf("→: scene %s, want %s", s.Scene, ids[(at+1)%n])
	}
	for range 3 {
		p.key(kb.ArrowLeft)
	}
	if want := ids[(at-2+n)%n]; p.state().Scene != want {
		t.Errorf("→ ← ← ←: scene %s, want %s (wrapping)", p.state().Scene, want)
	}
	p.key("3")
	if s := p.state(); s.Scene != ids[2] {
		t.Errorf("3: scene %s, want %s", s.Scene, ids[2])
	}
	p.key("1")
	if s := p.state(); s.Scene != ids[0] {
		t.Errorf("1: scene %s, want %s", s.Scene, ids[0])
	}
	p.key("2") // pca, the lecture's second scene, for its sliders
	if s := p.state(); s.Scene != "pca" {
		t.Fatalf("2: scene %s, want pca", s.Scene)
	}

	// Tab focuses the first slider, ] and [ move it a hundredth of the track.
	before := p.state().Params
	p.key(kb.Tab)
	p.key("]")
	after := p.state().Params
	moved := ""
	for k, v := range after {
		if v != before[k] {
			if moved != "" {
				t.Errorf("] moved %s and %s", moved, k)
			}
			moved = k
			if f, ok := v.(float64); !ok || f <= before[k].(float64) {
				t.Errorf("] moved %s from %v to %v: want up", k, before[k], v)
			}
		}
	}
	if moved == "" {
		t.Errorf("Tab then ] moved no slider: %v", after)
	} else {
		p.key("[")
		if v, w := p.state().Params[moved].(float64), before[moved].(float64); math.Abs(v-w) > 1e-9*math.Max(1, math.Abs(w)) {
			t.Errorf("[ after ] left %s at %v, want %v", moved, v, w)
		}
	}

	// ? opens the help over a dimmed screen; Esc closes it.
	plain := luminance(p.shot())
	p.key("?")
	withHelp := luminance(p.shot())
	p.screenshot("browser-help.png")
	p.key(kb.Escape)
	closed := luminance(p.shot())
	if withHelp > plain*0.9 || math.Abs(closed-plain) > 0.01 {
		t.Errorf("mean brightness %.3f, with help %.3f, after Esc %.3f: want the help to dim the screen and Esc to close it", plain, withHelp, closed)
	}

	// G, PageDown, PageUp and G again run the guided lecture.
	p.key("g")
	if q := p.search(); q.Get("tour") != "1" {
		t.Errorf("G: tour=%q, want 1", q.Get("tour"))
	}
	p.key(kb.PageDown)
	if q := p.search(); q.Get("tour") != "2" {
		t.Errorf("PageDown: tour=%q, want 2", q.Get("tour"))
	}
	p.key(kb.PageUp)
	if q := p.search(); q.Get("tour") != "1" {
		t.Errorf("PageUp: tour=%q, want 1", q.Get("tour"))
	}
	p.key("g")
	if q := p.search(); q.Has("tour") {
		t.Errorf("G again: tour=%q, want the lecture ended", q.Get("tour"))
	}

	// F: presenter mode, larger type in a high-contrast theme; H hides the
	// panels.
	plainShot := p.shot()
	p.key("f")
	if !until(func() bool { return p.search().Get("presenter") == "on" }) {
		t.Errorf("F: presenter=%q, want on", p.search().Get("presenter"))
	}
	p.frame()
	if f := changed(plainShot, p.shot()); f < 0.1 {
		t.Errorf("presenter mode changed %.1f%% of the screen", 100*f)
	}
	p.screenshot("browser-presenter.png")
	p.key("h")
	if q := p.search(); q.Get("panels") != "off" {
		t.Errorf("H: panels=%q, want off", q.Get("panels"))
	}
	p.screenshot("browser-presenter-no-panels.png")
	p.key("h")
	p.key("f")
	if q := p.search(); q.Has("presenter") || q.Has("panels") {
		t.Errorf("H and F again: address bar %q, want both back to their defaults", q.Encode())
	}

	// C copies the link to this setting.
	eval[any](p, `window.__clip = ""; navigator.clipboard.writeText = t => { window.__clip = t; return Promise.resolve(); }`)
	p.key("c")
	if !until(func() bool { return eval[string](p, `window.__clip`) != "" }) {
		t.Error("C put nothing on the clipboard")
	} else if clip, href := eval[string](p, `window.__clip`), eval[string](p, `location.href`); clip != href {
		t.Errorf("C copied %q, want the address of this setting %q", clip, href)
	}
	p.noErrors()
}

// TestBrowserExport: P downloads the plot as a PNG of the plot's size, the
// same pixels the canvas shows there.
func TestBrowserExport(t *testing.T) {
	const query = "?scene=contractive&seed=1&paused=1"
	p := open(t, query)
	p.train(500)
	p.focusCanvas(query)
	// Catch the download link's click instead of saving a file.
	eval[any](p, `window.__downloads = []; HTMLAnchorElement.prototype.click = function() { window.__downloads.push({name: this.download, href: this.href}); }`)
	screen := p.shot()
	p.key("p")
	if !until(func() bool { return eval[int](p, `window.__downloads.length`) > 0 }) {
		t.Fatal("P started no download")
	}
	name := eval[string](p, `window.__downloads[0].name`)
	img, raw := decodePNG(t, eval[string](p, `window.__downloads[0].href`))
	// The plot's width and left edge come from the layout; its height
	// depends on how the explanation's text wraps in the page's font, so
	// the test looks for the rows of the canvas the export matches.
	plot := p.layout(query).PlotRect()
	b := img.Bounds()
	// the width within a tenth of the native layout's: the browser measures
	// the legend's text in its own font, which moves the column's edge
	if math.Abs(float64(b.Dx())-plot.W) > 0.1*plot.W || b.Dy() < 200 || b.Dy() >= screen.Bounds().Dy()-100 || !strings.HasSuffix(name, ".png") || !strings.Contains(name, "contractive") {
		t.Fatalf("export %q is %v: want a .png named after the scene, %v pixels wide (the plot)", name, b, math.Ceil(plot.W))
	}
	x0 := int(math.Floor(plot.X))
	best, bestY := 1.0, -1
	for y0 := 0; y0+b.Dy() <= screen.Bounds().Dy(); y0++ {
		diff, n := 0, 0
		for y := 0; y < b.Dy(); y += 3 {
			for x := 0; x < b.Dx(); x += 3 {
				if rgb8(img.At(x, y)) != rgb8(screen.At(x0+x, y0+y)) {
					diff++
				}
				n++
			}
		}
		if f := float64(diff) / float64(n); f < best {
			best, bestY = f, y0
		}
	}
	if best > 0.01 {
		t.Errorf("the export matches no part of the canvas: at best (rows from %d) %.1f%% of its pixels differ", bestY, 100*best)
	}
	if math.Abs(float64(bestY)-plot.Y) > 2 {
		t.Errorf("the export shows the canvas from row %d; the plot starts at %v", bestY, plot.Y)
	}
	save(t, "browser-export.png", raw)
	p.noErrors()
}

// changed is the fraction of pixels (sampled) that differ between a and b,
// counting every pixel outside their common bounds as changed.
func changed(a, b image.Image) float64 {
	ab, bb := a.Bounds(), b.Bounds()
	diff, n := 0, 0
	for y := 0; y < max(ab.Dy(), bb.Dy()); y += 3 {
		for x := 0; x < max(ab.Dx(), bb.Dx()); x += 3 {
			n++
			in := image.Pt(x, y).In(ab) && image.Pt(x, y).In(bb)
			if !in || rgb8(a.At(x, y)) != rgb8(b.At(x, y)) {
				diff++
			}
		}
	}
	return float64(diff) / float64(n)
}

func rgb8(c interface{ RGBA() (r, g, b, a uint32) }) [3]uint32 {
	r, g, b, _ := c.RGBA()
	return [3]uint32{r >> 8, g >> 8, b >> 8}
}

// TestBrowserGuidedLecture walks the guided lecture from the first stop to
// the last with the keyboard: every stop shows its scene with its preset
// parameters, and nothing goes wrong in the console.
func TestBrowserGuidedLecture(t *testing.T) {
	const query = "?seed=1&paused=1"
	p := open(t, query)
	p.focusCanvas(query)
	p.key("g")
	for i, stop := range app.Tour {
		if i > 0 {
			p.key(kb.PageDown)
		}
		want := jsonState(t, app.New(app.Options{Scenes: scenes.All(), Query: app.ParseQuery("seed=1&scene=" + stop.Scene + "&" + app.FormatQuery(stop.Set))}).State())
		var s state
		if !until(func() bool {
			s = p.state()
			return p.search().Get("tour") == strconv.Itoa(i+1) && s.Scene == stop.Scene
		}) {
			t.Fatalf("stop %d: tour=%q, scene %s; want %d and %s", i+1, p.search().Get("tour"), s.Scene, i+1, stop.Scene)
		}
		for k, v := range want.Params {
			if s.Params[k] != v {
				t.Errorf("stop %d (%s): %s = %v, want %v", i+1, stop.Scene, k, s.Params[k], v)
			}
		}
		if i == 8 {
			p.screenshot("browser-tour.png")
		}
	}
	p.key(kb.PageDown) // past the last stop: stays there
	if got := p.search().Get("tour"); got != strconv.Itoa(len(app.Tour)) {
		t.Errorf("PageDown at the last stop: tour=%q, want %d", got, len(app.Tour))
	}
	p.key(kb.Escape)
	if p.search().Has("tour") {
		t.Error("Esc did not end the guided lecture")
	}
	p.noErrors()
}

// jsonState is s as aelab.state() gives it, through JSON (an undefined
// metric null, State.Values).
func jsonState(t *testing.T, s app.State) state {
	raw, err := json.Marshal(s.Values())
	if err != nil {
		t.Fatal(err)
	}
	var out state
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBrowserIdle: a paused, untouched page stops drawing; playing draws
// again; paused again, it stops again. Counted in WebGL draw calls
// (countDraws), read without calling aelab (each call asks for a frame),
// not in frames a second: the claim is "draws while playing, none while
// idle", which holds on a busy machine as on a quiet one.
func TestBrowserIdle(t *testing.T) {
	p := open(t, "?scene=denoise&seed=1&paused=1")
	p.settles("loaded paused")
	p.noDrawsFor(3*time.Second, "paused and untouched")

	eval[any](p, `aelab.play()`)
	step := p.state().Step
	// drawing goes on: the count moves between one look and the next,
	// five times over, with nothing but the play asking for frames
	moves, last := 0, p.draws()
	if !waitFor(frameWait, func() bool {
		if d := p.draws(); d > last {
			moves, last = moves+1, d
		}
		return moves >= 5
	}) {
		t.Fatalf("playing, the page drew at %d of the looks at it within %v, want 5", moves, frameWait)
	}
	if s := p.state(); s.Step <= step {
		t.Errorf("playing, the step stayed at %d while the page drew", s.Step)
	}

	eval[any](p, `aelab.pause()`)
	p.settles("paused again")
	p.noDrawsFor(3*time.Second, "paused again")
	p.noErrors()
}

// settles waits until the page stops drawing (a paused lab finishes the
// frames it was asked for, and a passing notice keeps it drawing until the
// notice fades), within frameWait.
func (p *page) settles(what string) {
	p.t.Helper()
	last := p.draws()
	quiet := time.Now()
	// quiet for a second, or for three times the longest wait between two
	// of its draws so far: on a loaded machine the frames it still owes
	// come seconds apart
	need := time.Second
	if !waitFor(frameWait, func() bool {
		if d := p.draws(); d != last {
			need = max(need, 3*time.Since(quiet))
			last, quiet = d, time.Now()
		}
		return time.Since(quiet) > need
	}) {
		p.t.Fatalf("%s, the page never stopped drawing for %v within %v", what, need, frameWait)
	}
}

// noDrawsFor fails if the page draws within d, untouched.
func (p *page) noDrawsFor(d time.Duration, what string) {
	p.t.Helper()
	before := p.draws()
	time.Sleep(d)
	if n := p.draws() - before; n != 0 {
		p.t.Errorf("%s, the page made %d draw calls in %v: want none", what, n, d)
	}
}

// checkStopClaims trains the stop shown for each of its claims' frames at
// its steps/frame (aelab.train, the same steps the frames would run) and
// checks the claims on state().metrics.
func (p *page) checkStopClaims(n int, how string) {
	p.t.Helper()
	stop := app.Tour[n-1]
	// a scene whose data are on their way (the digits, fetched when first
	// needed) measures nothing and trains nothing until they arrive
	if !p.measured() {
		p.t.Errorf("stop %d %s: the metrics of its claims never came: %v", n, how, p.state().Metrics)
	}
	for _, c := range stop.Expect {
		speed, _ := p.state().Params["speed"].(float64)
		steps := c.Frames * max(1, int(speed))
		s := p.train(steps)
		if ok, why := c.Check(s.Metrics); !ok {
			p.t.Errorf("stop %d %s (%.40s…), step %d: %q fails in the browser: %s", n, how, stop.Say, s.Step, c.Source, why)
		}
	}
}

// TestBrowserTourClaims checks every guided-lecture stop's claims in the
// page, reached as a class reaches them: through the lecture's Next key
// (PageDown) from the first stop, and by a link to the stop (?tour=N);
// TestTourClaims checks them natively through the frame loop (issue 10).
func TestBrowserTourClaims(t *testing.T) {
	// the two ways run side by side, a tab each: the page's program runs on
	// one core, and make test's browser tests leave the other idle
	t.Run("by Next", func(t *testing.T) {
		t.Parallel()
		const query = "?seed=1&paused=1"
		p := open(t, query)
		p.focusCanvas(query)
		p.key("g")
		for i := range app.Tour {
			if i > 0 {
				p.key(kb.PageDown)
			}
			if !until(func() bool { return p.search().Get("tour") == strconv.Itoa(i+1) }) {
				t.Fatalf("Next did not reach stop %d", i+1)
			}
			eval[chromedp.Void](p, `aelab.pause()`)
			p.checkStopClaims(i+1, "by Next")
		}
		p.noErrors()
	})
	t.Run("by link", func(t *testing.T) {
		t.Parallel()
		p := open(t, "?seed=2&paused=1")
		for i, stop := range app.Tour {
			if len(stop.Expect) == 0 {
				continue
			}
			u, _ := url.Parse(p.url)
			u.RawQuery = "tour=" + strconv.Itoa(i+1) + "&seed=2&paused=1"
			p.do(chromedp.Navigate(u.String()))
			p.waitReady(p.ctx)
			p.checkStopClaims(i+1, "by link")
		}
		p.noErrors()
	})
}
