package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"aelab/scenes"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// TestLongWarningsAreShort: a 100 kB bad value makes a one-line warning,
// in the notice over the plot and in state().warnings alike.
func TestLongWarningsAreShort(t *testing.T) {
	huge := strings.Repeat("x", 100_000)
	a := New(Options{Scenes: scenes.All(), Query: []KV{{"lr", huge}, {"bogus" + huge, "1"}, {"paused", "1"}}})
	a.Resize(1280, 800, 1)
	a.Set("noise", huge)
	a.Warn(strings.Repeat("line\n", 1000))
	ws := a.State().Warnings
	if len(ws) != 4 {
		t.Fatalf("warnings %d, want 4: %.200q", len(ws), ws)
	}
	for _, w := range ws {
		if n := utf8.RuneCountInString(w); n > maxNoticeRunes+1 || strings.Contains(w, "\n") {
			t.Errorf("a warning of %d characters (or lines): %.100q", n, w)
		}
	}
	if !strings.Contains(ws[0], "100000 bytes") || !strings.HasSuffix(ws[0], "using 0.01") {
		t.Errorf("the warning for lr does not say the value's size and what was used: %q", ws[0])
	}
	c := &uitest.Canvas{Record: true}
	a.Update(&ui.Input{})
	a.Draw(c)
	for _, n := range a.notices.List {
		if lines := len(n.lines.Get(c, n.Text, 14, 600, false)); lines > 4 {
			t.Errorf("a notice of %d lines: %.80q", lines, n.Text)
		}
	}
}

// TestHalfIntegerSaysRounded: an integer parameter given between two whole
// numbers is rounded, and the warning says so (not "outside").
func TestHalfIntegerSaysRounded(t *testing.T) {
	a := New(Options{Scenes: scenes.All(), Query: []KV{{"tour", "3.5"}}})
	if a.TourStop() != 4 || len(a.Warnings()) != 1 || !strings.Contains(a.Warnings()[0], "tour=3.5 is not a whole number; rounded to 4") {
		t.Errorf("tour=3.5: stop %d, warnings %q", a.TourStop(), a.Warnings())
	}
}

func TestShorten(t *testing.T) {
	for in, want := range map[string]string{
		"short":                       "short",
		"two\nlines\ttab":             "two lines tab",
		strings.Repeat("é", 300):      strings.Repeat("é", maxNoticeRunes) + "…",
		strings.Repeat("a", 240):      strings.Repeat("a", 240),
		strings.Repeat("a", 241) + "": strings.Repeat("a", 240) + "…",
	} {
		if got := Shorten(in); got != want {
			t.Errorf("Shorten(%.20q…) = %.20q… (%d runes)", in, got, utf8.RuneCountInString(got))
		}
	}
	var ns Notices
	ns.Add(strings.Repeat("z", 5000), scene.Warning)
	if n := utf8.RuneCountInString(ns.List[0].Text); n != maxNoticeRunes+1 {
		t.Errorf("a notice of 5000 characters kept %d", n)
	}
}
