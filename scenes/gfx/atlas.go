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

// glyphKey is a face's id and a rune in one integer: a map keyed by a
// struct hashes it field by field through the runtime's generic hash,
// which dominated the start-up profile in WebAssembly (no AES hashing there).
type glyphKey uint64

func keyOf(f *fontFace, r rune) glyphKey { return glyphKey(f.id)<<32 | glyphKey(uint32(r)) }

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
	m    *fontMetrics
	size float64
	// face is the font's rasteriser at this size, made the first time a
	// glyph of this size is drawn: the layout measures text at many sizes
	// it never draws.
	face   font.Face
	ascent float64
}

// rasterizer returns the face that draws glyphs, made on first use, without
// freetype's own glyph cache (an image of 512 glyph cells, cleared at
// creation): the atlas is the cache. The glyphs are unhinted, drawn from
// their outlines as macOS and browsers on high-density screens draw text:
// freetype's hinter runs each glyph's TrueType instructions in an
// interpreter, code that runs cold on the first frame in WebAssembly and
// made its text cost 2.5 times as much (25 against 63 ms for 420 glyphs
// warm in node, far more cold; issue 12's first frame); at the lab's sizes
// (12 logical pixels and up) the difference shows only as softer stems.
func (f *fontFace) rasterizer() font.Face {
	if f.face == nil {
		f.face = truetype.NewFace(f.m.ttf, &truetype.Options{Size: f.size, DPI: 72, Hinting: font.HintingNone, GlyphCacheEntries: 1})
		f.ascent = math.Round(float64(f.face.Metrics().Ascent) / 64)
	}
	return f.face
}

// baseline is the distance from the top of a line to its baseline.
func (f *fontFace) baseline() float64 {
	f.rasterizer()
	return f.ascent
}

// advance is r's advance in pixels, from the font's metrics (a hinter
// would round advances by up to 1.5 pixels at fractional sizes: a "w" too
// wide, an "m" too narrow, gaps inside words).
func (f *fontFace) advance(r rune) float64 { return f.m.glyph(r).adv * f.size / f.m.upem }

// kern is the kerning between prev and r in pixels (0 after no rune).
func (f *fontFace) kern(prev, r rune) float64 {
	if prev < 0 {
		return 0
	}
	k := f.m.ttf.Kern(fixed.Int26_6(f.m.ttf.FUnitsPerEm()), f.m.glyph(prev).index, f.m.glyph(r).index)
	return float64(k) * f.size / f.m.upem
}

// fontMetrics holds a font's glyph indices and advances in font units,
// shared by all its sizes: measuring text at a new size loads nothing.
type fontMetrics struct {
	ttf   *truetype.Font
	upem  float64
	ascii [128]glyphMetric
	other map[rune]glyphMetric
}

type glyphMetric struct {
	index truetype.Index
	adv   float64 // font units
	known bool
}

func newMetrics(ttf *truetype.Font) *fontMetrics {
	return &fontMetrics{ttf: ttf, upem: float64(ttf.FUnitsPerEm()), other: map[rune]glyphMetric{}}
}

func (m *fontMetrics) glyph(r rune) glyphMetric {
	if r >= 0 && r < 128 && m.ascii[r].known {
		return m.ascii[r]
	}
	if g, ok := m.other[r]; ok {
		return g
	}
	i := m.ttf.Index(r)
	// scaled by the units per em, HMetric gives font units
	g := glyphMetric{index: i, adv: float64(m.ttf.HMetric(fixed.Int26_6(m.ttf.FUnitsPerEm()), i).AdvanceWidth), known: true}
	if r >= 0 && r < 128 {
		m.ascii[r] = g
	} else {
		m.other[r] = g
	}
	return g
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
	metrics [2]*fontMetrics // regular, bold
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
	if a.metrics[0] == nil {
		reg, b := assets.Fonts()
		a.metrics = [2]*fontMetrics{newMetrics(reg), newMetrics(b)}
	}
	m := a.metrics[0]
	if bold {
		m = a.metrics[1]
	}
	f := &fontFace{id: len(a.faces), m: m, size: float64(k.quarterPx) / 4}
	a.faces[k] = f
	return f
}

// glyph returns rune r of face f, rasterising it into the atlas the first
// time.
func (a *atlas) glyph(f *fontFace, r rune) glyphInfo {
	k := keyOf(f, r)
	if g, ok := a.glyphs[k]; ok {
		return g
	}
	dr, mask, mp, _, ok := f.rasterizer().Glyph(fixed.P(0, 0), r)
	g := glyphInfo{advance: f.advance(r)}
	if ok && dr.Dx() > 0 && dr.Dy() > 0 {
		g.w, g.h, g.dx, g.dy = dr.Dx(), dr.Dy(), dr.Min.X, dr.Min.Y
		g.x, g.y = a.alloc(g.w, g.h)
		pix := make([]byte, 4*g.w*g.h)
		alpha, _ := mask.(*image.Alpha) // freetype's masks are; At is the slow way
		for y := 0; y < g.h; y++ {
			for x := 0; x < g.w; x++ {
				var v byte
				if alpha != nil {
					v = alpha.AlphaAt(mp.X+x, mp.Y+y).A
				} else {
					_, _, _, al := mask.At(mp.X+x, mp.Y+y).RGBA()
					v = byte(al >> 8)
				}
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

// width returns the advance of s in face f, kerning included, from the
// unhinted advances: nothing is rasterised for a string only measured.
func (a *atlas) width(f *fontFace, s string) float64 {
	w := 0.0
	prev := rune(-1)
	for _, r := range s {
		w += f.kern(prev, r) + f.advance(r)
		prev = r
	}
	return w
}
