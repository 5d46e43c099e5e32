package app

import (
	"math"

	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// The share dialog (key L, the top bar's "Share link"): the teacher ticks
// what the students' lab shows — presenter mode, the parts and controls a
// link hides with name_hide=1, as TensorFlow Playground's *_hide — and the
// dialog shows the link to this scene and setting as text and as a QR
// code large enough to scan from a lecture hall's back rows, so every
// student opens the exact state being projected.

// shareItem is one checkbox of the dialog: presenter mode, or a part or
// control to hide.
type shareItem struct {
	name  string // namePresenter, or a name of hideable or a parameter
	label string
	text  string  // the label as drawn: shortened with "…" to its column
	r     ui.Rect // the row, device pixels
}

// shareDialog holds the dialog's choices, the link they make, its QR code
// and where everything lies. It is rebuilt on open and on each change of
// a choice or the screen, never in Draw.
type shareDialog struct {
	open      bool
	presenter bool
	hide      map[string]bool
	items     []shareItem
	copyBtn   ui.Button
	closeBtn  ui.Button
	// version is the App's Version the link was made at
	version int
	// focus is the keyboard's place among the items and then the two
	// buttons (Tab, ⇧Tab; space or Enter acts on it)
	focus int

	query, link string
	code        qrCode
	codeErr     string
	// the texts, wrapped at layout: the title, the hint, a note (natively,
	// or when the link is too long for a code) and the link
	title, hint, note, lines []string

	r, codeR, textR     ui.Rect
	module              float64 // a module's side, device pixels
	headX, headY, hintY float64 // where the title and the hint start
	noteY, linkY, keysY float64
	cols                int
	colW, rowH, boxS    float64
}

// The dialog's texts.
const (
	shareTitle   = "Share this setting with the class"
	shareHint    = "Students scan the code or type the link: it opens this scene with these settings."
	shareHideFor = "Hide on the students' screens:"
	shareNative  = "The desktop app has no web address to share: open this dialog in the web version (make serve) for a link and its QR code. The query opens this setting there:"
)

// partLabels names the parts a link can hide (hideable) in the dialog.
var partLabels = map[string]string{
	"tabs": "scene tabs", "transport": "play / step / reset", "explain": "explanation",
	"loss": "loss curve", "readouts": "readouts", "legend": "legend",
}

// openShare opens the dialog with the current choices: presenter mode as
// it is, and the parts and controls this lab's link hides.
func (a *App) openShare() {
	d := &a.share
	d.open, d.focus = true, 0
	d.presenter = a.app.Bool(namePresenter)
	d.hide = map[string]bool{}
	for k, v := range a.hidden {
		d.hide[k] = v
	}
	d.copyBtn = ui.Button{Label: "Copy link", Size: ui.SizeSmall, Primary: true, OnClick: a.copyShareLink}
	d.closeBtn = ui.Button{Label: "Close", Size: ui.SizeSmall, OnClick: a.closeShare}
	a.refreshShare()
}

// refreshShare lists the checkboxes for the scene shown (its parameters
// in use) and remakes the link: on open, and when the lab changed under
// the open dialog (aelab.set, a new layout).
func (a *App) refreshShare() {
	d := &a.share
	if !d.open {
		return
	}
	d.items = append(d.items[:0], shareItem{name: namePresenter, label: "presenter mode (large type, full screen)"})
	for _, h := range hideable {
		d.items = append(d.items, shareItem{name: h, label: partLabels[h]})
	}
	d.items = append(d.items, shareItem{name: nameSeed, label: "seed"}, shareItem{name: nameSpeed, label: a.app.Spec(nameSpeed).Label})
	info := a.Scene().Info()
	for i := range info.Params.Specs {
		if sp := &info.Params.Specs[i]; info.Uses(sp.Name) {
			d.items = append(d.items, shareItem{name: sp.Name, label: sp.Label})
		}
	}
	d.focus = min(d.focus, len(d.items)+1)
	a.rebuildShare()
}

func (a *App) closeShare() { a.share.open = false }

// ShareOpen reports whether the share dialog is open.
func (a *App) ShareOpen() bool { return a.share.open }

// ShareCodeRect is where the share dialog draws its QR code, quiet zone
// included, in device pixels (empty when it draws none).
func (a *App) ShareCodeRect() ui.Rect {
	if !a.share.open || a.share.code.n == 0 {
		return ui.Rect{}
	}
	return a.share.codeR
}

// ShareLink is the link the share dialog shows and its QR code holds.
func (a *App) ShareLink() string { return a.share.link }

// on reports whether item it is ticked.
func (d *shareDialog) on(it *shareItem) bool {
	if it.name == namePresenter {
		return d.presenter
	}
	return d.hide[it.name]
}

// toggle ticks or unticks item i and remakes the link.
func (a *App) toggleShare(i int) {
	d := &a.share
	it := &d.items[i]
	if it.name == namePresenter {
		d.presenter = !d.presenter
	} else {
		d.hide[it.name] = !d.hide[it.name]
	}
	a.rebuildShare()
}

// rebuildShare makes the link of the choices and its QR code, and lays
// the dialog out.
func (a *App) rebuildShare() {
	d := &a.share
	if !d.open {
		return
	}
	d.version = a.version
	d.query = a.linkQuery(d.hide, d.presenter, true)
	d.code, d.codeErr = qrCode{}, ""
	if a.Platform.Link != nil {
		d.link = a.Platform.Link(d.query)
		code, err := encodeQR(d.link)
		if err != nil {
			d.codeErr = "No QR code: " + err.Error()
		}
		d.code = code
	} else {
		d.link = "?" + d.query
	}
	a.layoutShare()
}

// copyShareLink copies the dialog's link as Copy link does the lab's.
func (a *App) copyShareLink() {
	if a.Platform.CopyLink == nil {
		a.notices.Add("To share this setting, use: "+a.share.link, scene.Note)
		return
	}
	a.notices.Add(a.Platform.CopyLink(a.share.query), scene.Note)
}

// layoutShare places the dialog on the screen's first view: on a wide
// screen the code on the left, as tall as the screen allows, the link and
// the checkboxes to its right; on a tall one the code on top.
func (a *App) layoutShare() {
	d := &a.share
	th := a.th
	m := a.textMeasurer()
	vh := math.Min(a.h, a.viewport())
	// the code's quiet zone is its own white margin: it stands 4 px from
	// the dialog's edge, for the largest modules the screen allows
	margin, pad, inset := th.Px(10), th.Px(24), th.Px(4)
	d.r = ui.Rect{X: margin, Y: margin, W: a.w - 2*margin, H: vh - 2*margin}
	d.rowH, d.boxS = th.Px(30), th.Px(18)
	wide := d.r.W >= 1.15*d.r.H
	// the code's side: modules of whole device pixels, for sharp edges
	side := 0.0
	if d.code.n > 0 {
		if wide {
			side = math.Min(d.r.H-2*inset, d.r.W*0.58)
		} else {
			side = math.Min(d.r.W-2*inset, d.r.H*0.42)
		}
		d.module = math.Max(1, math.Floor(side/float64(d.code.n)))
		side = d.module * float64(d.code.n)
	}
	// the title and the hint: above the code on a tall screen, atop the
	// text column on a wide one
	titleSize, smallSize, bodySize := th.Font(ui.SizeTitle), th.Font(ui.SizeSmall), th.Font(ui.SizeBody)
	headW := d.r.W - 2*pad
	if wide {
		headW = d.r.W - 2*pad - side
	}
	d.title = ui.Wrap(m, shareTitle, titleSize, headW, true)
	d.hint = ui.Wrap(m, shareHint, smallSize, headW, false)
	headH := float64(len(d.title))*titleSize*1.25 + float64(len(d.hint))*smallSize*1.35 + th.Px(8)
	if wide {
		d.codeR = ui.Rect{X: math.Round(d.r.X + inset), Y: math.Round(d.r.Y + (d.r.H-side)/2), W: side, H: side}
		x := d.r.X + pad
		if side > 0 {
			x = d.codeR.Right() + th.Px(8)
		}
		d.textR = ui.Rect{X: x, Y: d.r.Y + pad + headH, W: d.r.Right() - pad - x, H: d.r.H - 2*pad - headH}
		d.headX, d.headY = x, d.r.Y+pad
	} else {
		// the code first, where the phone held up to it finds it, then
		// the title and the rest
		d.codeR = ui.Rect{X: math.Round(d.r.X + (d.r.W-side)/2), Y: math.Round(d.r.Y + inset), W: side, H: side}
		d.headX, d.headY = d.r.X+pad, d.r.Y+inset+side+th.Px(6)
		y := d.headY + headH
		d.textR = ui.Rect{X: d.r.X + pad, Y: y, W: d.r.W - 2*pad, H: d.r.Bottom() - pad - y}
	}
	d.hintY = d.headY + float64(len(d.title))*titleSize*1.25
	// a note where there is no code, then the link, broken where it may be
	y := d.textR.Y
	d.noteY, d.note = y, nil
	switch {
	case d.codeErr != "":
		d.note = ui.Wrap(m, d.codeErr, smallSize, d.textR.W, false)
	case a.Platform.Link == nil:
		d.note = ui.Wrap(m, shareNative, smallSize, d.textR.W, false)
	}
	y += float64(len(d.note)) * smallSize * 1.35
	d.linkY = y
	d.lines = breakLink(m, d.link, bodySize, d.textR.W)
	y += float64(len(d.lines))*bodySize*1.35 + th.Px(10)
	// the checkboxes: presenter mode, then what to hide, in the fewest
	// columns (labels shortened least) and then the tallest rows that fit
	// above the buttons
	bw, bh := th.Px(104), th.Px(34)
	keysOwnRow := m.TextWidth(shareKeysHint, smallSize, false) > d.textR.W-2*bw-th.Px(16)
	bottom := d.textR.Bottom() - bh - th.Px(8)
	if keysOwnRow {
		bottom -= smallSize * 1.5
	}
	rest := d.items[1:]
	var listY float64
	perCol := 0
fit:
	for d.cols = 1; d.cols <= 3; d.cols++ {
		perCol = (len(rest) + d.cols - 1) / d.cols
		for _, row := range [...]float64{30, 26, 22} {
			d.rowH = th.Px(row)
			listY = y + d.rowH + smallSize*1.6
			if listY+float64(perCol)*d.rowH <= bottom {
				break fit
			}
		}
	}
	d.cols = min(d.cols, 3)
	perCol = (len(rest) + d.cols - 1) / d.cols
	d.colW = d.textR.W / float64(d.cols)
	d.items[0].r = ui.Rect{X: d.textR.X, Y: y, W: d.textR.W, H: d.rowH}
	d.items[0].text = fitText(m, d.items[0].label, bodySize, d.textR.W-d.boxS-th.Px(14))
	for i := range rest {
		rest[i].r = ui.Rect{X: d.textR.X + float64(i/perCol)*d.colW, Y: listY + float64(i%perCol)*d.rowH, W: d.colW - th.Px(6), H: d.rowH}
		rest[i].text = fitText(m, rest[i].label, smallSize, rest[i].r.W-d.boxS-th.Px(14))
	}
	// the buttons at the bottom right of the text column
	by := math.Max(listY+float64(perCol)*d.rowH+th.Px(8), d.textR.Bottom()-bh)
	d.closeBtn.SetBounds(ui.Rect{X: d.textR.Right() - bw, Y: by, W: bw, H: bh})
	d.copyBtn.SetBounds(ui.Rect{X: d.textR.Right() - 2*bw - th.Px(8), Y: by, W: bw, H: bh})
	if a.Platform.Link == nil {
		d.copyBtn.SetBounds(ui.Rect{})
	}
	// the keys' hint left of the buttons, or above them where it does not fit
	left := d.copyBtn.Bounds().X
	if d.copyBtn.Bounds().Empty() {
		left = d.closeBtn.Bounds().X
	}
	d.keysY = by + (bh-smallSize*1.2)/2
	if m.TextWidth(shareKeysHint, smallSize, false) > left-d.textR.X-th.Px(8) {
		d.keysY = by - smallSize*1.5
	}
}

// fitText is text, shortened with "…" until it is no wider than width.
func fitText(m ui.Measurer, text string, size, width float64) string {
	if m.TextWidth(text, size, false) <= width {
		return text
	}
	r := []rune(text)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if s := string(r) + "…"; m.TextWidth(s, size, false) <= width {
			return s
		}
	}
	return "…"
}

// breakLink breaks a link (no spaces) into lines no wider than width:
// after a "?", "&" or "/" where one fits, else anywhere.
func breakLink(m ui.Measurer, link string, size, width float64) []string {
	var lines []string
	for link != "" {
		if m.TextWidth(link, size, false) <= width {
			return append(lines, link)
		}
		cut, any := 0, 0
		for i := 1; i <= len(link); i++ {
			if i < len(link) && link[i]&0xc0 == 0x80 {
				continue // inside a UTF-8 sequence
			}
			if m.TextWidth(link[:i], size, false) > width {
				break
			}
			any = i
			if c := link[i-1]; c == '?' || c == '&' || c == '/' {
				cut = i
			}
		}
		if cut == 0 {
			cut = max(any, 1)
		}
		lines = append(lines, link[:cut])
		link = link[cut:]
	}
	return lines
}

// shareButtons are the dialog's buttons in focus order, after the items.
func (d *shareDialog) buttons() [2]*ui.Button { return [2]*ui.Button{&d.copyBtn, &d.closeBtn} }

// shareKeys handles a key while the dialog is open; every key stops here.
func (a *App) shareKeys(k string) {
	d := &a.share
	n := len(d.items) + 2
	switch k {
	case keyEscape, "l":
		a.closeShare()
	case keyTab, keyBackTab:
		step := 1
		if k == keyBackTab {
			step = n - 1
		}
		d.focus = (d.focus + step) % n
		if d.focus == len(d.items) && d.copyBtn.Bounds().Empty() {
			d.focus = (d.focus + step) % n // no Copy link natively
		}
	case keySpace, keyEnter:
		switch {
		case d.focus < len(d.items):
			a.toggleShare(d.focus)
		default:
			if b := d.buttons()[d.focus-len(d.items)]; b.OnClick != nil {
				b.OnClick()
			}
		}
	}
}

// updateShare runs the dialog's pointer input: a click on a row ticks it,
// a click outside the dialog closes it.
func (a *App) updateShare(p *ui.Pointer) {
	d := &a.share
	for _, b := range d.buttons() {
		b.Update(p, &a.capture)
	}
	if !d.open || !p.Pressed {
		return
	}
	if !d.r.Contains(p.X, p.Y) {
		a.closeShare()
		return
	}
	for i := range d.items {
		if d.items[i].r.Contains(p.X, p.Y) {
			d.focus = i
			a.toggleShare(i)
			return
		}
	}
}

// drawShare draws the dialog over a dimmed lab.
func (a *App) drawShare(c ui.Canvas) {
	d := &a.share
	th := a.th
	c.FillRect(ui.Rect{W: a.w, H: a.h}, th.Text.Alpha(0.45))
	c.RoundRect(d.r, th.Px(10), th.Bg)
	d.code.draw(c, d.codeR.X, d.codeR.Y, d.module)
	title := ui.TextStyle{Size: th.Font(ui.SizeTitle), Color: th.Text, Bold: true}
	small := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim}
	for i, l := range d.title {
		c.Text(l, d.headX, d.headY+float64(i)*title.Size*1.25, title)
	}
	for i, l := range d.hint {
		c.Text(l, d.headX, d.hintY+float64(i)*small.Size*1.35, small)
	}
	for i, l := range d.note {
		c.Text(l, d.textR.X, d.noteY+float64(i)*small.Size*1.35, small)
	}
	link := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Accent, Bold: true}
	for i, l := range d.lines {
		c.Text(l, d.textR.X, d.linkY+float64(i)*link.Size*1.35, link)
	}
	for i := range d.items {
		it := &d.items[i]
		a.drawCheck(c, it, d.on(it), d.focus == i)
		if i == 0 {
			c.Text(shareHideFor, d.textR.X, it.r.Bottom()+th.Px(4), ui.TextStyle{Size: small.Size, Color: th.Text, Bold: true})
		}
	}
	for i, b := range d.buttons() {
		b.Draw(c, th)
		if d.focus == len(d.items)+i && !b.Bounds().Empty() {
			c.StrokeRect(b.Bounds().Inset(-th.Px(3)), th.Px(2), th.Accent)
		}
	}
	c.Text(shareKeysHint, d.textR.X, d.keysY, small)
}

// shareKeysHint says how the keyboard works the dialog, beside its buttons.
const shareKeysHint = "Tab: next · space: tick · Esc: close"

// drawCheck draws a checkbox row: a box, ticked or not, and its label;
// the keyboard's focus as a ring around the row.
func (a *App) drawCheck(c ui.Canvas, it *shareItem, on, focus bool) {
	th := a.th
	d := &a.share
	bx, by := it.r.X+th.Px(2), it.r.Y+(it.r.H-d.boxS)/2
	box := ui.Rect{X: bx, Y: by, W: d.boxS, H: d.boxS}
	if on {
		c.RoundRect(box, th.Px(3), th.Accent)
		// a tick: two strokes
		c.Line(bx+d.boxS*0.22, by+d.boxS*0.52, bx+d.boxS*0.42, by+d.boxS*0.72, th.Px(2.2), th.OnAccent)
		c.Line(bx+d.boxS*0.42, by+d.boxS*0.72, bx+d.boxS*0.78, by+d.boxS*0.3, th.Px(2.2), th.OnAccent)
	} else {
		c.RoundRect(box, th.Px(3), th.TextDim)
		c.RoundRect(box.Inset(th.Px(1.5)), th.Px(2), th.Bg)
	}
	size := th.Font(ui.SizeSmall)
	if it.name == namePresenter {
		size = th.Font(ui.SizeBody)
	}
	c.Text(it.text, bx+d.boxS+th.Px(8), it.r.Y+(it.r.H-size*1.2)/2, ui.TextStyle{Size: size, Color: th.Text})
	if focus {
		c.StrokeRect(it.r, th.Px(2), th.Accent)
	}
}

// shareLabel is the top bar's button that opens the dialog.
const shareLabel = "Share link"
