// Package assets embeds the files the lab ships with.
//
// DejaVuSans.ttf and DejaVuSans-Bold.ttf are DejaVu Sans 2.37 (Debian's
// fonts-dejavu-core, https://dejavu-fonts.github.io/), under the Bitstream
// Vera licence with the DejaVu changes in the public domain; the full text
// is DejaVu-LICENSE.txt beside them. They cover the lecture's symbols:
// λ σ θ η ‖ ∑ ∂ ≈ → ² ∈ ℝ ᴰ ᴷ ₙ and the combining tilde of x̃.
package assets

import (
	_ "embed"
	"sync"

	"github.com/golang/freetype/truetype"
)

// TourText is the guided lecture: its stops in the lecture's order, each a
// scene, the parameters it sets (a URL query) and what to watch. The format
// is described at the top of tour.txt.
//
//go:embed tour.txt
var TourText string

var (
	//go:embed DejaVuSans.ttf
	regularTTF []byte
	//go:embed DejaVuSans-Bold.ttf
	boldTTF []byte
)

var (
	once          sync.Once
	regular, bold *truetype.Font
)

// Fonts returns the parsed regular and bold fonts, parsed once.
func Fonts() (regularFont, boldFont *truetype.Font) {
	once.Do(func() {
		var err error
		if regular, err = truetype.Parse(regularTTF); err != nil {
			panic("assets: " + err.Error())
		}
		if bold, err = truetype.Parse(boldTTF); err != nil {
			panic("assets: " + err.Error())
		}
	})
	return regular, bold
}
