// Command gen writes docs/parameters.md from the registry: every URL
// parameter (= desktop flag) of the App and of each scene with its range,
// default and help, the parts a link can hide, and each scene's metrics
// (state().metrics, the readouts) with the settings that show them. A test
// (TestDocsAreCurrent) fails when the file is stale: run go generate ./docs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"aelab/scenes"
	"aelab/scenes/app"
	"aelab/scenes/param"
	"aelab/scenes/scene"
)

func main() {
	out := flag.String("o", "parameters.md", "file to write")
	flag.Parse()
	if err := os.WriteFile(*out, Text(), 0o644); err != nil {
		log.Fatal(err)
	}
}

// Text is the page.
func Text() []byte {
	var b bytes.Buffer
	a := app.New(app.Options{Scenes: scenes.All()})
	b.WriteString(`# URL parameters, desktop flags and metrics

<!-- Written by go generate ./docs from the scenes' declarations: do not edit. -->

Every parameter is a URL query parameter of the web page and a flag of the desktop app, with the
same name and values: ` + "`index.html?scene=denoise&noise=0.3&paused=1`" + ` is
` + "`aelab -scene denoise -noise 0.3 -paused`" + `, and ` + "`aelab.set(\"noise\", 0.3)`" + ` in a script. A value out
of range is clamped, one that does not parse falls back to the default, an unknown name is
ignored: each is listed in ` + "`aelab.state().warnings`" + ` and shown on screen, never an error.
A scene's parameters apply to that scene; *live* ones change the model as it trains, the others
restart training from new weights.

On/off values: ` + "`1`, `0`, `true`, `false`, `on`, `off`, `yes`, `no`" + `; a desktop flag alone (` + "`-paused`" + `) means on.

## The lab

`)
	table(&b, a.AppSpecs(), false)
	b.WriteString(`
Hiding (as TensorFlow Playground's ` + "`_hide`" + ` parameters): ` + "`NAME_hide=1`" + ` hides the control of any
parameter NAME above or below, or one of these parts of the screen: ` + code(app.Hideable()) + `.

Desktop only: ` + "`-screenshot file.png`" + ` saves the plot after ` + "`-steps n`" + ` training steps and exits;
` + "`-scale s`" + ` draws at s pixels per point (2: a figure twice as wide and high, for print);
` + "`-help`" + ` lists every flag.
`)
	for _, sc := range a.Scenes() {
		info := sc.Info()
		fmt.Fprintf(&b, "\n## Scene `%s`: %s\n\n%s. Slides: %s.\n\n", info.ID, info.Tab, info.Title, strings.TrimPrefix(info.Slides, "lecture: "))
		table(&b, info.Params.Specs, true)
		b.WriteString("\nMetrics (`aelab.state().metrics` and the readouts):\n\n| metric | on screen | shown |\n|---|---|---|\n")
		for _, m := range metrics(info.ID, info.Params.Specs) {
			label := m.Label
			if m.Unit != "" {
				label += " (" + m.Unit + ")"
			}
			where := "always"
			if len(m.where) > 0 {
				where = strings.Join(m.where, ", ")
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", m.Name, cell(label), where)
		}
	}
	return b.Bytes()
}

// table writes a parameter table; live adds whether each applies to the
// model as it trains or restarts training.
func table(b *bytes.Buffer, specs []param.Spec, live bool) {
	if live {
		b.WriteString("| name | values | default | what it does | live |\n|---|---|---|---|---|\n")
	} else {
		b.WriteString("| name | values | default | what it does |\n|---|---|---|---|\n")
	}
	for _, sp := range specs {
		var values string
		switch sp.Kind {
		case param.Choice:
			values = code(sp.Choices)
		case param.Bool:
			values = "on/off"
		default:
			values = fmt.Sprintf("%s … %s", sp.Format(sp.Min), sp.Format(sp.Max))
			if sp.Kind == param.Int {
				values += ", whole"
			}
			if sp.Unit != "" {
				values += " " + sp.Unit
			}
			if sp.Log {
				values += " (log slider)"
			}
		}
		fmt.Fprintf(b, "| `%s` | %s | `%s` | %s |", sp.Name, values, sp.Format(sp.Default), cell(sp.Help))
		switch {
		case !live:
		case sp.Resets:
			b.WriteString(" restarts |")
		default:
			b.WriteString(" yes |")
		}
		b.WriteString("\n")
	}
}

type metric struct {
	scene.Metric
	where []string // the settings that show it, when the default does not
}

// metrics lists a scene's metrics under its default settings and under
// each value of each of its choices and switches, in the order they first
// appear.
func metrics(id string, specs []param.Spec) []metric {
	var out []metric
	index := map[string]int{}
	add := func(query, where string) {
		a := app.New(app.Options{Scenes: scenes.All(), Query: app.ParseQuery("scene=" + id + query)})
		for _, sc := range a.Scenes() {
			if sc.Info().ID != id {
				continue
			}
			for _, m := range sc.Info().Metrics {
				i, ok := index[m.Name]
				if !ok {
					index[m.Name] = len(out)
					out = append(out, metric{Metric: m})
					i = len(out) - 1
					if where != "" {
						out[i].where = []string{where}
					}
					continue
				}
				if len(out[i].where) > 0 && where != "" && !contains(out[i].where, where) {
					out[i].where = append(out[i].where, where)
				}
				if where == "" {
					out[i].where = nil
				}
			}
		}
	}
	add("", "")
	for _, sp := range specs {
		switch sp.Kind {
		case param.Choice:
			for i, c := range sp.Choices {
				if float64(i) != sp.Default {
					add("&"+sp.Name+"="+c, "`"+sp.Name+"="+c+"`")
				}
			}
		case param.Bool:
			v := "1"
			if sp.Default != 0 {
				v = "0"
			}
			add("&"+sp.Name+"="+v, "`"+sp.Name+"="+v+"`")
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func code(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = "`" + s + "`"
	}
	return strings.Join(q, ", ")
}

// cell keeps a table cell on its row.
func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
