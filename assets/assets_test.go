package assets

import "testing"

// TestGlyphs: every symbol the scenes print must be in both fonts, or it
// would show as an empty box.
func TestGlyphs(t *testing.T) {
	const symbols = "λσθημγεκ‖∑Σ∂≈→²∈ℝᴰᴷₙ₁₂ᵀ×·−≤≥°ĥ∠ŵ\u0303x̃"
	r, b := Fonts()
	for _, f := range []struct {
		name string
		idx  func(rune) uint16
	}{{"regular", func(c rune) uint16 { return uint16(r.Index(c)) }}, {"bold", func(c rune) uint16 { return uint16(b.Index(c)) }}} {
		for _, c := range symbols {
			if f.idx(c) == 0 {
				t.Errorf("%s font has no glyph for %q (%U)", f.name, c, c)
			}
		}
	}
}
