//go:build js

package main

import (
	"fmt"
	"math"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"aelab/scenes/app"
	"aelab/scenes/game"
	"aelab/scenes/ui"
)

// platform is what the browser does for the App: full screen, links on the
// clipboard, the plot as a PNG download, the state in the address bar.
func platform(g *game.Game, l *app.App) {
	l.Platform = app.Platform{
		Fullscreen: ebiten.SetFullscreen,
		CopyLink:   func(query string) string { return copyLink(g, query) },
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
