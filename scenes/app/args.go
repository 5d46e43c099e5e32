package app

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"aelab/scenes/param"
	"aelab/scenes/scene"
)

// ParseArgs reads the native flags, the desktop twin of ParseQuery: -name value, -name=value and, for on/off parameters, a
// bare -name, in the order given. It checks nothing: the App does, exactly
// as for a URL, and turns a bad value or an unknown name into a warning on
// screen rather than an exit.
func ParseArgs(args []string, specs []param.Spec) (query []KV, help bool) {
	kind := map[string]param.Kind{}
	for _, s := range specs {
		kind[s.Name] = s.Kind
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			query = append(query, KV{Name: a}) // reported as unknown
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
		query = append(query, KV{Name: name, Value: value})
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

// Usage lists the flags: the App's, then each scene's (a name such as lr
// has its own range in each scene).
func Usage(w io.Writer, a *App) {
	fmt.Fprint(w, "Usage: aelab [-name value]…\n\nAutoencoder Lab: the lecture on autoencoders, trained live.\nThe flags are the web version's URL parameters.\n\n")
	fmt.Fprint(w, "  -screenshot file.png\n    \tsave the plot as a PNG after -steps training steps, and exit (a figure for lecture notes)\n")
	fmt.Fprint(w, "  -steps n\n    \ttraining steps before -screenshot (default 0)\n")
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
			fmt.Fprintf(w, "  -%s\n    \t%s\n", sp.Name, sp.Help)
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
}

// ParseNative reads the desktop's command line: ParseArgs, then the
// desktop's own -screenshot and -steps taken out of the query. A figure is
// trained paused. The scenes give the names and kinds of their flags.
func ParseNative(args []string, scenes []scene.Scene) (Native, error) {
	var n Native
	query, help := ParseArgs(args, New(Options{Scenes: scenes}).ParamSpecs())
	n.Help = help
	for _, kv := range query {
		switch kv.Name {
		case "screenshot":
			n.Screenshot = kv.Value
		case "steps":
			v, err := strconv.Atoi(kv.Value)
			if err != nil || v < 0 {
				return n, fmt.Errorf("-steps %q: want a number of training steps", kv.Value)
			}
			n.Steps = v
		default:
			n.Query = append(n.Query, kv)
		}
	}
	if n.Screenshot != "" {
		n.Query = append(n.Query, KV{Name: namePaused, Value: "1"})
	}
	return n, nil
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
