//go:build js

// Command wasm is Autoencoder Lab in the browser: the same App as the
// desktop window, with the URL query as its parameters and window.aelab
// (DESIGN.md) as its scripting interface. Build it with `make web`.
package main

import (
	"log"
	"runtime/debug"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"aelab/scenes"
	"aelab/scenes/app"
	"aelab/scenes/game"
)

func main() {
	// WebAssembly memory only grows: the heap reaches the collector's goal
	// whenever something allocates, and the memory stays that large. With
	// GOGC at 400 the goal was five times the live heap: a page playing for
	// minutes grew from 49 to 70 MB (issue 11). A frame of the lab now
	// allocates nothing while it plays, but a change does (a slider drag
	// reshapes the data and recomputes PCA): with the default 100, 2000
	// aelab.set calls grew the memory from 45.6 to 66.6 MB while the live
	// heap stayed at 27.6 MB and the goal at 55.3 MB — the collector's
	// slack, not a leak (make soak). At 50 the goal is 1.5 times the live
	// heap, which halves that slack for a collection twice as often during
	// a drag (none while it plays).
	debug.SetGCPercent(50)
	query := app.ParseQuery(js.Global().Get("location").Get("search").String())
	if reducedMotion() {
		query = app.OpenPaused(query)
	}
	a := app.New(app.Options{Scenes: scenes.All(), Query: query})
	for _, w := range a.Warnings() {
		js.Global().Get("console").Call("warn", "aelab: "+w)
	}
	g := game.New(a)
	platform(g, a)
	liveAnnounce(a)
	newScrollPage(g, a)
	api := newAPI(g)
	g.OnFirstFrame = api.install
	ebiten.SetWindowTitle("Autoencoder Lab")
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
