//go:build js

package main

import (
	"fmt"
	"math"
	"syscall/js"

	"aelab/scenes/app"
	"aelab/scenes/game"
	"aelab/scenes/ui"
)

// platform is what the browser does for the App: full screen, links on the
// clipboard, the plot as a PNG download, the state in the address bar.
func platform(g *game.Game, l *app.App) {
	full := newFullscreen(g)
	l.Platform = app.Platform{
		Fullscreen: full.set,
		CopyLink:   func(query string) string { return copyLink(g, query) },
		Link:       link,
		Export: func(r ui.Rect) string {
			st := l.State()
			return exportPNG(r, fmt.Sprintf("aelab-%s-step%d.png", st.Scene, st.Step))
		},
	}
	// Every change of what a link carries rewrites the address, without a
	// new history entry: a reload or a copied address restores the setting.
	g.OnChange = func(query string) {
		loc := js.Global().Get("location")
		url := loc.Get("pathname").String() + "?" + query + loc.Get("hash").String()
		js.Global().Get("history").Call("replaceState", js.Null(), "", url)
	}
}

// fullscreen puts the canvas in full screen and takes it out, for
// presenter mode. ebiten.SetFullscreen does the same but drops the promise
// requestFullscreen returns, and browsers reject it unless it comes right
// after a click or a key press (transient user activation): a script's
// aelab.set('presenter', 1) then left an uncaught rejection. Here a request
// without a gesture is not made, a refusal is caught, and either is said
// in a warning: presenter mode itself (large type, high contrast) is on.
type fullscreen struct {
	g       *game.Game
	refused js.Func // requestFullscreen's rejection handler, for the page's lifetime
	ignore  js.Func // exitFullscreen's: leaving cannot fail in a way worth a word
}

func newFullscreen(g *game.Game) *fullscreen {
	f := &fullscreen{g: g}
	f.refused = js.FuncOf(func(js.Value, []js.Value) any {
		f.warn("Presenter mode is on, but the browser refused full screen here (its own full screen, F11, may still work).")
		return nil
	})
	f.ignore = js.FuncOf(func(js.Value, []js.Value) any { return nil })
	return f
}

func (f *fullscreen) set(on bool) {
	doc := js.Global().Get("document")
	inFull := doc.Get("fullscreenElement").Truthy() || doc.Get("webkitFullscreenElement").Truthy()
	if on == inFull {
		return
	}
	if !on {
		for _, name := range []string{"exitFullscreen", "webkitExitFullscreen"} {
			if doc.Get(name).Truthy() {
				catch(doc.Call(name), f.ignore)
				return
			}
		}
		return
	}
	// navigator.userActivation (Chrome 72, Firefox 120, Safari 16.4) says
	// whether a gesture is fresh; where it is missing, ask and catch.
	if act := js.Global().Get("navigator").Get("userActivation"); act.Truthy() && !act.Get("isActive").Bool() {
		f.warn("Presenter mode is on without full screen: the browser allows full screen only right after a click or a key press (press F twice, or F11).")
		return
	}
	canvas := doc.Call("querySelector", "canvas")
	if canvas.IsNull() {
		return
	}
	for _, name := range []string{"requestFullscreen", "webkitRequestFullscreen"} {
		if canvas.Get(name).Truthy() {
			catch(canvas.Call(name), f.refused)
			return
		}
	}
	f.warn("Presenter mode is on without full screen: this browser has no full screen for web pages.")
}

// warn lists text among the warnings. A goroutine: set runs inside a
// frame or an aelab call, which holds the App.
func (f *fullscreen) warn(text string) {
	go f.g.Do(func(l *app.App) { l.Warn(text) })
}

// catch handles a promise's rejection with onReject; the prefixed
// functions of older Safari return no promise.
func catch(promise js.Value, onReject js.Func) {
	if promise.Type() == js.TypeObject && promise.Get("catch").Type() == js.TypeFunction {
		promise.Call("catch", onReject)
	}
}

// link returns the page's address with the given query.
func link(query string) string {
	loc := js.Global().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String() + "?" + query
}

// copyLink puts a link to the setting on the clipboard. The key press or
// click that asks for it is a user gesture, which the clipboard needs; a
// browser that still refuses gets the link shown instead.
func copyLink(g *game.Game, query string) string {
	url := link(query)
	clip := js.Global().Get("navigator").Get("clipboard")
	if clip.IsUndefined() || clip.IsNull() {
		return "Copy this link (the clipboard is not available here): " + url
	}
	var copied, refused js.Func
	copied = js.FuncOf(func(js.Value, []js.Value) any {
		copied.Release()
		refused.Release()
		return nil
	})
	refused = js.FuncOf(func(js.Value, []js.Value) any {
		copied.Release()
		refused.Release()
		// A goroutine: the frame that asked may still hold the App.
		go g.Do(func(l *app.App) {
			l.Notify("The browser did not allow the clipboard; copy this link: " + url)
		})
		return nil
	})
	clip.Call("writeText", url).Call("then", copied, refused)
	return "Link to this setting copied: paste it to share it."
}

// exportPNG downloads the part r of the canvas (device pixels) as a PNG:
// the canvas keeps its last frame (preserveDrawingBuffer, see index.html),
// a 2-D canvas crops it, and a link with a download name saves it.
func exportPNG(r ui.Rect, name string) string {
	doc := js.Global().Get("document")
	src := doc.Call("querySelector", "canvas")
	if src.IsNull() {
		return "Nothing to export yet."
	}
	x, y := math.Floor(r.X), math.Floor(r.Y)
	w, h := math.Ceil(r.W), math.Ceil(r.H)
	crop := doc.Call("createElement", "canvas")
	crop.Set("width", w)
	crop.Set("height", h)
	crop.Call("getContext", "2d").Call("drawImage", src, x, y, w, h, 0, 0, w, h)
	a := doc.Call("createElement", "a")
	a.Set("download", name)
	a.Set("href", crop.Call("toDataURL", "image/png"))
	a.Call("click")
	return "Saved the plot as " + name + " (your downloads)."
}
