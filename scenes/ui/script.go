package ui

import (
	"unicode"
	"unicode/utf8"
)

// SubscriptSize is the size of a subscript relative to its text, and
// SubscriptDrop how far its baseline sits below the text's, in ems.
const (
	SubscriptSize = 0.72
	SubscriptDrop = 0.22
)

// NextScript splits the lecture's subscript notation off the front of s:
// "‖J_f(x)‖²_F" is "‖J", then the subscript "f", then "(x)‖²", then "F".
// An underscore starts a subscript of the ASCII letters and digits after it
// when what it follows is a single letter (with its combining marks: x̃_d)
// or a symbol (‖·‖_F, ²_F, Σ_d); after a longer word it is an underscore
// (angle_deg, lr_hide), so identifiers in messages keep it. It returns the
// first segment, whether it is a subscript, and the rest; it allocates
// nothing.
func NextScript(s string) (seg string, sub bool, rest string) {
	if len(s) > 1 && s[0] == '_' && isScriptChar(s[1]) {
		n := 1
		for n < len(s) && isScriptChar(s[n]) {
			n++
		}
		return s[1:n], true, s[n:]
	}
	letters := 0 // letters in the word that ends just before i
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '_' && i > 0 && letters <= 1 && i+1 < len(s) && isScriptChar(s[i+1]) {
			return s[:i], false, s[i:]
		}
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.Is(unicode.Mn, r): // a combining mark joins its letter
		default:
			letters = 0
		}
		i += size
	}
	return s, false, ""
}

func isScriptChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ScriptWidth measures s as drawn with its subscripts, given the width of
// plain text at a size.
func ScriptWidth(s string, size float64, plain func(s string, size float64) float64) float64 {
	w := 0.0
	for s != "" {
		seg, sub, rest := NextScript(s)
		if sub {
			w += plain(seg, size*SubscriptSize)
		} else {
			w += plain(seg, size)
		}
		s = rest
	}
	return w
}
