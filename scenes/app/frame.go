package app

import (
	"strconv"

	"aelab/scenes/plot"
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
	if a.share.open {
		if a.share.version != a.version {
			a.refreshShare() // aelab changed the setting under the dialog
		}
		a.updateShare(p)
		// the dialog is modal: nothing under it takes a press or the wheel
		// (a drag begun before it opened ends as usual)
		p.Pressed, p.Wheel = false, 0
	}
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
	a.params.update(p, &a.capture, a.th)
	if f, ok := a.capture.Owner().(ui.Focusable); ok {
		a.focusWidget(f) // the control last touched takes the keys [ and ]
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
	if !a.Paused() && !in.CatchUp {
		a.trainFrame()
		a.measureFrame()
	}
	if a.dirty || a.Scene().Info().Waiting {
		a.measure()
	}
	info := a.Scene().Info()
	if info.Legend != nil && !a.hidden["legend"] {
		// a legend that gained or lost rows needs another box
		if a.legend = info.Legend(a.legend[:0], a.th); len(a.legend) != a.legendRows {
			a.layout()
		}
	}
	a.lossPlot.Floor, a.lossPlot.FloorTag = info.Floor, info.FloorTag
	if a.Paused() {
		a.play.Label, a.play.Icon = "Play", ui.IconPlay
	} else {
		a.play.Label, a.play.Icon = "Pause", ui.IconPause
	}
	a.updateLive()
	a.clock.addUpdate(t0, a.now().Sub(t0))
}

// trainFrame runs the frame's steps (the steps/frame setting) in the
// pieces the pacer plans within the frame's training budget: one step to
// time, then as many as fit what is left, stopping when one more would
// not; at least one step, so training never stalls.
func (a *App) trainFrame() {
	speed := a.app.Int(nameSpeed)
	a.pace.begin(a.now, trainBudget, 0, 1, speed)
	a.train(speed, &a.pace, func() {})
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
	}
	// the legend and the readouts in their own room, beside or below the
	// plot (layout.go)
	if legend := a.Scene().Info().Legend; legend != nil && !a.hidden["legend"] {
		a.legend = legend(a.legend[:0], th)
		plot.DrawLegendIn(c, a.legendR, th, a.legend)
	}
	if !a.hidden["readouts"] {
		a.readouts.draw(c, th, a.Scene().Info().Metrics)
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
	a.notices.Draw(c, a.noticeR, th)
	c.Flush()
	if a.share.open {
		a.drawShare(c)
		c.Flush()
	}
	if a.help {
		a.drawHelp(c)
		c.Flush()
	}
	a.clock.addDraw(t0, a.now().Sub(t0))
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
	a.params.draw(c, th, a.panel)

	a.lossPlot.Draw(c, th)
}
