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

	// -h, -help and a missing display are answered first, before ebiten's
	// package init needs the display.
	_ "aelab/internal/early"
	"aelab/scenes"
	"aelab/scenes/app"
	"aelab/scenes/game"
)

func main() {
	args, err := app.ParseNative(os.Args[1:], scenes.All())
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range args.Warnings {
		log.Print("warning: ", w)
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
	g.Scale = args.Scale
	a.Platform = app.Platform{
		Fullscreen: ebiten.SetFullscreen,
		Export:     g.ExportFile,
		CopyLink:   app.FlagsFor,
	}
	if args.Screenshot != "" {
		g.OnFirstFrame = func() {
			report := trainSteps(a, args.Steps)
			g.SaveFigureAfterFrame(args.Screenshot, func(path string, err error) {
				if err != nil {
					log.Printf("-screenshot: %v", err)
					os.Exit(1)
				}
				fmt.Printf("%s; saved the plot as %s\n", report, path)
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

// trainSteps runs the -steps of a figure and says how many ran: all of
// them, or those before training diverged (the figure then shows the
// weights the lab went back to, and the notice). Train keeps a page
// responsive by stopping a long call early; a figure has no page, so it
// calls again until the steps are done.
func trainSteps(a *app.App, n int) string {
	start := a.Step()
	for a.Step()-start < n {
		before := a.Step()
		a.Train(n - (before - start))
		if at, restored, diverged := a.Diverged(); diverged {
			advice := ""
			if info := a.Scene().Info(); info.Params.Index("lr") >= 0 && info.Uses("lr") {
				advice = " (the steps were too large: lower -lr)"
			}
			return fmt.Sprintf("trained %d of %d steps: training diverged at step %d%s and went back to the weights of step %d",
				a.Step()-start, n, at, advice, restored)
		}
		if a.Step() == before {
			break // a scene that cannot step
		}
	}
	return fmt.Sprintf("trained %d of %d steps", a.Step()-start, n)
}
