package plot

import (
	"strconv"

	"aelab/core/data"
	"aelab/scenes/ui"
)

// Loading draws "Loading the digits… 40%" in the middle of area while a
// scene waits for a data set (data.Pending; p may be nil), formatting
// into *buf so that a frame allocates nothing.
func Loading(c ui.Canvas, area ui.Rect, th *ui.Theme, what string, p *data.Pending, buf *[]byte) {
	b := append((*buf)[:0], "Loading "...)
	b = append(b, what...)
	b = append(b, "…"...)
	if p != nil {
		if done, total := p.Progress(); total > 0 {
			b = append(b, ' ')
			b = strconv.AppendInt(b, 100*done/total, 10)
			b = append(b, '%')
		}
	}
	*buf = b
	c.TextBytes(b, area.X+area.W/2, area.Y+area.H/2, ui.TextStyle{Size: th.Font(ui.SizeHeading), Color: th.TextDim, Align: ui.Center})
}

// Fit returns long if it fits width w at the text size, else short: a
// caption that shortens on a phone.
func Fit(c ui.Canvas, w, size float64, long, short string) string {
	if c.TextWidth(long, size, false) <= w {
		return long
	}
	return short
}
