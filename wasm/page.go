//go:build js

package main

import (
	"math"
	"strconv"
	"syscall/js"

	"aelab/scenes/app"
	"aelab/scenes/game"
)

// scrollPage lets the page scroll on a phone (issue 10): the App stands its
// parts one under another there — the plot, the whole explanation, the
// whole parameter list — on a canvas taller than the screen. ebiten sizes
// its canvas to the body, so the body is made as tall as App.PageHeight
// (and ebiten told, by the resize event it listens to). ebiten reports
// positions in the window; the game adds the page's scroll. A finger put
// down where the lab needs none (the readouts, the explanation, the panel
// between its controls) is kept from ebiten, which would cancel the
// browser's scrolling, so the page scrolls under it.
type scrollPage struct {
	g         *game.Game
	body      js.Value
	bodyH     float64 // the body height set, CSS pixels (0: the stylesheet's 100%)
	viewH     float64 // window.innerHeight, CSS pixels
	dpr       float64 // window.devicePixelRatio
	scrolling bool    // the fingers down move the page, not the lab
	funcs     []js.Func
	resize    js.Func // tells ebiten the body changed, after the frame
}

func newScrollPage(g *game.Game, a *app.App) *scrollPage {
	win := js.Global()
	p := &scrollPage{g: g, body: win.Get("document").Get("body")}
	a.Platform.Scrolls = true
	p.viewH, p.dpr = win.Get("innerHeight").Float(), win.Get("devicePixelRatio").Float()
	p.resize = js.FuncOf(func(js.Value, []js.Value) any {
		win.Call("dispatchEvent", win.Get("Event").New("resize"))
		return nil
	})
	listen := func(target js.Value, name string, opts map[string]any, f func(e js.Value)) {
		fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
			f(args[0])
			return nil
		})
		p.funcs = append(p.funcs, fn)
		target.Call("addEventListener", name, fn, opts)
	}
	listen(win, "resize", map[string]any{"passive": true}, func(js.Value) {
		p.viewH, p.dpr = win.Get("innerHeight").Float(), win.Get("devicePixelRatio").Float()
	})
	listen(win, "scroll", map[string]any{"passive": true}, func(js.Value) {
		g.SetScroll(win.Get("scrollX").Float()*p.dpr, win.Get("scrollY").Float()*p.dpr)
	})
	// capture: before ebiten's own listeners on the canvas
	capture := map[string]any{"capture": true, "passive": true}
	listen(win, "touchstart", capture, func(e js.Value) {
		if !p.scrolling && e.Get("touches").Length() == 1 {
			t := e.Get("touches").Index(0)
			p.scrolling = !g.WantsTouch(t.Get("clientX").Float()*p.dpr, t.Get("clientY").Float()*p.dpr)
		}
		if p.scrolling {
			e.Call("stopPropagation")
		}
	})
	listen(win, "touchmove", capture, func(e js.Value) {
		if p.scrolling {
			e.Call("stopPropagation")
		}
	})
	for _, name := range []string{"touchend", "touchcancel"} {
		listen(win, name, capture, func(e js.Value) {
			if p.scrolling {
				e.Call("stopPropagation")
				p.scrolling = e.Get("touches").Length() > 0
			}
		})
	}
	g.OnUpdate = p.update
	return p
}

// update runs after each Update: it tells the App the screen's height and
// makes the body as tall as the App's page.
func (p *scrollPage) update(a *app.App) {
	dpr := math.Max(p.dpr, 0.25)
	a.SetViewport(math.Ceil(p.viewH * dpr))
	want := 0.0 // the stylesheet's 100%
	if ph := a.PageHeight() / dpr; ph > p.viewH+1 {
		want = math.Ceil(ph)
	}
	if want == p.bodyH {
		return
	}
	p.bodyH = want
	if want == 0 {
		p.body.Get("style").Set("height", "100%")
	} else {
		p.body.Get("style").Set("height", strconv.FormatFloat(want, 'f', 0, 64)+"px")
	}
	js.Global().Call("setTimeout", p.resize, 0)
}
