package scenes

import (
	"math"
	"unicode/utf8"

	"aelab/scenes/ui"
)

// bindWidgets builds the controls of the scene shown from its declared
// parameters; the transport and tabs are the App's own.
func (a *App) bindWidgets() {
	spec := &a.app.Specs[a.app.Index(nameScene)]
	a.tabs = ui.NewParamWidget(spec, float64(a.cur), func(v float64) {
		a.Set(nameScene, spec.Choices[int(v)])
	}).(*ui.Segments)
	a.tabs.NoLabel = true
	si := a.app.Index(nameSpeed)
	a.speed = ui.NewParamWidget(&a.app.Specs[si], a.app.At(si), func(v float64) {
		a.app.SetAt(si, v)
	}).(*ui.Slider)
	ps := a.Scene().Params()
	a.bindActions()
	a.widgets = make([]ui.ParamWidget, len(ps.Specs))
	for i := range ps.Specs {
		a.widgets[i] = ui.NewParamWidget(&ps.Specs[i], ps.At(i), func(v float64) {
			a.setSceneParam(i, v)
		})
	}
	a.layout()
}

// readoutsAtBottom is implemented by a scene that needs the top of its
// plot (for titles) and wants the readouts in the bottom-right corner.
type readoutsAtBottom interface{ ReadoutsAtBottom() bool }

// SetMeasurer gives the layout the font measurements of the canvas it is
// drawn on (the game's painter), to size the explanation to its text.
func (a *App) SetMeasurer(m ui.Measurer) {
	a.measurer = m
	a.layout()
}

// estimate measures text at 0.55 em a character when no canvas is known.
type estimate struct{}

func (estimate) TextWidth(s string, size float64, _ bool) float64 {
	return 0.55 * size * float64(utf8.RuneCountInString(s))
}

// formulaFit returns the formula's type size and its widest line's width:
// the theme's formula size, or smaller (down to 11 pixels) where a line
// would not fit in width (a phone).
func (a *App) formulaFit(m ui.Measurer, width float64) (size, widest float64) {
	size = a.th.Font(ui.SizeFormula)
	for _, f := range a.Scene().Info().Formula {
		widest = math.Max(widest, m.TextWidth(f, size, false))
	}
	if widest > width && widest > 0 {
		fit := math.Max(a.th.Font(11), size*width/widest)
		widest *= fit / size
		size = fit
	}
	return size, widest
}

// explainHeight is the height the explanation needs at a width: its title
// and the taller of the formula and the wrapped text (see drawExplain).
func (a *App) explainHeight(width float64) float64 {
	th := a.th
	m := a.measurer
	if m == nil {
		m = estimate{}
	}
	info := a.Scene().Info()
	ts := th.Font(ui.SizeBody)
	inner := width - th.Px(32)
	fs, fw := a.formulaFit(m, inner)
	formulaH := float64(len(info.Formula)) * fs * 1.45
	textW := inner - fw - th.Px(28)
	var body float64
	if textW < th.Px(260) { // text under the formula
		body = formulaH + th.Px(6) + float64(len(ui.Wrap(m, a.explainText(), ts, inner, true)))*ts*1.4
	} else {
		body = math.Max(formulaH, float64(len(ui.Wrap(m, a.explainText(), ts, textW, true)))*ts*1.4)
	}
	return th.Px(32) + th.Font(ui.SizeHeading)*1.6 + body
}

// shower is implemented by a scene some of whose parameters matter only in
// some of its views: the panel shows a parameter when Shows says so.
type shower interface{ Shows(name string) bool }

// pickShown lists the parameter widgets the panel shows.
func (a *App) pickShown() {
	sh, ok := a.Scene().(shower)
	a.shown = a.shown[:0]
	for _, w := range a.widgets {
		name := w.Spec().Name
		if (!ok || sh.Shows(name)) && !a.hidden[name] {
			a.shown = append(a.shown, w)
		}
	}
}

// paramsHeight is the height of the parameter widgets, full or compact.
func (a *App) paramsHeight(compact bool) float64 {
	h := 0.0
	for _, w := range a.shown {
		if sl, ok := w.(*ui.Slider); ok {
			sl.Compact = compact
		}
		h += w.Height(a.th) + a.th.Px(4)
	}
	return h
}

// placeParams lays the parameter widgets in the params view, shifted by
// the scroll offset (clamped to the content).
func (a *App) placeParams() {
	a.paramsScroll = math.Max(0, math.Min(a.paramsScroll, a.paramsContent-a.params.H))
	y := a.params.Y - a.paramsScroll
	for _, w := range a.shown {
		h := w.Height(a.th)
		w.SetBounds(ui.Rect{X: a.params.X, Y: y, W: a.params.W, H: h})
		y += h + a.th.Px(4)
	}
}

// scrollParams moves the parameter list by dy device pixels.
func (a *App) scrollParams(dy float64) {
	if a.paramsContent <= a.params.H {
		return
	}
	a.paramsScroll += dy
	a.placeParams()
}

// bindActions makes buttons of the scene's own actions, which may depend on
// what it shows (so again after each reset).
func (a *App) bindActions() {
	a.actions = nil
	if ac, ok := a.Scene().(actor); ok {
		for _, act := range ac.Actions() {
			a.actions = append(a.actions, &ui.Button{Label: act.Label, Size: ui.SizeSmall, OnClick: func() {
				a.SetPaused(true)
				act.Run()
				a.measure()
			}})
		}
	}
}

// Resize sets the canvas size in device pixels and the device scale (device
// pixels per CSS pixel).
func (a *App) Resize(w, h, scale float64) {
	if w == a.w && h == a.h && scale == a.device {
		return
	}
	a.w, a.h, a.device = w, h, scale
	a.restyle()
}

// Size returns the canvas size in device pixels.
func (a *App) Size() (w, h float64) { return a.w, a.h }

// Theme returns the theme in use.
func (a *App) Theme() *ui.Theme { return a.th }

// PlotRect returns where the scene draws.
func (a *App) PlotRect() ui.Rect { return a.plot }

// Widgets returns the parameter controls of the scene shown.
func (a *App) Widgets() []ui.ParamWidget { return a.widgets }

// layout places every part of the screen; it runs on resize and when the
// scene (hence its controls) changes.
//
//	┌ title · scene tabs ───────────────────────────────┐
//	│ plot                 [readouts] │ ▶ step reset    │
//	│                                 │ steps / frame   │
//	│                                 │ parameters …    │
//	├─────────────────────────────────┤                 │
//	│ explanation: formula and text   │ loss curve      │
//	└─────────────────────────────────┴─────────────────┘
//
// Below 760 CSS pixels of width (a phone) the tabs take a second row of the
// top bar and the panel goes under the plot.
func (a *App) layout() {
	th := a.th
	a.explainVersion++ // the explanation is drawn anew after any layout
	a.explainKey = explainKey{a.Scene(), a.explainVersion}
	if a.w < 1 || a.h < 1 {
		return
	}
	full := ui.Rect{W: a.w, H: a.h}
	// A phone's top bar has two rows: the buttons, then the tabs across.
	twoRows := a.w < th.Px(760) && !a.hidden["tabs"]
	topH := th.Px(54)
	if twoRows {
		topH += th.Px(40)
	}
	a.top, full = full.CutTop(topH)
	var left ui.Rect
	panels := a.app.Bool(namePanels)
	switch {
	case !panels:
		a.panel, left = ui.Rect{}, full
	case a.w >= th.Px(760):
		pw := math.Max(th.Px(330), math.Min(a.w*0.3, th.Px(440)))
		a.panel, left = full.CutRight(pw)
	default: // a phone: the panel under the plot
		a.panel, left = full.CutBottom(full.H * 0.45)
	}
	a.explain, a.plot = ui.Rect{}, left
	if panels && (!a.hidden["explain"] || a.TourStop() > 0) {
		share := 0.45
		if a.panel.X == 0 && a.panel.W > 0 { // a phone: the plot first
			share = 0.35
		}
		a.explain, a.plot = left.CutBottom(math.Min(a.explainHeight(left.W), left.H*share))
	}

	// the title, the scene tabs, and the classroom buttons on the right
	title := th.Px(236)
	if a.w < th.Px(900) {
		title = th.Px(16) // no room for the title: tabs first
	}
	topW := [...]float64{th.Px(128), th.Px(92), th.Px(52), th.Px(36)}
	right := a.top.Right() - th.Px(10)
	for i := len(a.topButtons) - 1; i >= 0; i-- {
		right -= topW[i]
		a.topButtons[i].SetBounds(ui.Rect{X: right, Y: a.top.Y + th.Px(12), W: topW[i], H: th.Px(30)})
		right -= th.Px(6)
	}
	tabs := ui.Rect{X: a.top.X + title, Y: a.top.Y + th.Px(9), W: right - th.Px(10) - title, H: th.Px(36)}
	if twoRows {
		tabs = ui.Rect{X: a.top.X + th.Px(8), Y: a.top.Y + th.Px(50), W: a.top.W - th.Px(16), H: th.Px(36)}
	}
	tabs.W = math.Min(tabs.W, th.Px(230)*float64(len(a.scenes)))
	a.tabs.SetBounds(tabs)

	// panel, top down
	pad := th.Px(16)
	r := a.panel.Inset(pad)
	row, rest := r.CutTop(th.Px(38))
	if a.hidden["transport"] {
		row = ui.Rect{}
		rest = r
	}
	gap := th.Px(8)
	bw := (row.W - 2*gap) / 3
	for i, b := range [...]*ui.Button{a.play, a.stepBtn, a.resetBtn} {
		b.SetBounds(ui.Rect{X: row.X + float64(i)*(bw+gap), Y: row.Y, W: bw, H: row.H})
		if row.Empty() {
			b.SetBounds(ui.Rect{})
		}
	}
	if n := len(a.actions); n > 0 { // the scene's own buttons, one row
		var ar ui.Rect
		ar, rest = rest.CutTop(th.Px(38))
		aw := (ar.W - float64(n-1)*gap) / float64(n)
		for i, b := range a.actions {
			b.SetBounds(ui.Rect{X: ar.X + float64(i)*(aw+gap), Y: ar.Y + th.Px(6), W: aw, H: th.Px(30)})
		}
	}
	status, rest := rest.CutTop(th.Px(36)) // step count; seed and its button
	a.seedBtn.SetBounds(ui.Rect{X: status.Right() - th.Px(92), Y: status.Y + th.Px(5), W: th.Px(92), H: th.Px(26)})
	if a.hidden["seed"] {
		a.seedBtn.SetBounds(ui.Rect{})
	}
	var sr ui.Rect
	if !a.hidden["speed"] {
		sr, rest = rest.CutTop(a.speed.Height(th))
	}
	a.speed.SetBounds(sr)
	_, rest = rest.CutTop(th.Px(32)) // "Parameters" heading
	a.pickShown()
	// The parameters fill what the loss curve (at least minLoss) leaves:
	// first with full sliders, then compact ones, then scrolling.
	minLoss := th.Px(170)
	if a.hidden["loss"] {
		minLoss = 0
	}
	avail := math.Max(rest.H-minLoss, th.Px(40))
	need := a.paramsHeight(false)
	compact := need > avail
	if compact {
		need = a.paramsHeight(true)
	}
	view := math.Min(need, avail)
	a.params, rest = rest.CutTop(view)
	a.paramsContent = need
	a.placeParams()
	_, rest = rest.CutTop(th.Px(10))
	if a.hidden["loss"] {
		rest = ui.Rect{}
	}
	a.lossPlot.SetBounds(rest)

	// readouts: a box in the plot's top-right corner, in large type
	n := float64(len(a.Scene().Metrics()))
	rw, rowH := th.Px(310), th.Px(32)
	a.readoutsCompact = th.Px(14)+n*rowH > 0.5*a.plot.H
	if a.readoutsCompact {
		rw, rowH = th.Px(270), readoutRowCompact(th)
	}
	rw = math.Min(rw, a.plot.W-th.Px(24))
	a.readouts = ui.Rect{X: a.plot.Right() - rw - th.Px(12), Y: a.plot.Y + th.Px(12), W: rw, H: th.Px(14) + n*rowH}
	if b, ok := a.Scene().(readoutsAtBottom); ok && b.ReadoutsAtBottom() {
		a.readouts.Y = a.plot.Bottom() - a.readouts.H - th.Px(12)
	}
	if a.hidden["readouts"] {
		a.readouts = ui.Rect{X: a.plot.Right(), Y: a.plot.Y}
	}
	// the guided lecture's buttons, top-right of the explanation
	bx := a.explain.Right() - th.Px(16)
	for _, b := range [...]*ui.Button{a.tourClose, a.tourNext, a.tourBack} {
		w := th.Px(70)
		bx -= w
		b.SetBounds(ui.Rect{X: bx, Y: a.explain.Y + th.Px(10), W: w, H: th.Px(28)})
		bx -= th.Px(6)
	}
	if a.plot.W >= 1 && a.plot.H >= 1 {
		a.Scene().Layout(a.plot, a.th)
	}
}
