package app

import (
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"math"
	"unicode/utf8"
)

// The explanation under the plot: the scene's title, the lecture's formula
// and what to watch (or the guided lecture's stop), as one cached picture.

// explainText is the explanation's paragraph: the scene's, or the guided
// lecture's stop.
func (a *App) explainText() string {
	if n := a.TourStop(); n > 0 {
		return Tour[n-1].shown
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
	sc      scene.Scene
	version int
}

func (a *App) drawExplainStrip(c ui.Canvas) {
	th := a.th
	r := a.explain
	c.FillRect(r, th.Panel)
	c.FillRect(ui.Rect{X: r.X, Y: r.Y, W: r.W, H: th.Px(1)}, th.Line)
	info := a.Scene().Info()
	r = r.Inset(th.Px(16))
	small := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right}
	if n := a.TourStop(); n > 0 {
		// the guided lecture's place, left of its buttons (drawn apart);
		// where the title would run into them, they have a row of their own
		long, short := a.tourRow(c, r.W)
		a.buf = tourLabel(a.buf[:0], n, !short)
		c.TextBytes(a.buf, a.tourBack.Bounds().X-th.Px(10), r.Y+th.Px(2), small)
		if long {
			r.Y += th.Px(tourRowH)
			r.H -= th.Px(tourRowH)
		}
	}
	hs, title := a.titleFit(c, r.W)
	for i, l := range title {
		c.Text(l, r.X, r.Y+float64(i)*hs*1.25, ui.TextStyle{Size: hs, Color: th.Text, Bold: true})
	}
	tw := c.TextWidth(title[0], hs, true)
	if a.TourStop() == 0 && len(title) == 1 && tw+c.TextWidth(info.Slides, small.Size, false)+th.Px(24) < r.W {
		// the slides, right-aligned on the title's line when there is room
		c.Text(info.Slides, r.Right(), r.Y+th.Px(2), small)
	}
	y := r.Y + th.Font(ui.SizeHeading)*1.6 + float64(len(title)-1)*hs*1.25
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
	// where the layout gave the explanation less height than it asked
	// (a short window, presenter mode's larger type), the paragraph is set
	// smaller, down to the floor, rather than cut mid-sentence; below the
	// floor its last line ends in "…"
	room := r.Bottom() + th.Px(16) - y
	f := &a.explainFit
	if f.text != a.explainText() || f.width != textW || f.room != room || f.base != ts {
		f.text, f.width, f.room, f.base = a.explainText(), textW, room, ts
		for len(ui.Wrap(c, f.text, ts, textW, text.Bold)) > int(room/(ts*1.4)) && ts > th.Font(textFloor) {
			ts = math.Max(th.Font(textFloor), ts*0.95)
		}
		f.size = ts
	}
	ts = f.size
	text.Size = ts
	lines := a.explainLines.Get(c, a.explainText(), ts, textW, text.Bold)
	fit := len(lines)
	for fit > 0 && float64(fit)*ts*1.4 > room {
		fit--
	}
	for i, l := range lines[:fit] {
		ly := y + float64(i)*ts*1.4
		c.Text(l, textX, ly, text)
		if i == fit-1 && fit < len(lines) {
			c.Text("…", textX+c.TextWidth(l, ts, text.Bold)+ts*0.3, ly, text)
		}
	}
}

// explainFit remembers the paragraph's size for a text, width and room
// (drawExplainStrip), so a redraw wraps it once.
type explainFit struct {
	text              string
	width, room, base float64
	size              float64
}

// titleFit sets the explanation's title for an inner width: at the
// heading's size, or smaller to fit one line (a phone), but not below
// textFloor: a title longer than that is wrapped.
func (a *App) titleFit(m ui.Measurer, width float64) (size float64, lines []string) {
	th := a.th
	title := a.Scene().Info().Title
	size = th.Font(ui.SizeHeading)
	if tw := m.TextWidth(title, size, true); tw > width && tw > 0 {
		size = math.Max(th.Font(textFloor), size*width/tw)
	}
	if m.TextWidth(title, size, true) <= width {
		a.titleLines = append(a.titleLines[:0], title) // no allocation a frame
		return size, a.titleLines
	}
	return size, ui.Wrap(m, title, size, width, true)
}

// estimate measures text at 0.55 em a character when no canvas is known.
type estimate struct{}

func (estimate) TextWidth(s string, size float64, _ bool) float64 {
	return ui.ScriptWidth(s, size, func(s string, size float64) float64 {
		return 0.55 * size * float64(utf8.RuneCountInString(s))
	})
}

// formulaFit returns the formula's type size and its widest line's width:
// the theme's formula size, or smaller (down to textFloor) where a line
// would not fit in width (a phone).
func (a *App) formulaFit(m ui.Measurer, width float64) (size, widest float64) {
	size = a.th.Font(ui.SizeFormula)
	for _, f := range a.Scene().Info().Formula {
		widest = math.Max(widest, m.TextWidth(f, size, false))
	}
	if widest > width && widest > 0 {
		fit := math.Max(a.th.Font(textFloor), size*width/widest)
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
	hs, title := a.titleFit(m, inner)
	h := th.Px(32) + th.Font(ui.SizeHeading)*1.6 + float64(len(title)-1)*hs*1.25 + body
	if long, _ := a.tourRow(m, inner); long {
		h += th.Px(tourRowH)
	}
	return h
}

// tourRowH is the height of the guided lecture's own row (logical pixels).
const tourRowH = 36

// tourRow reports, for the explanation's inner width, whether the guided
// lecture's place and buttons need a row of their own above the title
// (the title would run into them), and whether its place must be written
// short ("15 / 17"), there being no room for "guided lecture 15 / 17" left
// of the buttons.
func (a *App) tourRow(m ui.Measurer, inner float64) (long, short bool) {
	n := a.TourStop()
	if n == 0 {
		return false, false
	}
	th := a.th
	buttons := 3*th.Px(70) + 2*th.Px(6) + th.Px(10)
	a.buf = tourLabel(a.buf[:0], n, true)
	label := m.TextWidth(ui.BytesString(a.buf), th.Font(ui.SizeSmall), false)
	if label+buttons > inner {
		short = true
		a.buf = tourLabel(a.buf[:0], n, false)
		label = m.TextWidth(ui.BytesString(a.buf), th.Font(ui.SizeSmall), false)
	}
	title := m.TextWidth(a.Scene().Info().Title, th.Font(ui.SizeHeading), true)
	return title+th.Px(16)+label+buttons > inner, short
}

// bindActions makes buttons of the scene's own actions, which may depend on
// what it shows (so again after each reset).
func (a *App) bindActions() {
	a.actions = nil
	for _, act := range a.Scene().Info().Actions {
		a.actions = append(a.actions, &ui.Button{Label: act.Label, Size: ui.SizeSmall, OnClick: func() {
			a.SetPaused(true)
			act.Run()
			a.measure()
		}})
	}
}
