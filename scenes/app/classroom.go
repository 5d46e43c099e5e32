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
	keyEnter    = "enter"
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
	{"Tab  ⇧Tab", "move the focus between the panel's controls"},
	{"[  ]  Enter", "move the focused slider (⇧: {  }), pick, flip or press"},
	{"G", "guided lecture on / off"},
	{"PgDn N  /  PgUp B", "next / previous stop of the guided lecture"},
	{"F", "presenter mode: full screen, large type, high contrast"},
	{"H", "hide / show the panels"},
	{"P", "export the plot as PNG"},
	{"C", "copy a link to this exact setting"},
	{"L", "share with the class: a link and its QR code"},
	{"A", "say the scene and its readouts (screen readers)"},
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
	// Link returns the lab's address with the given query, the address
	// CopyLink copies: the share dialog shows it and its QR code. Nil
	// natively, where there is no address to give.
	Link func(query string) string
	// Announce hands the text alternative of the canvas (LiveText) to the
	// page's aria-live region; text is valid only during the call.
	Announce func(text string)
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
func (a *App) changed() {
	a.version++
	a.liveChanged()
}

// Version counts the changes of everything a link carries; the browser glue
// rewrites the URL when it moves.
func (a *App) Version() int { return a.version }

// ShareQuery is the state as a URL query (without "?"): the scene, the seed,
// every parameter of the scene, and what differs from the defaults of the
// App's own settings and hidden parts. Loading it restores the setting.
func (a *App) ShareQuery() string { return a.linkQuery(a.hidden, a.app.Bool(namePresenter), false) }

// linkQuery is ShareQuery with the given hidden parts and presenter mode
// (the share dialog's choices). short leaves out the seed and the
// parameters that a lab opened from the link has anyway (shortParams):
// the share dialog's QR code then needs fewer, larger modules. On a stop
// of the guided lecture, which sets parameters of its own, it keeps them.
func (a *App) linkQuery(hidden map[string]bool, presenter, short bool) string {
	info := a.Scene().Info()
	q := a.Query()
	if short && a.TourStop() == 0 {
		q = q[:1] // the scene
		if sp := a.app.Spec(nameSeed); float64(a.app.Int(nameSeed)) != sp.Default {
			q = append(q, KV{nameSeed, strconv.Itoa(a.app.Int(nameSeed))})
		}
		q = a.shortParams(q)
	}
	for _, name := range []string{namePaused, namePresenter, namePanels, nameTour} {
		i := a.app.Index(name)
		v := a.app.At(i)
		if name == namePresenter {
			v = ui.B2F(presenter)
		}
		if sp := &a.app.Specs[i]; v != sp.Default {
			q = append(q, KV{name, sp.Format(v)})
		}
	}
	if sp := info.Speed; sp == 0 || a.app.Int(nameSpeed) != sp {
		if sp > 0 || a.app.At(a.app.Index(nameSpeed)) != a.app.Spec(nameSpeed).Default {
			q = append(q, KV{nameSpeed, strconv.Itoa(a.app.Int(nameSpeed))})
		}
	}
	for _, name := range a.hiddenNames(hidden) {
		q = append(q, KV{name + "_hide", "1"})
	}
	return FormatQuery(q)
}

// shortParams appends the scene's parameters a link must give to q: those
// off their defaults, and those a lab opened with only these would set
// otherwise — a parameter that follows another (Info.Adjust: the PCA
// scene's learning rate follows its K) takes the value the other implies.
// It finds them by opening the link as a lab does (setGiven on the
// defaults), adding what came out otherwise until nothing does, then puts
// every value back; setting values only writes the bound fields, so the
// model is untouched.
func (a *App) shortParams(q []KV) []KV {
	info := a.Scene().Info()
	ps := info.Params
	n := len(ps.Specs)
	saved, need := make([]float64, n), make([]bool, n)
	for i := range n {
		saved[i] = ps.At(i)
		need[i] = saved[i] != ps.Specs[i].Default
	}
	for more := true; more; {
		var given []given1
		for i := range n {
			ps.SetAt(i, ps.Specs[i].Default)
			if need[i] {
				given = append(given, given1{i, saved[i]})
			}
		}
		a.setGiven(info, given)
		more = false
		for i := range n {
			if !need[i] && ps.At(i) != saved[i] {
				need[i], more = true, true
			}
		}
	}
	for i := range n {
		ps.SetAt(i, saved[i])
		if need[i] {
			q = append(q, KV{ps.Specs[i].Name, ps.Specs[i].Format(saved[i])})
		}
	}
	return q
}

// hiddenNames lists the names hidden holds, parts first, in a fixed order.
func (a *App) hiddenNames(hidden map[string]bool) []string {
	var names []string
	for _, h := range hideable {
		if hidden[h] {
			names = append(names, h)
		}
	}
	for _, sp := range a.ParamSpecs() {
		if hidden[sp.Name] {
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
		if a.share.open {
			a.shareKeys(k) // the dialog takes every key
			continue
		}
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
		case "[", "]", "{", "}", keyEnter:
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
		case "l":
			a.openShare()
		case "a":
			a.live.forced = true
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

// focusable returns the controls Tab reaches: every parameter's control
// shown, in panel order (the first Tab lands on the first parameter, as
// it always did), then steps per frame, New seed and the scene's buttons
// (a step of W, of D). The rest have keys of their own (space, S, R, the
// digits, G, L, P, C, ?: the help lists them).
func (a *App) focusable() []ui.Focusable {
	a.focusList = a.focusList[:0]
	for _, w := range a.params.shown {
		if f, ok := w.(ui.Focusable); ok {
			a.focusList = append(a.focusList, f)
		}
	}
	if !a.speed.Bounds().Empty() {
		a.focusList = append(a.focusList, a.speed)
	}
	if !a.seedBtn.Bounds().Empty() {
		a.focusList = append(a.focusList, a.seedBtn)
	}
	for _, b := range a.actions {
		if !b.Bounds().Empty() {
			a.focusList = append(a.focusList, b)
		}
	}
	return a.focusList
}

// moveFocus gives the keyboard focus to the next (or previous) control.
func (a *App) moveFocus(forward bool) {
	fs := a.focusable()
	if len(fs) == 0 {
		return
	}
	cur := -1
	for i, f := range fs {
		if f.HasFocus() {
			cur = i
		}
		f.SetFocus(false)
	}
	switch {
	case cur < 0 && forward:
		cur = 0
	case cur < 0:
		cur = len(fs) - 1
	case forward:
		cur = (cur + 1) % len(fs)
	default:
		cur = (cur + len(fs) - 1) % len(fs)
	}
	fs[cur].SetFocus(true)
	for _, w := range a.params.shown {
		if any(w) == any(fs[cur]) {
			a.scrollTo(w) // the list scrolls to it
		}
	}
}

// focusWidget gives the focus to w (the control last touched).
func (a *App) focusWidget(w ui.Focusable) {
	for _, o := range a.focusable() {
		o.SetFocus(o == w)
	}
}

// nudgeFocused steps the focused control: a slider a hundredth of its
// track, or a tenth with the shifted keys; segments one choice; a toggle
// flips; a button is pressed (Enter too, but not on a slider).
func (a *App) nudgeFocused(k string) {
	for _, f := range a.focusable() {
		if !f.HasFocus() {
			continue
		}
		switch k {
		case "[":
			f.Step(-1)
		case "]":
			f.Step(1)
		case "{":
			f.Step(-10)
		case "}":
			f.Step(10)
		case keyEnter:
			if _, slider := f.(*ui.Slider); !slider {
				f.Step(1)
			}
		}
		return
	}
	if k != keyEnter {
		a.notices.Add("No control has the focus: press Tab, or click a control, then [ and ].", scene.Note)
	}
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
