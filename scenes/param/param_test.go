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
		{"k", "7.4", 7, "not a whole number; rounded to 7"},
		{"k", "3.5", 4, "k=3.5 is not a whole number; rounded to 4"},
		{"k", "64.5", 64, "outside [1, 64]; using 64"},
		{"k", "7.0", 7, ""},
		{"lr", "1e-400", 1e-4, "outside"}, // beyond float64: a number all the same
		{"lr", "1e400", 1, "outside"},
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

// TestFormatRoundTrips: a value written into a link parses back to exactly
// the same float64, whatever the digits the screen shows.
func TestFormatRoundTrips(t *testing.T) {
	rot := Spec{Name: "rotation", Kind: Float, Min: 0, Max: 180, Digits: 0, Unit: "°"}
	if got := rot.Format(0.25); got != "0.25" {
		t.Errorf("rotation 0.25 is written %q in a link, want 0.25", got)
	}
	if got := rot.ChoiceLabelOrValue(0.25); got != "0°" {
		t.Errorf("rotation 0.25 is shown as %q, want 0° (Digits 0)", got)
	}
	for i := range specs {
		sp := &specs[i]
		for _, v := range []float64{sp.Min, sp.Max, sp.Default, 0.1 + 0.2, 1.0 / 3, 0.0123456789} {
			v = sp.Clamp(v)
			if back, w := sp.Parse(sp.Format(v)); back != v || w != "" {
				t.Errorf("%s: %v is written %q, which parses as %v (%q)", sp.Name, v, sp.Format(v), back, w)
			}
		}
	}
}

// TestWarningsQuoteLittle: a huge bad value makes a short warning.
func TestWarningsQuoteLittle(t *testing.T) {
	huge := strings.Repeat("x", 100_000)
	for i := range specs {
		if _, w := specs[i].Parse(huge); w == "" || len(w) > 200 || !strings.Contains(w, "100000 bytes") {
			t.Errorf("%s: warning for a 100 kB value is %d bytes: %.120q", specs[i].Name, len(w), w)
		}
	}
	long := "0." + strings.Repeat("0", 100_000) + "1" // a number, far out of range
	if _, w := specs[0].Parse(long); len(w) > 200 {
		t.Errorf("lr: warning for a 100 kB number is %d bytes", len(w))
	}
	if got := Quote("a\nb"); got != `"a\nb"` {
		t.Errorf("Quote = %s", got)
	}
	if got := Clip(strings.Repeat("é", 50)); !strings.HasPrefix(got, strings.Repeat("é", 40)+"…") {
		t.Errorf("Clip cuts inside a character: %q", got)
	}
}
