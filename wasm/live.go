//go:build js

package main

import (
	"syscall/js"

	"aelab/scenes/app"
)

// liveRegion is the page's aria-live region (#aelab-live in index.html):
// the App's text alternative of the canvas (App.LiveText) goes there, and
// a screen reader speaks it when it changes.
type liveRegion struct{ el js.Value }

// announce writes text into the region. A text asked for again (the key A)
// that equals what the region holds would not be spoken: a no-break space
// is added or taken off its end so the region changes.
func (r liveRegion) announce(text string) {
	if r.el.IsNull() || r.el.IsUndefined() {
		return
	}
	if cur := r.el.Get("textContent").String(); cur == text {
		text += "\u00a0"
	}
	r.el.Set("textContent", text)
}

// reducedMotion reports whether the reader asked the system for less
// motion (prefers-reduced-motion: reduce): the lab then opens paused.
func reducedMotion() bool {
	mm := js.Global().Get("matchMedia")
	if mm.Type() != js.TypeFunction {
		return false
	}
	return js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Truthy()
}

// liveAnnounce hands the App's text alternative to the page's region.
func liveAnnounce(a *app.App) {
	r := liveRegion{el: js.Global().Get("document").Call("getElementById", "aelab-live")}
	a.Platform.Announce = r.announce
}
