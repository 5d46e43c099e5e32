package param

import (
	"math"
	"strings"
	"testing"
)

var specs = []Spec{
	{Name: "lr", Kind: Float, Min: 1e-4, Max: 1, Default: 0.01, Log: true, Digits: 2},
	{Name: "noise", Kind: Float, Min: 0, Max: 1, Default: 0.1, Digits: 2},
	{Name: "k", Kind: Int, Min: 1, Max: 64, Default: 16},
	{Name: "tied", Kind: Bool, Default: 1},
	{Name: "corruption", Kind: Choice, Choices: []string{"gaussian", "mask"}},
}

func TestParse(t *testing.T) {
	s := NewSet(specs...)
	for _, tc := range []struct {
		name, raw string
		want      float64
		warn      string // substring of the warning; "" for none
	}{
		{"lr", "0.05", 0.05, ""},
		{"lr", "5", 1, "outside"},
		{"lr", "0", 1e-4, "outside"},
		{"lr", "abc", 0.01, "not a number"},
		{"lr", "NaN", 0.01, "not a number"},
		{"lr", "Inf", 1, "outside"},
		{"noise", "-1", 0, "outside"},
		{"noise", " 0.3 ", 0.3, ""},
		{"k", "7.4", 7, ""},
		{"k", "1000", 64, "outside"},
		{"tied", "0", 0, ""},
		{"tied", "off", 0, ""},
		{"tied", "TRUE", 1, ""},
		{"tied", "", 1, ""}, // a bare flag -tied or ?tied
		{"tied", "maybe", 1, "not on/off"},
		{"corruption", "MASK", 1, ""},
		{"corruption", "salt", 0, "not one of gaussian, mask"},
	} {
		sp := s.Spec(tc.name)
		got, warn := sp.Parse(tc.raw)
		if got != tc.want {
			t.Errorf("%s=%q: got %v, want %v", tc.name, tc.raw, got, tc.want)
		}
		if (tc.warn == "") != (warn == "") || !strings.Contains(warn, tc.warn) {
			t.Errorf("%s=%q: warning %q, want one containing %q", tc.name, tc.raw, warn, tc.warn)
		}
	}
}

func TestSliderMappingRoundTrips(t *testing.T) {
	for i := range specs[:3] {
		sp := &specs[i]
		for _, u := range []float64{0, 0.13, 0.5, 0.77, 1} {
			v := sp.FromUnit(u)
			if v < sp.Min || v > sp.Max {
				t.Errorf("%s: FromUnit(%g) = %g outside [%g, %g]", sp.Name, u, v, sp.Min, sp.Max)
			}
			// The label shown must parse back to the same value.
			if back, _ := sp.Parse(sp.Format(v)); back != v {
				t.Errorf("%s: value %v is shown as %q, which parses as %v", sp.Name, v, sp.Format(v), back)
			}
			if d := math.Abs(sp.ToUnit(v) - u); d > 0.05 {
				t.Errorf("%s: ToUnit(FromUnit(%g)) = %g", sp.Name, u, sp.ToUnit(v))
			}
		}
	}
	lr := &specs[0]
	if u := lr.ToUnit(0.01); math.Abs(u-0.5) > 1e-12 {
		t.Errorf("log slider: 0.01 in [1e-4, 1] sits at %g, want 0.5", u)
	}
}

func TestValuesAreTyped(t *testing.T) {
	s := NewSet(specs...)
	s.SetAt(s.Index("corruption"), 1)
	v := s.Values()
	if v["lr"] != 0.01 || v["k"] != 16 || v["tied"] != true || v["corruption"] != "mask" {
		t.Errorf("Values() = %v", v)
	}
}
