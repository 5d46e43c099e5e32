package app

import (
	"testing"

	"aelab/scenes"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// count is how many drawn texts equal s.
func count(c *uitest.Canvas, s string) int {
	n := 0
	for _, t := range c.Texts {
		if t == s {
			n++
		}
	}
	return n
}

// frameTexts draws one frame of the App for query at 1280×800 and returns
// what it drew.
func frameTexts(t *testing.T, query string) *uitest.Canvas {
	t.Helper()
	a := New(Options{Scenes: scenes.All(), Query: ParseQuery(query)})
	a.Resize(1280, 800, 1)
	a.Update(&ui.Input{})
	c := &uitest.Canvas{Record: true}
	a.Draw(c)
	return c
}

// TestHidingRemovesFromTheFrame is the table DESIGN.md's name_hide asks
// for: for every scene (and view), every hideable part and every parameter
// the panel shows, a text only that part draws is on screen, and with
// name_hide=1 it is gone.
func TestHidingRemovesFromTheFrame(t *testing.T) {
	// every scene of the registry, in each of its views
	var bases []string
	for _, sc := range scenes.All() {
		base := "scene=" + sc.Info().ID + "&paused=1"
		bases = append(bases, base)
		if ps := sc.Info().Params; ps.Index("view") >= 0 {
			for _, v := range ps.Spec("view").Choices[1:] {
				bases = append(bases, base+"&view="+v)
			}
		}
	}
	for _, base := range bases {
		a := New(Options{Scenes: scenes.All(), Query: ParseQuery(base)})
		info := a.Scene().Info()
		marks := map[string]string{
			"transport": "Play",
			"explain":   info.Title,
			"loss":      "loss (log scale) vs. steps",
			"seed":      "New seed",
			"speed":     "steps / frame",
		}
		// a tab label that only the tabs draw: another scene's
		for _, s := range a.Scenes() {
			if s.Info().ID != info.ID {
				marks["tabs"] = s.Info().Tab
			}
		}
		if len(info.Metrics) > 0 {
			marks["readouts"] = info.Metrics[0].Label
		}
		if info.Legend != nil {
			if rows := info.Legend(nil, a.Theme()); len(rows) > 0 {
				marks["legend"] = rows[len(rows)-1].Text
			}
		}
		for _, sp := range info.Params.Specs {
			if info.Uses(sp.Name) {
				marks[sp.Name] = sp.Label
			}
		}
		for _, part := range hideable {
			if _, ok := marks[part]; !ok && part != "legend" {
				t.Errorf("%s: no mark for the hideable part %s", base, part)
			}
		}
		for part, mark := range marks {
			before := count(frameTexts(t, base), mark)
			if before == 0 {
				t.Errorf("%s: %q (%s) is not drawn before hiding it", base, mark, part)
				continue
			}
			// a parameter's label is drawn once by its control, and may be
			// a legend's or a choice's words too ("manifold", "mask p")
			want := 0
			if _, isParam := marks[part]; isParam && info.Params.Index(part) >= 0 {
				want = before - 1
			}
			if n := count(frameTexts(t, base+"&"+part+"_hide=1"), mark); n != want {
				t.Errorf("%s&%s_hide=1: %q is drawn %d times, want %d", base, part, mark, n, want)
			}
		}
	}
}
