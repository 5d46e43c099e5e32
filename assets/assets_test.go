package assets

import (
	"testing"

	"github.com/golang/freetype/truetype"
)

// TestGlyphs: every symbol the scenes print must be in the fonts (subsets of
// DejaVu Sans, see fonttool/subset.mjs), or it would show as an empty box.
func TestGlyphs(t *testing.T) {
	const (
		regularSymbols = "λσθημγεκ‖∑Σ∂≈→²∈ℝᴰᴷₙ₁₂ᵀ×·−≤≥°∠≡ĥŵ\u0303x̃ABCxyz0123456789"
		boldSymbols    = "Autoencoder Lab ≡ PCA 0123456789.−°× λσηθ→‖∑ x̂ Dᵀh"
	)
	r, b := Fonts()
	for _, f := range []struct {
		name    string
		font    *truetype.Font
		symbols string
	}{{"regular", r, regularSymbols}, {"bold", b, boldSymbols}} {
		for _, c := range f.symbols {
			if f.font.Index(c) == 0 && c != ' ' {
				t.Errorf("%s font has no glyph for %q (%U)", f.name, c, c)
			}
		}
	}
}
