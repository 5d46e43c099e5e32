package app

import (
	"reflect"
	"strings"
	"testing"

	"aelab/scenes"
	"aelab/scenes/param"
)

var argSpecs = []param.Spec{
	{Name: "scene", Kind: param.Choice, Choices: []string{"pca"}},
	{Name: "paused", Kind: param.Bool},
	{Name: "lr", Kind: param.Float, Min: 0, Max: 1},
}

func TestParseArgs(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		want  []KV
		stray []string
	}{
		{[]string{"-scene", "pca", "-lr=0.5", "-paused"}, []KV{{Name: "scene", Value: "pca"}, {Name: "lr", Value: "0.5"}, {Name: "paused", Value: ""}}, nil},
		{[]string{"--paused", "off", "-lr", "-1"}, []KV{{Name: "paused", Value: "off"}, {Name: "lr", Value: "-1"}}, nil},
		{[]string{"-paused", "-lr", "2"}, []KV{{Name: "paused", Value: ""}, {Name: "lr", Value: "2"}}, nil},
		{[]string{"-bogus", "3", "stray"}, []KV{{Name: "bogus", Value: "3"}}, []string{"stray"}},
		// a lone dash is a stray and swallows nothing
		{[]string{"-", "-screenshot", "out.png", "-steps", "100"}, []KV{{Name: "screenshot", Value: "out.png"}, {Name: "steps", Value: "100"}}, []string{"-"}},
		// a flag missing its value leaves the next flag alone
		{[]string{"-lr", "-screenshot", "x.png"}, []KV{{Name: "lr", Value: ""}, {Name: "screenshot", Value: "x.png"}}, nil},
		{[]string{"--", "-=3", "-lr", "-Inf"}, []KV{{Name: "lr", Value: "-Inf"}}, []string{"--", "-=3"}},
	} {
		got, stray, help := ParseArgs(tc.args, argSpecs)
		if help || !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(stray, tc.stray) {
			t.Errorf("ParseArgs(%q) = %v, strays %q, help %v; want %v, strays %q", tc.args, got, stray, help, tc.want, tc.stray)
		}
	}
	for _, h := range []string{"-help", "-h", "--help", "-help=1"} {
		if _, _, help := ParseArgs([]string{"-lr", h}, argSpecs); !help {
			t.Errorf("%s does not ask for help", h)
		}
	}
}

func TestParseNative(t *testing.T) {
	all := scenes.All()
	n, err := ParseNative(strings.Fields("- -screenshot out.png -steps 1e6 -lr 0.05"), all)
	if err != nil || n.Screenshot != "out.png" || n.Steps != 1_000_000 || len(n.Warnings) != 1 || !strings.Contains(n.Warnings[0], `"-"`) {
		t.Errorf("ParseNative(- -screenshot out.png -steps 1e6) = %+v, %v; want the figure, 1000000 steps and a warning of the stray -", n, err)
	}
	if !reflect.DeepEqual(n.Query, []KV{{"lr", "0.05"}, {namePaused, "1"}}) {
		t.Errorf("query %v: want lr, then paused for the figure", n.Query)
	}
	for _, bad := range [][]string{
		{"-screenshot", ""},
		{"-screenshot"},
		{"-screenshot", "-steps", "5"},
		{"-steps", "1.5"},
		{"-steps", "-3"},
		{"-steps", "NaN"},
		{"-steps", "1e300"},
		{"-steps", "ten"},
		{"-scale", "0"},
		{"-scale", "5"},
		{"-scale", "NaN"},
		{"-scale", "big"},
	} {
		if n, err := ParseNative(bad, all); err == nil {
			t.Errorf("ParseNative(%q) = %+v: want an error", bad, n)
		}
	}
	if n, err := ParseNative([]string{"-scale", "2", "-screenshot", "f.png"}, all); err != nil || n.Scale != 2 {
		t.Errorf("ParseNative(-scale 2) = %+v, %v; want scale 2", n, err)
	}
	n, err = ParseNative([]string{"-steps", "20"}, all)
	if err != nil || len(n.Warnings) != 1 || !strings.Contains(n.Warnings[0], "-screenshot") {
		t.Errorf("-steps without -screenshot: %+v, %v; want a warning that it does nothing", n, err)
	}
}

// TestUsageShowsDefaults: -help gives every flag's default, on/off ones
// included.
func TestUsageShowsDefaults(t *testing.T) {
	var b strings.Builder
	Usage(&b, New(Options{Scenes: scenes.All()}))
	for _, want := range []string{"-tied\n", "(default on)", "-paused\n", "(default off)", "-steps n", "-scale 0.5…4"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("usage lacks %q", want)
		}
	}
}
