//go:build !js

package main

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aelab/internal/early"
	"aelab/scenes"
	"aelab/scenes/app"
)

// hangGuard bounds each run of the binary: not a speed budget (a figure
// takes a second or two) but the difference between a failure and a test
// that waits forever on a window that never closes.
const hangGuard = 90 * time.Second

// binary builds the desktop app once for the tests that run it.
func binary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "aelab")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

type run struct {
	stdout, stderr string
	code           int
}

// runBin runs the binary with args in env (added to the environment less
// DISPLAY and WAYLAND_DISPLAY), through prefix (xvfb-run) when given.
func runBin(t *testing.T, env []string, prefix []string, bin string, args ...string) run {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	argv := append(append(prefix, bin), args...)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	cmd.Dir = t.TempDir()
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("aelab %q did not exit within %v (a window left open?)\nstderr: %s", args, hangGuard, e.String())
	}
	r := run{stdout: o.String(), stderr: e.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("aelab %q: %v", args, err)
	}
	return r
}

// TestNativeCommandLine runs the desktop binary as a user would: -help and
// a missing display answered without ebiten's GLFW panic, a stray "-" a
// warning rather than a window that never closes, a figure saved under a
// display, and an empty -screenshot an error.
func TestNativeCommandLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := binary(t)
	var live bytes.Buffer
	app.Usage(&live, app.New(app.Options{Scenes: scenes.All()}))

	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}, {"-lr", "-help"}, {"-", "-screenshot", "x.png", "-h"}} {
		r := runBin(t, nil, nil, bin, args...)
		if r.code != 0 || r.stdout != live.String() || r.stderr != "" {
			t.Errorf("aelab %q without a display: exit %d, %d bytes of usage (want %d, the live app.Usage), stderr %q",
				args, r.code, len(r.stdout), live.Len(), r.stderr)
		}
	}
	if !strings.Contains(live.String(), "-tied\n") || !strings.Contains(live.String(), "(default on)") {
		t.Error("-help does not give the on/off flags' defaults")
	}

	for _, args := range [][]string{nil, {"-screenshot", "out.png"}} {
		r := runBin(t, nil, nil, bin, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "no display") || strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "glfw") {
			t.Errorf("aelab %q without a display: exit %d, stderr %q; want exit 1 and a message, no GLFW panic", args, r.code, r.stderr)
		}
	}
	if r := runBin(t, nil, nil, bin, "-screenshot", "out.png"); !strings.Contains(r.stderr, "xvfb-run -a aelab -screenshot out.png") {
		t.Errorf("no display for a figure: %q does not give the xvfb-run command", r.stderr)
	}

	// With a display: Xvfb's, from make test's xvfb-run, or our own.
	var env, prefix []string
	switch {
	case os.Getenv("DISPLAY") != "":
		env = []string{"DISPLAY=" + os.Getenv("DISPLAY")}
	default:
		if _, err := exec.LookPath("xvfb-run"); err != nil {
			t.Skip("no display and no xvfb-run: the runs that open a window are skipped")
		}
		prefix = []string{"xvfb-run", "-a", "-s", "-screen 0 1280x800x24"}
	}
	fig := filepath.Join(t.TempDir(), "fig.png")
	r := runBin(t, env, prefix, bin, "-", "-scene", "pca", "-screenshot", fig, "-steps", "1e2")
	if r.code != 0 || !strings.Contains(r.stderr, `stray argument "-"`) || !strings.Contains(r.stdout, "saved the plot") {
		t.Errorf("aelab - -screenshot fig.png -steps 1e2: exit %d\nstdout %q\nstderr %q\nwant the figure saved and a warning of the stray -", r.code, r.stdout, r.stderr)
	}
	if f, err := os.Open(fig); err != nil {
		t.Errorf("no figure: %v", err)
	} else {
		if _, err := png.Decode(f); err != nil {
			t.Errorf("the figure is no PNG: %v", err)
		}
		f.Close()
	}
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"-screenshot", ""}, "-screenshot"},
		{[]string{"-screenshot"}, "-screenshot"},
		{[]string{"-screenshot", "x.png", "-steps", "2.5"}, "-steps"},
	} {
		r := runBin(t, env, prefix, bin, tc.args...)
		if r.code == 0 || !strings.Contains(r.stderr, tc.flag) {
			t.Errorf("aelab %q: exit %d, stderr %q; want an error naming %s", tc.args, r.code, r.stderr, tc.flag)
		}
	}
}

func TestNoDisplayMessage(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	none := env(nil)
	if msg := early.NoDisplay(nil, env(map[string]string{"DISPLAY": ":1"}), "linux"); msg != "" {
		t.Errorf("with DISPLAY: %q", msg)
	}
	if msg := early.NoDisplay(nil, env(map[string]string{"WAYLAND_DISPLAY": "wayland-0"}), "linux"); msg != "" {
		t.Errorf("with WAYLAND_DISPLAY: %q", msg)
	}
	if msg := early.NoDisplay(nil, none, "darwin"); msg != "" {
		t.Errorf("on macOS: %q", msg)
	}
	msg := early.NoDisplay([]string{"-screenshot", "my fig.png", "-steps", "5"}, none, "linux")
	if !strings.Contains(msg, "xvfb-run -a aelab -screenshot 'my fig.png' -steps 5\n") {
		t.Errorf("no display, a figure: %q", msg)
	}
}

// FuzzHelp: the early -help check and the app's argument parser agree on
// whether a command line asks for help (the early one answers before the
// app's packages are ready, so it repeats the rule).
func FuzzHelp(f *testing.F) {
	specs := app.New(app.Options{Scenes: scenes.All()}).ParamSpecs()
	for _, s := range []string{"-h", "-lr\n-help", "-screenshot\n-h=1", "--\n-help", "-tied\n--h", "help", "-helper", "-\n-H"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, "\n")
		_, _, help := app.ParseArgs(args, specs)
		if early.Help(args) != help {
			t.Errorf("%q: early.Help %v, app.ParseArgs help %v", args, early.Help(args), help)
		}
	})
}
