package app

import (
	"strings"

	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// noticeFrames is how long an Info notice stays: five seconds at 60 frames
// a second.
const noticeFrames = 300

// Notice is a message over the plot: a reset announced, a bad URL value, a
// divergence. Warnings and failures stay until dismissed.
type Notice struct {
	Text  string
	Level scene.Level
	age   int
	close ui.Rect
	box   ui.Rect
	lines ui.Wrapped
}

// Notices is the list shown over the plot, newest last.
type Notices struct {
	List []*Notice
}

// maxNotices bounds the list; the oldest go first.
const maxNotices = 4

// maxNoticeRunes bounds a notice's text: three lines at the notices' width,
// whatever a link or a script passed (a 100 kB value would otherwise wrap
// to some 1 650 lines over the plot, and cost every frame that draws it).
const maxNoticeRunes = 240

// Shorten returns text cut to maxNoticeRunes characters, with an ellipsis
// when cut, and with line breaks as spaces: a notice is one paragraph.
func Shorten(text string) string {
	n := 0
	for i := range text { // i steps from rune to rune
		if n == maxNoticeRunes {
			return flatten(text[:i]) + "…"
		}
		n++
	}
	return flatten(text)
}

// flatten turns line breaks and tabs into spaces.
func flatten(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// Add shows a notice; the same text again only refreshes it, and a new
// Note replaces the Note before it (one passing message at a time). A long
// text is shortened (Shorten).
func (ns *Notices) Add(text string, l scene.Level) {
	text = Shorten(text)
	for _, n := range ns.List {
		if n.Text == text {
			n.age = 0
			return
		}
	}
	if l == scene.Note {
		ns.Dismiss(scene.Note)
	}
	if len(ns.List) == maxNotices {
		ns.List = append(ns.List[:0], ns.List[1:]...)
	}
	ns.List = append(ns.List, &Notice{Text: text, Level: l})
}

// Dismiss removes every notice of level l.
func (ns *Notices) Dismiss(l scene.Level) {
	kept := ns.List[:0]
	for _, n := range ns.List {
		if n.Level != l {
			kept = append(kept, n)
		}
	}
	ns.List = kept
}

// Update ages the notices and handles clicks on their close buttons; it
// reports whether the pointer was used.
func (ns *Notices) Update(p *ui.Pointer) bool {
	used := false
	kept := ns.List[:0]
	for _, n := range ns.List {
		n.age++
		if p.Pressed && (n.close.Contains(p.X, p.Y) || n.box.Contains(p.X, p.Y)) {
			used = true
			continue
		}
		if n.Level == scene.Note && n.age > noticeFrames {
			continue
		}
		kept = append(kept, n)
	}
	ns.List = kept
	return used
}

// Draw stacks the notices at the top of r.
func (ns *Notices) Draw(c ui.Canvas, r ui.Rect, th *ui.Theme) {
	y := r.Y + th.Px(10)
	w := min(r.W-th.Px(24), th.Px(640))
	x := r.X + (r.W-w)/2
	size := th.Font(ui.SizeBody)
	for _, n := range ns.List {
		col := th.Info
		switch n.Level {
		case scene.Warning:
			col = th.Warn
		case scene.Failure:
			col = th.Error
		}
		lines := n.lines.Get(c, n.Text, size, w-th.Px(56), false)
		h := float64(len(lines))*size*1.35 + th.Px(16)
		n.box = ui.Rect{X: x, Y: y, W: w, H: h}
		c.RoundRect(n.box, th.Px(8), th.Bg.Mix(col, 0.12))
		c.FillRect(ui.Rect{X: x, Y: y + th.Px(4), W: th.Px(5), H: h - th.Px(8)}, col)
		for i, l := range lines {
			c.Text(l, x+th.Px(18), y+th.Px(8)+float64(i)*size*1.35, ui.TextStyle{Size: size, Color: th.Text})
		}
		n.close = ui.Rect{X: x + w - th.Px(34), Y: y + th.Px(4), W: th.Px(30), H: th.Px(30)}
		cx, cy, d := n.close.X+n.close.W/2, n.close.Y+n.close.H/2, th.Px(6)
		c.Line(cx-d, cy-d, cx+d, cy+d, th.Px(2), th.TextDim)
		c.Line(cx-d, cy+d, cx+d, cy-d, th.Px(2), th.TextDim)
		y += h + th.Px(8)
	}
}
