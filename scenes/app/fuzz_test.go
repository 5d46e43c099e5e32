package app

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"aelab/assets"
	"aelab/scenes"
	"aelab/scenes/param"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// The fuzz targets of the shell's parsers: `make test` runs each briefly
// (and every input in testdata/fuzz, the crashers found so far), `make
// fuzz` longer.

// FuzzQuery: a query parsed and written back parses to the same pairs, and
// writing is stable (a link copied from a link is the same link).
func FuzzQuery(f *testing.F) {
	for _, s := range []string{"?scene=pca&lr=0.05", "a=1&&b", "=x&y=", "%zz=%", "a+b=c%20d", "?", "??a=1", "a=b=c", "%3F=1", "tied&lr=1e-400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q := ParseQuery(raw)
		text := FormatQuery(q)
		q2 := ParseQuery(text)
		if !reflect.DeepEqual(q, q2) {
			t.Fatalf("%q parses as %q, written %q, which parses as %q", raw, q, text, q2)
		}
		if again := FormatQuery(q2); again != text {
			t.Fatalf("%q written twice: %q then %q", raw, text, again)
		}
	})
}

// FuzzLink: whatever a URL holds, the link the App writes for the setting
// it made of it (Copy link, the address bar) loads without a warning into
// exactly the same setting: the same link and the same parameters, to the
// last bit of every float.
func FuzzLink(f *testing.F) {
	for _, s := range []string{"scene=pca&rotation=0.25", "scene=denoise&noise=0.123456789&seed=7&paused=1&jitter_hide=1",
		"scene=sparse&view=patches&k=7.5", "tour=3.5", "tour=17&lr=0.3", "scene=contractive&lambda=1e-400&tied=off",
		"presenter&panels=0&speed=1e9", "scene=pca&lr=0.1%2B0.2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		a := New(Options{Scenes: scenes.All(), Query: ParseQuery(raw)})
		link := a.ShareQuery()
		b := New(Options{Scenes: scenes.All(), Query: ParseQuery(link)})
		if w := b.Warnings(); len(w) > 0 {
			t.Fatalf("%q made the link %q, which warns %q", raw, link, w)
		}
		if again := b.ShareQuery(); again != link {
			t.Fatalf("%q made the link %q, which loads as %q", raw, link, again)
		}
		if sa, sb := a.State(), b.State(); !reflect.DeepEqual(sa.Params, sb.Params) || sa.Scene != sb.Scene {
			t.Fatalf("%q: %s %v, through its link %q: %s %v", raw, sa.Scene, sa.Params, link, sb.Scene, sb.Params)
		}
	})
}

// splitArgs turns a fuzz input into a command line: one argument a line.
func splitArgs(line string) []string {
	if line == "" {
		return nil
	}
	return strings.Split(line, "\n")
}

// FuzzParseArgs: every argument is read as a flag, a value or a stray, and
// the flags read, written back as -name=value, read the same.
func FuzzParseArgs(f *testing.F) {
	for _, s := range []string{"-\n-screenshot\nout.png\n-steps\n100", "-lr\n-1\n-paused\noff", "--\n-=3\nx", "-tied\nyes\n-k=", "-lr\n-screenshot", "-help", "---lr=-.5"} {
		f.Add(s)
	}
	specs := New(Options{Scenes: scenes.All()}).ParamSpecs()
	f.Fuzz(func(t *testing.T, line string) {
		args := splitArgs(line)
		query, stray, help := ParseArgs(args, specs)
		if len(query)+len(stray) > len(args) {
			t.Fatalf("%q: %d flags and %d strays from %d arguments", args, len(query), len(stray), len(args))
		}
		var again []string
		for _, kv := range query {
			if kv.Name == "" || strings.Contains(kv.Name, "=") || strings.HasPrefix(kv.Name, "-") {
				t.Fatalf("%q: a flag named %q", args, kv.Name)
			}
			again = append(again, "-"+kv.Name+"="+kv.Value)
		}
		q2, s2, h2 := ParseArgs(again, specs)
		if !reflect.DeepEqual(query, q2) && !(len(query) == 0 && len(q2) == 0) || len(s2) > 0 || h2 {
			t.Fatalf("%q reads as %q (help %v); written back %q, it reads as %q, strays %q", args, query, help, again, q2, s2)
		}
	})
}

// FuzzParseNative: the desktop's command line gives a figure with a file
// name and a whole number of steps, or an error; every stray a warning.
func FuzzParseNative(f *testing.F) {
	for _, s := range []string{"-\n-screenshot\nout.png\n-steps\n1e6", "-screenshot\n", "-steps\n2.5", "-steps\n-0", "x\n-lr\n0.5", "-screenshot=a.png\n-steps=1e9"} {
		f.Add(s)
	}
	all := scenes.All()
	f.Fuzz(func(t *testing.T, line string) {
		args := splitArgs(line)
		n, err := ParseNative(args, all)
		if err != nil {
			return
		}
		if n.Steps < 0 || n.Steps > maxSteps {
			t.Fatalf("%q: %d steps", args, n.Steps)
		}
		_, stray, _ := ParseArgs(args, New(Options{Scenes: all}).ParamSpecs())
		if len(n.Warnings) < len(stray) {
			t.Fatalf("%q: strays %q, warnings %q", args, stray, n.Warnings)
		}
		for _, kv := range n.Query {
			if kv.Name == "screenshot" || kv.Name == "steps" {
				t.Fatalf("%q: %s left in the query", args, kv.Name)
			}
		}
	})
}

// FuzzParseTour: a guided lecture parses into stops that each have a scene
// and a text, and written back in the same format parses to the same
// stops.
func FuzzParseTour(f *testing.F) {
	f.Add(assets.TourText)
	for _, s := range []string{"scene pca\nset lr=0.1\nWatch.", "scene pca\nslide A · B: c\nslide \nSay.", "scene pca\nexpect mse <= 2*pca_mse && angle_deg<1 after 3 frames\nexpect a>b after 0 frames\nSay.", "scene pca\nexpect x after y\nSay.", "# c\n\nscene x\r\nsay\r\n", "scene \nset \n", "scene pca\nscene sparse\nset a=1\nset b=2\nx\n\n\n\nscene y\nz", "set a=1\nno scene"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		stops, err := ParseTour(text)
		if err != nil {
			return
		}
		var b strings.Builder
		for _, st := range stops {
			if st.Scene == "" || st.Say == "" || strings.Contains(st.Say, "\n") || strings.Contains(st.Scene, "\n") || strings.Contains(st.Slide, "\n") {
				t.Fatalf("%q: stop %+v", text, st)
			}
			b.WriteString("scene " + st.Scene + "\n")
			if st.Slide != "" {
				b.WriteString("slide " + st.Slide + "\n")
			}
			if len(st.Set) > 0 {
				b.WriteString("set " + FormatQuery(st.Set) + "\n")
			}
			for _, c := range st.Expect {
				b.WriteString("expect " + c.Source + "\n")
			}
			b.WriteString(st.Say + "\n\n")
		}
		again, err := ParseTour(b.String())
		if err != nil || !reflect.DeepEqual(stops, again) {
			t.Fatalf("%q parses as %+v; written back %q, as %+v (%v)", text, stops, b.String(), again, err)
		}
	})
}

// FuzzSetEveryScene is aelab.set's Go side for every parameter of every
// scene (and the App's own): any text as the value, then a few steps, a
// frame and a drawing. Nothing panics, nothing in State is NaN, every
// value stays in its range, and every warning stays short.
func FuzzSetEveryScene(f *testing.F) {
	a := New(Options{Scenes: scenes.All()})
	seeds := []string{"", "abc", "NaN", "Inf", "-1e308", "1e-400", "0.5", "3.5", "on", "\x00\xff", strings.Repeat("9", 300)}
	for s, sc := range a.Scenes() {
		for p := range len(a.AppSpecs()) + len(sc.Info().Params.Specs) {
			f.Add(uint8(s), uint8(p), seeds[(s+p)%len(seeds)])
		}
	}
	f.Add(uint8(0), uint8(6), "3.5") // tour=3.5: rounded, not "outside"
	f.Add(uint8(2), uint8(7), strings.Repeat("x", 100_000))
	f.Fuzz(func(t *testing.T, si, pi uint8, value string) {
		a := New(Options{Scenes: scenes.All(), Query: []KV{{namePaused, "1"}}})
		a.Set(nameScene, a.Scenes()[int(si)%len(a.Scenes())].Info().ID)
		specs := append(append([]param.Spec(nil), a.AppSpecs()...), a.Scene().Info().Params.Specs...)
		sp := &specs[int(pi)%len(specs)]
		a.Resize(800, 600, 1)
		got := a.Set(sp.Name, value)
		if f, ok := got.(float64); ok && math.IsNaN(f) {
			t.Fatalf("Set(%s, %q) = NaN", sp.Name, value)
		}
		a.Train(3)
		a.Update(&ui.Input{})
		a.Draw(&uitest.Canvas{})
		s := a.State()
		if math.IsNaN(s.Loss) {
			t.Fatalf("%s: %s=%q: NaN loss", s.Scene, sp.Name, value)
		}
		for name, m := range s.Metrics {
			if math.IsNaN(m) && a.Scene().Info().Defined(name) {
				t.Fatalf("%s: %s=%q: metric %s is NaN", s.Scene, sp.Name, value, name)
			}
		}
		ps := a.Scene().Info().Params
		for i := range ps.Specs {
			if v := ps.At(i); math.IsNaN(v) || ps.Specs[i].Clamp(v) != v {
				t.Fatalf("%s: %s=%q left %s at %v", s.Scene, sp.Name, value, ps.Specs[i].Name, v)
			}
		}
		for _, w := range s.Warnings {
			if utf8.RuneCountInString(w) > maxNoticeRunes+1 || strings.ContainsAny(w, "\n\r") {
				t.Fatalf("%s=%q: a warning of %d characters: %.80q", sp.Name, value, utf8.RuneCountInString(w), w)
			}
		}
	})
}
