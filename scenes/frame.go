package scenes

import (
	"math"
	"strconv"

	"aelab/scenes/ui"
)

// Update runs one frame of interaction and training.
func (a *App) Update(in *ui.Input) {
	t0 := a.now()
	// a copy the frame may change (a press used up); a field, not a local,
	// because widgets take it through interfaces and it would escape
	a.ptr = in.Pointer
	p := &a.ptr
	if a.help && p.Pressed {
		a.help, p.Pressed = false, false // a click closes the help
	}
	a.handleKeys(in.Keys)
	if a.notices.Update(p) {
		p.Pressed = false // the press closed a notice
	}
	if !a.hidden["tabs"] {
		a.tabs.Update(p, &a.capture)
	}
	for _, b := range a.topButtons {
		b.Update(p, &a.capture)
	}
	if a.TourStop() > 0 && a.explain.H > 0 {
		for _, b := range [...]*ui.Button{a.tourBack, a.tourNext, a.tourClose} {
			b.Update(p, &a.capture)
		}
	}
	for _, b := range [...]*ui.Button{a.play, a.stepBtn, a.resetBtn, a.seedBtn} {
		b.Update(p, &a.capture)
	}
	for _, b := range a.actions {
		b.Update(p, &a.capture)
	}
	a.speed.Update(p, &a.capture)
	a.updateParams(p)
	if sl, ok := a.capture.Owner().(*ui.Slider); ok {
		a.focusSlider(sl) // the slider last touched takes the keys [ and ]
	}
	if a.capture.Owner() == nil && p.Pressed && a.plot.Contains(p.X, p.Y) {
		a.capture.Take(&a.plotOwner)
	}
	if a.capture.Owner() == &a.plotOwner {
		held := a.Scene().Pointer(p, a.plot)
		if !held || p.Released || !p.Down {
			a.capture.Release()
		}
	}
	if !a.Paused() {
		a.trainFrame()
		a.measureFrame()
	}
	if a.dirty {
		a.measure()
	}
	a.lossPlot.Floor, a.lossPlot.FloorTag = a.Scene().Floor()
	if a.Paused() {
		a.play.Label, a.play.Icon = "Play", ui.IconPlay
	} else {
		a.play.Label, a.play.Icon = "Pause", ui.IconPause
	}
	a.clock.addUpdate(t0, a.now().Sub(t0))
}

// updateParams routes the pointer to the parameter widgets, of which only
// the visible part takes presses, and scrolls the list by the wheel or by
// dragging its scroll bar.
func (a *App) updateParams(p *ui.Pointer) {
	scrolls := a.paramsContent > a.params.H
	if scrolls && p.Wheel != 0 && a.params.Contains(p.X, p.Y) {
		a.scrollParams(-p.Wheel * a.th.Px(40))
	}
	bar := a.scrollBar()
	if scrolls && p.Pressed && bar.Contains(p.X, p.Y) && a.capture.Take(&a.scrollOwner) {
		p.Pressed = false
	}
	if a.capture.Owner() == &a.scrollOwner {
		// the bar's thumb follows the pointer
		f := (p.Y - a.params.Y) / a.params.H
		a.paramsScroll = f*a.paramsContent - a.params.H/2
		a.placeParams()
		if p.Released || !p.Down {
			a.capture.Release()
		}
		return
	}
	pressed := p.Pressed
	if pressed && !a.params.Contains(p.X, p.Y) {
		p.Pressed = false // hidden rows take no press
	}
	for _, w := range a.shown {
		w.Update(p, &a.capture)
	}
	p.Pressed = pressed
}

// scrollBar is the strip at the params view's right edge that scrolls it.
func (a *App) scrollBar() ui.Rect {
	w := a.th.Px(14)
	return ui.Rect{X: a.params.Right() - w + a.th.Px(12), Y: a.params.Y, W: w, H: a.params.H}
}

// trainFrame runs the frame's steps (the steps/frame setting) in eight
// pieces, stopping early when the next piece would overrun the frame's
// training budget (the first piece always runs, so training never stalls).
func (a *App) trainFrame() {
	speed := a.app.Int(nameSpeed)
	start := a.now()
	last := start
	a.train(speed, max(1, speed/8), func() bool {
		// stop when one more piece as long as the last would overrun
		now := a.now()
		piece := now.Sub(last)
		last = now
		return now.Sub(start)+piece > trainBudget
	})
	a.dirty = true
}

// Draw draws the whole screen. It only reads state.
func (a *App) Draw(c ui.Canvas) {
	t0 := a.now()
	th := a.th
	c.FillRect(ui.Rect{W: a.w, H: a.h}, th.Bg)

	// title bar and scene tabs
	c.FillRect(a.top, th.Panel)
	c.FillRect(ui.Rect{X: 0, Y: a.top.Bottom() - th.Px(1), W: a.w, H: th.Px(1)}, th.Line)
	if a.tabs.Bounds().X > th.Px(200) {
		c.Text("Autoencoder Lab", a.top.X+th.Px(16), a.top.Y+(a.top.H-th.Font(ui.SizeTitle)*1.2)/2,
			ui.TextStyle{Size: th.Font(ui.SizeTitle), Color: th.Text, Bold: true})
	}
	if !a.hidden["tabs"] {
		a.tabs.Draw(c, th)
	}
	for _, b := range a.topButtons {
		b.Draw(c, th)
	}

	if a.plot.W >= 1 && a.plot.H >= 1 { // a window can be too small for a plot
		a.Scene().Draw(c, a.plot, th)
		if !a.hidden["readouts"] {
			a.drawReadouts(c)
		}
	}
	c.Flush()
	if a.explain.H > 0 {
		a.drawExplain(c)
		if a.TourStop() > 0 {
			for _, b := range [...]*ui.Button{a.tourBack, a.tourNext, a.tourClose} {
				b.Draw(c, th)
			}
		}
	}
	if a.panel.W > 0 {
		a.drawPanel(c)
	}
	c.Flush()
	notices := a.plot
	if a.readouts.Y < a.plot.Y+a.plot.H/2 { // the readouts are at the top: notices beside them
		notices.W = a.readouts.X - a.plot.X - th.Px(4)
	}
	a.notices.Draw(c, notices, th)
	c.Flush()
	if a.help {
		a.drawHelp(c)
		c.Flush()
	}
	a.clock.addDraw(t0, a.now().Sub(t0))
}

// explainText is the explanation's paragraph: the scene's, or the guided
// lecture's stop.
func (a *App) explainText() string {
	if n := a.TourStop(); n > 0 {
		return Tour[n-1].Say
	}
	return a.Scene().Info().Text
}

// drawExplain draws the explanation strip, a picture kept until the scene,
// its text or the layout changes.
func (a *App) drawExplain(c ui.Canvas) {
	c.Cached(a.explainKey, a.explain, a.explainDraw)
}

// explainKey names the explanation's picture: the scene and the version of
// its text (a reset may change the formula).
type explainKey struct {
	scene   Scene
	version int
}

func (a *App) drawExplainStrip(c ui.Canvas) {
	th := a.th
	r := a.explain
	c.FillRect(r, th.Panel)
	c.FillRect(ui.Rect{X: r.X, Y: r.Y, W: r.W, H: th.Px(1)}, th.Line)
	info := a.Scene().Info()
	r = r.Inset(th.Px(16))
	hs := th.Font(ui.SizeHeading)
	tw := c.TextWidth(info.Title, hs, true)
	if tw > r.W && tw > 0 { // a phone: the title set smaller to fit
		hs = math.Max(th.Font(11), hs*r.W/tw)
		tw = c.TextWidth(info.Title, hs, true)
	}
	c.Text(info.Title, r.X, r.Y, ui.TextStyle{Size: hs, Color: th.Text, Bold: true})
	small := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right}
	if n := a.TourStop(); n > 0 {
		// the guided lecture's place, left of its buttons (drawn apart)
		a.buf = tourLabel(a.buf[:0], n)
		c.TextBytes(a.buf, a.tourBack.Bounds().X-th.Px(10), r.Y+th.Px(2), small)
	} else if tw+c.TextWidth(info.Slides, small.Size, false)+th.Px(24) < r.W {
		// the slides, right-aligned on the title's line when there is room
		c.Text(info.Slides, r.Right(), r.Y+th.Px(2), small)
	}
	y := r.Y + th.Font(ui.SizeHeading)*1.6
	fs, fw := a.formulaFit(c, r.W)
	ts := th.Font(ui.SizeBody)
	textX, textW := r.X+fw+th.Px(28), r.W-fw-th.Px(28)
	formulaY := y
	if textW < th.Px(260) { // narrow: text under the formula
		textX, textW = r.X, r.W
		y += float64(len(info.Formula))*fs*1.45 + th.Px(6)
	}
	for i, f := range info.Formula {
		c.Text(f, r.X, formulaY+float64(i)*fs*1.45, ui.TextStyle{Size: fs, Color: th.Text})
	}
	if textX > r.X {
		c.FillRect(ui.Rect{X: textX - th.Px(14), Y: formulaY, W: th.Px(1), H: r.Bottom() - formulaY}, th.Line)
	}
	text := ui.TextStyle{Size: ts, Color: th.TextDim}
	if a.TourStop() > 0 {
		text = ui.TextStyle{Size: ts, Color: th.Accent, Bold: true}
	}
	for i, l := range a.explainLines.Get(c, a.explainText(), ts, textW, text.Bold) {
		ly := y + float64(i)*ts*1.4
		if ly+ts > r.Bottom()+th.Px(16) {
			break
		}
		c.Text(l, textX, ly, text)
	}
}

func (a *App) drawPanel(c ui.Canvas) {
	th := a.th
	c.FillRect(a.panel, th.Panel)
	c.FillRect(ui.Rect{X: a.panel.X, Y: a.panel.Y, W: th.Px(1), H: a.panel.H}, th.Line)
	for _, b := range [...]*ui.Button{a.play, a.stepBtn, a.resetBtn, a.seedBtn} {
		b.Draw(c, th)
	}
	for _, b := range a.actions {
		b.Draw(c, th)
	}
	body := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.TextDim}
	sb := a.seedBtn.Bounds()
	y := sb.Y + (sb.H-th.Font(ui.SizeBody)*1.2)/2
	x := a.panel.X + th.Px(16)
	a.buf = append(a.buf[:0], "step "...)
	a.buf = strconv.AppendInt(a.buf, int64(a.step), 10)
	c.TextBytes(a.buf, x, y, body)
	a.buf = append(a.buf[:0], "seed "...)
	a.buf = strconv.AppendInt(a.buf, int64(a.app.Int(nameSeed)), 10)
	c.TextBytes(a.buf, sb.X-th.Px(10), y, ui.TextStyle{Size: body.Size, Color: body.Color, Align: ui.Right})
	a.speed.Draw(c, th)

	head := ui.TextStyle{Size: th.Font(ui.SizeHeading), Color: th.Text, Bold: true}
	c.Text("Parameters", x, a.speed.Bounds().Bottom()+th.Px(8), head)
	scrolls := a.paramsContent > a.params.H
	if scrolls {
		c.Flush()
		c.Clip(ui.Rect{X: a.panel.X, Y: a.params.Y, W: a.panel.W, H: a.params.H})
	}
	for _, w := range a.shown {
		w.Draw(c, th)
	}
	if scrolls {
		c.Unclip()
		bar := a.scrollBar()
		track := ui.Rect{X: bar.X + bar.W/2 - th.Px(2), Y: bar.Y, W: th.Px(4), H: bar.H}
		c.RoundRect(track, th.Px(2), th.Line)
		thumb := track
		thumb.H = track.H * a.params.H / a.paramsContent
		thumb.Y = track.Y + (track.H-thumb.H)*a.paramsScroll/(a.paramsContent-a.params.H)
		c.RoundRect(thumb, th.Px(2), th.TextDim)
	}

	a.lossPlot.Draw(c, th)
}

// drawReadouts shows the scene's metrics over the plot, large enough for a
// lecture hall.
func (a *App) drawReadouts(c ui.Canvas) {
	th := a.th
	r := a.readouts
	c.RoundRect(r, th.Px(8), th.Line)
	c.RoundRect(r.Inset(th.Px(1)), th.Px(7), th.Bg.Alpha(0.95))
	label := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.TextDim}
	value := ui.TextStyle{Size: th.Font(ui.SizeReadout), Color: th.Text, Bold: true, Align: ui.Right}
	rowH, labelDy := th.Px(32), th.Px(6)
	if a.readoutsCompact {
		label.Size, value.Size = th.Font(ui.SizeSmall), th.Font(ui.SizeBody)
		rowH, labelDy = readoutRowCompact(th), th.Px(1)
	}
	y := r.Y + th.Px(7)
	for _, m := range a.Scene().Metrics() {
		c.Text(m.Label, r.X+th.Px(12), y+labelDy, label)
		a.buf = appendMetric(a.buf[:0], m.Value, m.Digits)
		a.buf = append(a.buf, m.Unit...)
		c.TextBytes(a.buf, r.Right()-th.Px(12), y, value)
		y += rowH
	}
}

// readoutRowCompact is a readout's row height on a short plot.
func readoutRowCompact(th *ui.Theme) float64 { return th.Px(21) }

// appendMetric formats a readout with digits significant digits, in fixed
// notation where that is readable; a non-finite value shows as a dash.
func appendMetric(b []byte, v float64, digits int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "—"...)
	}
	a := math.Abs(v)
	if a != 0 && (a < 1e-3 || a >= 1e6) {
		return strconv.AppendFloat(b, v, 'e', digits-1, 64)
	}
	dec := digits - 1
	if a != 0 {
		dec = max(0, digits-1-int(math.Floor(math.Log10(a))))
	}
	return strconv.AppendFloat(b, v, 'f', dec, 64)
}
