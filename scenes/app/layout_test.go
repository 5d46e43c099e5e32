package app

import (
	"fmt"
	"strings"
	"testing"

	"aelab/scenes"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// layoutSize is a screen the lab is shown on: CSS pixels, device pixels
// per CSS pixel, and the zoom restyle gives it (without presenter mode).
type layoutSize struct {
	name            string
	w, h, dpr, zoom float64
}

// layoutSizes are the screens of issue 10: a phone either way up, a
// laptop, a full-HD and a 4K projector.
var layoutSizes = []layoutSize{
	{"phone 390×844", 390, 844, 3, 1},
	{"phone 844×390", 844, 390, 3, 1},
	{"1280×800", 1280, 800, 1, 1},
	{"1920×1080", 1920, 1080, 1, 1.2},
	{"3840×2160", 3840, 2160, 1, 2.4},
}

// showAt opens the App with query on a screen of size sz, in the browser
// (a page that scrolls, its body made as tall as PageHeight, as
// wasm/page.go does) or natively.
func showAt(t *testing.T, query string, sz layoutSize, browser bool) *App {
	t.Helper()
	a := New(Options{Scenes: scenes.All(), Query: ParseQuery(query), Now: frozen})
	a.Platform.Scrolls = browser
	w, h := sz.w*sz.dpr, sz.h*sz.dpr
	a.Resize(w, h, sz.dpr)
	if browser {
		a.SetViewport(h)
		a.Resize(w, a.PageHeight(), sz.dpr)
	}
	return a
}

// layoutBoxes names the parts of the screen that must not overlap: the top
// bar, the plot, the readouts, the legend, the scene's small plots, the
// explanation and the panel.
func layoutBoxes(a *App) map[string]ui.Rect {
	boxes := map[string]ui.Rect{"top": a.top, "plot": a.plot, "explanation": a.explain,
		"panel": a.panel, "readouts": a.readouts.r, "legend": a.legendR}
	for i, r := range a.insets {
		boxes[fmt.Sprintf("inset %d", i+1)] = r
	}
	return boxes
}

// sceneViews lists every scene with each of its views: query strings.
func sceneViews() []string {
	var qs []string
	for _, s := range scenes.All() {
		info := s.Info()
		q := "scene=" + info.ID
		if i := info.Params.Index("view"); i >= 0 {
			for _, v := range info.Params.Specs[i].Choices {
				qs = append(qs, q+"&view="+v)
			}
			continue
		}
		qs = append(qs, q)
	}
	return qs
}

// nativeNarrow: a desktop window the size of a phone does not scroll, and
// the readouts, the legend and the small plots then squeeze the plot and
// the explanation as best they can; phones run the browser build, which
// scrolls, so the tests hold the desktop build to laptop and projector
// sizes only.

// TestLayoutNeverCoversThePlot: at every size of issue 10, with and
// without presenter mode, in the browser and natively, for every scene
// and view, no two parts of the screen overlap (the readouts, the legend
// and the scene's small plots have room of their own), none leaves the
// screen, each asked-for small plot is there, no text the App draws lies
// over the plot, and no text is smaller than the floor (textFloor); on a
// phone in the browser the plot is wholly on the first screen and the
// explanation and the parameters are shown whole, below it.
func TestLayoutNeverCoversThePlot(t *testing.T) {
	c := &uitest.Canvas{Record: true}
	sc := &uitest.Canvas{Record: true}
	for _, sz := range layoutSizes {
		for _, presenter := range []bool{false, true} {
			for _, browser := range []bool{true, false} {
				if !browser && sz.dpr > 1 {
					continue // no phone runs the desktop build (nativeNarrow)
				}
				for _, q := range sceneViews() {
					query := q + "&paused=1"
					if presenter {
						query += "&presenter=1"
					}
					name := fmt.Sprintf("%s %s browser=%v", sz.name, query, browser)
					a := showAt(t, query, sz, browser)
					if !presenter {
						if got := a.Theme().U / sz.dpr; got < sz.zoom-0.01 || got > sz.zoom+0.01 {
							t.Errorf("%s: zoom %.2f, want %.2f", name, got, sz.zoom)
						}
					}
					checkLayout(t, name, a, c, sc)
					if a.page {
						if view := sz.h * sz.dpr; a.plot.Bottom() > view+0.5 {
							t.Errorf("%s: the plot ends at %.0f, below the first screen (%.0f)", name, a.plot.Bottom(), view)
						}
						if want := a.explainHeight(a.explain.W); a.explain.H < want-0.5 {
							t.Errorf("%s: the explanation has %.0f px of the %.0f it needs", name, a.explain.H, want)
						}
						if a.params.scrolls() {
							t.Errorf("%s: the parameter list scrolls (%.0f of %.0f px) on a page that scrolls", name, a.params.r.H, a.params.content)
						}
					}
				}
			}
		}
	}
}

// TestLayoutOfTheGuidedLecture: every stop of the guided lecture, at every
// size, with and without presenter mode, lays out as the scenes do, and
// the explanation's title runs into neither the stop's place ("guided
// lecture 15 / 17") nor its buttons.
func TestLayoutOfTheGuidedLecture(t *testing.T) {
	c := &uitest.Canvas{Record: true}
	sc := &uitest.Canvas{Record: true}
	for _, sz := range layoutSizes {
		for _, presenter := range []bool{false, true} {
			query := "paused=1&tour=1"
			if presenter {
				query += "&presenter=1"
			}
			a := showAt(t, query, sz, true)
			for n := 1; n <= len(Tour); n++ {
				a.Set(nameTour, itoa(n))
				a.Resize(a.w, a.PageHeight(), sz.dpr)
				name := fmt.Sprintf("%s presenter=%v stop %d (%s)", sz.name, presenter, n, Tour[n-1].Scene)
				checkLayout(t, name, a, c, sc)
				// the title, on one line or wrapped
				var title []int
				for i, s := range c.Texts {
					if c.Bold[i] && len(s) > 3 && strings.Contains(a.Scene().Info().Title, s) && overlap(c.Boxes[i], a.explain) {
						title = append(title, i)
					}
				}
				if len(title) == 0 {
					t.Errorf("%s: the title %q is not drawn", name, a.Scene().Info().Title)
				}
				for _, ti := range title {
					tb := c.Boxes[ti]
					for i, s := range c.Texts {
						if strings.Contains(s, " / ") && overlap(tb, c.Boxes[i]) {
							t.Errorf("%s: the title %v runs into %q %v", name, tb, s, c.Boxes[i])
						}
					}
					for _, b := range []*ui.Button{a.tourBack, a.tourNext, a.tourClose} {
						if overlap(tb, b.Bounds()) {
							t.Errorf("%s: the title %v runs into the button %q %v", name, tb, b.Label, b.Bounds())
						}
					}
					if tb.Right() > a.explain.Right()+0.5 {
						t.Errorf("%s: the title %q %v runs out of the explanation %v", name, c.Texts[ti], tb, a.explain)
					}
				}
			}
		}
	}
}

// checkLayout asserts what TestLayoutNeverCoversThePlot says of a, and
// draws it on c (the scene alone on sc).
func checkLayout(t *testing.T, name string, a *App, c, sc *uitest.Canvas) {
	t.Helper()
	screen := ui.Rect{W: a.w, H: a.h}
	boxes := layoutBoxes(a)
	for n, r := range boxes {
		if r.Empty() {
			continue
		}
		if r.X < -0.5 || r.Y < -0.5 || r.Right() > screen.W+0.5 || r.Bottom() > screen.H+0.5 {
			t.Errorf("%s: the %s %+v leaves the screen %.0f×%.0f", name, n, r, screen.W, screen.H)
		}
		for m, s := range boxes {
			if n < m && overlap(r, s) {
				t.Errorf("%s: the %s %+v and the %s %+v overlap", name, n, r, m, s)
			}
		}
	}
	for _, b := range a.topButtons {
		if overlap(b.Bounds(), a.tabs.Bounds()) {
			t.Errorf("%s: a top button %v covers the tabs %v", name, b.Bounds(), a.tabs.Bounds())
		}
	}
	if a.plot.H < 150*a.device || a.plot.W < 200*a.device {
		t.Errorf("%s: the plot is %.0f×%.0f device pixels", name, a.plot.W, a.plot.H)
	}
	info := a.Scene().Info()
	if len(a.insets) != info.Insets.N {
		t.Errorf("%s: %d small plots placed, the scene asks for %d", name, len(a.insets), info.Insets.N)
	}
	for i, r := range a.insets {
		if least := insetFloor(a, info.Insets.MinH); r.H < least-0.5 {
			t.Errorf("%s: small plot %d is %.0f px high, want %.0f", name, i+1, r.H, least)
		}
	}
	if overlap(a.noticeR, a.plot) {
		t.Errorf("%s: notices %v would cover the plot %v", name, a.noticeR, a.plot)
	}
	if a.page && a.noticeR.Y > a.viewport() {
		t.Errorf("%s: notices at %.0f, below the first screen (%.0f)", name, a.noticeR.Y, a.viewport())
	}
	if len(info.Metrics) > 0 && a.readouts.r.Empty() {
		t.Errorf("%s: no room for the readouts", name)
	}

	a.Update(&ui.Input{})
	c.Reset()
	a.Draw(c)
	sc.Reset()
	a.Scene().Draw(sc, a.plot, a.th)
	// the scene's own texts, to tell the App's apart
	fromScene := map[string]int{}
	for i, s := range sc.Texts {
		fromScene[fmt.Sprintf("%s@%.2f", s, sc.Sizes[i])]++
	}
	floor := a.th.Font(textFloor) - 0.01
	for _, s := range c.Texts {
		if s == "…" {
			t.Errorf("%s: the explanation is cut short (%.0f of the %.0f px it needs)", name, a.explain.H, a.explainHeight(a.explain.W))
		}
	}
	for i, s := range c.Texts {
		if strings.TrimSpace(s) == "" {
			continue
		}
		if c.Sizes[i] < floor {
			t.Errorf("%s: %q is set at %.1f px, below the floor %.1f (%v logical px)", name, s, c.Sizes[i], floor, textFloor)
		}
		k := fmt.Sprintf("%s@%.2f", s, c.Sizes[i])
		if fromScene[k] > 0 {
			fromScene[k]-- // the scene's own text may lie on its plot
			continue
		}
		if overlap(c.Boxes[i], a.plot) {
			t.Errorf("%s: the App's %q %v lies over the plot %v", name, s, c.Boxes[i], a.plot)
		}
	}
}

// TestInsetsAreKept: a scene that asks for small plots gets them, each at
// least as high as it asks, beside or below the plot, at every size and in
// presenter mode (the sparse scene's vanished at 1920×1080 and 1280×800
// with presenter=1).
func TestInsetsAreKept(t *testing.T) {
	for _, sz := range layoutSizes {
		for _, presenter := range []bool{false, true} {
			for _, browser := range []bool{true, false} {
				if !browser && sz.dpr > 1 {
					continue // no phone runs the desktop build (nativeNarrow)
				}
				ss := scenes.All()
				info := ss[0].Info()
				saved := info.Insets
				info.Insets = scene.InsetRoom{N: 3, MinH: 80, MaxH: 150}
				q := "paused=1&scene=" + info.ID
				if presenter {
					q += "&presenter=1"
				}
				a := New(Options{Scenes: ss, Query: ParseQuery(q), Now: frozen})
				a.Platform.Scrolls = browser
				w, h := sz.w*sz.dpr, sz.h*sz.dpr
				a.Resize(w, h, sz.dpr)
				if browser {
					a.SetViewport(h)
					a.Resize(w, a.PageHeight(), sz.dpr)
				}
				name := fmt.Sprintf("%s presenter=%v browser=%v", sz.name, presenter, browser)
				if len(info.InsetRects) != 3 {
					t.Fatalf("%s: %d small plots, want 3", name, len(info.InsetRects))
				}
				boxes := layoutBoxes(a)
				for i, r := range info.InsetRects {
					if least := insetFloor(a, 80); r.H < least-0.5 || r.W < a.th.Px(200) {
						t.Errorf("%s: small plot %d is %.0f×%.0f, want at least %.0f high", name, i+1, r.W, r.H, least)
					}
					for n, b := range boxes {
						if !strings.HasPrefix(n, "inset") && overlap(r, b) {
							t.Errorf("%s: small plot %d %v covers the %s %v", name, i+1, r, n, b)
						}
					}
				}
				info.Insets = saved
			}
		}
	}
}

// insetFloor is the least height a small plot that asks for minH logical
// pixels must get: all of it, but on a phone-sized window that does not
// scroll (natively), where the plot comes first, insetLeast.
func insetFloor(a *App, minH float64) float64 {
	if !a.page && (a.w < a.th.Px(760) || a.h < a.th.Px(560)) {
		return a.th.Px(insetLeast)
	}
	return a.th.Px(minH)
}
