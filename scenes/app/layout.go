package app

import (
	"math"

	"aelab/scenes/plot"
	"aelab/scenes/scene"
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

// textFloor is the smallest type the lab draws, in logical pixels (Theme's
// scale: CSS pixels times the App's zoom). At 1280 × 800 thrown 3 m wide
// (2.3 mm a pixel) a 12-pixel em is 28 mm and its capitals some 20 mm
// high, which is 5′ of arc — the Snellen 20/20 letter — from 14 m, the
// back of a 200-seat hall; projectors of 1920 and 3840 pixels get the
// same size through the zoom (restyle). On a phone it is 12 CSS pixels,
// above the 11 points Apple's guidelines set as the least for text.
const textFloor = ui.SizeFloor

// layout places every part of the screen; it runs on resize and when the
// scene (hence its controls) changes.
//
//	┌ title · scene tabs ───────────────────────────────┐
//	│ plot           │ readouts │ ▶ step reset          │
//	│                │ legend   │ steps / frame         │
//	│                │ insets   │ parameters …          │
//	├────────────────┤          │                       │
//	│ explanation    │          │ loss curve            │
//	└────────────────┴──────────┴───────────────────────┘
//
// The readouts, the legend and the scene's small plots (Info.Insets) have
// room of their own, never over the plot: a column beside it, which runs
// down beside the explanation where the small plots need the height, or a
// strip below it on a narrow screen or where the scene wants the plot's
// width (Info.ReadoutsAtBottom). Where the page scrolls (Platform.Scrolls)
// and the screen is narrow or short (a phone, either way up) the parts
// stand one under another, the plot first, then the full explanation and
// the full parameter list, on a page taller than the screen (PageHeight).
// Elsewhere, below 760 CSS pixels of width, the tabs take a second row of
// the top bar and the panel goes under the plot.
func (a *App) layout() {
	th := a.th
	a.explainVersion++ // the explanation is drawn anew after any layout
	a.explainKey = explainKey{a.Scene(), a.explainVersion}
	if a.w < 1 || a.h < 1 {
		return
	}
	full := ui.Rect{W: a.w, H: a.h}
	a.page = a.pageMode()
	// A phone's top bar has two rows: the buttons, then the tabs across,
	// themselves in two rows when there are more than four scenes (six
	// names do not fit across 390 pixels at the 12-pixel floor).
	twoRows := a.w < th.Px(760) && !a.hidden["tabs"]
	tabRows := 1
	if twoRows && len(a.scenes) > 4 {
		tabRows = 2
	}
	a.tabs.Rows = tabRows
	topH := th.Px(54)
	if twoRows {
		topH += th.Px(40) * float64(tabRows)
	}
	a.top, full = full.CutTop(topH)
	panels := a.app.Bool(namePanels)
	showExplain := panels && (!a.hidden["explain"] || a.TourStop() > 0)
	a.params.pick(a.widgets, a.Scene().Info(), a.hidden)
	a.side = a.sideNeeds()
	a.panel, a.explain = ui.Rect{}, ui.Rect{}
	switch {
	case a.page:
		a.layoutPage(full, panels, showExplain)
	case !panels:
		a.layoutLeft(full, false, 0)
	case a.w >= th.Px(760):
		pw := math.Max(th.Px(330), math.Min(a.w*0.3, th.Px(440)))
		var left ui.Rect
		a.panel, left = full.CutRight(pw)
		a.layoutLeft(left, showExplain, 0.45)
	default: // a narrow window that does not scroll: the panel under the plot
		var left ui.Rect
		a.panel, left = full.CutBottom(full.H * 0.45)
		a.layoutLeft(left, showExplain, 0.35)
	}

	// the title, the scene tabs, and the classroom buttons on the right
	title := th.Px(236)
	if a.w < th.Px(900) {
		title = th.Px(16) // no room for the title: tabs first
	}
	topW := [...]float64{th.Px(128), th.Px(92), th.Px(52), th.Px(36)} // lecture, share, PNG, help
	right := a.top.Right() - th.Px(10)
	for i := len(a.topButtons) - 1; i >= 0; i-- {
		right -= topW[i]
		a.topButtons[i].SetBounds(ui.Rect{X: right, Y: a.top.Y + th.Px(12), W: topW[i], H: th.Px(30)})
		right -= th.Px(6)
	}
	tabs := ui.Rect{X: a.top.X + title, Y: a.top.Y + th.Px(9), W: right - th.Px(10) - title, H: th.Px(36)}
	if twoRows {
		tabs = ui.Rect{X: a.top.X + th.Px(8), Y: a.top.Y + th.Px(50), W: a.top.W - th.Px(16), H: th.Px(36) + th.Px(40)*float64(tabRows-1)}
	}
	tabs.W = math.Min(tabs.W, th.Px(230)*float64(len(a.scenes)))
	a.tabs.SetBounds(tabs)

	a.layoutPanel()
	if a.page && a.panel.H > 0 {
		a.pageH = a.panel.Bottom()
	}
	// the guided lecture's buttons, top-right of the explanation
	bx := a.explain.Right() - th.Px(16)
	for _, b := range [...]*ui.Button{a.tourClose, a.tourNext, a.tourBack} {
		w := th.Px(70)
		bx -= w
		b.SetBounds(ui.Rect{X: bx, Y: a.explain.Y + th.Px(10), W: w, H: th.Px(28)})
		bx -= th.Px(6)
	}
	// notices cover no plot: they sit over the explanation (under its
	// buttons), else over the loss curve, else over the plot's top; on a
	// page that scrolls, where the explanation may be screens below,
	// over the room beside the plot (readouts, legend), on the first screen
	a.noticeR = a.plot
	side := a.sideRoom()
	switch {
	case a.page && !side.Empty():
		a.noticeR = side
	case a.explain.H > 0:
		_, a.noticeR = a.explain.CutTop(th.Px(42))
	case a.lossPlot.Bounds().H > 0:
		a.noticeR = a.lossPlot.Bounds()
	}
	info := a.Scene().Info()
	info.InsetRects = a.insets
	if a.plot.W >= 1 && a.plot.H >= 1 {
		a.Scene().Layout(a.plot, a.th)
	}
	a.refreshShare() // an open share dialog: its scene, its screen
}

// pageMode reports whether the parts stand one under another on a page
// that scrolls: a phone's screen, either way up, in a browser.
func (a *App) pageMode() bool {
	if !a.Platform.Scrolls {
		return false
	}
	vh := a.viewport()
	return a.w < a.th.Px(760) || vh < a.th.Px(560)
}

// viewport is the height of the canvas the screen shows at once.
func (a *App) viewport() float64 {
	if a.viewH > 0 {
		return a.viewH
	}
	return a.h
}

// SetViewport tells the App how much of its canvas's height the screen
// shows at once, in device pixels (0: all of it): where the page scrolls,
// the plot is sized to it and the rest of the page runs below.
func (a *App) SetViewport(h float64) {
	if h == a.viewH {
		return
	}
	a.viewH = h
	a.layout()
}

// PageHeight is the canvas height the App's parts need, in device pixels:
// where the page scrolls (Platform.Scrolls) on a phone, the plot, the
// explanation and the parameters one under another, taller than the
// screen; elsewhere the canvas height.
func (a *App) PageHeight() float64 {
	if a.page {
		return math.Ceil(a.pageH)
	}
	return a.h
}

// WantsTouch reports whether a finger put down at (x, y), in device
// pixels of the canvas, is the lab's: on the plot or on a control. Else
// the page may scroll under it.
func (a *App) WantsTouch(x, y float64) bool {
	if a.help || a.share.open || a.top.Contains(x, y) || a.plot.Contains(x, y) || a.params.r.Contains(x, y) {
		return true
	}
	for _, n := range a.notices.List {
		if n.box.Contains(x, y) {
			return true
		}
	}
	hit := func(ws ...ui.Widget) bool {
		for _, w := range ws {
			if w.Bounds().Contains(x, y) {
				return true
			}
		}
		return false
	}
	if hit(a.play, a.stepBtn, a.resetBtn, a.seedBtn, a.speed, a.tourBack, a.tourNext, a.tourClose) {
		return true
	}
	for _, b := range a.actions {
		if hit(b) {
			return true
		}
	}
	return false
}

// sideNeeds is the room the App keeps beside or below the plot: the
// readouts, the legend and the scene's small plots.
type sideNeeds struct {
	metrics       int
	legW, legH    float64
	insets        scene.InsetRoom
	colW          float64 // the column's inner width
	readH, colMin float64 // the readouts' height; the column's least height
}

func (a *App) sideNeeds() sideNeeds {
	th := a.th
	info := a.Scene().Info()
	var n sideNeeds
	if !a.hidden["readouts"] {
		n.metrics = len(info.Metrics)
	}
	if info.Legend != nil && !a.hidden["legend"] {
		a.legend = info.Legend(a.legend[:0], th)
		n.legW, n.legH = plot.LegendSize(a.textMeasurer(), th, a.legend)
		a.legendRows = len(a.legend)
	}
	n.insets = info.Insets
	_, n.readH = readoutSize(th, n.metrics, 1)
	n.colW = math.Max(th.Px(readoutWidth), n.legW)
	gap := th.Px(12)
	n.colMin = gap
	for _, h := range [...]float64{n.readH, n.legH} {
		if h > 0 {
			n.colMin += h + gap
		}
	}
	n.colMin += float64(n.insets.N) * (th.Px(n.insets.MinH) + gap)
	return n
}

// empty reports whether nothing needs room beside the plot.
func (n *sideNeeds) empty() bool { return n.metrics == 0 && n.legH == 0 && n.insets.N == 0 }

// textMeasurer measures text as the canvas will, or estimates it.
func (a *App) textMeasurer() ui.Measurer {
	if a.measurer == nil {
		return estimate{}
	}
	return a.measurer
}

// layoutLeft places the plot, its side room and the explanation (at most
// share of the height) in left.
func (a *App) layoutLeft(left ui.Rect, showExplain bool, share float64) {
	th := a.th
	gap := th.Px(12)
	n := &a.side
	e := 0.0
	if showExplain {
		e = math.Min(a.explainHeight(left.W), left.H*share)
	}
	// a column beside the plot, where it holds the readouts, the legend and
	// the small plots at their least (beside the explanation if need be);
	// else a strip below the plot
	column := !n.empty() && !a.Scene().Info().ReadoutsAtBottom && left.W-n.colW-2*gap >= th.Px(360) &&
		n.colMin <= left.H
	switch {
	case column && n.colMin > left.H-e && showExplain:
		// the column runs down beside the explanation, which narrows
		var col, rest ui.Rect
		col, rest = left.CutRight(n.colW + 2*gap)
		e = math.Min(a.explainHeight(rest.W), rest.H*share)
		a.explain, a.plot = rest.CutBottom(e)
		a.placeColumn(col)
	case column:
		var stage, col ui.Rect
		a.explain, stage = left.CutBottom(e)
		col, a.plot = stage.CutRight(n.colW + 2*gap)
		a.placeColumn(col)
	default:
		// the plot keeps at least half of what the explanation leaves: the
		// small plots are lowered for it, down to insetLeast, never
		// dropped; where that is not enough (a phone-sized window that does
		// not scroll), the explanation gives way
		insetH := n.insets.MinH
		cols := a.bestStripCols(left.W, insetH)
		h := a.placeStrip(ui.Rect{X: left.X, W: left.W}, cols, insetH, false)
		for h > (left.H-e)*0.5 && insetH > insetLeast {
			insetH = math.Max(insetLeast, insetH-8)
			h = a.placeStrip(ui.Rect{X: left.X, W: left.W}, cols, insetH, false)
		}
		e = math.Max(0, math.Min(e, left.H-2*h))
		var stage, strip ui.Rect
		a.explain, stage = left.CutBottom(e)
		strip, a.plot = stage.CutBottom(math.Min(h, stage.H*0.5))
		a.placeStrip(strip, cols, insetH, true)
	}
}

// layoutPage stacks the parts on a page that scrolls: the plot, sized to
// the screen, with its side room beside or below it; the whole
// explanation; the whole panel. pageH is where the page ends.
func (a *App) layoutPage(full ui.Rect, panels, showExplain bool) {
	th := a.th
	gap := th.Px(12)
	n := &a.side
	view := math.Max(th.Px(200), a.viewport()-full.Y)
	y := full.Y
	if !n.empty() && !a.Scene().Info().ReadoutsAtBottom && full.W-n.colW-2*gap >= th.Px(360) {
		// a phone on its side: the column beside a plot as high as the screen
		plotW := full.W - n.colW - 2*gap
		colH := math.Max(view, n.colMin)
		a.plot = ui.Rect{X: full.X, Y: y, W: plotW, H: view}
		a.placeColumn(ui.Rect{X: full.X + plotW, Y: y, W: n.colW + 2*gap, H: colH})
		y += colH
	} else {
		// upright: a plot as wide as the screen, the room below it
		a.plot = ui.Rect{X: full.X, Y: y, W: full.W, H: math.Min(full.W, view-th.Px(24))}
		y = a.plot.Bottom()
		cols := a.bestStripCols(full.W, n.insets.MaxH)
		h := a.placeStrip(ui.Rect{X: full.X, Y: y, W: full.W}, cols, n.insets.MaxH, true)
		y += h
	}
	if showExplain {
		a.explain = ui.Rect{X: full.X, Y: y, W: full.W, H: a.explainHeight(full.W)}
		y = a.explain.Bottom()
	}
	a.pageH = y
	if panels {
		// as high as its content: layoutPanel gives the parameters all
		// they need and the loss curve lossPageH, and ends the panel there
		a.panel = ui.Rect{X: full.X, Y: y, W: full.W, H: math.Inf(1)}
	}
}

// insetLeast is the least height of a small plot, in logical pixels, on a
// screen that has not the room a scene asks for (a phone-sized window
// that does not scroll): its title and a few rows of bars.
const insetLeast = 48

// lossPageH is the loss curve's height on a page that scrolls.
const lossPageH = 200

// placeColumn puts the readouts, the legend and the small plots top down
// in col; the small plots share what is left, each at most its MaxH.
func (a *App) placeColumn(col ui.Rect) {
	th := a.th
	gap := th.Px(12)
	n := &a.side
	x, y, w := col.X+gap, col.Y+gap, n.colW
	a.readouts.place(ui.Rect{}, 1)
	if n.metrics > 0 {
		a.readouts.place(ui.Rect{X: x, Y: y, W: w, H: n.readH}, 1)
		y += n.readH + gap
	}
	a.legendR = ui.Rect{}
	if n.legH > 0 {
		a.legendR = ui.Rect{X: x, Y: y, W: n.legW, H: n.legH}
		y += n.legH + gap
	}
	a.insets = a.insets[:0]
	if k := n.insets.N; k > 0 {
		h := math.Min(th.Px(n.insets.MaxH), (col.Bottom()-y)/float64(k)-gap)
		h = math.Max(h, th.Px(insetLeast)) // never dropped: at worst low
		iw := math.Min(w, th.Px(scene.InsetWidth))
		for i := 0; i < k; i++ {
			a.insets = append(a.insets, ui.Rect{X: x + w - iw, Y: y, W: iw, H: h})
			y += h + gap
		}
	}
}

// bestStripCols is the number of readout columns that makes the strip
// below a plot of width w the lowest.
func (a *App) bestStripCols(w, insetH float64) int {
	best, bestH := 1, math.Inf(1)
	for cols := 1; cols <= max(1, a.side.metrics); cols++ {
		rw, _ := readoutSize(a.th, a.side.metrics, cols)
		if cols > 1 && rw > w-2*a.th.Px(12) {
			break
		}
		if h := a.placeStrip(ui.Rect{W: w}, cols, insetH, false); h < bestH-0.5 {
			best, bestH = cols, h
		}
	}
	return best
}

// placeStrip lays the readouts (in cols columns), the legend and the small
// plots (insetH logical pixels high) left to right in r, a new line where
// the next does not fit, and returns the height they take; it places them
// only when place is set. The readouts alone on their line take the
// line's width.
func (a *App) placeStrip(r ui.Rect, cols int, insetH float64, place bool) float64 {
	th := a.th
	gap := th.Px(12)
	n := &a.side
	if n.empty() {
		if place {
			a.readouts.place(ui.Rect{}, 1)
			a.legendR, a.insets = ui.Rect{}, a.insets[:0]
		}
		return 0
	}
	inner := r.W - 2*gap
	x, y, lineH := r.X+gap, r.Y+gap, 0.0
	put := func(w, h float64) ui.Rect {
		w = math.Min(w, inner)
		if x > r.X+gap && x+w > r.X+gap+inner+0.5 {
			x, y, lineH = r.X+gap, y+lineH+gap, 0
		}
		b := ui.Rect{X: x, Y: y, W: w, H: h}
		x += w + gap
		lineH = math.Max(lineH, h)
		return b
	}
	if place {
		a.readouts.place(ui.Rect{}, 1)
		a.legendR, a.insets = ui.Rect{}, a.insets[:0]
	}
	if n.metrics > 0 {
		rw, rh := readoutSize(th, n.metrics, cols)
		if rw+gap+n.legW > inner { // the legend goes under: widen the readouts
			rw = inner
		}
		b := put(rw, rh)
		if place {
			a.readouts.place(b, cols)
		}
	}
	if n.legH > 0 {
		b := put(n.legW, n.legH)
		if place {
			a.legendR = b
		}
	}
	for i := 0; i < n.insets.N; i++ {
		b := put(th.Px(scene.InsetWidth), th.Px(insetH))
		if place {
			a.insets = append(a.insets, b)
		}
	}
	return y + lineH + gap - r.Y
}

// layoutPanel places the controls in the panel, top down; on a page that
// scrolls the panel ends where its content does.
func (a *App) layoutPanel() {
	th := a.th
	pad := th.Px(16)
	r := a.panel.Inset(pad)
	if a.panel.Empty() {
		r = ui.Rect{}
	}
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
	if a.hidden["seed"] || r.Empty() {
		a.seedBtn.SetBounds(ui.Rect{})
	}
	var sr ui.Rect
	if !a.hidden["speed"] {
		sr, rest = rest.CutTop(a.speed.Height(th))
	}
	a.speed.SetBounds(sr)
	_, rest = rest.CutTop(th.Px(32)) // "Parameters" heading
	// The parameters fill what the loss curve (at least minLoss) leaves:
	// first with full sliders, then compact ones, then scrolling; on a
	// page that scrolls, all of them in full.
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
	if math.IsInf(a.panel.H, 1) {
		rest.H = th.Px(lossPageH)
		if a.hidden["loss"] {
			rest.H = 0
		}
		a.panel.H = rest.Bottom() + pad - a.panel.Y
	}
	if a.hidden["loss"] || r.Empty() {
		rest = ui.Rect{}
	}
	a.lossPlot.SetBounds(rest)
}

// StepBounds is where the Step button is (the browser tests tap it).
func (a *App) StepBounds() ui.Rect { return a.stepBtn.Bounds() }

// sideRoom is the rectangle around the readouts, the legend and the small
// plots.
func (a *App) sideRoom() ui.Rect {
	var u ui.Rect
	add := func(r ui.Rect) {
		if r.Empty() {
			return
		}
		if u.Empty() {
			u = r
			return
		}
		x0, y0 := math.Min(u.X, r.X), math.Min(u.Y, r.Y)
		x1, y1 := math.Max(u.Right(), r.Right()), math.Max(u.Bottom(), r.Bottom())
		u = ui.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
	}
	add(a.readouts.r)
	add(a.legendR)
	for _, r := range a.insets {
		add(r)
	}
	return u
}
