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
	"io"
	"log"
	"os"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"aelab/scenes"
	"aelab/scenes/game"
	"aelab/scenes/param"
)

func main() {
	all := scenes.New(scenes.Options{})
	query, help := parseArgs(os.Args[1:], all.ParamSpecs())
	if help {
		usage(os.Stdout, all)
		return
	}
	// -screenshot and -steps are the desktop's own, not parameters
	var shot string
	steps := 0
	kept := query[:0]
	for _, kv := range query {
		switch kv.Name {
		case "screenshot":
			shot = kv.Value
		case "steps":
			n, err := strconv.Atoi(kv.Value)
			if err != nil || n < 0 {
				log.Fatalf("-steps %q: want a number of training steps", kv.Value)
			}
			steps = n
		default:
			kept = append(kept, kv)
		}
	}
	if shot != "" {
		kept = append(kept, scenes.KV{Name: "paused", Value: "1"})
	}
	app := scenes.New(scenes.Options{Query: kept})
	for _, w := range app.Warnings() {
		log.Print("warning: ", w)
	}
	g := game.New(app)
	app.Platform = scenes.Platform{
		Fullscreen: ebiten.SetFullscreen,
		Export:     g.ExportFile,
		CopyLink: func(query string) string {
			flags := "aelab"
			for _, kv := range scenes.ParseQuery(query) {
				flags += " -" + kv.Name + " " + kv.Value
			}
			fmt.Println(flags)
			return "The command for this setting is on the terminal: " + flags
		},
	}
	if shot != "" {
		g.OnFirstFrame = func() {
			app.Train(steps)
			g.SaveFigureAfterFrame(shot, func(path string, err error) {
				if err != nil {
					log.Printf("-screenshot: %v", err)
					os.Exit(1)
				}
				fmt.Printf("saved the plot after %d steps as %s\n", steps, path)
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

// parseArgs reads -name value, -name=value and, for on/off parameters, a
// bare -name, in the order given. It checks nothing: the App does, exactly
// as for a URL, and turns a bad value or an unknown name into a warning on
// screen rather than an exit.
func parseArgs(args []string, specs []param.Spec) (query []scenes.KV, help bool) {
	kind := map[string]param.Kind{}
	for _, s := range specs {
		kind[s.Name] = s.Kind
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			query = append(query, scenes.KV{Name: a}) // reported as unknown
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case name == "help" || name == "h":
			return nil, true
		case hasValue:
		case kind[name] == param.Bool:
			// a bare on/off flag is on, unless an on/off word follows
			if i+1 < len(args) && isBoolWord(args[i+1]) {
				i++
				value = args[i]
			}
		case i+1 < len(args):
			i++
			value = args[i]
		}
		query = append(query, scenes.KV{Name: name, Value: value})
	}
	return query, false
}

func isBoolWord(s string) bool {
	switch strings.ToLower(s) {
	case "0", "1", "true", "false", "on", "off", "yes", "no":
		return true
	}
	return false
}

// usage lists the flags: the App's, then each scene's (a name such as lr
// has its own range in each scene).
func usage(w io.Writer, a *scenes.App) {
	fmt.Fprint(w, "Usage: aelab [-name value]…\n\nAutoencoder Lab: the lecture on autoencoders, trained live.\nThe flags are the web version's URL parameters.\n\n")
	fmt.Fprint(w, "  -screenshot file.png\n    \tsave the plot as a PNG after -steps training steps, and exit (a figure for lecture notes)\n")
	fmt.Fprint(w, "  -steps n\n    \ttraining steps before -screenshot (default 0)\n")
	specs(w, a.AppSpecs())
	for _, sc := range a.Scenes() {
		fmt.Fprintf(w, "\nScene %s (%s):\n", sc.Info().ID, sc.Info().Tab)
		specs(w, sc.Params().Specs)
	}
	fmt.Fprint(w, "\nAny name with _hide (-lr_hide, -explain_hide) hides that control or part of the screen.\n")
}

func specs(w io.Writer, list []param.Spec) {
	for _, sp := range list {
		switch sp.Kind {
		case param.Choice:
			fmt.Fprintf(w, "  -%s %s\n    \t%s (default %s)\n", sp.Name, strings.Join(sp.Choices, "|"), sp.Help, sp.Format(sp.Default))
		case param.Bool:
			fmt.Fprintf(w, "  -%s\n    \t%s\n", sp.Name, sp.Help)
		default:
			fmt.Fprintf(w, "  -%s %s…%s\n    \t%s (default %s)\n", sp.Name, sp.Format(sp.Min), sp.Format(sp.Max), sp.Help, sp.Format(sp.Default))
		}
	}
}
