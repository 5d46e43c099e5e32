package app

import (
	"reflect"
	"testing"

	"aelab/scenes/param"
)

func TestParseArgs(t *testing.T) {
	specs := []param.Spec{
		{Name: "scene", Kind: param.Choice, Choices: []string{"pca"}},
		{Name: "paused", Kind: param.Bool},
		{Name: "lr", Kind: param.Float, Min: 0, Max: 1},
	}
	for _, tc := range []struct {
		args []string
		want []KV
	}{
		{[]string{"-scene", "pca", "-lr=0.5", "-paused"}, []KV{{Name: "scene", Value: "pca"}, {Name: "lr", Value: "0.5"}, {Name: "paused", Value: ""}}},
		{[]string{"--paused", "off", "-lr", "-1"}, []KV{{Name: "paused", Value: "off"}, {Name: "lr", Value: "-1"}}},
		{[]string{"-paused", "-lr", "2"}, []KV{{Name: "paused", Value: ""}, {Name: "lr", Value: "2"}}},
		{[]string{"-bogus", "3", "stray"}, []KV{{Name: "bogus", Value: "3"}, {Name: "stray", Value: ""}}},
	} {
		got, help := ParseArgs(tc.args, specs)
		if help || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseArgs(%q) = %v, %v; want %v", tc.args, got, help, tc.want)
		}
	}
	if _, help := ParseArgs([]string{"-help"}, specs); !help {
		t.Error("-help does not ask for help")
	}
}
