// Package uitest has a ui.Canvas that records what is drawn, for tests of
// widgets and scenes without a display.
package uitest

import (
	"strings"
	"unicode/utf8"

	"aelab/scenes/ui"
)

// Canvas records texts and counts shapes. Text is measured as 0.55 em per
// character, close to DejaVu Sans.
type Canvas struct {
	Texts  []string
	Bold   []bool    // whether each of Texts is set in bold
	Sizes  []float64 // the em size of each of Texts, device pixels
	Boxes  []ui.Rect // where each of Texts lies: its measured width, 1.2 em high
	Shapes int
	Record bool // keep the texts (off to measure allocations)
}

// Reset forgets what was drawn.
func (c *Canvas) Reset() {
	c.Texts, c.Bold, c.Sizes, c.Boxes, c.Shapes = c.Texts[:0], c.Bold[:0], c.Sizes[:0], c.Boxes[:0], 0
}

// HasText reports whether a drawn text contains s.
func (c *Canvas) HasText(s string) bool {
	for _, t := range c.Texts {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

func (c *Canvas) FillRect(ui.Rect, ui.Color)                    { c.Shapes++ }
func (c *Canvas) StrokeRect(ui.Rect, float64, ui.Color)         { c.Shapes++ }
func (c *Canvas) RoundRect(ui.Rect, float64, ui.Color)          { c.Shapes++ }
func (c *Canvas) Line(_, _, _, _, _ float64, _ ui.Color)        { c.Shapes++ }
func (c *Canvas) Polyline([]float64, float64, ui.Color)         { c.Shapes++ }
func (c *Canvas) Polygon([]float64, ui.Color)                   { c.Shapes++ }
func (c *Canvas) Triangle(_, _, _, _, _, _ float64, _ ui.Color) { c.Shapes++ }
func (c *Canvas) Circle(_, _, _ float64, _ ui.Color)            { c.Shapes++ }
func (c *Canvas) Cross(_, _, _, _ float64, _ ui.Color)          { c.Shapes++ }
func (c *Canvas) Ring(_, _, _, _ float64, _ ui.Color)           { c.Shapes++ }
func (c *Canvas) Clip(ui.Rect)                                  {}
func (c *Canvas) Unclip()                                       {}
func (c *Canvas) Cached(_ any, _ ui.Rect, draw func(ui.Canvas)) { draw(c) }
func (c *Canvas) Flush()                                        {}
func (c *Canvas) TextWidth(s string, size float64, _ bool) float64 {
	return ui.ScriptWidth(s, size, func(s string, size float64) float64 {
		return 0.55 * size * float64(utf8.RuneCountInString(s))
	})
}
func (c *Canvas) TextBytes(b []byte, x, y float64, st ui.TextStyle) {
	if c.Record {
		c.text(string(b), x, y, st)
	}
}
func (c *Canvas) Text(s string, x, y float64, st ui.TextStyle) { c.text(s, x, y, st) }
func (c *Canvas) text(s string, x, y float64, st ui.TextStyle) {
	if c.Record {
		w := c.TextWidth(s, st.Size, st.Bold)
		switch st.Align {
		case ui.Center:
			x -= w / 2
		case ui.Right:
			x -= w
		}
		c.Boxes = append(c.Boxes, ui.Rect{X: x, Y: y, W: w, H: 1.2 * st.Size})
		c.Texts = append(c.Texts, s)
		c.Bold = append(c.Bold, st.Bold)
		c.Sizes = append(c.Sizes, st.Size)
	}
}

var _ ui.Canvas = (*Canvas)(nil)
