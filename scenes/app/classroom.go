package app

import (
	"fmt"
	"math"
	"strconv"

	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// What a teacher needs to run a lecture with the lab: keys, presenter
// mode, links that carry the state, hidden controls, export.

// Key names in ui.Input.Keys, as the platform glue reports them.
const (
	keySpace    = "space"
	keyLeft     = "left"
	keyRight    = "right"
	keyTab      = "tab"
	keyBackTab  = "shift+tab"
	keyEscape   = "escape"
	keyPageUp   = "pageup"
	keyPageDown = "pagedown"
)

// Shortcut is one key of the help overlay.
type Shortcut struct{ Keys, Does string }

// Shortcuts lists every key, in the order of the help overlay (key ?), for
// an App of n scenes: the digit keys go as far as the scenes (at most 9).
func Shortcuts(n int) []Shortcut {
	digits := "1"
	if n > 1 {
		digits = fmt.Sprintf("1 – %d", min(n, 9))
	}
	return append([]Shortcut{
		{"space", "play / pause"},
		{"S", "one training step"},
		{"R", "reset: new weights from the seed"},
		{"← →  or  " + digits, "previous / next scene, or scene n"},
	}, shortcuts...)
}

var shortcuts = []Shortcut{
	{"Tab  ⇧Tab", "move the focus between sliders"},
	{"[  ]", "move the focused slider (⇧ for big steps: {  })"},
	{"G", "guided lecture on / off"},
	{"PgDn N  /  PgUp B", "next / previous stop of the guided lecture"},
	{"F", "presenter mode: full screen, large type, high contrast"},
	{"H", "hide / show the panels"},
	{"P", "export the plot as PNG"},
	{"C", "copy a link to this exact setting"},
	{"?", "this help; Esc closes it"},
}

// Platform is what only the platform can do, given to the App by the
// browser glue or the native main; nil fields are not offered.
type Platform struct {
	// Fullscreen enters or leaves full screen.
	Fullscreen func(on bool)
	// CopyLink puts a link to the state (its URL query) where it can be
	// pasted and says what it did, for a notice.
	CopyLink func(query string) string
	// Export saves the plot, the rectangle r of the screen, as a PNG and
	// says where, for a notice.
	Export func(r ui.Rect) string
	// Scrolls says the page around the canvas scrolls (a browser): on a
	// phone the App then stands its parts one under another on a canvas
	// taller than the screen (PageHeight, SetViewport).
	Scrolls bool
}

// hideable are the parts of the screen a link can hide, beside any
// parameter: name_hide=1 (as TensorFlow Playground's *_hide).
var hideable = []string{"tabs", "transport", "explain", "loss", "readouts", "legend"}

// Hideable lists the parts of the screen a link can hide (part_hide=1).
func Hideable() []string { return append([]string(nil), hideable...) }

// Hidden reports whether a part of the screen or a parameter's control is
// hidden by the link.
func (a *App) Hidden(name string) bool { return a.hidden[name] }

// setHidden records name_hide from a query; it reports whether the name is
// a part or a parameter the lab knows.
func (a *App) setHidden(name, value string) bool {
	known := false
	for _, h := range hideable {
		known = known || h == name
	}
	for _, sp := range a.ParamSpecs() {
		known = known || sp.Name == name
	}
	if !known {
		return false
	}
	on, err := strconv.ParseBool(value)
	if value == "" {
		on, err = true, nil
	}
	if err != nil {
		on = value != "0" && value != "off" && value != "no"
	}
	if a.hidden == nil {
		a.hidden = map[string]bool{}
	}
	if on {
		a.hidden[name] = true
	} else {
		delete(a.hidden, name)
	}
	a.layout()
	a.changed()
	return true
}

// changed marks the state as changed for links (Version).
func (a *App) changed() { a.version++ }

// Version counts the changes of everything a link carries; the browser glue
// rewrites the URL when it moves.
func (a *App) Version() int { return a.version }

// ShareQuery is the state as a URL query (without "?"): the scene, the seed,
// every parameter of the scene, and what differs from the defaults of the
// App's own settings and hidden parts. Loading it restores the setting.
func (a *App) ShareQuery() string {
	q := a.Query()
	for _, name := range []string{namePaused, namePresenter, namePanels, nameTour} {
		i := a.app.Index(name)
		if sp := &a.app.Specs[i]; a.app.At(i) != sp.Default {
			q = append(q, KV{name, sp.Format(a.app.At(i))})
		}
	}
	if sp := a.Scene().Info().Speed; sp == 0 || a.app.Int(nameSpeed) != sp {
		if sp > 0 || a.app.At(a.app.Index(nameSpeed)) != a.app.Spec(nameSpeed).Default {
			q = append(q, KV{nameSpeed, strconv.Itoa(a.app.Int(nameSpeed))})
		}
	}
	for _, name := range a.hiddenNames() {
		q = append(q, KV{name + "_hide", "1"})
	}
	return FormatQuery(q)
}

func (a *App) hiddenNames() []string {
	var names []string
	for _, h := range hideable {
		if a.hidden[h] {
			names = append(names, h)
		}
	}
	for _, sp := range a.ParamSpecs() {
		if a.hidden[sp.Name] {
			names = append(names, sp.Name)
		}
	}
	return names
}

// restyle picks the theme and its scale: the device's pixel ratio, times a
// zoom that grows with the screen (so a 4K projector shows the lab as a
// laptop does, only sharper), times 1.3 in presenter mode, which also
// takes the high-contrast colours.
func (a *App) restyle() {
	dev := math.Max(a.device, 0.25)
	w, h := a.w/dev, a.h/dev // CSS pixels
	zoom := math.Max(1, math.Min(3, math.Min(w/1440, h/900)))
	if a.app.Bool(namePresenter) {
		// Presenter type is up to 1.3 times larger, as far as the screen
		// keeps room for a 1100×700 layout (a laptop's full screen).
		boost := math.Max(1, math.Min(1.3, math.Min(w/(zoom*1100), h/(zoom*700))))
		a.th = ui.Presenter(dev * zoom * boost)
	} else {
		a.th = ui.Light(dev * zoom)
	}
	a.layout()
}

// handleKeys runs the shortcuts of this frame's keys.
func (a *App) handleKeys(keys []string) {
	for _, k := range keys {
		if a.help {
			a.help = false // any key closes the help
			if k == keyEscape || k == "?" {
				continue
			}
		}
		switch k {
		case keySpace:
			a.SetPaused(!a.Paused())
		case "s":
			a.SetPaused(true)
			a.Train(1)
		case "r":
			a.Reset()
		case keyLeft, keyRight:
			d := 1
			if k == keyLeft {
				d = len(a.scenes) - 1
			}
			a.SwitchScene(a.scenes[(a.cur+d)%len(a.scenes)].Info().ID)
		case "1", "2", "3", "4", "5", "6", "7", "8", "9":
			if n := int(k[0] - '1'); n < len(a.scenes) {
				a.SwitchScene(a.scenes[n].Info().ID)
			}
		case keyTab, keyBackTab:
			a.moveFocus(k == keyTab)
		case "[", "]", "{", "}":
			a.nudgeFocused(k)
		case "?":
			a.help = true
		case keyEscape:
			if a.TourStop() > 0 {
				a.endTour()
			}
		case "f":
			a.Set(namePresenter, strconv.FormatBool(!a.app.Bool(namePresenter)))
		case "h":
			a.Set(namePanels, strconv.FormatBool(!a.app.Bool(namePanels)))
		case "p":
			a.export()
		case "c":
			a.copyLink()
		case "g":
			if a.TourStop() > 0 {
				a.endTour()
			} else {
				a.tourStep(0)
			}
		case keyPageDown, "n":
			a.tourStep(1)
		case keyPageUp, "b":
			if a.TourStop() > 0 {
				a.tourStep(-1)
			}
		}
	}
}

// focusable returns the shown sliders, in panel order.
func (a *App) focusable() []*ui.Slider {
	a.sliders = a.sliders[:0]
	for _, w := range a.params.shown {
		if s, ok := w.(*ui.Slider); ok {
			a.sliders = append(a.sliders, s)
		}
	}
	return a.sliders
}

// moveFocus gives the keyboard focus to the next (or previous) slider.
func (a *App) moveFocus(forward bool) {
	ss := a.focusable()
	if len(ss) == 0 {
		return
	}
	cur := -1
	for i, s := range ss {
		if s.Focused {
			cur = i
		}
		s.Focused = false
	}
	switch {
	case cur < 0 && forward:
		cur = 0
	case cur < 0:
		cur = len(ss) - 1
	case forward:
		cur = (cur + 1) % len(ss)
	default:
		cur = (cur + len(ss) - 1) % len(ss)
	}
	ss[cur].Focused = true
	a.scrollTo(ss[cur])
}

// focusSlider gives the focus to s (the slider last touched).
func (a *App) focusSlider(s *ui.Slider) {
	for _, o := range a.focusable() {
		o.Focused = o == s
	}
}

// nudgeFocused moves the focused slider a hundredth of its track, or a
// tenth with the shifted keys.
func (a *App) nudgeFocused(k string) {
	for _, s := range a.focusable() {
		if !s.Focused {
			continue
		}
		switch k {
		case "[":
			s.Nudge(-1)
		case "]":
			s.Nudge(1)
		case "{":
			s.Nudge(-10)
		case "}":
			s.Nudge(10)
		}
		return
	}
	a.notices.Add("No slider has the focus: press Tab, or click a slider, then [ and ].", scene.Note)
}

// scrollTo scrolls the parameter list so that w is in view.
func (a *App) scrollTo(w ui.Widget) { a.params.show(w.Bounds(), a.th) }

func (a *App) export() {
	if a.Platform.Export == nil {
		a.notices.Add("Export is not available here.", scene.Warning)
		return
	}
	a.notices.Add(a.Platform.Export(a.plot), scene.Note)
}

func (a *App) copyLink() {
	if a.Platform.CopyLink == nil {
		a.notices.Add("To share this setting, use: ?"+a.ShareQuery(), scene.Note)
		return
	}
	a.notices.Add(a.Platform.CopyLink(a.ShareQuery()), scene.Note)
}

// drawHelp draws the help overlay: every key and what it does.
func (a *App) drawHelp(c ui.Canvas) {
	th := a.th
	size := th.Font(ui.SizeBody)
	lh := size * 1.55
	keysW, doesW := 0.0, 0.0
	for _, s := range a.shortcuts {
		keysW = math.Max(keysW, c.TextWidth(s.Keys, size, true))
		doesW = math.Max(doesW, c.TextWidth(s.Does, size, false))
	}
	w := math.Min(a.w-th.Px(40), keysW+doesW+th.Px(72))
	h := float64(len(a.shortcuts))*lh + th.Px(80)
	// on the first screen of a page that scrolls: the ? button is there
	r := ui.Rect{X: (a.w - w) / 2, Y: math.Max(th.Px(20), (math.Min(a.h, a.viewport())-h)/2), W: w, H: h}
	c.FillRect(ui.Rect{W: a.w, H: a.h}, th.Text.Alpha(0.35))
	c.RoundRect(r, th.Px(10), th.Bg)
	c.Text("Keys", r.X+th.Px(24), r.Y+th.Px(18), ui.TextStyle{Size: th.Font(ui.SizeTitle), Color: th.Text, Bold: true})
	c.Text("any key or click closes this", r.Right()-th.Px(24), r.Y+th.Px(24), ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right})
	y := r.Y + th.Px(62)
	kx := r.X + th.Px(24)
	dx := r.X + th.Px(24) + math.Min(keysW+th.Px(24), w*0.38)
	for _, s := range a.shortcuts {
		c.Text(s.Keys, kx, y, ui.TextStyle{Size: size, Color: th.Accent, Bold: true})
		c.Text(s.Does, dx, y, ui.TextStyle{Size: size, Color: th.Text})
		y += lh
	}
}

// helpButtonLabel is the top bar's button that opens the help.
const helpButtonLabel = "?"

// tourLabel writes "guided lecture n / N" into b, or only "n / N".
func tourLabel(b []byte, n int, long bool) []byte {
	if long {
		b = append(b, "guided lecture "...)
	}
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, " / "...)
	return strconv.AppendInt(b, int64(len(Tour)), 10)
}

// Notify shows a passing message (the platform's answers, such as where an
// export was saved).
func (a *App) Notify(text string) { a.notices.Add(text, scene.Note) }

// Idle reports whether nothing moves: training paused, no drag, no passing
// notice counting down. An idle lab need not be redrawn until something
// happens (the battery of a laptop in a lecture hall).
func (a *App) Idle() bool {
	if !a.Paused() || a.capture.Owner() != nil || a.ptr.Down {
		return false
	}
	for _, n := range a.notices.List {
		if n.Level == scene.Note {
			return false
		}
	}
	return true
}
