package app

import (
	"math"

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
	ps := a.Scene().Info().Params
	a.bindActions()
	a.widgets = make([]ui.ParamWidget, len(ps.Specs))
	for i := range ps.Specs {
		a.widgets[i] = ui.NewParamWidget(&ps.Specs[i], ps.At(i), func(v float64) {
			a.setSceneParam(i, v)
		})
	}
	a.layout()
}

// SetMeasurer gives the layout the font measurements of the canvas it is
// drawn on (the game's painter), to size the explanation to its text.
func (a *App) SetMeasurer(m ui.Measurer) {
	a.measurer = m
	a.layout()
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
	a.params.pick(a.widgets, a.Scene().Info(), a.hidden)
	// The parameters fill what the loss curve (at least minLoss) leaves:
	// first with full sliders, then compact ones, then scrolling.
	minLoss := th.Px(170)
	if a.hidden["loss"] {
		minLoss = 0
	}
	avail := math.Max(rest.H-minLoss, th.Px(40))
	need := a.params.height(th, false)
	if need > avail {
		need = a.params.height(th, true) // compact sliders
	}
	a.params.r, rest = rest.CutTop(math.Min(need, avail))
	a.params.content = need
	a.params.place(th)
	_, rest = rest.CutTop(th.Px(10))
	if a.hidden["loss"] {
		rest = ui.Rect{}
	}
	a.lossPlot.SetBounds(rest)

	info := a.Scene().Info()
	a.readouts.layout(a.plot, th, len(info.Metrics), info.ReadoutsAtBottom, a.hidden["readouts"])
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
