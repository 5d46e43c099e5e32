// Package gfx draws the lab with ebiten. Painter implements ui.Canvas by
// putting every shape and every glyph of a frame into one vertex batch over
// one atlas image, drawn with a single DrawTriangles call per layer (reused
// vertex and index slices, as ebiten's examples/vector does).
//
// Edges are smoothed without ebiten's AntiAlias option, which renders each
// call through a 2× offscreen image and brought software-rendered WebGL down
// to 5 frames a second: lines and polygons get a one-pixel fringe whose
// alpha falls to zero, as NanoVG and Dear ImGui do, and dots are
// anti-aliased discs rasterised into the atlas at their exact radius.
// Glyphs come from golang/freetype faces, rasterised once into the atlas
// (see atlas.go): text then costs four vertices a glyph instead of one
// DrawImage call, which took 7 ms of an 8 ms frame as WebAssembly.
package gfx

import (
	"image"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"aelab/scenes/ui"
)

// maxVertices bounds a batch (DrawTriangles takes 16-bit indices); past it
// the batch is drawn and a new one begun.
const maxVertices = 16000

// maxIndices is the most indices a batch of maxVertices can have: a fringed
// polygon has 4.5 indices a vertex.
const maxIndices = 5 * maxVertices

// Painter implements ui.Canvas on an ebiten image. It is reused frame after
// frame: Begin, draw, Flush. Once its slices have grown and its glyphs and
// discs are in the atlas, a frame allocates nothing.
type Painter struct {
	dst, target *ebiten.Image
	atlas       *atlas
	vs          []ebiten.Vertex
	is          []uint16
	opts        ebiten.DrawTrianglesOptions
	imgOpts     ebiten.DrawImageOptions
	// clips holds a sub-image per clip rectangle of the current target, kept
	// from frame to frame: ebiten keeps its vertex scratch per *Image, so a
	// new sub-image every frame would allocate that scratch every frame.
	clips   map[image.Rectangle]*ebiten.Image
	clipsOf *ebiten.Image
	// warmed holds the images ebiten's per-image vertex scratch has been
	// grown for: ebiten allocates that scratch at the exact size of a batch
	// larger than any before, and a batch that grows a little every frame
	// (a loss curve gaining points) would allocate every frame.
	warmed map[*ebiten.Image]bool
	// framed is set when the second frame begins: the first does not
	// warm, as its allocations are the start's anyway and the warm-up
	// batches (each uploads a vertex buffer of maxVertices) cost the
	// first frame 110 ms in the browser, a third of its drawing (issue 12).
	// began is set when the first frame begins.
	framed, began bool
	warmVs        []ebiten.Vertex
	warmIs        []uint16
	ring          []float64 // scratch for polygon outlines
	// cache holds the pictures of Cached, by key; ox, oy shift drawing
	// while one is being made
	cache  map[any]*cached
	ox, oy float64
}

type cached struct {
	img  *ebiten.Image
	w, h int
}

// NewPainter returns a painter with an empty atlas.
func NewPainter() *Painter {
	p := &Painter{}
	p.atlas = newAtlas(p.flushShapes)
	p.opts.ColorScaleMode = ebiten.ColorScaleModeStraightAlpha
	p.opts.Filter = ebiten.FilterNearest
	return p
}

// Begin starts drawing a frame onto dst.
func (p *Painter) Begin(dst *ebiten.Image) {
	p.dst, p.target = dst, dst
	p.framed, p.began = p.began, true
}

// vertex appends a vertex sampling atlas texel (sx, sy).
func (p *Painter) vertex(x, y, sx, sy float64, c ui.Color) {
	p.vs = append(p.vs, ebiten.Vertex{
		DstX: float32(x - p.ox), DstY: float32(y - p.oy), SrcX: float32(sx), SrcY: float32(sy),
		ColorR: c.R, ColorG: c.G, ColorB: c.B, ColorA: c.A,
	})
}

// solid appends an untextured vertex (the atlas's white block).
func (p *Painter) solid(x, y float64, c ui.Color) {
	p.vertex(x, y, whiteX, whiteY, c)
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
	p.solid(x0, y0, c)
	p.solid(x1, y1, c)
	p.solid(x2, y2, c)
	p.solid(x3, y3, c)
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

// Line draws a segment of width w: a solid core and a one-pixel fringe on
// each side fading to transparent. Lines thinner than a pixel are drawn one
// pixel wide with proportionally less alpha.
func (p *Painter) Line(x0, y0, x1, y1, w float64, c ui.Color) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	if w < 1 {
		c.A *= float32(w)
		w = 1
	}
	nx, ny := -dy/l, dx/l
	core := (w - 1) / 2 // half-width of the solid part
	edge := core + 1    // half-width including the fringe
	clear := c.Alpha(0)
	i := p.reserve(8)
	p.solid(x0+nx*edge, y0+ny*edge, clear)
	p.solid(x1+nx*edge, y1+ny*edge, clear)
	p.solid(x0+nx*core, y0+ny*core, c)
	p.solid(x1+nx*core, y1+ny*core, c)
	p.solid(x0-nx*core, y0-ny*core, c)
	p.solid(x1-nx*core, y1-ny*core, c)
	p.solid(x0-nx*edge, y0-ny*edge, clear)
	p.solid(x1-nx*edge, y1-ny*edge, clear)
	for k := uint16(0); k < 6; k += 2 {
		a := i + k
		p.is = append(p.is, a, a+1, a+3, a, a+3, a+2)
	}
}

func (p *Painter) Polyline(pts []float64, w float64, c ui.Color) {
	for i := 0; i+3 < len(pts); i += 2 {
		p.Line(pts[i], pts[i+1], pts[i+2], pts[i+3], w, c)
		if w > 3.5 && i > 0 {
			p.Circle(pts[i], pts[i+1], w/2, c) // round joins, where a gap would show
		}
	}
}

// Polygon fills a convex polygon and fringes its outline.
func (p *Painter) Polygon(pts []float64, c ui.Color) {
	n := len(pts) / 2
	if n < 3 {
		return
	}
	// orientation, so that the fringe goes outward
	area := 0.0
	for i := 0; i < n; i++ {
		j := (i + 1) % n
		area += pts[2*i]*pts[2*j+1] - pts[2*j]*pts[2*i+1]
	}
	sign := 1.0
	if area < 0 {
		sign = -1
	}
	i0 := p.reserve(2 * n)
	clear := c.Alpha(0)
	for i := 0; i < n; i++ {
		prev, next := (i+n-1)%n, (i+1)%n
		// outward normal at vertex i: the average of its two edges' normals
		ax, ay := edgeNormal(pts[2*prev], pts[2*prev+1], pts[2*i], pts[2*i+1], sign)
		bx, by := edgeNormal(pts[2*i], pts[2*i+1], pts[2*next], pts[2*next+1], sign)
		mx, my := ax+bx, ay+by
		if m := mx*mx + my*my; m > 1e-12 {
			// scale so that the fringe is one pixel wide along both edges
			s := 2 / m
			mx, my = mx*s, my*s
		}
		x, y := pts[2*i], pts[2*i+1]
		p.solid(x, y, c)
		p.solid(x+mx, y+my, clear)
	}
	for i := 1; i+1 < n; i++ {
		p.is = append(p.is, i0, i0+uint16(2*i), i0+uint16(2*(i+1)))
	}
	for i := 0; i < n; i++ {
		a, b := i0+uint16(2*i), i0+uint16(2*((i+1)%n))
		p.is = append(p.is, a, b, b+1, a, b+1, a+1)
	}
}

func edgeNormal(x0, y0, x1, y1, sign float64) (float64, float64) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return 0, 0
	}
	return sign * dy / l, -sign * dx / l
}

func (p *Painter) Triangle(x0, y0, x1, y1, x2, y2 float64, c ui.Color) {
	p.ring = append(p.ring[:0], x0, y0, x1, y1, x2, y2)
	p.Polygon(p.ring, c)
}

// unit holds cos and sin of n equal steps around the circle, per n.
var unit = map[int][]float64{}

func unitCircle(n int) []float64 {
	if u, ok := unit[n]; ok {
		return u
	}
	u := make([]float64, 2*n)
	for j := 0; j < n; j++ {
		u[2*j+1], u[2*j] = math.Sincos(float64(j) / float64(n) * 2 * math.Pi)
	}
	unit[n] = u
	return u
}

// segments is how many straight pieces make a smooth circle of radius r.
func segments(r float64) int {
	return max(8, min(96, int(math.Ceil(2*math.Pi*math.Sqrt(max(r, 1))*1.3))))
}

func (p *Painter) RoundRect(r ui.Rect, rad float64, c ui.Color) {
	rad = math.Min(rad, math.Min(r.W, r.H)/2)
	if rad < 1 {
		p.FillRect(r, c)
		return
	}
	n := segments(rad) / 4
	p.ring = p.ring[:0]
	// corner centres, clockwise on screen from the top right; corner k
	// sweeps the quarter turn from (k−1)·90°
	corners := [4][2]float64{
		{r.Right() - rad, r.Y + rad},
		{r.Right() - rad, r.Bottom() - rad},
		{r.X + rad, r.Bottom() - rad},
		{r.X + rad, r.Y + rad},
	}
	u := unitCircle(4 * n)
	for k, cr := range corners {
		for j := 0; j <= n; j++ {
			a := ((k+3)*n + j) % (4 * n)
			p.ring = append(p.ring, cr[0]+rad*u[2*a], cr[1]+rad*u[2*a+1])
		}
	}
	p.Polygon(p.ring, c)
}

// Circle draws a filled disc: small ones as a quad over an anti-aliased
// disc in the atlas, large ones as a fringed polygon.
func (p *Painter) Circle(x, y, r float64, c ui.Color) {
	if r <= 0 {
		return
	}
	if r > maxDisc {
		u := unitCircle(segments(r))
		p.ring = p.ring[:0]
		for j := 0; j < len(u); j += 2 {
			p.ring = append(p.ring, x+r*u[j], y+r*u[j+1])
		}
		p.Polygon(p.ring, c)
		return
	}
	d := p.atlas.disc(r)
	h := float64(d.size) / 2
	// whole pixels for the quad's corner keep the disc's texels on pixels
	p.sprite(math.Round(x-h), math.Round(y-h), d, c)
}

// Cross draws a × from an anti-aliased sprite in the atlas (four vertices
// instead of two fringed lines' sixteen: the denoising scene marks hundreds
// of training points with it).
func (p *Painter) Cross(x, y, half, w float64, c ui.Color) {
	d := p.atlas.cross(half, w)
	h := float64(d.size) / 2
	p.sprite(math.Round(x-h), math.Round(y-h), d, c)
}

// sprite draws an atlas square at whole-pixel position (x0, y0).
func (p *Painter) sprite(x0, y0 float64, d discInfo, c ui.Color) {
	i := p.reserve(4)
	sx, sy, s := float64(d.x), float64(d.y), float64(d.size)
	p.vertex(x0, y0, sx, sy, c)
	p.vertex(x0+s, y0, sx+s, sy, c)
	p.vertex(x0+s, y0+s, sx+s, sy+s, c)
	p.vertex(x0, y0+s, sx, sy+s, c)
	p.is = append(p.is, i, i+1, i+2, i, i+2, i+3)
}

func (p *Painter) Ring(x, y, r, w float64, c ui.Color) {
	u := unitCircle(segments(r))
	n := len(u) / 2
	for j := 0; j < n; j++ {
		k := (j + 1) % n
		p.Line(x+r*u[2*j], y+r*u[2*j+1], x+r*u[2*k], y+r*u[2*k+1], w, c)
	}
}

func (p *Painter) TextWidth(s string, size float64, bold bool) float64 {
	if strings.IndexByte(s, '_') < 0 {
		return p.atlas.width(p.atlas.face(size, bold), s)
	}
	w := 0.0
	for s != "" {
		seg, sub, rest := ui.NextScript(s)
		w += p.atlas.width(p.atlas.face(scriptSize(size, sub), bold), seg)
		s = rest
	}
	return w
}

// scriptSize is the type size of a segment: smaller for a subscript.
func scriptSize(size float64, sub bool) float64 {
	if sub {
		return size * ui.SubscriptSize
	}
	return size
}

// Text draws s with the lecture's subscripts (ui.NextScript: ‖J_f‖_F,
// x̃_d) set smaller and lower.
func (p *Painter) Text(s string, x, y float64, st ui.TextStyle) {
	if s == "" {
		return
	}
	switch st.Align {
	case ui.Center:
		x -= p.TextWidth(s, st.Size, st.Bold) / 2
	case ui.Right:
		x -= p.TextWidth(s, st.Size, st.Bold)
	}
	if strings.IndexByte(s, '_') < 0 {
		p.run(s, x, y, st.Size, st)
		return
	}
	base := p.atlas.face(st.Size, st.Bold).baseline()
	for s != "" {
		seg, sub, rest := ui.NextScript(s)
		size := scriptSize(st.Size, sub)
		dy := 0.0
		if sub {
			// the subscript's baseline, SubscriptDrop em below the text's
			dy = base - p.atlas.face(size, st.Bold).baseline() + ui.SubscriptDrop*st.Size
		}
		x = p.run(seg, x, y+dy, size, st)
		s = rest
	}
}

// run draws s in one size from (x, y), the top of its line, and returns
// the pen's position after it.
func (p *Painter) run(s string, x, y, size float64, st ui.TextStyle) float64 {
	f := p.atlas.face(size, st.Bold)
	// Whole device pixels keep the glyphs as they were rasterised (at a
	// whole-pixel origin), edges sharp.
	pen := math.Round(x)
	base := math.Round(y) + f.baseline()
	prev := rune(-1)
	for _, r := range s {
		pen += f.kern(prev, r)
		g := p.atlas.glyph(f, r)
		if g.w > 0 {
			// Each glyph on whole device pixels keeps it crisp; the pen
			// keeps the fractional advances, so spacing stays even.
			gx, gy := math.Round(pen)+float64(g.dx), base+float64(g.dy)
			sx, sy, w, h := float64(g.x), float64(g.y), float64(g.w), float64(g.h)
			i := p.reserve(4)
			p.vertex(gx, gy, sx, sy, st.Color)
			p.vertex(gx+w, gy, sx+w, sy, st.Color)
			p.vertex(gx+w, gy+h, sx+w, sy+h, st.Color)
			p.vertex(gx, gy+h, sx, sy+h, st.Color)
			p.is = append(p.is, i, i+1, i+2, i, i+2, i+3)
		}
		pen += g.advance
		prev = r
	}
	return pen
}

func (p *Painter) TextBytes(b []byte, x, y float64, st ui.TextStyle) {
	if len(b) == 0 {
		return
	}
	p.Text(ui.BytesString(b), x, y, st) // glyphs are cached by rune: the view is not kept
}

// maxClips bounds the sub-image cache; a resize makes new rectangles.
const maxClips = 32

// Clip limits drawing to r until Unclip.
func (p *Painter) Clip(r ui.Rect) {
	p.Flush()
	rect := image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.Right())), int(math.Ceil(r.Bottom())))
	if p.clipsOf != p.dst || len(p.clips) > maxClips {
		p.clips, p.clipsOf = map[image.Rectangle]*ebiten.Image{}, p.dst
	}
	img, ok := p.clips[rect]
	if !ok {
		img = p.dst.SubImage(rect).(*ebiten.Image)
		p.clips[rect] = img
	}
	p.target = img
}

func (p *Painter) Unclip() {
	p.Flush()
	p.target = p.dst
}

func (p *Painter) flushShapes() {
	p.atlas.upload()
	if len(p.is) > 0 {
		if p.framed {
			p.warm(p.target)
		}
		p.target.DrawTriangles(p.vs, p.is, p.atlas.img, &p.opts)
	}
	p.vs, p.is = p.vs[:0], p.is[:0]
}

// warm grows ebiten's vertex and index scratch of img to the largest batch
// once, with a batch of degenerate triangles that draws nothing.
func (p *Painter) warm(img *ebiten.Image) {
	if p.warmed[img] {
		return
	}
	if p.warmed == nil || len(p.warmed) > 4*maxClips {
		p.warmed = map[*ebiten.Image]bool{}
	}
	if p.warmVs == nil {
		p.warmVs = make([]ebiten.Vertex, maxVertices)
		p.warmIs = make([]uint16, maxIndices-maxIndices%3)
	}
	img.DrawTriangles(p.warmVs, p.warmIs, p.atlas.img, &p.opts)
	p.warmed[img] = true
}

// maxCached bounds the cache of pictures; keys that no longer come back
// (old scene versions) are dropped when it is full.
const maxCached = 16

// Cached draws draw's picture of r, made once per key and size.
func (p *Painter) Cached(key any, r ui.Rect, draw func(ui.Canvas)) {
	w, h := int(math.Ceil(r.W)), int(math.Ceil(r.H))
	if w <= 0 || h <= 0 {
		return
	}
	p.flushShapes()
	e, ok := p.cache[key]
	if !ok || e.w != w || e.h != h {
		if p.cache == nil || len(p.cache) >= maxCached {
			for _, old := range p.cache {
				old.img.Deallocate()
			}
			p.cache = map[any]*cached{}
		}
		if ok {
			e.img.Deallocate()
		}
		e = &cached{img: ebiten.NewImage(w, h), w: w, h: h}
		p.cache[key] = e
		// draw into the picture, shifted so that r's corner is its origin
		target, dst := p.target, p.dst
		p.target, p.dst, p.ox, p.oy = e.img, e.img, math.Floor(r.X), math.Floor(r.Y)
		draw(p)
		p.flushShapes()
		p.target, p.dst, p.ox, p.oy = target, dst, 0, 0
	}
	p.imgOpts.GeoM.Reset()
	p.imgOpts.GeoM.Translate(math.Floor(r.X), math.Floor(r.Y))
	p.target.DrawImage(e.img, &p.imgOpts)
}

// Flush draws what is pending.
func (p *Painter) Flush() { p.flushShapes() }

var _ ui.Canvas = (*Painter)(nil)
