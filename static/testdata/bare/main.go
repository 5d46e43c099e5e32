//go:build js

// Command bare is the yardstick of the lab's start-up (issue 12): the
// least an ebiten program can do, a screen filled with one colour, built to
// WebAssembly and loaded by the lab's own page (index.html, loader.js) from
// the same server. TestBrowserFirstFrame times its first frame against the
// lab's.
package main

import (
	"image/color"
	"log"

	"github.com/hajimehoshi/ebiten/v2"
)

type fill struct{}

func (fill) Update() error { return nil }

func (fill) Draw(screen *ebiten.Image) { screen.Fill(color.RGBA{0x20, 0x30, 0x40, 0xff}) }

func (fill) Layout(w, h int) (int, int) { return w, h }

func main() {
	if err := ebiten.RunGame(fill{}); err != nil {
		log.Fatal(err)
	}
}
