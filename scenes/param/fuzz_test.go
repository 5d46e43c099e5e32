package param

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSpecs are parameters of every kind and scale, as the scenes declare
// them: a log and a linear Float, a Float shown with no decimals, Ints of
// small and huge range, a Bool and a Choice.
var fuzzSpecs = []Spec{
	{Name: "lr", Kind: Float, Min: 1e-4, Max: 1, Default: 0.01, Log: true, Digits: 2},
	{Name: "lambda", Kind: Float, Min: 1e-3, Max: 3, Default: 0.1, Log: true, Digits: 3},
	{Name: "noise", Kind: Float, Min: 0, Max: 1, Default: 0.1, Digits: 2},
	{Name: "rotation", Kind: Float, Min: 0, Max: 180, Default: 30, Digits: 0, Unit: "°"},
	{Name: "shift", Kind: Float, Min: -2, Max: 2, Default: 0, Digits: 1},
	{Name: "k", Kind: Int, Min: 1, Max: 64, Default: 16},
	{Name: "seed", Kind: Int, Min: 0, Max: 1<<31 - 1, Default: 1},
	{Name: "speed", Kind: Int, Min: 1, Max: 1000, Default: 10, Log: true, Digits: 3},
	{Name: "tied", Kind: Bool, Default: 1},
	{Name: "corruption", Kind: Choice, Choices: []string{"gaussian", "mask", "salt"}},
}

// maxWarning bounds a warning's length whatever the value: the name, the
// range and 40 characters of the value.
const maxWarning = 200

// FuzzParse feeds arbitrary text to every kind of parameter: the value is
// always in range and on its grid, the warning short, and a value taken
// without a warning is written back (Format) as text that parses to it
// again, exactly.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"0.25", "1e-400", "1e400", "-0", "NaN", "Inf", "-Inf", "3.5", "0x1p-2", "1_000", " 7 ", "on", "MASK",
		"", "\x00", "\xff\xfe", strings.Repeat("9", 400), "0." + strings.Repeat("0", 350) + "1", strings.Repeat("é", 60)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for i := range fuzzSpecs {
			sp := &fuzzSpecs[i]
			v, w := sp.Parse(raw)
			if math.IsNaN(v) || sp.Clamp(v) != v {
				t.Fatalf("%s=%q gives %v, off its range or grid", sp.Name, raw, v)
			}
			if len(w) > maxWarning || !utf8.ValidString(w) || strings.ContainsAny(w, "\n\r") {
				t.Fatalf("%s=%q: warning of %d bytes: %q", sp.Name, raw, len(w), w)
			}
			if w == "" {
				if back, w2 := sp.Parse(sp.Format(v)); back != v || w2 != "" {
					t.Fatalf("%s=%q gives %v, written %q, which parses as %v (%q)", sp.Name, raw, v, sp.Format(v), back, w2)
				}
			}
			if cur, w := sp.ParseOr(raw, sp.Max); math.IsNaN(cur) || sp.Clamp(cur) != cur || len(w) > maxWarning {
				t.Fatalf("%s: ParseOr(%q) = %v, %q", sp.Name, raw, cur, w)
			}
		}
	})
}

// FuzzFormat proves that links round-trip: any value a parameter can hold
// is written (Format) as text that parses back to exactly the same
// float64, with no warning; and the screen's text (Show) is never longer
// than a slider's label has room for.
func FuzzFormat(f *testing.F) {
	for _, v := range []float64{0.25, 0.1 + 0.2, 1.0 / 3, 1e-4, 0.0123456789, 179.99999999999997, 2.5, 5e-324, -0.0, 1 << 40} {
		f.Add(v, uint8(3))
		f.Add(v, uint8(0))
	}
	f.Fuzz(func(t *testing.T, v float64, which uint8) {
		sp := &fuzzSpecs[int(which)%len(fuzzSpecs)]
		if math.IsNaN(v) {
			return // Clamp's input, never its output
		}
		v = sp.Clamp(v)
		text := sp.Format(v)
		back, w := sp.Parse(text)
		if back != v || w != "" {
			t.Fatalf("%s: %v (bits %x) is written %q, which parses as %v (%q)", sp.Name, v, math.Float64bits(v), text, back, w)
		}
		if sp.Kind == Float {
			if want := strconv.FormatFloat(v, 'g', -1, 64); text != want {
				t.Fatalf("%s: %v written %q, not the shortest exact %q", sp.Name, v, text, want)
			}
		}
		if n := len(sp.Show(v)); n > 24 {
			t.Fatalf("%s: %v is shown as %q, too long for a label", sp.Name, v, sp.Show(v))
		}
		if u := sp.ToUnit(v); math.IsNaN(u) || u < -1e-9 || u > 1+1e-9 {
			t.Fatalf("%s: %v sits at %v on its slider", sp.Name, v, u)
		}
	})
}
