package app

import (
	"fmt"
	"strings"
	"unicode"

	"aelab/assets"
	"aelab/scenes/scene"
)

// Stop is one stop of the guided lecture: a scene, the parameters it sets
// and a sentence or two on what to watch.
type Stop struct {
	Scene string
	// Slide names the lecture's slide the stop belongs to, as "section ·
	// slide title" ("slide …" line).
	Slide string
	Set   []KV
	Say   string
	// shown is what the explanation shows: the slide's title, then Say (made once,
	// as the explanation asks for it every frame).
	shown string
	// Expect is what the stop claims, as conditions on the scene's
	// metrics after some frames of play ("expect …" lines; claims.go):
	// TestTourClaims checks each.
	Expect []Claim
}

// Tour is the guided lecture, read from assets/tour.txt (data, not code).
var Tour = mustParseTour(assets.TourText)

func mustParseTour(text string) []Stop {
	stops, err := ParseTour(text)
	if err != nil {
		panic(err)
	}
	return stops
}

// ParseTour reads the guided lecture's format: paragraphs of a "scene id"
// line, a "slide section · title" line, a "set query" line and the text to
// show; "#" starts a comment line.
// A line is a scene or set line by its first word, so a bare "set" or
// "scene" is one too (not text), and a scene line must name a scene.
func ParseTour(text string) ([]Stop, error) {
	var stops []Stop
	for i, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		var st Stop
		var say []string
		for _, line := range strings.Split(para, "\n") {
			line = strings.TrimSpace(line)
			word, rest := line, ""
			if j := strings.IndexFunc(line, unicode.IsSpace); j >= 0 {
				word, rest = line[:j], strings.TrimSpace(line[j:])
			}
			switch {
			case line == "" || strings.HasPrefix(line, "#"):
			case word == "scene":
				if rest == "" {
					return nil, fmt.Errorf("tour: paragraph %d: a scene line names no scene", i+1)
				}
				st.Scene = rest
			case word == "slide":
				st.Slide = rest
			case word == "set":
				st.Set = ParseQuery(rest)
			case word == "expect":
				c, err := ParseClaim(rest)
				if err != nil {
					return nil, fmt.Errorf("tour: paragraph %d: %v", i+1, err)
				}
				st.Expect = append(st.Expect, c)
			default:
				say = append(say, line)
			}
		}
		if st.Scene == "" && len(say) == 0 {
			continue // a comment block
		}
		st.Say = strings.Join(say, " ")
		if st.Scene == "" || st.Say == "" {
			return nil, fmt.Errorf("tour: paragraph %d needs a scene line and a text", i+1)
		}
		st.shown = st.Say
		if st.Slide != "" {
			// the slide's title; its section is the scene's, in the title
			_, title, ok := strings.Cut(st.Slide, " · ")
			if !ok {
				title = st.Slide
			}
			st.shown = "Slide \"" + title + "\": " + st.Say
		}
		stops = append(stops, st)
	}
	return stops, nil
}

// goToStop shows stop n (1-based) of the guided lecture: its scene, with
// every parameter at its default but those the stop sets, trained from the
// seed; a stop that sets paused arrives paused (or playing).
func (a *App) goToStop(n int) {
	if n < 1 || n > len(Tour) {
		return
	}
	st := Tour[n-1]
	a.app.SetAt(a.app.Index(nameTour), float64(n))
	idx := -1
	for i, s := range a.scenes {
		if s.Info().ID == st.Scene {
			idx = i
		}
	}
	if idx < 0 {
		a.warn(fmt.Sprintf("the guided lecture's stop %d names no scene %q", n, st.Scene))
		return
	}
	info := a.scenes[idx].Info()
	ps := info.Params
	ps.Reset()
	var given []given1
	pause := -1.0 // the stop's paused=…, if it gives one
	for _, kv := range st.Set {
		if kv.Name == namePaused {
			v, w := a.app.Spec(namePaused).Parse(kv.Value)
			if w != "" {
				a.warn(w)
			}
			pause = v
			continue
		}
		i := ps.Index(kv.Name)
		if i < 0 {
			a.warn(fmt.Sprintf("the guided lecture's stop %d sets %q, which scene %s does not have", n, kv.Name, st.Scene))
			continue
		}
		v, w := ps.Specs[i].Parse(kv.Value)
		if w != "" {
			a.warn(w)
		}
		given = append(given, given1{i, v})
	}
	a.setGiven(info, given)
	if idx != a.cur {
		si := a.app.Index(nameSpeed)
		a.speeds[a.cur] = a.app.At(si)
		a.cur = idx
		a.app.SetAt(a.app.Index(nameScene), float64(idx))
		a.app.SetAt(si, a.speeds[idx])
	}
	a.resetScene()
	if pause >= 0 {
		a.SetPaused(pause != 0) // a stop that says "press play" waits for it
	}
	a.bindWidgets()
	a.notices.Dismiss(scene.Note)
	a.changed()
}

// TourStop returns the stop shown (1-based), 0 when the lecture is off.
func (a *App) TourStop() int { return a.app.Int(nameTour) }

// tourStep moves the guided lecture by d stops, starting it when off.
func (a *App) tourStep(d int) {
	n := a.TourStop()
	switch {
	case n == 0:
		n = 1
	default:
		n = max(1, min(len(Tour), n+d))
	}
	a.goToStop(n)
}

// endTour leaves the guided lecture (the scene stays as it is).
func (a *App) endTour() {
	a.app.SetAt(a.app.Index(nameTour), 0)
	a.explainVersion++
	a.explainKey = explainKey{a.Scene(), a.explainVersion}
	a.changed()
}
