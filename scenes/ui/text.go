package ui

import (
	"strings"
	"unsafe"
)

// BytesString views b as a string without copying, for text formatted into
// a reused buffer (readouts, step counts) and measured or drawn at once: no
// allocation per frame. The string must not outlive the next change of b.
func BytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// Measurer measures text; Canvas is one.
type Measurer interface {
	TextWidth(s string, size float64, bold bool) float64
}

// Wrap breaks text into lines no wider than width, at spaces; a paragraph
// break is "\n". A word wider than width gets a line of its own.
func Wrap(m Measurer, text string, size, width float64, bold bool) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line := words[0]
		for _, w := range words[1:] {
			cand := line + " " + w
			if m.TextWidth(cand, size, bold) <= width {
				line = cand
				continue
			}
			lines = append(lines, line)
			line = w
		}
		lines = append(lines, line)
	}
	return lines
}

// Wrapped caches the wrapping of one text at one width and size, so Draw
// wraps only when the layout changes.
type Wrapped struct {
	text        string
	size, width float64
	bold        bool
	Lines       []string
}

// Get returns the lines of text wrapped to width at size.
func (w *Wrapped) Get(m Measurer, text string, size, width float64, bold bool) []string {
	if w.Lines == nil || text != w.text || size != w.size || width != w.width || bold != w.bold {
		w.text, w.size, w.width, w.bold = text, size, width, bold
		w.Lines = Wrap(m, text, size, width, bold)
	}
	return w.Lines
}
