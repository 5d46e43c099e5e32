package app

import (
	"math"

	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// paramList is the panel's list of parameter controls: the widgets the
// scene's view uses and the link does not hide, laid top down in a view
// that scrolls (by the wheel or its bar) when they do not fit.
type paramList struct {
	r       ui.Rect          // the visible part of the list
	content float64          // the full height of the rows
	scroll  float64          // how far it is scrolled
	shown   []ui.ParamWidget // the widgets shown, in order
	owner   int              // capture token of the scroll bar
}

// pick lists the widgets to show: those the scene uses now and no link
// hides.
func (l *paramList) pick(widgets []ui.ParamWidget, info *scene.Info, hidden map[string]bool) {
	l.shown = l.shown[:0]
	for _, w := range widgets {
		name := w.Spec().Name
		if info.Uses(name) && !hidden[name] {
			l.shown = append(l.shown, w)
		}
	}
}

// height is the height of the rows, full or compact.
func (l *paramList) height(th *ui.Theme, compact bool) float64 {
	h := 0.0
	for _, w := range l.shown {
		if sl, ok := w.(*ui.Slider); ok {
			sl.Compact = compact
		}
		h += w.Height(th) + th.Px(4)
	}
	return h
}

// place lays the rows in the view, shifted by the scroll offset (clamped
// to the content).
func (l *paramList) place(th *ui.Theme) {
	l.scroll = math.Max(0, math.Min(l.scroll, l.content-l.r.H))
	y := l.r.Y - l.scroll
	for _, w := range l.shown {
		h := w.Height(th)
		w.SetBounds(ui.Rect{X: l.r.X, Y: y, W: l.r.W, H: h})
		y += h + th.Px(4)
	}
}

// scrolls reports whether the rows overflow the view.
func (l *paramList) scrolls() bool { return l.content > l.r.H }

// scrollBy moves the list by dy device pixels.
func (l *paramList) scrollBy(dy float64, th *ui.Theme) {
	if !l.scrolls() {
		return
	}
	l.scroll += dy
	l.place(th)
}

// show scrolls the list so that r is in view.
func (l *paramList) show(r ui.Rect, th *ui.Theme) {
	switch {
	case r.Y < l.r.Y:
		l.scrollBy(r.Y-l.r.Y, th)
	case r.Bottom() > l.r.Bottom():
		l.scrollBy(r.Bottom()-l.r.Bottom(), th)
	}
}

// bar is the strip at the view's right edge that scrolls it.
func (l *paramList) bar(th *ui.Theme) ui.Rect {
	w := th.Px(14)
	return ui.Rect{X: l.r.Right() - w + th.Px(12), Y: l.r.Y, W: w, H: l.r.H}
}

// update routes the pointer to the widgets, of which only the visible part
// takes presses, and scrolls the list by the wheel or by dragging its bar.
func (l *paramList) update(p *ui.Pointer, cap *ui.Capture, th *ui.Theme) {
	scrolls := l.scrolls()
	if scrolls && p.Wheel != 0 && l.r.Contains(p.X, p.Y) {
		l.scrollBy(-p.Wheel*th.Px(40), th)
	}
	if scrolls && p.Pressed && l.bar(th).Contains(p.X, p.Y) && cap.Take(&l.owner) {
		p.Pressed = false
	}
	if cap.Owner() == &l.owner {
		// the bar's thumb follows the pointer
		f := (p.Y - l.r.Y) / l.r.H
		l.scroll = f*l.content - l.r.H/2
		l.place(th)
		if p.Released || !p.Down {
			cap.Release()
		}
		return
	}
	pressed := p.Pressed
	if pressed && !l.r.Contains(p.X, p.Y) {
		p.Pressed = false // hidden rows take no press
	}
	for _, w := range l.shown {
		w.Update(p, cap)
	}
	p.Pressed = pressed
}

// draw draws the visible rows, clipped to the panel's width, and the
// scroll bar when the list scrolls.
func (l *paramList) draw(c ui.Canvas, th *ui.Theme, panel ui.Rect) {
	scrolls := l.scrolls()
	if scrolls {
		c.Flush()
		c.Clip(ui.Rect{X: panel.X, Y: l.r.Y, W: panel.W, H: l.r.H})
	}
	for _, w := range l.shown {
		w.Draw(c, th)
	}
	if !scrolls {
		return
	}
	c.Unclip()
	bar := l.bar(th)
	track := ui.Rect{X: bar.X + bar.W/2 - th.Px(2), Y: bar.Y, W: th.Px(4), H: bar.H}
	c.RoundRect(track, th.Px(2), th.Line)
	thumb := track
	thumb.H = track.H * l.r.H / l.content
	thumb.Y = track.Y + (track.H-thumb.H)*l.scroll/(l.content-l.r.H)
	c.RoundRect(thumb, th.Px(2), th.TextDim)
}
