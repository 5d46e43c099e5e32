//go:build !js

// Command aelab opens Autoencoder Lab in a desktop window. Its flags are the
// URL parameters of the web version: -scene pca -seed 1 -lr 0.05 -paused.
// Run with -help for the list.
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"aelab/scenes"
	"aelab/scenes/game"
	"aelab/scenes/param"
)

func main() {
	specs := scenes.New(scenes.Options{}).ParamSpecs()
	query, help := parseArgs(os.Args[1:], specs)
	if help {
		usage(os.Stdout, specs)
		return
	}
	app := scenes.New(scenes.Options{Query: query})
	for _, w := range app.Warnings() {
		log.Print("warning: ", w)
	}
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetWindowTitle("Autoencoder Lab")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(game.New(app)); err != nil {
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

func usage(w io.Writer, specs []param.Spec) {
	fmt.Fprint(w, "Usage: aelab [-name value]…\n\nAutoencoder Lab: the lecture on autoencoders, trained live.\nThe flags are the web version's URL parameters.\n\n")
	for _, sp := range specs {
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
