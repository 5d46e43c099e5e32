package ui

import (
	"math"

	"aelab/scenes/param"
)

// Widget is one control of the panel.
type Widget interface {
	// Update handles the pointer for this frame; cap arbitrates drags.
	Update(p *Pointer, cap *Capture)
	Draw(c Canvas, th *Theme)
	// Height is the widget's height at the theme's scale.
	Height(th *Theme) float64
	SetBounds(r Rect)
	Bounds() Rect
}

// ParamWidget is a widget bound to a declared parameter.
type ParamWidget interface {
	Widget
	// Sync shows a value changed elsewhere (URL, aelab.set, a reset).
	Sync(v float64)
	Spec() *param.Spec
}

// Focusable is a control the keyboard reaches: Tab gives it the focus,
// which it shows (a ring, a slider's halo); [ and ] step it — a slider by
// hundredths of its track, segments to the next or previous choice, a
// toggle flips, a button is pressed.
type Focusable interface {
	Widget
	SetFocus(on bool)
	HasFocus() bool
	Step(n float64)
}

// focusRing marks the control with the keyboard's focus: the accent round
// r, 2 logical pixels wide, outside it.
func focusRing(c Canvas, th *Theme, r Rect) {
	c.StrokeRect(r.Inset(-th.Px(3)), th.Px(2), th.Accent)
}

// NewParamWidget returns the control for a parameter's kind: a slider for
// numbers, a toggle for Bool, segments for Choice. onChange receives the
// new value when the user moves it.
func NewParamWidget(sp *param.Spec, v float64, onChange func(float64)) ParamWidget {
	switch sp.Kind {
	case param.Bool:
		return &Toggle{spec: sp, On: v != 0, OnChange: onChange}
	case param.Choice:
		return &Segments{spec: sp, Index: int(v), OnChange: onChange}
	}
	return &Slider{spec: sp, Value: v, OnChange: onChange}
}

// Slider moves a Float or Int parameter along a track; its label and value
// are written above the track. Its height is 44 logical pixels.
type Slider struct {
	spec     *param.Spec
	Value    float64
	OnChange func(float64)
	Focused  bool
	// Compact puts label, track and value on one 32-pixel row, for scenes
	// with many parameters on short screens.
	Compact bool

	r        Rect
	dragging bool
	buf      []byte
}

func (s *Slider) Spec() *param.Spec { return s.spec }
func (s *Slider) SetFocus(on bool)  { s.Focused = on }
func (s *Slider) HasFocus() bool    { return s.Focused }
func (s *Slider) Step(n float64)    { s.Nudge(n) }
func (s *Slider) Sync(v float64)    { s.Value = v }
func (s *Slider) SetBounds(r Rect)  { s.r = r }
func (s *Slider) Bounds() Rect      { return s.r }
func (s *Slider) Height(th *Theme) float64 {
	if s.Compact {
		return th.Px(32)
	}
	return th.Px(44)
}
func (s *Slider) Dragging() bool { return s.dragging }

// Track returns the rectangle the knob moves along. Its proportions are
// those of the slider's height (44 or, compact, 32 pixels) at every scale.
func (s *Slider) Track() Rect {
	if s.Compact {
		u := s.r.H / 32
		return Rect{s.r.X + s.r.W*0.42, s.r.Y + 13.5*u, s.r.W * 0.38, 5 * u}
	}
	u := s.r.H / 44
	return Rect{s.r.X + 9*u, s.r.Y + 29*u, s.r.W - 18*u, 5 * u}
}

func (s *Slider) Update(p *Pointer, cap *Capture) {
	if p.Pressed && s.r.Contains(p.X, p.Y) && cap.Take(s) {
		s.dragging = true
	}
	if !s.dragging {
		return
	}
	t := s.Track()
	v := s.spec.FromUnit((p.X - t.X) / t.W)
	if v != s.Value {
		s.Value = v
		if s.OnChange != nil {
			s.OnChange(v)
		}
	}
	if p.Released || !p.Down {
		s.dragging = false
		cap.Release()
	}
}

// Nudge moves the slider by steps ticks of 1/100 of its track (keyboard).
func (s *Slider) Nudge(steps float64) {
	u := s.spec.ToUnit(s.Value) + steps/100
	v := s.spec.FromUnit(u)
	if s.spec.Kind == param.Int && v == s.Value {
		v = s.spec.Clamp(s.Value + math.Copysign(1, steps))
	}
	if v != s.Value {
		s.Value = v
		if s.OnChange != nil {
			s.OnChange(v)
		}
	}
}

func (s *Slider) Draw(c Canvas, th *Theme) {
	if s.r.Empty() {
		return // hidden
	}
	label := TextStyle{Size: th.Font(SizeBody), Color: th.Text}
	ty := s.r.Y + th.Px(2)
	if s.Compact {
		ty = s.r.Y + (s.r.H-th.Font(SizeBody)*1.2)/2
		// the label left of the track: smaller where it would run into
		// it (presenter mode's larger type), down to the floor
		if room, lw := s.Track().X-s.r.X-th.Px(10), c.TextWidth(s.spec.Label, label.Size, false); lw > room && lw > 0 {
			label.Size = math.Max(th.Font(SizeFloor), label.Size*room/lw)
			ty = s.r.Y + (s.r.H-label.Size*1.2)/2
		}
	}
	c.Text(s.spec.Label, s.r.X, ty, label)
	s.buf = s.spec.AppendShow(s.buf[:0], s.Value)
	s.buf = append(s.buf, s.spec.Unit...)
	val := TextStyle{Size: th.Font(SizeBody), Color: th.Accent, Bold: true, Align: Right}
	c.TextBytes(s.buf, s.r.Right(), ty, val)
	t := s.Track()
	u := s.spec.ToUnit(s.Value)
	c.RoundRect(t, t.H/2, th.Track)
	c.RoundRect(Rect{t.X, t.Y, t.W * u, t.H}, t.H/2, th.Accent)
	kx, ky := t.X+t.W*u, t.Y+t.H/2
	r := th.Px(8)
	if s.dragging || s.Focused {
		c.Circle(kx, ky, r*1.6, th.Accent.Alpha(0.18))
	}
	c.Circle(kx, ky, r, th.Knob)
	c.Circle(kx, ky, r*0.45, th.OnAccent)
}

// Toggle switches a Bool parameter; a press and release on it flips it.
type Toggle struct {
	spec     *param.Spec
	On       bool
	OnChange func(float64)
	Focused  bool

	r       Rect
	pressed press
}

func (t *Toggle) Spec() *param.Spec { return t.spec }
func (t *Toggle) SetFocus(on bool)  { t.Focused = on }
func (t *Toggle) HasFocus() bool    { return t.Focused }

// Step flips the toggle, whichever way n points.
func (t *Toggle) Step(n float64) {
	t.On = !t.On
	if t.OnChange != nil {
		t.OnChange(B2F(t.On))
	}
}

func (t *Toggle) Sync(v float64)           { t.On = v != 0 }
func (t *Toggle) SetBounds(r Rect)         { t.r = r }
func (t *Toggle) Bounds() Rect             { return t.r }
func (t *Toggle) Height(th *Theme) float64 { return th.Px(34) }

func (t *Toggle) Update(p *Pointer, cap *Capture) {
	if t.pressed.clicked(p, cap, t, t.r) {
		t.On = !t.On
		if t.OnChange != nil {
			t.OnChange(B2F(t.On))
		}
	}
}

// press follows a press on a widget until its release; a press and release
// both on the widget are a click.
type press bool

// clicked updates the press for this frame and reports a click on r by the
// widget owner.
func (k *press) clicked(p *Pointer, cap *Capture, owner any, r Rect) bool {
	if p.Pressed && r.Contains(p.X, p.Y) && cap.Take(owner) {
		*k = true
	}
	if bool(*k) && (p.Released || !p.Down) {
		*k = false
		cap.Release()
		return r.Contains(p.X, p.Y)
	}
	return false
}

// B2F is 1 for true and 0 for false, the value of a Bool parameter.
func B2F(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (t *Toggle) Draw(c Canvas, th *Theme) {
	if t.r.Empty() {
		return // hidden
	}
	// a switch: a pill with a knob, accent when on
	h := th.Px(20)
	w := th.Px(36)
	y := t.r.Y + (t.r.H-h)/2
	pill := Rect{t.r.X, y, w, h}
	bg := th.Track
	if t.On {
		bg = th.Accent
	}
	c.RoundRect(pill, h/2, bg)
	kx := pill.X + h/2
	if t.On {
		kx = pill.Right() - h/2
	}
	c.Circle(kx, y+h/2, h/2-th.Px(2.5), th.OnAccent)
	st := TextStyle{Size: th.Font(SizeBody), Color: th.Text}
	c.Text(t.spec.Label, pill.Right()+th.Px(10), t.r.Y+(t.r.H-th.Font(SizeBody)*1.2)/2, st)
	if t.Focused {
		focusRing(c, th, pill)
	}
}

// Segments picks one of a Choice parameter's values; its label is above.
type Segments struct {
	spec     *param.Spec
	Index    int
	OnChange func(float64)
	// NoLabel hides the label line (the scene tabs).
	NoLabel bool
	Focused bool
	// Size is the text size in logical pixels (SizeBody when 0).
	Size float64
	// Rows is how many rows the segments wrap into, the first rows full
	// (a phone's six scene tabs in two rows of three); 0 or 1 is one row.
	Rows int

	r       Rect
	pressed int // segment pressed + 1, 0 when none
	// cuts are where the segments end, as parts of the bar, set by Draw
	// from the labels' widths: equal segments while every label fits,
	// else each as wide as its label needs (a long tab title beside short
	// ones on a narrow window).
	cuts []float64
}

func (s *Segments) Spec() *param.Spec { return s.spec }
func (s *Segments) SetFocus(on bool)  { s.Focused = on }
func (s *Segments) HasFocus() bool    { return s.Focused }

// Step picks the next choice (n > 0) or the previous one, round the end.
func (s *Segments) Step(n float64) {
	k := len(s.spec.Choices)
	if k == 0 {
		return
	}
	d := 1
	if n < 0 {
		d = k - 1
	}
	s.Index = (s.Index + d) % k
	if s.OnChange != nil {
		s.OnChange(float64(s.Index))
	}
}

func (s *Segments) Sync(v float64)   { s.Index = int(v) }
func (s *Segments) SetBounds(r Rect) { s.r = r }
func (s *Segments) Bounds() Rect     { return s.r }

func (s *Segments) Height(th *Theme) float64 { return th.Px(36) }

// labelShare is the part of the row the label takes, left of the segments.
const labelShare = 0.3

// bar is the row's part that holds the segments.
func (s *Segments) bar() Rect {
	bar := s.r
	if !s.NoLabel {
		bar.X += s.r.W * labelShare
		bar.W -= s.r.W * labelShare
	}
	return bar
}

// rows returns the number of rows and of segments in a full row.
func (s *Segments) rows() (rows, perRow int) {
	n := len(s.spec.Choices)
	rows = min(max(s.Rows, 1), max(n, 1))
	return rows, (n + rows - 1) / rows
}

// segment returns the rectangle of segment i.
func (s *Segments) segment(i int) Rect {
	bar := s.bar()
	n := len(s.spec.Choices)
	rows, per := s.rows()
	row, first := i/per, i/per*per
	inRow := min(per, n-first)
	bar.H /= float64(rows)
	bar.Y += float64(row) * bar.H
	if len(s.cuts) != n {
		w := bar.W / float64(inRow)
		return Rect{bar.X + float64(i-first)*w, bar.Y, w, bar.H}
	}
	x0 := 0.0
	if i > first {
		x0 = s.cuts[i-1]
	}
	return Rect{bar.X + x0*bar.W, bar.Y, (s.cuts[i] - x0) * bar.W, bar.H}
}

// fit sets the cuts for labels set at size, row by row: equal segments
// when the widest label of the row fits in an equal share, else shares in
// proportion to the labels' widths.
func (s *Segments) fit(c Canvas, th *Theme, size float64) {
	n := len(s.spec.Choices)
	if cap(s.cuts) < n {
		s.cuts = make([]float64, n)
	}
	s.cuts = s.cuts[:n]
	pad := th.Px(14)
	bar := s.bar()
	_, per := s.rows()
	for first := 0; first < n; first += per {
		cuts := s.cuts[first:min(first+per, n)]
		m := len(cuts)
		widest, total := 0.0, 0.0
		for j := range cuts {
			w := c.TextWidth(s.spec.ChoiceLabel(first+j), size, true) + pad
			cuts[j] = w
			widest = math.Max(widest, w)
		}
		if widest*float64(m) <= bar.W || widest <= 0 {
			for j := range cuts {
				cuts[j] = float64(j+1) / float64(m)
			}
			continue
		}
		// shares in proportion to what each label needs: a label that
		// Draw will break in two (too wide for an equal share) needs only
		// its longer half, so a one-word neighbour gets the room
		// ("Undercomplete ≡ PCA" beside "Denoising" on a phone)
		for j := range cuts {
			if cuts[j] > bar.W/float64(m) {
				if a, b := splitMiddle(s.spec.ChoiceLabel(first + j)); b != "" {
					cuts[j] = math.Max(c.TextWidth(a, size, true), c.TextWidth(b, size, true)) + pad
				}
			}
			total += cuts[j]
		}
		sum := 0.0
		for j := range cuts {
			sum += cuts[j]
			cuts[j] = sum / total
		}
	}
}

// labelSize returns the size at which every label fits its segment, on one
// line or broken in two, the same for all (tabs in one size read as one
// row): each label's best is the larger of the two ways, capped by size
// and, for two lines, by the segment's height; never under the floor.
func (s *Segments) labelSize(c Canvas, th *Theme, size float64) float64 {
	common := size
	for i := range s.spec.Choices {
		r := s.segment(i).Inset(th.Px(1.5))
		label := s.spec.ChoiceLabel(i)
		room := r.W - th.Px(8)
		best := size
		if w := c.TextWidth(label, size, true); w > room {
			best = size * room / w
			if a, b := splitMiddle(label); b != "" {
				half := math.Max(c.TextWidth(a, size, true), c.TextWidth(b, size, true))
				two := math.Min(size*room/half, (r.H-th.Px(2))/2.4)
				best = math.Max(best, two)
			}
		}
		common = math.Min(common, best)
	}
	return math.Max(th.Font(SizeFloor), common)
}

func (s *Segments) Update(p *Pointer, cap *Capture) {
	if p.Pressed {
		for i := range s.spec.Choices {
			if s.segment(i).Contains(p.X, p.Y) && cap.Take(s) {
				s.pressed = i + 1
			}
		}
	}
	if s.pressed > 0 && (p.Released || !p.Down) {
		i := s.pressed - 1
		s.pressed = 0
		cap.Release()
		if s.segment(i).Contains(p.X, p.Y) && i != s.Index {
			s.Index = i
			if s.OnChange != nil {
				s.OnChange(float64(i))
			}
		}
	}
}

func (s *Segments) Draw(c Canvas, th *Theme) {
	if s.r.Empty() {
		return // hidden
	}
	size := s.Size
	if size == 0 {
		size = SizeBody
	}
	if !s.NoLabel {
		c.Text(s.spec.Label, s.r.X, s.r.Y+(s.r.H-th.Font(SizeBody)*1.2)/2, TextStyle{Size: th.Font(SizeBody), Color: th.Text})
	}
	s.fit(c, th, th.Font(size))
	common := s.labelSize(c, th, th.Font(size))
	for i := range s.spec.Choices {
		r := s.segment(i).Inset(th.Px(1.5))
		st := TextStyle{Size: common, Color: th.Text, Align: Center}
		// a label too wide for its segment at the common size is broken
		// in two lines at the space nearest its middle
		label, second := s.spec.ChoiceLabel(i), ""
		if c.TextWidth(label, st.Size, true) > r.W-th.Px(4) {
			label, second = splitMiddle(label)
		}
		switch {
		case i == s.Index:
			c.RoundRect(r, th.Px(6), th.Accent)
			st.Color, st.Bold = th.OnAccent, true
		case s.pressed == i+1:
			c.RoundRect(r, th.Px(6), th.Accent.Alpha(0.25))
		default:
			c.RoundRect(r, th.Px(6), th.Bg)
			c.StrokeRect(r, th.Px(1), th.Line)
		}
		if second == "" {
			c.Text(label, r.X+r.W/2, r.Y+(r.H-st.Size*1.2)/2, st)
			continue
		}
		c.Text(label, r.X+r.W/2, r.Y+r.H/2-st.Size*1.2, st)
		c.Text(second, r.X+r.W/2, r.Y+r.H/2, st)
	}
	if s.Focused {
		focusRing(c, th, s.bar())
	}
}

// splitMiddle breaks s at the space nearest its middle (s and "" when it
// has none); the parts share s's bytes.
func splitMiddle(s string) (string, string) {
	best := -1
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && (best < 0 || abs(i-len(s)/2) < abs(best-len(s)/2)) {
			best = i
		}
	}
	if best < 0 {
		return s, ""
	}
	return s[:best], s[best+1:]
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// Icon is a symbol drawn as shapes (no font glyph needed).
type Icon uint8

const (
	NoIcon Icon = iota
	IconPlay
	IconPause
	IconStep
	IconReset
)

// Button runs OnClick when pressed and released on it.
type Button struct {
	Label   string
	Icon    Icon
	Primary bool    // filled with the accent colour
	Size    float64 // text size in logical pixels (SizeBody when 0)
	OnClick func()
	Focused bool

	r       Rect
	pressed press
}

func (b *Button) SetBounds(r Rect)         { b.r = r }
func (b *Button) Bounds() Rect             { return b.r }
func (b *Button) Height(th *Theme) float64 { return th.Px(38) }
func (b *Button) SetFocus(on bool)         { b.Focused = on }
func (b *Button) HasFocus() bool           { return b.Focused }

// Step presses the button (the keyboard's [, ] or Enter on it).
func (b *Button) Step(float64) {
	if b.OnClick != nil {
		b.OnClick()
	}
}

func (b *Button) Update(p *Pointer, cap *Capture) {
	if b.pressed.clicked(p, cap, b, b.r) && b.OnClick != nil {
		b.OnClick()
	}
}

func (b *Button) Draw(c Canvas, th *Theme) {
	r := b.r
	if r.Empty() {
		return
	}
	fg := th.Text
	switch {
	case b.Primary:
		bg := th.Accent
		if b.pressed {
			bg = bg.Mix(RGB(0), 0.2)
		}
		c.RoundRect(r, th.Px(7), bg)
		fg = th.OnAccent
	default:
		bg := th.Bg
		if b.pressed {
			bg = th.Accent.Alpha(0.2)
		}
		c.RoundRect(r, th.Px(7), bg)
		c.StrokeRect(r.Inset(th.Px(0.5)), th.Px(1), th.Line)
	}
	size := th.Font(SizeBody)
	if b.Size != 0 {
		size = th.Font(b.Size)
	}
	iw := 0.0
	if b.Icon != NoIcon {
		iw = th.Px(14)
	}
	gap := 0.0
	if b.Icon != NoIcon && b.Label != "" {
		gap = th.Px(7)
	}
	tw := c.TextWidth(b.Label, size, true)
	x := r.X + (r.W-iw-gap-tw)/2
	cy := r.Y + r.H/2
	drawIcon(c, b.Icon, x, cy, iw, fg)
	c.Text(b.Label, x+iw+gap, cy-size*0.6, TextStyle{Size: size, Color: fg, Bold: true})
	if b.Focused {
		focusRing(c, th, r)
	}
}

func drawIcon(c Canvas, ic Icon, x, cy, s float64, col Color) {
	h := s / 2
	switch ic {
	case IconPlay:
		c.Triangle(x+s*0.1, cy-h, x+s, cy, x+s*0.1, cy+h, col)
	case IconPause:
		c.FillRect(Rect{x + s*0.1, cy - h, s * 0.3, s}, col)
		c.FillRect(Rect{x + s*0.6, cy - h, s * 0.3, s}, col)
	case IconStep:
		c.Triangle(x, cy-h, x+s*0.65, cy, x, cy+h, col)
		c.FillRect(Rect{x + s*0.72, cy - h, s * 0.25, s}, col)
	case IconReset:
		c.Ring(x+h, cy, h*0.85, s*0.17, col)
		c.Triangle(x+h, cy-h*1.25, x+h*1.75, cy-h*0.85, x+h, cy-h*0.3, col)
	}
}
