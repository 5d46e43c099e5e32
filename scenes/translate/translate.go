// Package translate is the scene of the lecture's first example of a
// manifold (slide "Example of manifold": "1-D manifold obtained by
// vertically translating image, in space of first 2 principal components,
// with tangent line (gray image)"; Goodfellow, Bengio & Courville, Deep
// Learning, Fig. 14.6): an MNIST digit moved by a continuous amount t,
// its orbit drawn as a curve in the plane of the orbit's first two
// principal components with thumbnails of I(t) along it, a marker at t
// with the tangent line there, and the tangent image ∂I/∂t, analytic and
// by finite differences, side by side. Beside them, the spectrum of the
// orbit (a curved manifold needs many components) and an autoencoder with
// a 1-unit code trained live on the orbit, against PCA with one and two
// components. The model is core/orbit.
package translate

import (
	"math"
	"strconv"

	"aelab/core/data"
	"aelab/core/orbit"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// config is what the parameters set.
type config struct {
	Image  int
	Kind   orbit.Kind
	Range  float64 // t runs over [−Range, Range]
	Blur   float64 // σ of the Gaussian, pixels
	T      float64 // the marker
	H      float64 // the finite difference's step
	LR     float64
	Hidden int
}

// samples is how many images of the orbit the curve, the PCA and the
// autoencoder use: a sample every 0.1 px over ±3 px, and enough at ±10
// px for the curve to look smooth (a sample every third of a pixel).
const samples = 61

// thumbs is how many thumbnails of I(t) sit along the curve.
const thumbs = 7

// The metrics, indices into Info.Metrics.
const (
	mExplained = iota
	mTangentCos
	mTangentPCCos
	mAE
	mPCA1
	mPCA2
)

// Scene is the translate scene.
type Scene struct {
	info scene.Info
	cfg  config

	pending *data.Pending
	images  *data.Images
	loadErr error

	seed   uint64
	an     *orbit.Analysis // nil until the digits are here
	ae     *orbit.Autoencoder
	marker orbit.Marker
	src    []float64 // the blurred digit
	codes  []float64 // the AE's code of each sample, for the inset

	// where things go (Layout)
	area, view, big, tan, fin ui.Rect
	spec, code                ui.Rect // the insets
	th                        *ui.Theme
	sc, thumb                 float64    // the plane's pixels per unit; a thumbnail's side
	mid                       [2]float64 // the point of the PC plane at the plane's centre

	pts []float64 // scratch for polylines
	buf []byte    // scratch for numbers
}

// New returns the scene at its defaults.
func New() *Scene {
	s := &Scene{
		cfg: config{Range: 3, Blur: 1, T: 1.5, H: 1, LR: orbit.DefaultAE.LR, Hidden: orbit.DefaultAE.Hidden},
	}
	c := &s.cfg
	move := func() { s.moveMarker() }
	s.info = scene.Info{
		ID: "translate", Tab: "Digit manifold",
		Title: "A translated image traces a curved 1-D manifold",
		Formula: []string{
			formula0[orbit.Vertical],
			"∂I/∂t = ∇B · ∂q/∂t   (grey 0, white +, black −)",
			"ĥ = f(I) ∈ ℝ¹,  Î = g(ĥ)   vs  PCA with 1, 2 PCs",
		},
		Text: "One digit moved by t is a curve in pixel space: its orbit. Drawn in the plane of its first two " +
			"principal components, the curve bends; drag the marker along it (or move t). The tangent image " +
			"∂I/∂t, computed from the image gradient, matches the difference of neighbouring images; projected, " +
			"it is the curve's direction. The larger the shift, the less variance two components hold: the " +
			"manifold is curved, and an autoencoder with a 1-unit code reconstructs it better than one principal component.",
		Slides: "lecture: Introduction · Example of manifold (Goodfellow et al., Fig. 14.6)",
		Params: param.NewSet(
			param.Bind(param.Spec{Name: "image", Label: "MNIST digit no.", Kind: param.Int, Min: 0, Max: 1999, Default: 0, Resets: true,
				Help: "which of the 2000 MNIST test images moves"}, &c.Image),
			param.Pick(param.Spec{Name: "transform", Label: "transform", Kind: param.Choice,
				Choices: []string{"vertical", "horizontal", "rotate"}, Labels: []string{"shift up", "shift right", "rotate"}, Resets: true,
				Help: "vertical: shifted up by t px; horizontal: right by t px; rotate: turned by t degrees"},
				&c.Kind, orbit.Vertical, orbit.Horizontal, orbit.Rotate),
			param.Bind(param.Spec{Name: "range", Label: "range ±R (px or °)", Min: 0.5, Max: 45, Default: 3, Log: true, Digits: 2, Resets: true,
				Help: "t runs over [−R, R], in pixels (shifts) or degrees (rotation)"}, &c.Range),
			param.Bind(param.Spec{Name: "blur", Label: "blur σ", Min: 0, Max: 3, Default: 1, Digits: 2, Unit: " px", Resets: true,
				Help: "Gaussian blur of the digit before it moves (Simard's tangent distance smooths first)"}, &c.Blur),
			param.Bind(param.Spec{Name: "t", Label: "marker t", Min: -45, Max: 45, Default: 1.5, Digits: 2,
				Help: "where the marker is on the orbit (kept within ±R); applies live"}, &c.T).Live(move),
			param.Bind(param.Spec{Name: "h", Label: "difference step h", Min: 0.01, Max: 4, Default: 1, Log: true, Digits: 2,
				Help: "the finite-difference tangent (I(t+h) − I(t−h)) / 2h; at a whole t with h = 1 it equals the gradient's exactly (cubic interpolation's slope at a pixel is the central difference); applies live"}, &c.H).Live(move),
			param.Bind(param.Spec{Name: "lr", Label: "AE learning rate η", Min: 1e-4, Max: 0.1, Default: orbit.DefaultAE.LR, Log: true, Digits: 2,
				Help: "Adam's step size for the 1-unit-code autoencoder; applies live"}, &c.LR).Live(func() {
				if s.ae != nil {
					s.ae.Trainer.Opt.SetLR(c.LR)
				}
			}),
			param.Bind(param.Spec{Name: "hidden", Label: "AE hidden units", Kind: param.Int, Min: 2, Max: 64, Default: float64(orbit.DefaultAE.Hidden), Log: true, Digits: 2, Resets: true,
				Help: "tanh units on each side of the 1-unit code: 784 → H → 1 → H → 784"}, &c.Hidden),
		),
		Metrics: []scene.Metric{
			mExplained:    {Name: "explained_2pc", Label: "variance in PC1–PC2", Digits: 3},
			mTangentCos:   {Name: "tangent_cos", Label: "|cos| ∂I/∂t vs difference", Digits: 3},
			mTangentPCCos: {Name: "tangent_pc_cos", Label: "|cos| P·∂I/∂t vs curve", Digits: 3},
			mAE:           {Name: "ae_mse", Label: "AE, 1-unit code: MSE", Digits: 3},
			mPCA1:         {Name: "pca1_mse", Label: "PCA, 1 component: MSE", Digits: 3},
			mPCA2:         {Name: "pca2_mse", Label: "PCA, 2 components: MSE", Digits: 3},
		},
		FloorTag: "PCA, 1 component",
		Insets:   scene.InsetRoom{N: 2, MinH: 90, MaxH: 170},
		Adjust:   s.adjust,
		Legend:   s.legend,
		Actions: []scene.Action{
			{Label: "previous digit", Run: func() { s.step(-1) }},
			{Label: "next digit", Run: func() { s.step(1) }},
		},
	}
	return s
}

// step shows the next or previous digit.
func (s *Scene) step(d int) {
	if set := s.info.Host.Set; set != nil {
		set("image", float64((s.cfg.Image+d+2000)%2000))
	}
}

// adjust keeps t within the range, and gives a rotation its own range
// and t (degrees) and a shift its own (pixels).
func (s *Scene) adjust(changed string) {
	ps := s.info.Params
	switch changed {
	case "transform":
		r, t := 3.0, 1.5
		if s.cfg.Kind == orbit.Rotate {
			r, t = 30, 10
		}
		ps.SetAt(ps.Index("range"), r)
		ps.SetAt(ps.Index("t"), t)
	case "range":
		ps.SetAt(ps.Index("t"), math.Max(-s.cfg.Range, math.Min(s.cfg.T, s.cfg.Range)))
	}
}

func (s *Scene) Info() *scene.Info { return &s.info }

// Reset builds the orbit, its PCA and a new autoencoder, once the digits
// are here; until then the scene waits (Info.Waiting) and shows how much
// has arrived.
func (s *Scene) Reset(seed uint64) {
	s.seed = seed
	s.an, s.ae = nil, nil
	if s.images == nil && s.pending == nil {
		s.pending = data.Start("mnist")
	}
	s.info.Formula[0] = formula0[s.cfg.Kind]
	s.poll()
	s.Measure()
}

// formula0 is the formula's first line for each transformation.
var formula0 = [...]string{
	orbit.Vertical:   "I(t)(x, y) = B(x, y + t),   B: the blurred digit",
	orbit.Horizontal: "I(t)(x, y) = B(x − t, y),   B: the blurred digit",
	orbit.Rotate:     "I(t)(p) = B(R₋ₜ p),   B: the blurred digit",
}

// poll takes the digits once they are here and builds the orbit.
func (s *Scene) poll() {
	if s.images == nil && s.pending != nil {
		im, err := s.pending.Poll()
		switch {
		case err != nil:
			if s.loadErr == nil && s.info.Host.Notice != nil {
				s.info.Host.Notice("The MNIST digits did not load: "+err.Error(), scene.Warning)
			}
			s.loadErr = err
			s.pending = nil // the next reset tries again
		case im != nil:
			s.images, s.pending, s.loadErr = im, nil, nil
		}
	}
	s.info.Waiting = s.images == nil && s.pending != nil
	if s.images != nil && s.an == nil {
		s.build()
	}
}

// build makes the orbit of the chosen digit, its PCA and the autoencoder.
func (s *Scene) build() {
	c := &s.cfg
	im := s.images
	n := min(max(c.Image, 0), im.N()-1)
	d := im.W * im.H
	if len(s.src) != d {
		s.src = make([]float64, d)
	}
	tmp := make([]float64, d)
	orbit.Blur(s.src, im.X.At(n), tmp, im.W, im.H, c.Blur)
	o := &orbit.Orbit{Src: orbit.Image{W: im.W, H: im.H, Pix: s.src}, Kind: c.Kind}
	s.an = orbit.Analyse(o, -c.Range, c.Range, samples)
	s.ae = orbit.NewAutoencoder(s.an, orbit.AEConfig{Hidden: c.Hidden, LR: c.LR, BatchSize: orbit.DefaultAE.BatchSize}, s.seed)
	s.codes = make([]float64, samples)
	if s.th != nil {
		s.fitPlane()
	}
	s.moveMarker()
	s.info.Floor = s.an.PCA.ReconstructionError(1)
}

// moveMarker puts the marker at t (within the range) with step h.
func (s *Scene) moveMarker() {
	if s.an == nil {
		return
	}
	t := math.Max(-s.cfg.Range, math.Min(s.cfg.T, s.cfg.Range))
	s.marker.Move(s.an, t, s.cfg.H)
	s.info.Metrics[mTangentCos].Value = s.marker.TangentCos
	s.info.Metrics[mTangentPCCos].Value = s.marker.TangentPCCos
}

func (s *Scene) Train(n int) (int, bool) {
	if s.ae == nil {
		s.poll()
		return 0, false // nothing to train until the digits are here
	}
	done, diverged := s.ae.Train(n)
	if diverged {
		s.info.Restored = s.ae.Trainer.Restored
	}
	return done, diverged
}

func (s *Scene) Measure() {
	s.poll()
	ms := s.info.Metrics
	if s.an == nil {
		s.info.Unmeasured()
		return
	}
	a := s.an
	ms[mExplained].Value = a.Explained(2)
	ms[mTangentCos].Value = s.marker.TangentCos
	ms[mTangentPCCos].Value = s.marker.TangentPCCos
	s.ae.Evaluate()
	ms[mAE].Value = s.ae.MSE()
	ms[mPCA1].Value = a.PCA.ReconstructionError(1)
	ms[mPCA2].Value = a.PCA.ReconstructionError(2)
	for i := range s.codes {
		s.codes[i] = s.ae.Code(i)
	}
	s.info.Loss, s.info.Floor = ms[mAE].Value, ms[mPCA1].Value
}

// Layout places the PC plane and the three images of the same size —
// I(t), ∂I/∂t and the difference — in whichever arrangement leaves the
// plane and the images the most room: a row below the plane, a column
// beside it, or two columns beside it; the spectrum and the code go in
// the App's insets.
func (s *Scene) Layout(r ui.Rect, th *ui.Theme) {
	s.area, s.th = r, th
	s.spec, s.code = ui.Rect{}, ui.Rect{}
	if len(s.info.InsetRects) >= 2 {
		s.spec, s.code = s.info.InsetRects[0], s.info.InsetRects[1]
	}
	lab := th.Px(22) // a caption over each image, a title over the plane
	g := th.Px(12)
	in := r.Inset(th.Px(8))
	type choice struct {
		tile  float64
		plane ui.Rect
		at    [3][2]float64 // the tiles' corners
	}
	score := func(c choice) float64 { return math.Min(math.Min(c.plane.W, c.plane.H), 2.5*c.tile) }
	var best choice
	// a row below
	{
		t := math.Max(0, math.Min((in.W-2*g)/3, in.H*0.34))
		pl := ui.Rect{X: in.X, Y: in.Y + lab, W: in.W, H: in.H - lab - t - lab - g}
		x0, y := in.X+(in.W-3*t-2*g)/2, in.Bottom()-t
		best = choice{t, pl, [3][2]float64{{x0, y}, {x0 + t + g, y}, {x0 + 2*(t+g), y}}}
	}
	// one column beside
	{
		t := math.Max(0, math.Min((in.H-3*lab-2*g)/3, in.W*0.3))
		x := in.Right() - t
		pl := ui.Rect{X: in.X, Y: in.Y + lab, W: in.W - t - g, H: in.H - lab}
		c := choice{t, pl, [3][2]float64{{x, in.Y + lab}, {x, in.Y + 2*lab + t + g}, {x, in.Y + 3*lab + 2*(t+g)}}}
		if score(c) > score(best) {
			best = c
		}
	}
	// two columns beside: I(t) above, the two tangents below
	{
		t := math.Max(0, math.Min((in.H-2*lab-g)/2, (in.W*0.48-g)/2))
		x := in.Right() - 2*t - g
		pl := ui.Rect{X: in.X, Y: in.Y + lab, W: in.W - 2*t - 2*g, H: in.H - lab}
		c := choice{t, pl, [3][2]float64{{x, in.Y + lab}, {x, in.Y + 2*lab + t + g}, {x + t + g, in.Y + 2*lab + t + g}}}
		if score(c) > score(best) {
			best = c
		}
	}
	s.view = best.plane
	rects := [3]*ui.Rect{&s.big, &s.tan, &s.fin}
	for i, p := range best.at {
		*rects[i] = ui.Rect{X: p[0], Y: p[1], W: best.tile, H: best.tile}
	}
	s.fitPlane()
}

// fitPlane maps the curve's bounding box, with room around it for the
// thumbnails, into the plane at one scale on both axes (angles on screen
// are the true angles in the PC plane).
func (s *Scene) fitPlane() {
	p := s.view
	s.thumb = math.Max(s.th.Px(22), math.Min(s.th.Px(60), 0.14*math.Min(p.W, p.H)))
	if s.an == nil {
		return
	}
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for i := 0; i < samples; i++ {
		for k := 0; k < 2; k++ {
			lo[k] = math.Min(lo[k], s.an.Coords[2*i+k])
			hi[k] = math.Max(hi[k], s.an.Coords[2*i+k])
		}
	}
	m := 1.5 * s.thumb
	w, h := math.Max(hi[0]-lo[0], 1e-9), math.Max(hi[1]-lo[1], 1e-9)
	s.sc = math.Max(1e-9, math.Min((p.W-2*m)/w, (p.H-2*m)/h))
	s.mid = [2]float64{(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2}
}

// screen returns where the point (c₁, c₂) of the PC plane is drawn.
func (s *Scene) screen(c1, c2 float64) (float64, float64) {
	p := s.view
	return p.X + p.W/2 + (c1-s.mid[0])*s.sc, p.Y + p.H/2 - (c2-s.mid[1])*s.sc
}

// Pointer moves the marker to the point of the curve nearest the
// pointer, while it is pressed in the PC plane.
func (s *Scene) Pointer(p *ui.Pointer, _ ui.Rect) bool {
	if s.an == nil || !p.Down {
		return false
	}
	if p.Pressed && !s.view.Contains(p.X, p.Y) {
		return false
	}
	best, bt := math.Inf(1), 0.0
	co := s.an.Coords
	for i := 0; i+1 < samples; i++ {
		x0, y0 := s.screen(co[2*i], co[2*i+1])
		x1, y1 := s.screen(co[2*i+2], co[2*i+3])
		dx, dy := x1-x0, y1-y0
		u := 0.0
		if l := dx*dx + dy*dy; l > 0 {
			u = math.Max(0, math.Min(1, ((p.X-x0)*dx+(p.Y-y0)*dy)/l))
		}
		if d := math.Hypot(x0+u*dx-p.X, y0+u*dy-p.Y); d < best {
			best, bt = d, s.an.T[i]+u*(s.an.T[i+1]-s.an.T[i])
		}
	}
	if p.Pressed && best > s.th.Px(60) {
		return false // not near the curve
	}
	if set := s.info.Host.Set; set != nil {
		set("t", math.Round(bt*100)/100)
	}
	return true
}

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	if s.an == nil {
		s.drawLoading(c, area, th)
		return
	}
	c.Clip(area)
	s.drawPlane(c, th)
	s.drawImages(c, th)
	c.Unclip()
	if s.spec.W > 0 {
		s.drawSpectrum(c, th)
	}
	if s.code.W > 0 {
		s.drawCode(c, th)
	}
}

// drawLoading says how much of the digits has arrived, or that they did
// not.
func (s *Scene) drawLoading(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	if s.loadErr != nil {
		c.Text("The MNIST digits did not load: press Reset to try again.", area.X+area.W/2, area.Y+area.H/2, ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.TextDim, Align: ui.Center})
		return
	}
	plot.Loading(c, area, th, "the MNIST digits", s.pending, &s.buf)
}

// unit is the unit of t as shown.
func (s *Scene) unit() string {
	if s.cfg.Kind == orbit.Rotate {
		return "°"
	}
	return " px"
}

// drawPlane draws the orbit in the PC1–PC2 plane: the curve, thumbnails
// of I(t) along it, the marker and the tangent line there.
func (s *Scene) drawPlane(c ui.Canvas, th *ui.Theme) {
	a, m, p := s.an, &s.marker, s.view
	title := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text, Bold: true}
	text := "the orbit {I(t)} on PC1 and PC2"
	if c.TextWidth(text, title.Size, true) > p.W {
		text, title.Size = "orbit on PC1, PC2", th.Font(ui.SizeSmall)
	}
	c.Text(text, p.X, p.Y-th.Px(22), title)
	// the axes through the orbit's mean, where they cross the plane
	ox, oy := s.screen(0, 0)
	if oy >= p.Y && oy <= p.Bottom() {
		c.Line(p.X, oy, p.Right(), oy, th.Px(1.2), th.Axis)
	}
	if ox >= p.X && ox <= p.Right() {
		c.Line(ox, p.Y, ox, p.Bottom(), th.Px(1.2), th.Axis)
	}
	// thumbnails beside the curve, across it on the side away from the
	// plane's middle unless that side is taken by one already placed (the
	// ends of a long orbit curl towards each other), joined to their point
	side := s.thumb
	cx0, cy0 := p.X+p.W/2, p.Y+p.H/2
	var placed [thumbs][2]float64
	for k := 0; k < thumbs; k++ {
		i := k * (samples - 1) / (thumbs - 1)
		px, py := s.screen(a.Coords[2*i], a.Coords[2*i+1])
		x0, y0 := s.screen(a.Coords[2*max(i-1, 0)], a.Coords[2*max(i-1, 0)+1])
		x1, y1 := s.screen(a.Coords[2*min(i+1, samples-1)], a.Coords[2*min(i+1, samples-1)+1])
		dx, dy := y1-y0, x0-x1 // the curve's normal
		if dx*(px-cx0)+dy*(py-cy0) < 0 {
			dx, dy = -dx, -dy
		}
		l := math.Hypot(dx, dy)
		if l < 1e-9 {
			dx, dy, l = 0, -1, 1
		}
		off := side * 0.95 / l
		room := func(x, y float64) float64 {
			d := math.Inf(1)
			for _, q := range placed[:k] {
				d = math.Min(d, math.Max(math.Abs(q[0]-x), math.Abs(q[1]-y)))
			}
			return d
		}
		cx, cy := px+dx*off, py+dy*off
		if ix, iy := px-dx*off, py-dy*off; room(cx, cy) < side*1.05 && room(ix, iy) > room(cx, cy) {
			cx, cy = ix, iy
		}
		placed[k] = [2]float64{cx, cy}
		c.Line(px, py, cx, cy, th.Px(1), th.Noise)
		plot.Gray(c, ui.Rect{X: cx - side/2, Y: cy - side/2, W: side, H: side}, a.X.At(i), 0, 1, th)
	}
	// the axes' names, over the thumbnails
	dim := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right}
	if oy >= p.Y && oy <= p.Bottom() {
		w := c.TextWidth("PC1", dim.Size, false)
		c.FillRect(ui.Rect{X: p.Right() - w - th.Px(4), Y: oy + th.Px(2), W: w + th.Px(4), H: dim.Size * 1.2}, th.Bg)
		c.Text("PC1", p.Right()-th.Px(2), oy+th.Px(3), dim)
	}
	if ox >= p.X && ox <= p.Right() {
		dim.Align = ui.Left
		w := c.TextWidth("PC2", dim.Size, false)
		c.FillRect(ui.Rect{X: ox + th.Px(3), Y: p.Y, W: w + th.Px(4), H: dim.Size * 1.2}, th.Bg)
		c.Text("PC2", ox+th.Px(5), p.Y, dim)
	}
	// the curve
	s.pts = s.pts[:0]
	for i := 0; i < samples; i++ {
		px, py := s.screen(a.Coords[2*i], a.Coords[2*i+1])
		s.pts = append(s.pts, px, py)
	}
	c.Polyline(s.pts, th.Px(3), th.Data)
	for k := 0; k < thumbs; k++ {
		i := k * (samples - 1) / (thumbs - 1)
		c.Circle(s.pts[2*i], s.pts[2*i+1], th.Px(3.5), th.Data)
	}
	// the tangent line at the marker, P·∂I/∂t
	mx, my := s.screen(m.C1, m.C2)
	if l := math.Hypot(m.Dir[0], m.Dir[1]); l > 0 {
		L := math.Min(p.W, p.H) * 0.2
		ux, uy := m.Dir[0]/l*L, -m.Dir[1]/l*L
		c.Line(mx-ux, my-uy, mx+ux, my+uy, th.Px(3), th.Model)
	}
	c.Circle(mx, my, th.Px(7), th.Model)
	c.Circle(mx, my, th.Px(3.5), th.Bg)
	c.Text("drag along the curve", p.Right(), p.Bottom()-th.Px(16),
		ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right})
}

// legend names what the plane shows.
func (s *Scene) legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow {
	return append(rows,
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Data, Text: "orbit I(t), −R ≤ t ≤ R"},
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Model, Text: "marker at t, tangent P·∂I/∂t"})
}

// caption writes b over the image r if it fits, else short.
func caption(c ui.Canvas, r ui.Rect, th *ui.Theme, b []byte, short string) {
	st := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.Text, Bold: true}
	y := r.Y - th.Px(19)
	if c.TextWidth(ui.BytesString(b), st.Size, true) <= r.W+th.Px(10) {
		c.TextBytes(b, r.X, y, st)
		return
	}
	c.Text(short, r.X, y, st)
}

// drawImages draws I(t) and the tangent image, analytic and by
// differences, in one grey scale (grey = 0, white +, black −).
func (s *Scene) drawImages(c ui.Canvas, th *ui.Theme) {
	m := &s.marker
	s.buf = append(s.buf[:0], "I(t), t = "...)
	s.buf = strconv.AppendFloat(s.buf, m.T, 'f', 2, 64)
	s.buf = append(s.buf, s.unit()...)
	caption(c, s.big, th, s.buf, "I(t)")
	plot.Gray(c, s.big, m.Image, 0, 1, th)
	scale := math.Max(plot.MaxAbs(m.Tangent), plot.MaxAbs(m.Finite))
	s.buf = append(s.buf[:0], "∂I/∂t (gradient)"...)
	caption(c, s.tan, th, s.buf, "∂I/∂t")
	plot.Tile(c, s.tan, m.Tangent, scale, th)
	s.buf = append(s.buf[:0], "difference, h = "...)
	s.buf = strconv.AppendFloat(s.buf, m.H, 'g', 2, 64)
	caption(c, s.fin, th, s.buf, "difference")
	plot.Tile(c, s.fin, m.Finite, scale, th)
}

// drawSpectrum draws the fraction of the orbit's variance on each of the
// first principal components, PC1 and PC2 in the curve's colour.
func (s *Scene) drawSpectrum(c ui.Canvas, th *ui.Theme) {
	a := plot.Inset(c, s.spec, th, "variance per principal component")
	const k = 12
	total := s.an.Total()
	if total <= 0 {
		return
	}
	bw := a.W / k
	for i := 0; i < k && i < len(s.an.PCA.Vars); i++ {
		f := s.an.PCA.Vars[i] / total
		h := f * a.H
		col := th.Noise
		if i < 2 {
			col = th.Data
		}
		c.FillRect(ui.Rect{X: a.X + float64(i)*bw + bw*0.15, Y: a.Bottom() - h, W: bw * 0.7, H: h}, col)
	}
	c.Line(a.X, a.Bottom(), a.Right(), a.Bottom(), th.Px(1), th.Axis)
	st := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim}
	c.Text("1", a.X+bw*0.3, a.Bottom()+th.Px(1), st)
	st.Align = ui.Right
	s.buf = strconv.AppendInt(s.buf[:0], k, 10)
	c.TextBytes(s.buf, a.Right()-bw*0.2, a.Bottom()+th.Px(1), st)
	s.buf = append(s.buf[:0], "PC1+PC2: "...)
	s.buf = strconv.AppendFloat(s.buf, 100*s.an.Explained(2), 'f', 1, 64)
	s.buf = append(s.buf, '%')
	c.TextBytes(s.buf, a.Right(), a.Y, ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.Text, Align: ui.Right})
}

// drawCode draws the autoencoder's code of each sample against its t: a
// monotone curve when the 1-D code has unrolled the orbit.
func (s *Scene) drawCode(c ui.Canvas, th *ui.Theme) {
	a := plot.Inset(c, s.code, th, "AE code f(I(t)) against t")
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range s.codes {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if !(hi > lo) {
		hi, lo = lo+1, lo-1
	}
	s.pts = s.pts[:0]
	for i, v := range s.codes {
		x := a.X + a.W*float64(i)/float64(len(s.codes)-1)
		y := a.Bottom() - (v-lo)/(hi-lo)*a.H
		s.pts = append(s.pts, x, y)
	}
	c.Line(a.X, a.Bottom(), a.Right(), a.Bottom(), th.Px(1), th.Axis)
	c.Polyline(s.pts, th.Px(2.5), th.Model)
	// the marker's t
	u := (s.marker.T - s.an.Lo) / (s.an.Hi - s.an.Lo)
	c.Line(a.X+u*a.W, a.Y, a.X+u*a.W, a.Bottom(), th.Px(1.5), th.Noise)
	st := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim}
	s.buf = append(s.buf[:0], "−R"...)
	c.TextBytes(s.buf, a.X, a.Bottom()+th.Px(1), st)
	st.Align = ui.Right
	c.Text("t = R", a.Right(), a.Bottom()+th.Px(1), st)
}

// Marker returns the marker as last moved (tests).
func (s *Scene) Marker() *orbit.Marker { return &s.marker }

// Analysis returns the orbit as built, nil while the digits load (tests).
func (s *Scene) Analysis() *orbit.Analysis { return s.an }

// Screen returns where the point (c₁, c₂) of the PC plane is drawn (tests).
func (s *Scene) Screen(c1, c2 float64) (float64, float64) { return s.screen(c1, c2) }
