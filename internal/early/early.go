// Package early answers what the desktop app must answer before its window
// toolkit starts: -h and -help, and a machine with no display. ebiten's
// internal/ui initialises GLFW in a package init and panics with a GLFW
// trace when there is no X display, before main runs; a usage or a clear
// message cannot wait for main.
//
// Go initialises packages in dependency order and, among those ready, by
// import path: this package imports only packages that ebiten's internal/ui
// also depends on, and "aelab/internal/early" sorts before
// "github.com/hajimehoshi/ebiten/…", so its init runs first. The binary's
// own test (main_test.go) checks that it does.
package early

import (
	_ "embed" // the usage text
	"os"
	"runtime"
	"strings"
)

//go:generate go run ./gen -o usage.txt

// Usage is what -help prints: app.Usage for the live declarations, written
// by `go generate ./internal/early` (gen/), whose test fails when it is
// stale. The app cannot print it here: its packages are not ready yet.
//
//go:embed usage.txt
var Usage string

func init() {
	args := os.Args[1:]
	if Help(args) {
		os.Stdout.WriteString(Usage)
		os.Exit(0)
	}
	if msg := NoDisplay(args, os.Getenv, runtime.GOOS); msg != "" {
		os.Stderr.WriteString(msg)
		os.Exit(1)
	}
}

// Help reports whether an argument asks for the usage: -h, -help, --h or
// --help, with or without a value, anywhere (app.IsHelp: a flag-like
// argument is never read as a value, so anywhere is where the app looks).
func Help(args []string) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "h" || name == "help" {
			return true
		}
	}
	return false
}

// NoDisplay returns what to say when the window cannot open for want of a
// display (an X11 or Wayland system with neither DISPLAY nor
// WAYLAND_DISPLAY set: ssh, CI, a container), or "" when one may be there.
func NoDisplay(args []string, getenv func(string) string, goos string) string {
	switch goos {
	case "darwin", "windows", "ios", "android", "js":
		return "" // a display is always there, or not found this way
	}
	if getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	cmd := "aelab"
	for _, a := range args {
		cmd += " " + shellWord(a)
	}
	for _, a := range args {
		if strings.HasPrefix(strings.TrimLeft(a, "-"), "screenshot") && strings.HasPrefix(a, "-") {
			return "aelab: no display (DISPLAY and WAYLAND_DISPLAY are unset); -screenshot still draws in a window.\n" +
				"Run it under a virtual display:\n  xvfb-run -a " + cmd + "\n"
		}
	}
	return "aelab: no display (DISPLAY and WAYLAND_DISPLAY are unset): the desktop app opens a window.\n" +
		"Run it in a desktop session, save a figure under a virtual display (xvfb-run -a aelab -screenshot out.png),\n" +
		"or use the web version (make serve). aelab -help lists the flags.\n"
}

// shellWord quotes a for a POSIX shell when it holds more than letters,
// digits and -_./=:,+@%, so that the suggested command runs as given.
func shellWord(a string) string {
	if a != "" && strings.Trim(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") == "" {
		return a
	}
	return "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
}
