package app

import (
	"strconv"
	"testing"

	"aelab/assets"
	"aelab/scenes"
	"aelab/scenes/param"
	"aelab/scenes/ui/uitest"
)

// TestEveryTextHasGlyphs draws every scene in each of its choices, the help,
// presenter mode, every stop of the guided lecture and a warning, and checks
// that the fonts (subsets of DejaVu Sans, assets/fonttool) have a glyph for
// every character drawn, in the weight it is drawn in: a missing one shows
// as nothing at all.
func TestEveryTextHasGlyphs(t *testing.T) {
	regular, bold := assets.Fonts()
	missing := map[string]bool{}
	check := func(what string, c *uitest.Canvas) {
		for i, s := range c.Texts {
			f, weight := regular, "regular"
			if c.Bold[i] {
				f, weight = bold, "bold"
			}
			for _, r := range s {
				if r != ' ' && f.Index(r) == 0 {
					key := weight + " " + string(r)
					if !missing[key] {
						missing[key] = true
						t.Errorf("%s: the %s font has no %q (%U), in %q", what, weight, r, r, s)
					}
				}
			}
		}
	}
	draw := func(what string, a *App) {
		c := &uitest.Canvas{Record: true}
		a.Draw(c)
		check(what, c)
	}
	for _, sc := range scenes.All() {
		id := sc.Info().ID
		a := newApp(t, "paused=1&seed=1&lr=abc&scene="+id) // lr=abc: a warning
		a.Train(30)
		draw(id, a)
		for _, sp := range a.ParamSpecs() {
			if sp.Kind != param.Choice && sp.Kind != param.Bool {
				continue
			}
			n := max(len(sp.Choices), 2)
			for i := range n {
				value := strconv.Itoa(i)
				if sp.Kind == param.Choice {
					value = sp.Choices[i]
				}
				a.Set(sp.Name, value)
				a.Train(5)
				draw(id+" "+sp.Name+"="+value, a)
			}
			a.Set(sp.Name, sp.Format(sp.Default))
		}
		a.help = true
		draw(id+" help", a)
		a.help = false
		a.Set(namePresenter, "1")
		draw(id+" presenter", a)
	}
	a := newApp(t, "paused=1&seed=1")
	for i := range Tour {
		a.Set(nameTour, strconv.Itoa(i+1))
		draw("guided lecture stop "+strconv.Itoa(i+1), a)
	}
}
