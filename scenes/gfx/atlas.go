package gfx

import (
	"image"
	"math"

	"github.com/golang/freetype/truetype"
	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"aelab/assets"
)

// atlasSize is the side of the atlas image: room for the glyphs of a dozen
// text sizes at a device pixel ratio of 2.
const atlasSize = 2048

// The atlas's white block: untextured shapes sample its centre.
const (
	whiteSize = 4
	whiteX    = 2
	whiteY    = 2
)

// maxDisc is the largest radius, in device pixels, drawn from the atlas;
// larger circles are polygons.
const maxDisc = 32

type glyphKey struct {
	face int
	r    rune
}

// glyphInfo places a glyph in the atlas and relative to the pen: its image
// starts dx to the right of the pen and dy below the baseline.
type glyphInfo struct {
	x, y, w, h int
	dx, dy     int
	advance    float64
}

type discInfo struct{ x, y, size int }

// fontFace is one font at one size, rasterised by golang/freetype.
type fontFace struct {
	id   int
	face font.Face // hinted: the glyphs' shapes, crisp on the pixel grid
	// plain is the same font unhinted, for advances and kerning:
	// golang/freetype's hinter rounds advances by up to 1.5 pixels at
	// fractional sizes (a "w" too wide, an "m" too narrow), which shows
	// as gaps inside words.
	plain  font.Face
	ascent float64
}

type faceKey struct {
	quarterPx int
	bold      bool
}

type pendingUpload struct {
	r   image.Rectangle
	pix []byte
}

// atlas is one image holding a white block, anti-aliased discs and glyphs,
// packed in shelves, rasterised on first use and uploaded before the next
// draw. When it is full it starts over (after flushing what was drawn with
// it), which only a pathological number of text sizes would cause.
type atlas struct {
	img     *ebiten.Image
	faces   map[faceKey]*fontFace
	glyphs  map[glyphKey]glyphInfo
	discs   map[int]discInfo
	crosses map[[2]int]discInfo
	pending []pendingUpload
	x, y, h int // shelf packer: pen and current shelf height
	flush   func()
}

func newAtlas(flush func()) *atlas {
	a := &atlas{img: ebiten.NewImage(atlasSize, atlasSize), flush: flush}
	a.reset()
	return a
}

func (a *atlas) reset() {
	a.img.Clear()
	a.glyphs = map[glyphKey]glyphInfo{}
	a.discs = map[int]discInfo{}
	a.crosses = map[[2]int]discInfo{}
	if a.faces == nil {
		a.faces = map[faceKey]*fontFace{}
	}
	a.pending = a.pending[:0]
	white := make([]byte, 4*whiteSize*whiteSize)
	for i := range white {
		white[i] = 0xff
	}
	a.pending = append(a.pending, pendingUpload{image.Rect(0, 0, whiteSize, whiteSize), white})
	a.x, a.y, a.h = whiteSize+1, 0, whiteSize
}

// alloc finds room for a w×h image, with a transparent pixel around it.
func (a *atlas) alloc(w, h int) (x, y int) {
	if a.x+w+1 > atlasSize {
		a.x, a.y, a.h = 0, a.y+a.h+1, 0
	}
	if a.y+h+1 > atlasSize {
		a.flush() // draw what uses the old contents, then start over
		a.reset()
		return a.alloc(w, h)
	}
	x, y = a.x, a.y
	a.x += w + 1
	a.h = max(a.h, h)
	return x, y
}

// upload writes the new glyphs and discs into the image.
func (a *atlas) upload() {
	for _, u := range a.pending {
		a.img.SubImage(u.r).(*ebiten.Image).WritePixels(u.pix)
	}
	a.pending = a.pending[:0]
}

// face returns the font at size (device pixels), made once per size.
func (a *atlas) face(size float64, bold bool) *fontFace {
	k := faceKey{int(math.Round(size * 4)), bold}
	if f, ok := a.faces[k]; ok {
		return f
	}
	reg, b := assets.Fonts()
	ttf := reg
	if bold {
		ttf = b
	}
	size = float64(k.quarterPx) / 4
	face := truetype.NewFace(ttf, &truetype.Options{Size: size, DPI: 72, Hinting: font.HintingFull})
	plain := truetype.NewFace(ttf, &truetype.Options{Size: size, DPI: 72, Hinting: font.HintingNone})
	f := &fontFace{id: len(a.faces), face: face, plain: plain, ascent: math.Round(float64(face.Metrics().Ascent) / 64)}
	a.faces[k] = f
	return f
}

// glyph returns rune r of face f, rasterising it into the atlas the first
// time.
func (a *atlas) glyph(f *fontFace, r rune) glyphInfo {
	k := glyphKey{f.id, r}
	if g, ok := a.glyphs[k]; ok {
		return g
	}
	dr, mask, mp, _, ok := f.face.Glyph(fixed.P(0, 0), r)
	adv, _ := f.plain.GlyphAdvance(r)
	g := glyphInfo{advance: float64(adv) / 64}
	if ok && dr.Dx() > 0 && dr.Dy() > 0 {
		g.w, g.h, g.dx, g.dy = dr.Dx(), dr.Dy(), dr.Min.X, dr.Min.Y
		g.x, g.y = a.alloc(g.w, g.h)
		pix := make([]byte, 4*g.w*g.h)
		for y := 0; y < g.h; y++ {
			for x := 0; x < g.w; x++ {
				_, _, _, al := mask.At(mp.X+x, mp.Y+y).RGBA()
				v := byte(al >> 8)
				i := 4 * (y*g.w + x)
				pix[i], pix[i+1], pix[i+2], pix[i+3] = v, v, v, v // premultiplied white
			}
		}
		a.pending = append(a.pending, pendingUpload{image.Rect(g.x, g.y, g.x+g.w, g.y+g.h), pix})
	}
	a.glyphs[k] = g
	return g
}

// disc returns an anti-aliased white disc of radius r (rounded to a quarter
// pixel) in a square of whole pixels, rasterising it the first time: the
// alpha of a pixel is how much of it the disc covers, approximated by
// r + ½ − (distance from the centre), clamped to [0, 1].
func (a *atlas) disc(r float64) discInfo {
	q := int(math.Round(r * 4))
	if d, ok := a.discs[q]; ok {
		return d
	}
	r = float64(q) / 4
	size := int(math.Ceil(2*r)) + 2
	x0, y0 := a.alloc(size, size)
	pix := make([]byte, 4*size*size)
	c := float64(size) / 2
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			d := math.Hypot(float64(x)+0.5-c, float64(y)+0.5-c)
			v := byte(math.Round(255 * math.Max(0, math.Min(1, r+0.5-d))))
			i := 4 * (y*size + x)
			pix[i], pix[i+1], pix[i+2], pix[i+3] = v, v, v, v
		}
	}
	a.pending = append(a.pending, pendingUpload{image.Rect(x0, y0, x0+size, y0+size), pix})
	d := discInfo{x0, y0, size}
	a.discs[q] = d
	return d
}

// cross returns an anti-aliased white × of half-size half and stroke w
// (both rounded to a quarter pixel), rasterising it the first time: a
// pixel's alpha is how far its centre is inside the nearer diagonal stroke,
// r + ½ − distance, clamped to [0, 1], and likewise at the arms' ends.
func (a *atlas) cross(half, w float64) discInfo {
	key := [2]int{int(math.Round(half * 4)), int(math.Round(w * 4))}
	if d, ok := a.crosses[key]; ok {
		return d
	}
	half, w = float64(key[0])/4, float64(key[1])/4
	size := int(math.Ceil(2*half+w)) + 2
	x0, y0 := a.alloc(size, size)
	pix := make([]byte, 4*size*size)
	c := float64(size) / 2
	arm := half * math.Sqrt2 // the arm's length from the centre
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			px, py := float64(x)+0.5-c, float64(y)+0.5-c
			cov := 0.0
			for _, s := range [2]float64{1, -1} {
				across := math.Abs(px-s*py) / math.Sqrt2
				along := math.Abs(px+s*py) / math.Sqrt2
				v := math.Min(w/2+0.5-across, arm+0.5-along)
				cov = math.Max(cov, math.Max(0, math.Min(1, v)))
			}
			b := byte(math.Round(255 * cov))
			i := 4 * (y*size + x)
			pix[i], pix[i+1], pix[i+2], pix[i+3] = b, b, b, b
		}
	}
	a.pending = append(a.pending, pendingUpload{image.Rect(x0, y0, x0+size, y0+size), pix})
	d := discInfo{x0, y0, size}
	a.crosses[key] = d
	return d
}

// width returns the advance of s in face f, kerning included. Advances
// come from the glyph cache: with full hinting, asking freetype for one runs
// its hinter each time.
func (a *atlas) width(f *fontFace, s string) float64 {
	w := 0.0
	prev := rune(-1)
	for _, r := range s {
		w += f.kern(prev, r) + a.glyph(f, r).advance
		prev = r
	}
	return w
}

func (f *fontFace) kern(prev, r rune) float64 {
	if prev < 0 {
		return 0
	}
	return float64(f.plain.Kern(prev, r)) / 64
}
