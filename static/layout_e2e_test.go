package static

import (
	"context"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// TestBrowserPhonePageScrolls: on a phone (390×844, three device pixels a
// CSS pixel, touch) the page is taller than the screen, the canvas as tall
// as the page with every device pixel, a finger drawn up over the
// explanation scrolls the page, and after the scroll a tap on the Step
// button (far below the first screen) steps: positions count from the
// canvas, not the window.
func TestBrowserPhonePageScrolls(t *testing.T) {
	const query = "?scene=contractive&seed=1&paused=1"
	p := open(t, query, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateTouch))
	p.frame()
	p.frame()
	inner := eval[float64](p, `window.innerHeight`)
	bodyH := eval[float64](p, `document.body.clientHeight`)
	canvasH := eval[float64](p, `document.querySelector("canvas").height`)
	if bodyH < 1.5*inner {
		t.Fatalf("the page is %.0f px high on an %.0f px screen: it does not scroll", bodyH, inner)
	}
	if math.Abs(canvasH-3*bodyH) > 3 {
		t.Errorf("the canvas has %.0f device pixels of height for a %.0f px page", canvasH, bodyH)
	}
	la := p.layout(query)
	if got, want := bodyH, la.PageHeight()/3; math.Abs(got-want) > 0.05*want { // the test measures text as 0.55 em a character
		t.Errorf("the page is %.0f px high, the App asks for %.0f", got, want)
	}
	p.fullShot("browser-phone-page-contractive.png")

	// a finger drawn up from the readouts (below the plot, no control)
	// scrolls the page
	y0 := (la.PlotRect().Bottom() / 3) + 40
	p.swipe(195, math.Min(y0, inner-20), 195, 60)
	scrolled := eval[float64](p, `window.scrollY`)
	if scrolled < 100 {
		t.Fatalf("a swipe over the readouts scrolled the page by %.0f px", scrolled)
	}
	// then the Step button, wherever the page now shows it
	eval[any](p, `window.scrollTo(0, document.body.scrollHeight)`)
	p.frame()
	p.frame()
	sy := eval[float64](p, `window.scrollY`)
	b := p.stepButton(query)
	// counted from the page's end: the panel lies below the explanation,
	// whose wrapping differs between the real font and the test's
	// estimate; what lies below it does not
	fromEnd := (la.PageHeight() - (b.Y + b.H/2)) / 3
	bodyH = eval[float64](p, `document.body.clientHeight`)
	x, y := (b.X+b.W/2)/3, bodyH-fromEnd-sy
	if y < 0 || y > inner {
		t.Fatalf("the Step button at %.0f is not on the screen scrolled by %.0f", bodyH-fromEnd, sy)
	}
	p.tap(x, y)
	if !until(func() bool { return p.state().Step == 1 }) {
		t.Errorf("a tap on Step with the page scrolled by %.0f px: step %d, want 1", sy, p.state().Step)
	}
	p.screenshot("browser-phone-scrolled.png")
	p.noErrors()
}

// TestBrowserLayoutShots saves what the page shows at each size of issue
// 10, with and without presenter mode, in out/layout-*.png, for a person to
// look at: `make shots` (AELAB_SHOTS=1). It asserts only that no console
// error comes, so it stays out of make test (80 s quiet, 4 minutes on a
// busy machine); the layout's geometry is TestLayoutNeverCoversThePlot's.
// AELAB_SHOTS_QUERY=q1,q2 shows only the pages at q1, q2, at every size
// (with presenter=1 at the projector's), after AELAB_SHOTS_STEPS steps (300).
func TestBrowserLayoutShots(t *testing.T) {
	if os.Getenv("AELAB_SHOTS") == "" {
		t.Skip("screenshots for a person to look at: make shots")
	}
	steps := 300
	if v, err := strconv.Atoi(os.Getenv("AELAB_SHOTS_STEPS")); err == nil && v >= 0 {
		steps = v
	}
	sizes := []struct {
		name    string
		w, h    int64
		dpr     float64
		touch   bool
		queries []string
	}{
		{"390x844", 390, 844, 3, true, []string{"scene=sparse&view=2d", "tour=23", "scene=translate", "scene=deep"}},
		{"844x390", 844, 390, 3, true, []string{"scene=denoise"}},
		{"1280x800", 1280, 800, 1, false, []string{"scene=translate", "scene=pca", "scene=deep&data=digits", "scene=contractive&view=compare",
			"scene=sparse&view=2d&presenter=1", "tour=23"}},
		{"1920x1080", 1920, 1080, 1, false, []string{"scene=contractive&view=cae&presenter=1",
			"scene=sparse&view=sae&presenter=1", "tour=1&presenter=1", "tour=10&presenter=1"}},
	}
	if qs := os.Getenv("AELAB_SHOTS_QUERY"); qs != "" {
		for i := range sizes {
			sizes[i].queries = nil
			for _, q := range strings.Split(qs, ",") {
				if sizes[i].w == 1920 {
					q += "&presenter=1"
				}
				sizes[i].queries = append(sizes[i].queries, q)
			}
		}
	}
	for _, sz := range sizes {
		opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(sz.dpr)}
		if sz.touch {
			opts = append(opts, chromedp.EmulateTouch)
		}
		p := open(t, "?paused=1&"+sz.queries[0], chromedp.EmulateViewport(sz.w, sz.h, opts...))
		for i, q := range sz.queries {
			if i > 0 {
				p.navigate("?paused=1&seed=1&" + q)
			}
			for done := 0; done < steps; done += 500 { // train stops itself after ~1 s
				eval[any](p, fmt.Sprintf(`aelab.train(%d), 0`, min(500, steps-done)))
			}
			p.frame()
			p.frame()
			p.fullShot(fmt.Sprintf("layout-%s-%s.png", sz.name, sanitize(q)))
		}
		p.noErrors()
	}
}

// lastQuery is the "?…" end of a page's address.
func lastQuery(u string) string {
	for i := len(u) - 1; i >= 0; i-- {
		if u[i] == '?' {
			return u[i:]
		}
	}
	return ""
}

func sanitize(q string) string {
	b := []byte(q)
	for i, c := range b {
		if c == '=' || c == '&' {
			b[i] = '-'
		}
	}
	return string(b)
}

// navigate opens the page at query (after the server's root) and waits
// for the lab.
func (p *page) navigate(query string) {
	p.t.Helper()
	base := p.url[:len(p.url)-len(lastQuery(p.url))]
	p.url = base + query
	tctx, cancel := context.WithTimeout(p.ctx, 90e9)
	defer cancel()
	if _, err := chromedp.Run(tctx, chromedp.Navigate(p.url)); err != nil {
		p.t.Fatalf("navigate %s: %v", p.url, err)
	}
	p.waitReady(tctx)
}

// fullShot saves the whole page, below the screen too, to out/name.
func (p *page) fullShot(name string) {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatal(err)
	}
	save(p.t, name, buf)
}

// stepButton is where the App puts its Step button, in device pixels.
func (p *page) stepButton(query string) (r struct{ X, Y, W, H float64 }) {
	a := p.layout(query)
	b := a.StepBounds()
	return struct{ X, Y, W, H float64 }{b.X, b.Y, b.W, b.H}
}

// swipe drags one finger from (x0, y0) to (x1, y1), CSS pixels in the
// window, in ten moves.
func (p *page) swipe(x0, y0, x1, y1 float64) {
	p.t.Helper()
	id := 1.0
	send := func(typ input.DispatchTouchEventType, x, y float64) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			params := input.DispatchTouchEventParams{Type: typ, TouchPoints: []*input.TouchPoint{}}
			if typ != input.DispatchTouchEventTypeTouchEnd {
				params.TouchPoints = []*input.TouchPoint{{X: x, Y: y, ID: &id}}
			}
			_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, params)
			return err
		})
	}
	p.do(send(input.DispatchTouchEventTypeTouchStart, x0, y0))
	for i := 1; i <= 10; i++ {
		f := float64(i) / 10
		p.do(send(input.DispatchTouchEventTypeTouchMove, x0+f*(x1-x0), y0+f*(y1-y0)))
	}
	p.do(send(input.DispatchTouchEventTypeTouchEnd, x1, y1))
	p.frame()
}

// tap puts a finger down and up at (x, y), CSS pixels in the window.
func (p *page) tap(x, y float64) { p.touch(x, y, x, y) }
