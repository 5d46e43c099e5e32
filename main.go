//go:build !js

// Command aelab opens Autoencoder Lab in a desktop window. Its flags are the
// URL parameters of the web version: -scene pca -seed 1 -lr 0.05 -paused.
// Run with -help for the list.
//
// With -screenshot out.png it renders a figure for lecture notes instead:
// it trains -steps N steps, saves the plot as a PNG and exits.
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/hajimehoshi/ebiten/v2"

	"aelab/scenes"
	"aelab/scenes/app"
	"aelab/scenes/game"
)

func main() {
	args, err := app.ParseNative(os.Args[1:], scenes.All())
	if err != nil {
		log.Fatal(err)
	}
	if args.Help {
		app.Usage(os.Stdout, app.New(app.Options{Scenes: scenes.All()}))
		return
	}
	a := app.New(app.Options{Scenes: scenes.All(), Query: args.Query})
	for _, w := range a.Warnings() {
		log.Print("warning: ", w)
	}
	g := game.New(a)
	a.Platform = app.Platform{
		Fullscreen: ebiten.SetFullscreen,
		Export:     g.ExportFile,
		CopyLink:   app.FlagsFor,
	}
	if args.Screenshot != "" {
		g.OnFirstFrame = func() {
			a.Train(args.Steps)
			g.SaveFigureAfterFrame(args.Screenshot, func(path string, err error) {
				if err != nil {
					log.Printf("-screenshot: %v", err)
					os.Exit(1)
				}
				fmt.Printf("saved the plot after %d steps as %s\n", args.Steps, path)
				g.Quit = true
			})
		}
	}
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetWindowSizeLimits(480, 360, -1, -1) // smaller leaves no room for a plot
	ebiten.SetWindowTitle("Autoencoder Lab")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
