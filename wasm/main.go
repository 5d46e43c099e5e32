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
	// WebAssembly memory only grows: the heap may reach the collector's goal
	// before the first collection after start-up, and stays that large.
	// With GOGC at 400 the goal was five times the live heap (live 14 MB,
	// goal 70 MB): a page playing for minutes grew from 49 to 70 MB
	// (issue 11). A frame of the lab itself now allocates nothing (ebiten's
	// WebGL calls some 15 small objects), so the default goal, twice the
	// live heap, lies inside the memory start-up already took and costs a
	// collection every few minutes of play.
	debug.SetGCPercent(100)
	query := app.ParseQuery(js.Global().Get("location").Get("search").String())
	a := app.New(app.Options{Scenes: scenes.All(), Query: query})
	for _, w := range a.Warnings() {
		js.Global().Get("console").Call("warn", "aelab: "+w)
	}
	g := game.New(a)
	platform(g, a)
	newScrollPage(g, a)
	api := newAPI(g)
	g.OnFirstFrame = api.install
	ebiten.SetWindowTitle("Autoencoder Lab")
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
