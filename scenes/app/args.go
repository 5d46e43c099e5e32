package app

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"aelab/scenes/param"
	"aelab/scenes/scene"
)

// ParseArgs reads the native flags, the desktop twin of ParseQuery: -name
// value, -name=value and, for on/off parameters, a bare -name, in the order
// given. An argument that looks like a flag (a dash, then anything but a
// number) is never taken as the value before it, so a flag missing its
// value cannot swallow the next flag (-screenshot). A lone "-" or "--", and
// a word where a flag belongs, are strays: the caller warns of them. It
// checks nothing else: the App does, exactly as for a URL, and turns a bad
// value or an unknown name into a warning on screen rather than an exit.
func ParseArgs(args []string, specs []param.Spec) (query []KV, stray []string, help bool) {
	kind := map[string]param.Kind{}
	for _, s := range specs {
		kind[s.Name] = s.Kind
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !IsFlag(a) {
			stray = append(stray, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case name == "":
			stray = append(stray, a)
			continue
		case IsHelp(a):
			help = true
			continue
		case hasValue:
		case kind[name] == param.Bool:
			// a bare on/off flag is on, unless an on/off word follows
			if i+1 < len(args) && isBoolWord(args[i+1]) {
				i++
				value = args[i]
			}
		case i+1 < len(args) && !IsFlag(args[i+1]):
			i++
			value = args[i]
		}
		query = append(query, KV{Name: name, Value: value})
	}
	return query, stray, help
}

func isBoolWord(s string) bool {
	switch strings.ToLower(s) {
	case "0", "1", "true", "false", "on", "off", "yes", "no":
		return true
	}
	return false
}

// IsFlag reports whether a command-line argument is a flag rather than a
// value: it starts with a dash and is not a number (-1, -.5, -Inf are
// values).
func IsFlag(a string) bool {
	if !strings.HasPrefix(a, "-") {
		return false
	}
	_, err := strconv.ParseFloat(a, 64)
	return err != nil && !errors.Is(err, strconv.ErrRange)
}

// IsHelp reports whether a command-line argument asks for the usage: -h,
// -help, --h or --help, with or without a value. (internal/early repeats
// this rule: it must answer before anything that needs a display starts.)
func IsHelp(a string) bool {
	if !strings.HasPrefix(a, "-") {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return name == "h" || name == "help"
}

// Usage lists the flags: the App's, then each scene's (a name such as lr
// has its own range in each scene).
func Usage(w io.Writer, a *App) {
	fmt.Fprint(w, "Usage: aelab [-name value]…\n\nAutoencoder Lab: the lecture on autoencoders, trained live.\nThe flags are the web version's URL parameters.\n\n")
	fmt.Fprint(w, "  -screenshot file.png\n    \tsave the plot as a PNG after -steps training steps, and exit (a figure for lecture notes)\n")
	fmt.Fprint(w, "  -steps n\n    \ttraining steps before -screenshot (default 0)\n")
	fmt.Fprintf(w, "  -scale %g…%g\n    \tpixels per point of the window and of a -screenshot figure: 2 draws a figure twice as wide and high, for print (default the screen's)\n", minScale, maxScale)
	specs(w, a.AppSpecs())
	for _, sc := range a.Scenes() {
		fmt.Fprintf(w, "\nScene %s (%s):\n", sc.Info().ID, sc.Info().Tab)
		specs(w, sc.Info().Params.Specs)
	}
	fmt.Fprint(w, "\nAny name with _hide (-lr_hide, -explain_hide) hides that control or part of the screen.\n")
}

func specs(w io.Writer, list []param.Spec) {
	for _, sp := range list {
		switch sp.Kind {
		case param.Choice:
			fmt.Fprintf(w, "  -%s %s\n    \t%s (default %s)\n", sp.Name, strings.Join(sp.Choices, "|"), sp.Help, sp.Format(sp.Default))
		case param.Bool:
			fmt.Fprintf(w, "  -%s\n    \t%s (default %s)\n", sp.Name, sp.Help, sp.Format(sp.Default))
		default:
			fmt.Fprintf(w, "  -%s %s…%s\n    \t%s (default %s)\n", sp.Name, sp.Format(sp.Min), sp.Format(sp.Max), sp.Help, sp.Format(sp.Default))
		}
	}
}

// Native is what the desktop's command line asks for: the parameters, as a
// URL query would give them, and the desktop's own -screenshot and -steps.
type Native struct {
	Query      []KV
	Help       bool
	Screenshot string // save the plot here after Steps steps, and exit
	Steps      int
	// Scale is the pixels per point the App draws at (its figures too),
	// 0 for the screen's own.
	Scale float64
	// Warnings are the arguments it ignored (strays, -steps without
	// -screenshot), for the terminal; the App warns of bad parameters.
	Warnings []string
}

// minScale and maxScale bound -scale: a 896×539 plot at 4 is 3584×2156
// pixels, beyond any printed page's need.
const (
	minScale = 0.5
	maxScale = 4.0
)

// maxSteps bounds -steps: a figure trained for longer than this would take
// hours.
const maxSteps = 1_000_000_000

// ParseNative reads the desktop's command line: ParseArgs, then the
// desktop's own -screenshot and -steps taken out of the query. A figure is
// trained paused. The scenes give the names and kinds of their flags. The
// error is for what cannot go on: a figure with no file name or a number of
// steps that is not one.
func ParseNative(args []string, scenes []scene.Scene) (Native, error) {
	var n Native
	query, stray, help := ParseArgs(args, New(Options{Scenes: scenes}).ParamSpecs())
	n.Help = help
	for _, a := range stray {
		n.Warnings = append(n.Warnings, fmt.Sprintf("ignored the stray argument %s: flags are written -name value", param.Quote(a)))
	}
	steps := ""
	for _, kv := range query {
		switch kv.Name {
		case "screenshot":
			if kv.Value == "" {
				return n, fmt.Errorf("-screenshot needs a file name: -screenshot figure.png")
			}
			n.Screenshot = kv.Value
		case "steps":
			v, err := parseSteps(kv.Value)
			if err != nil {
				return n, err
			}
			n.Steps, steps = v, kv.Value
		case "scale":
			f, err := strconv.ParseFloat(strings.TrimSpace(kv.Value), 64)
			if err != nil || !(f >= minScale && f <= maxScale) {
				return n, fmt.Errorf("-scale %s: want a number from %g to %g (2 draws twice as many pixels each way)", param.Quote(kv.Value), minScale, maxScale)
			}
			n.Scale = f
		default:
			n.Query = append(n.Query, kv)
		}
	}
	if n.Screenshot != "" {
		n.Query = append(n.Query, KV{Name: namePaused, Value: "1"})
	} else if steps != "" {
		n.Warnings = append(n.Warnings, fmt.Sprintf("ignored -steps %s: it counts the training steps before -screenshot saves a figure", param.Quote(steps)))
	}
	return n, nil
}

// parseSteps reads -steps as any other number is read (1000, 1e6), but
// whole and within [0, maxSteps].
func parseSteps(raw string) (int, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || math.IsNaN(f) || f < 0 || f != math.Trunc(f) || f > maxSteps {
		return 0, fmt.Errorf("-steps %s: want a whole number of training steps from 0 to %d", param.Quote(raw), maxSteps)
	}
	return int(f), nil
}

// FlagsFor is the desktop's "copy link": it prints the command line that
// opens the setting of query and says so, for a notice.
func FlagsFor(query string) string {
	flags := "aelab"
	for _, kv := range ParseQuery(query) {
		flags += " -" + kv.Name + " " + kv.Value
	}
	fmt.Println(flags)
	return "The command for this setting is on the terminal: " + flags
}
