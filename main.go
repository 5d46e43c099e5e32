//go:build !js

// Command aelab opens Autoencoder Lab in a desktop window. Its flags mirror
// the URL parameters of the web version: -scene pca -seed 1 -lr 0.05 -paused.
// Run with -help for the list.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/hajimehoshi/ebiten/v2"

	"aelab/scenes"
	"aelab/scenes/game"
	"aelab/scenes/param"
)

func main() {
	query := parseFlags(os.Args[1:])
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

// paramFlag collects one parameter given on the command line, in order.
type paramFlag struct {
	name  string
	bool  bool
	query *[]scenes.KV
}

func (f *paramFlag) String() string { return "" }
func (f *paramFlag) Set(v string) error {
	*f.query = append(*f.query, scenes.KV{Name: f.name, Value: v})
	return nil
}
func (f *paramFlag) IsBoolFlag() bool { return f.bool }

// parseFlags declares one flag per parameter of every scene (the App's
// declarations) and returns those given, in the order given. Values are
// checked by the App, which warns instead of failing, as the web page does.
func parseFlags(args []string) []scenes.KV {
	var query []scenes.KV
	fs := flag.NewFlagSet("aelab", flag.ExitOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: aelab [flags]\n\nAutoencoder Lab: the lecture on autoencoders, trained live. The flags are the web version's URL parameters.\n\n")
		fs.PrintDefaults()
	}
	for _, sp := range scenes.New(scenes.Options{}).ParamSpecs() {
		fs.Var(&paramFlag{name: sp.Name, bool: sp.Kind == param.Bool, query: &query}, sp.Name, usage(sp))
	}
	fs.Parse(args)
	return query
}

func usage(sp param.Spec) string {
	switch sp.Kind {
	case param.Choice:
		return fmt.Sprintf("%s (%s; default %s)", sp.Help, sp.Label, sp.Format(sp.Default))
	case param.Bool:
		return sp.Help
	}
	return fmt.Sprintf("%s (%s in [%s, %s]; default %s)", sp.Help, sp.Label, sp.Format(sp.Min), sp.Format(sp.Max), sp.Format(sp.Default))
}
