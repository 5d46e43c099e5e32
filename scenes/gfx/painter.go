// Package gfx draws the lab with ebiten: Painter implements ui.Canvas by
// batching every shape of a layer into one DrawTriangles call (reused vertex
// and index slices, as ebiten's examples/vector does) and drawing text with
// golang/freetype faces wrapped by ebiten's text/v2, one face per size.
package gfx

import (
	"image"
	"math"
	"unsafe"

	"github.com/golang/freetype/truetype"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"

	"aelab/assets"
	"aelab/scenes/ui"
)

// maxVertices keeps a batch within DrawTriangles' 16-bit indices.
const maxVertices = 65000

type faceKey struct {
	px   int // size in 1/4 device pixels
	bold bool
}

type glyphDraw struct {
	img  *ebiten.Image
	x, y float64
	c    ui.Color
}

// Painter implements ui.Canvas on an ebiten image. It is reused frame after
// frame: Begin, draw, Flush. Nothing it does per frame allocates once its
// slices have grown and its faces exist.
type Painter struct {
	dst, target *ebiten.Image
	white       *ebiten.Image
	vs          []ebiten.Vertex
	is          []uint16
	glyphs      []glyphDraw
	gbuf        []text.Glyph
	faces       map[faceKey]*text.GoXFace
	layout      text.LayoutOptions
	triOpts     ebiten.DrawTrianglesOptions
	imgOpts     ebiten.DrawImageOptions
	clipRect    ui.Rect
	clipImg     *ebiten.Image
}

// NewPainter returns a painter; fonts come from the assets package.
func NewPainter() *Painter {
	w := ebiten.NewImage(3, 3)
	w.Fill(image.White.C)
	p := &Painter{
		// The centre pixel of a 3×3 white image: sampling stays inside it
		// even with linear filtering (ebiten's examples/vector).
		white: w.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image),
		faces: map[faceKey]*text.GoXFace{},
	}
	p.triOpts.AntiAlias = true
	p.triOpts.ColorScaleMode = ebiten.ColorScaleModeStraightAlpha
	return p
}

// Begin starts drawing a frame onto dst.
func (p *Painter) Begin(dst *ebiten.Image) {
	p.dst, p.target = dst, dst
}

// Face returns the font face of a size in device pixels, made once.
func (p *Painter) Face(size float64, bold bool) *text.GoXFace {
	k := faceKey{int(math.Round(size * 4)), bold}
	if f, ok := p.faces[k]; ok {
		return f
	}
	reg, b := assets.Fonts()
	ttf := reg
	if bold {
		ttf = b
	}
	f := text.NewGoXFace(truetype.NewFace(ttf, &truetype.Options{
		Size: float64(k.px) / 4, DPI: 72, Hinting: font.HintingFull,
	}))
	p.faces[k] = f
	return f
}

func (p *Painter) vertex(x, y float64, c ui.Color) {
	p.vs = append(p.vs, ebiten.Vertex{
		DstX: float32(x), DstY: float32(y), SrcX: 1.5, SrcY: 1.5,
		ColorR: c.R, ColorG: c.G, ColorB: c.B, ColorA: c.A,
	})
}

// reserve flushes if n more vertices would overflow the batch and returns
// the index of the next vertex.
func (p *Painter) reserve(n int) uint16 {
	if len(p.vs)+n > maxVertices {
		p.flushShapes()
	}
	return uint16(len(p.vs))
}

func (p *Painter) quad(x0, y0, x1, y1, x2, y2, x3, y3 float64, c ui.Color) {
	i := p.reserve(4)
	p.vertex(x0, y0, c)
	p.vertex(x1, y1, c)
	p.vertex(x2, y2, c)
	p.vertex(x3, y3, c)
	p.is = append(p.is, i, i+1, i+2, i, i+2, i+3)
}

func (p *Painter) FillRect(r ui.Rect, c ui.Color) {
	p.quad(r.X, r.Y, r.Right(), r.Y, r.Right(), r.Bottom(), r.X, r.Bottom(), c)
}

func (p *Painter) StrokeRect(r ui.Rect, w float64, c ui.Color) {
	p.FillRect(ui.Rect{X: r.X, Y: r.Y, W: r.W, H: w}, c)
	p.FillRect(ui.Rect{X: r.X, Y: r.Bottom() - w, W: r.W, H: w}, c)
	p.FillRect(ui.Rect{X: r.X, Y: r.Y + w, W: w, H: r.H - 2*w}, c)
	p.FillRect(ui.Rect{X: r.Right() - w, Y: r.Y + w, W: w, H: r.H - 2*w}, c)
}

// segments returns how many straight pieces make a smooth arc of radius r
// spanning angle a.
func segments(r, a float64) int {
	return max(3, min(64, int(math.Ceil(a*math.Sqrt(max(r, 0.5))*1.2))))
}

func (p *Painter) RoundRect(r ui.Rect, rad float64, c ui.Color) {
	rad = math.Min(rad, math.Min(r.W, r.H)/2)
	if rad <= 0.5 {
		p.FillRect(r, c)
		return
	}
	n := segments(rad, math.Pi/2)
	cx, cy := r.X+r.W/2, r.Y+r.H/2
	centre := p.reserve(4*(n+1) + 1)
	p.vertex(cx, cy, c)
	corners := [4][3]float64{
		{r.Right() - rad, r.Y + rad, -math.Pi / 2},
		{r.Right() - rad, r.Bottom() - rad, 0},
		{r.X + rad, r.Bottom() - rad, math.Pi / 2},
		{r.X + rad, r.Y + rad, math.Pi},
	}
	for _, k := range corners {
		for j := 0; j <= n; j++ {
			s, co := math.Sincos(k[2] + float64(j)/float64(n)*math.Pi/2)
			p.vertex(k[0]+rad*co, k[1]+rad*s, c)
		}
	}
	total := uint16(4 * (n + 1))
	for j := uint16(0); j < total; j++ {
		p.is = append(p.is, centre, centre+1+j, centre+1+(j+1)%total)
	}
}

func (p *Painter) Line(x0, y0, x1, y1, w float64, c ui.Color) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	p.quad(x0+nx, y0+ny, x1+nx, y1+ny, x1-nx, y1-ny, x0-nx, y0-ny, c)
}

func (p *Painter) Polyline(pts []float64, w float64, c ui.Color) {
	for i := 0; i+3 < len(pts); i += 2 {
		p.Line(pts[i], pts[i+1], pts[i+2], pts[i+3], w, c)
		if w > 2.5 && i > 0 {
			p.Circle(pts[i], pts[i+1], w/2, c) // round joins
		}
	}
}

func (p *Painter) Polygon(pts []float64, c ui.Color) {
	n := len(pts) / 2
	if n < 3 {
		return
	}
	i0 := p.reserve(n)
	for i := 0; i < n; i++ {
		p.vertex(pts[2*i], pts[2*i+1], c)
	}
	for i := 1; i+1 < n; i++ {
		p.is = append(p.is, i0, i0+uint16(i), i0+uint16(i+1))
	}
}

func (p *Painter) Triangle(x0, y0, x1, y1, x2, y2 float64, c ui.Color) {
	i := p.reserve(3)
	p.vertex(x0, y0, c)
	p.vertex(x1, y1, c)
	p.vertex(x2, y2, c)
	p.is = append(p.is, i, i+1, i+2)
}

func (p *Painter) Circle(x, y, r float64, c ui.Color) {
	n := segments(r, 2*math.Pi)
	i0 := p.reserve(n + 1)
	p.vertex(x, y, c)
	for j := 0; j < n; j++ {
		s, co := math.Sincos(float64(j) / float64(n) * 2 * math.Pi)
		p.vertex(x+r*co, y+r*s, c)
	}
	for j := 0; j < n; j++ {
		p.is = append(p.is, i0, i0+1+uint16(j), i0+1+uint16((j+1)%n))
	}
}

func (p *Painter) Ring(x, y, r, w float64, c ui.Color) {
	n := segments(r+w/2, 2*math.Pi)
	i0 := p.reserve(2 * n)
	for j := 0; j < n; j++ {
		s, co := math.Sincos(float64(j) / float64(n) * 2 * math.Pi)
		p.vertex(x+(r-w/2)*co, y+(r-w/2)*s, c)
		p.vertex(x+(r+w/2)*co, y+(r+w/2)*s, c)
	}
	for j := 0; j < n; j++ {
		a, b := i0+uint16(2*j), i0+uint16(2*((j+1)%n))
		p.is = append(p.is, a, a+1, b+1, a, b+1, b)
	}
}

func (p *Painter) TextWidth(s string, size float64, bold bool) float64 {
	return text.Advance(s, p.Face(size, bold))
}

func (p *Painter) Text(s string, x, y float64, st ui.TextStyle) {
	if s == "" {
		return
	}
	f := p.Face(st.Size, st.Bold)
	switch st.Align {
	case ui.Center:
		x -= text.Advance(s, f) / 2
	case ui.Right:
		x -= text.Advance(s, f)
	}
	// Whole device pixels keep hinted glyphs crisp.
	x, y = math.Round(x), math.Round(y)
	p.gbuf = text.AppendGlyphs(p.gbuf[:0], s, f, &p.layout)
	for _, g := range p.gbuf {
		if g.Image != nil {
			p.glyphs = append(p.glyphs, glyphDraw{g.Image, x + g.X, y + g.Y, st.Color})
		}
	}
}

func (p *Painter) TextBytes(b []byte, x, y float64, st ui.TextStyle) {
	if len(b) == 0 {
		return
	}
	// The string is used only during this call (glyphs are cached by rune,
	// not by string), so it may alias b: no allocation per formatted number.
	p.Text(unsafe.String(&b[0], len(b)), x, y, st)
}

// Clip limits drawing to r until Unclip.
func (p *Painter) Clip(r ui.Rect) {
	p.Flush()
	if p.clipImg == nil || r != p.clipRect {
		rect := image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.Right())), int(math.Ceil(r.Bottom())))
		p.clipImg = p.dst.SubImage(rect).(*ebiten.Image)
		p.clipRect = r
	}
	p.target = p.clipImg
}

func (p *Painter) Unclip() {
	p.Flush()
	p.target = p.dst
}

func (p *Painter) flushShapes() {
	if len(p.is) > 0 {
		p.target.DrawTriangles(p.vs, p.is, p.white, &p.triOpts)
	}
	p.vs, p.is = p.vs[:0], p.is[:0]
}

// Flush draws the pending shapes, then the pending texts above them.
func (p *Painter) Flush() {
	p.flushShapes()
	for _, g := range p.glyphs {
		p.imgOpts.GeoM.Reset()
		p.imgOpts.GeoM.Translate(g.x, g.y)
		p.imgOpts.ColorScale.Reset()
		p.imgOpts.ColorScale.Scale(g.c.R*g.c.A, g.c.G*g.c.A, g.c.B*g.c.A, g.c.A)
		p.target.DrawImage(g.img, &p.imgOpts)
	}
	p.glyphs = p.glyphs[:0]
}

var _ ui.Canvas = (*Painter)(nil)
