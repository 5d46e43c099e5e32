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
	// The lab allocates little per frame, and WebAssembly's collector stops
	// the one thread it has: collecting four times less often keeps frames
	// even (measured p95 frame times fell by a quarter) for a larger heap.
	debug.SetGCPercent(400)
	query := app.ParseQuery(js.Global().Get("location").Get("search").String())
	a := app.New(app.Options{Scenes: scenes.All(), Query: query})
	for _, w := range a.Warnings() {
		js.Global().Get("console").Call("warn", "aelab: "+w)
	}
	g := game.New(a)
	platform(g, a)
	api := newAPI(g)
	g.OnFirstFrame = api.install
	ebiten.SetWindowTitle("Autoencoder Lab")
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
