// Package contractive is the scene of the contractive autoencoder on a 1-D
// manifold (lecture: "Contractive autoencoders", "Contractive autoencoders
// and manifolds", "Contractive vs. denoising autoencoders", "Caveat"): the
// Jacobian J_f(x) drawn as an ellipse whose axes are its singular values and
// right singular vectors, long along the tangent and thin across it; the
// trade-off λ sets between reconstruction and contraction, as a sweep of
// models over λ; the encoder and decoder norms that run away without tied
// weights or a norm constraint; and, side by side, a denoising autoencoder
// with small noise. The models are core/contractive and core/denoise.
package contractive

import (
	"math"
	"strconv"

	cae "aelab/core/contractive"
	"aelab/core/data"
	dae "aelab/core/denoise"
	"aelab/core/manifold"
	"aelab/core/nn"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// Scene is the contractive scene.
type Scene struct {
	info    scene.Info
	cfg     cae.Config // bound to the parameters
	compare bool       // view: the CAE beside a DAE (bound)
	noise   float64    // the comparison DAE's σ (bound)
	model   *cae.Model
	dae     *dae.Model // the comparison, in the side-by-side view
	drawer  plot.Drawer
	// what Draw formats: λ and σ as the panel shows them
	lambdaFmt, noiseFmt param.Spec
	drawn, refused      func(why string) // the drawer's reports to the Host

	// where the Jacobian is drawn: points along the curve (the first
	// onCurve, with their unit tangents) and a sparse grid off it
	glyphAt *data.Set
	tangent []float64
	onCurve int
	glyphs  []cae.SVD2 // of the CAE, at glyphAt
	daeGlyp []cae.SVD2 // of the DAE's encoder, side by side
	// what sets the ellipses' scale, for each model, and their largest
	// half-axis (data units)
	glyphTop, daeTop float64 // mean S1 along the curve
	glyphHalf        float64
	arrows           *data.Set // field arrows, side by side
	field            []float64 // CAE's r(x) − x at arrows
	daeFld           []float64 // DAE's g(f(x)) − x at arrows
	rec              [2]float64

	// the trade-off the slide names, computed: one model per λ of a
	// ladder, trained beside the one shown (CAE view only)
	sweep *cae.Sweep

	// the metrics of each view: the CAE's, and side by side the DAE's
	// encoder measured the same way
	cmpMetrics, caeMetrics []scene.Metric

	// the CAE view's data part and insets: with the norms' plot (the
	// caveat: untied and free) or the trade-off alone
	dataR, tradeR, normR ui.Rect
	dataR1, tradeR1      ui.Rect
	v1                   plot.View2D
	lr, rr               ui.Rect // side by side: the two panels
	v, vl, vr            plot.View2D
	pts                  []float64
	buf                  []byte
}

const (
	glyphGap      = 0.5  // Jacobian ellipses along the curve, data units apart
	glyphSpacing  = 0.5  // and on a grid off it
	compareArrows = 0.25 // arrow spacing side by side
	ellipseSides  = 28   // segments of an ellipse's outline
	titleBand     = 34   // side by side: the titles' band above the panels, px
)

// New returns the scene at its defaults.
func New() *Scene {
	s := &Scene{
		cfg:   cae.Default,
		noise: 0.1,
		v:     plot.View2D{Half: manifold.Window},
		vl:    plot.View2D{Half: manifold.Window},
		vr:    plot.View2D{Half: manifold.Window},
		v1:    plot.View2D{Half: manifold.Window},
	}
	s.drawer = plot.NewDrawer()
	s.drawn = func(why string) { s.info.Host.Reset(why) }
	s.refused = func(why string) { s.info.Host.Notice(why, scene.Warning) }
	c, d := &s.cfg, cae.Default
	lambda := param.Bind(param.Spec{Name: "lambda", Label: "penalty λ", Min: 1e-4, Max: 3, Default: d.Lambda, Log: true, Digits: 2,
		Help: "weight of ‖J_f‖²_F; applies live"}, &c.Lambda).Live(func() { s.model.SetLambda(c.Lambda) })
	noise := param.Bind(param.Spec{Name: "noise", Label: "DAE noise σ", Min: 0.01, Max: 0.5, Default: s.noise, Digits: 2,
		Help: "the comparison DAE's Gaussian noise; applies live"}, &s.noise).Live(func() {
		if s.dae != nil {
			s.dae.SetNoise(s.noise)
		}
	})
	s.lambdaFmt, s.noiseFmt = lambda, noise
	s.info = scene.Info{
		ID: "contractive", Tab: "Contractive",
		Title: "Contractive autoencoder: the Jacobian follows the manifold",
		Formula: []string{
			"Σₙ ‖g(f(xₙ)) − xₙ‖² + λ‖J_f(xₙ)‖²_F → min",
			"‖J_f(x)‖²_F = Σₖ Σ_d (∂fₖ(x)/∂x_d)²",
			"f(x) = tanh(Wx + b),  g(h) = Wᵀh + c",
		},
		Text:   caeText,
		Speed:  defaultSpeed,
		Slides: "lecture: Contractive autoencoders · and manifolds · Caveat",
		Params: param.NewSet(
			param.Bind(param.Spec{Name: "data", Label: "manifold", Kind: param.Choice, Choices: manifold.Names,
				Labels: []string{"circle", "sine", "spiral", "arcs", "draw"}, Resets: true,
				Help: "the 1-D manifold; a one-layer tied CAE follows the circle best; draw: drag in the plot"}, &c.Manifold),
			lambda,
			param.Bind(param.Spec{Name: "tied", Label: "tied weights g(h) = Wᵀh + c", Kind: param.Bool, Default: boolValue(d.Tied), Resets: true,
				Help: "tie the decoder to the encoder: the slide's way out of the caveat"}, &c.Tied),
			param.Bind(param.Spec{Name: "rownorm", Label: "encoder row norm a", Min: 0, Max: 12, Default: d.RowNorm, Digits: 1, Resets: true,
				Help: "untied: each row of W held at ‖W_k‖ = a, sharp units that contract across the curve; 0: free (the caveat)"}, &c.RowNorm),
			param.Pick(param.Spec{Name: "act", Label: "encoder units", Kind: param.Choice, Choices: []string{"tanh", "sigmoid"}, Resets: true,
				Help: "the encoder's activation"}, &c.Act, nn.Tanh, nn.Sigmoid),
			param.Bind(param.Spec{Name: "hidden", Label: "hidden units", Kind: param.Int, Min: 2, Max: 64, Default: float64(d.Hidden), Resets: true,
				Help: "code size H"}, &c.Hidden),
			param.Bind(param.Spec{Name: "lr", Label: "learning rate η", Min: 1e-4, Max: 0.1, Default: d.LR, Log: true, Digits: 2,
				Help: "Adam's step size; applies live"}, &c.LR).Live(func() {
				s.model.SetLR(c.LR)
				if s.dae != nil {
					s.dae.SetLR(c.LR)
				}
			}),
			param.Pick(param.Spec{Name: "view", Label: "view", Kind: param.Choice, Choices: []string{"cae", "compare"},
				Labels: []string{"CAE", "CAE | DAE"}, Resets: true,
				Help: "the CAE alone, or beside a denoising autoencoder with small noise σ"}, &s.compare, false, true),
			noise,
		),
		Legend: s.legend,
	}
	s.cmpMetrics = []scene.Metric{
		{Name: "tangent_alignment", Label: "|cos| top direction, tangent", Digits: 3},
		{Name: "jacobian_fro", Label: "mean ‖J_f(x)‖_F", Digits: 3},
		{Name: "mse", Label: "reconstruction MSE", Digits: 3},
		{Name: "contraction", Label: "contraction S₂/S₁", Digits: 3},
		{Name: "enc_norm", Label: "‖W_enc‖_F", Digits: 3},
		{Name: "dec_norm", Label: "‖W_dec‖_F", Digits: 3},
		{Name: "dae_tangent_alignment", Label: "DAE: |cos| top direction, tangent", Digits: 3},
		{Name: "dae_contraction", Label: "DAE: contraction S₂/S₁", Digits: 3},
	}
	s.caeMetrics = s.cmpMetrics[:6]
	s.info.Metrics = s.caeMetrics
	return s
}

// defaultSpeed is the scene's opening steps per frame: cae.Default
// contracts within 5400 steps (core/contractive's tests), 180 frames at
// 30; a frame's 30 steps of 32 units cost about 0.5 ms natively, and the
// λ sweep as much again.
const defaultSpeed = 30

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (s *Scene) Info() *scene.Info { return &s.info }

// The paragraph under the formula: the CAE's picture and its caveat, or
// the comparison with a denoising autoencoder (lecture: "DAE ≈ CAE";
// Alain & Bengio 2014).
const (
	caeText = "The penalty leaves the code sensitive to x only along the manifold. Each ellipse is J_f(x): " +
		"its long axis, green when it follows the tangent, is where f is sensitive; its short blue axis, " +
		"across the curve, is contracted (S₂/S₁ small). Rows held at norm a block the caveat f → εf, " +
		"g → g/ε. Where the curve bends more sharply than a unit is wide (the sine's crests, the arcs' " +
		"ends), the long axis strays from the tangent: |cos| 0.8–0.9, against 0.99 on the circle."
	compareText = "For small noise a denoising autoencoder behaves like a contractive one (Alain & Bengio). " +
		"Left the CAE, right a DAE on the same points: its encoder, never told to contract, is also most " +
		"sensitive along the tangent (S₂/S₁ in the readouts)."
)

func (s *Scene) Reset(seed uint64) {
	c := s.cfg
	curve := s.drawer.Curve
	if c.Manifold != "drawn" {
		var err error
		if curve, err = manifold.Named(c.Manifold); err != nil {
			panic(err) // the names come from manifold.Names
		}
	}
	s.model = cae.NewOn(c, curve, seed)
	tied := "g(h) = Wᵀh + c"
	switch {
	case !c.Tied && c.RowNorm > 0:
		tied = "‖W_k‖ = " + s.info.Params.Spec("rownorm").Show(c.RowNorm) + ",  g(h) = Vh + c"
	case !c.Tied:
		tied = "g(h) = Vh + c (untied, free)"
	}
	s.info.Formula[2] = "f(x) = " + c.Act.String() + "(Wx + b),  " + tied
	s.info.Text = caeText
	if s.compare {
		s.info.Text = compareText
	}
	// the readouts go out of the way of the side-by-side titles
	s.info.ReadoutsAtBottom = s.compare
	s.info.Unused = s.info.Unused[:0]
	if !s.compare {
		s.info.Unused = append(s.info.Unused, "noise")
	}
	if c.Tied {
		s.info.Unused = append(s.info.Unused, "rownorm")
	}
	s.info.Metrics = s.caeMetrics
	// room of their own for the small plots: the trade-off, and the
	// weight norms where the caveat can happen; none side by side
	switch {
	case s.compare:
		s.info.Insets = scene.InsetRoom{}
	case s.showNorms():
		s.info.Insets = scene.InsetRoom{N: 2, MinH: 90, MaxH: 170}
	default:
		s.info.Insets = scene.InsetRoom{N: 1, MinH: 90, MaxH: 240}
	}
	s.dae, s.sweep = nil, nil
	if !s.compare {
		s.sweep = cae.NewSweep(c, curve, seed)
	}
	if s.compare {
		s.info.Metrics = s.cmpMetrics
		d := dae.Default
		d.Points, d.Hidden, d.Depth, d.Noise, d.LR = c.Points, c.Hidden, 1, s.noise, c.LR
		m, err := dae.New(d, curve, seed)
		if err != nil {
			panic(err)
		}
		copy(m.Data.X, s.model.Data.X) // the same data as the CAE
		s.dae = m
	}
	s.placeGlyphs(curve)
	s.Measure()
}

// placeGlyphs puts Jacobian ellipses along the curve, glyphGap apart, and
// on a grid off it; each is at most 0.4 of the gap long either way, so
// that neighbours never touch and the curve shows between them.
func (s *Scene) placeGlyphs(curve *manifold.Curve) {
	const half = manifold.Window
	var pts, tan []float64
	on := max(8, int(curve.Length/glyphGap))
	for i := 0; i < on; i++ {
		x, y, tx, ty := curve.At(curve.Length * (float64(i) + 0.5) / float64(on))
		pts = append(pts, x, y)
		tan = append(tan, tx, ty)
	}
	s.glyphHalf = 0.4 * curve.Length / float64(on)
	for y := -half + glyphSpacing/2; y < half; y += glyphSpacing {
		for x := -half + glyphSpacing/2; x < half; x += glyphSpacing {
			if _, _, _, _, d := curve.Nearest(x, y); d > 0.2 {
				pts = append(pts, x, y)
			}
		}
	}
	s.glyphAt = &data.Set{N: len(pts) / 2, D: 2, X: pts}
	s.tangent, s.onCurve = tan, on
	s.glyphs = make([]cae.SVD2, s.glyphAt.N)
	s.daeGlyp = make([]cae.SVD2, s.glyphAt.N)
	var arrows []float64
	for y := -half + compareArrows/2; y < half; y += compareArrows {
		for x := -half + compareArrows/2; x < half; x += compareArrows {
			arrows = append(arrows, x, y)
		}
	}
	s.arrows = &data.Set{N: len(arrows) / 2, D: 2, X: arrows}
	s.field = make([]float64, len(arrows))
	s.daeFld = make([]float64, len(arrows))
}

func (s *Scene) Train(n int) (int, bool) {
	done, diverged := s.model.Train(n)
	if s.sweep != nil {
		// as many steps as the model shown, in turns of a frame's
		s.sweep.Train(done, defaultSpeed)
	}
	if diverged {
		s.info.Restored = s.model.Trainer.Restored
	}
	if s.dae != nil && done > 0 {
		if _, d := s.dae.Train(done); d {
			if !diverged || s.dae.Trainer.Restored < s.info.Restored {
				s.info.Restored = s.dae.Trainer.Restored
			}
			diverged = true
		}
	}
	return done, diverged
}

func (s *Scene) Measure() {
	m, ms := s.model, s.info.Metrics
	r := m.Measure()
	ms[0].Value, ms[1].Value, ms[2].Value = r.TangentAlignment, r.JacobianFro, r.MSE
	ms[3].Value, ms[4].Value, ms[5].Value = r.Contraction, r.EncNorm, r.DecNorm
	s.info.Loss = r.MSE + m.CAE.Lambda*r.Penalty
	for i := 0; i < s.glyphAt.N; i++ {
		s.glyphs[i] = m.CAE.JacobianSVD(s.glyphAt.At(i))
	}
	s.glyphTop = meanS1(s.glyphs[:s.onCurve])
	if s.dae == nil {
		return
	}
	for k := 0; k < s.arrows.N; k++ {
		x := s.arrows.At(k)
		m.CAE.Reconstruct(s.rec[:], x)
		s.field[2*k], s.field[2*k+1] = s.rec[0]-x[0], s.rec[1]-x[1]
	}
	s.dae.Field(s.daeFld, s.arrows)
	ly := &s.dae.Net.Layers[0]
	for i := 0; i < s.glyphAt.N; i++ {
		s.daeGlyp[i] = cae.EncoderSVD(ly, s.glyphAt.At(i))
	}
	s.daeTop = meanS1(s.daeGlyp[:s.onCurve])
	ms[6].Value, ms[7].Value = cae.LayerAlignment(ly, m.Curve, cae.AlignmentPoints)
}

// meanS1 is the mean S1 of glyphs (1 if it is not positive): the singular
// value drawn as the longest half-axis, glyphHalf, so that the ellipses
// on the curve are as long as their spacing allows and a larger S1 (off
// the curve, say) is drawn at that length too.
func meanS1(glyphs []cae.SVD2) float64 {
	m := 0.0
	for _, g := range glyphs {
		m += g.S1
	}
	m /= float64(max(len(glyphs), 1))
	if !(m > 0) || math.IsInf(m, 0) {
		return 1
	}
	return m
}

// Layout fits the data to the plot and takes the trade-off and norm plots'
// rectangles from the App (Info.InsetRects); side by side, the CAE and the
// DAE are two squares under their titles.
func (s *Scene) Layout(area ui.Rect, th *ui.Theme) {
	// the trade-off and norm plots have room of their own (Info.Insets)
	var insets [2]ui.Rect
	copy(insets[:], s.info.InsetRects)
	s.dataR = area
	s.tradeR, s.normR = insets[0], insets[1]
	s.v.Fit(s.dataR)
	s.dataR1, s.tradeR1 = area, insets[0]
	s.v1.Fit(s.dataR1)
	s.lr, s.rr = compareRects(area, th)
	s.vl.Fit(s.lr)
	s.vr.Fit(s.rr)
}

// compareRects places the side-by-side panels: two squares under the
// titles' band, as large as the plot allows, centred (the App keeps the
// readouts and the legend in room of their own, off the plot).
func compareRects(area ui.Rect, th *ui.Theme) (l, r ui.Rect) {
	top, gap := th.Px(titleBand), th.Px(12)
	side := math.Max(1, math.Min((area.W-gap)/2, area.H-top))
	x := area.X + (area.W-2*side-gap)/2
	l = ui.Rect{X: x, Y: area.Y + top, W: side, H: side}
	r = ui.Rect{X: x + side + gap, Y: l.Y, W: side, H: side}
	return l, r
}

func (s *Scene) Pointer(p *ui.Pointer, area ui.Rect) bool {
	if s.cfg.Manifold != "drawn" {
		return false
	}
	return s.drawer.Follow(p, s.activeView(), s.drawn, s.refused)
}

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	c.Clip(area)
	if s.dae != nil {
		left, right := s.lr, s.rr
		s.panel(c, &s.vl, left, th, s.field, s.glyphs, s.glyphTop)
		s.panel(c, &s.vr, right, th, s.daeFld, s.daeGlyp, s.daeTop)
		ty := left.Y - th.Px(titleBand) + th.Px(4)
		s.title(c, th, left, ty, "contractive, λ = ", "CAE, λ = ", &s.lambdaFmt, s.cfg.Lambda)
		s.title(c, th, right, ty, "denoising, σ = ", "DAE, σ = ", &s.noiseFmt, s.noise)
	} else {
		s.panel(c, s.activeView(), area, th, nil, s.glyphs, s.glyphTop)
	}
	s.drawer.DrawStroke(c, s.activeView(), th, &s.pts)
	c.Unclip()
	switch {
	case s.dae != nil:
	case s.showNorms() && s.tradeR.W > 0:
		s.drawTrade(c, th, s.tradeR)
		s.drawNorms(c, th)
	case !s.showNorms() && s.tradeR1.W > 0:
		s.drawTrade(c, th, s.tradeR1)
	}
	if s.cfg.Manifold == "drawn" {
		plot.Hint(c, area, th, "drag in the plot to draw a new curve")
	}
}

// title sets a panel's title centred over r at y: long, or where that
// does not fit short, in heading type or where that does not fit smaller.
func (s *Scene) title(c ui.Canvas, th *ui.Theme, r ui.Rect, y float64, long, short string, f *param.Spec, v float64) {
	head := ui.TextStyle{Size: th.Font(ui.SizeHeading), Color: th.Text, Bold: true, Align: ui.Center}
	for _, size := range [2]float64{ui.SizeHeading, ui.SizeBody} {
		head.Size = th.Font(size)
		for _, t := range [2]string{long, short} {
			s.buf = f.AppendShow(append(s.buf[:0], t...), v)
			if c.TextWidth(ui.BytesString(s.buf), head.Size, true) <= r.W {
				c.TextBytes(s.buf, r.X+r.W/2, y, head)
				return
			}
		}
	}
	c.TextBytes(s.buf, r.X+r.W/2, y, head)
}

func (s *Scene) activeView() *plot.View2D {
	switch {
	case s.dae != nil:
		return &s.vl
	case !s.showNorms():
		return &s.v1
	}
	return &s.v
}

// showNorms reports whether the norms' plot is drawn: where the caveat can
// show, untied weights with no norm constraint (tied, the two norms are one
// curve; held, ‖W‖_F is fixed and the plot would be one flat line).
func (s *Scene) showNorms() bool { return !s.cfg.Tied && s.cfg.RowNorm == 0 }

// arrowColor is the colour of a field arrow of length l, side by side.
func arrowColor(l float64) ui.Color { return plot.FieldColor(l).Alpha(0.75) }

// panel draws one model: grid, training points, its field (when given),
// its Jacobian ellipses (top the largest S1 along the curve) and the
// manifold over them.
func (s *Scene) panel(c ui.Canvas, v *plot.View2D, r ui.Rect, th *ui.Theme, field []float64, glyphs []cae.SVD2, top float64) {
	c.Clip(r)
	v.Grid(c, r, th)
	plot.Crosses(c, v, s.model.Data, th.Px(2.2), th.Px(1.2), th.Recon.Alpha(0.35))
	if field != nil {
		plot.Arrows(c, v, s.arrows, field, compareArrows, th.Px(1.4), th.Px(5), arrowColor)
	}
	plot.Curve(c, v, s.model.Curve, th.Px(2), th.Text.Alpha(0.8), &s.pts)
	scale := s.glyphHalf / top // data units per unit of singular value
	if field != nil {
		// side by side the field shows what happens off the curve, and
		// the ellipses there would crowd it out
		glyphs = glyphs[:s.onCurve]
	}
	for i, g := range glyphs {
		x := s.glyphAt.At(i)
		if i >= s.onCurve { // off the curve, lighter: no tangent to follow
			s.ellipse(c, v, x[0], x[1], g, scale, 0.7*s.glyphHalf, th, th.Noise, 0.35)
			continue
		}
		col := alignColor(th, math.Abs(g.V1[0]*s.tangent[2*i]+g.V1[1]*s.tangent[2*i+1]))
		s.ellipse(c, v, x[0], x[1], g, scale, s.glyphHalf, th, col, 1)
	}
	c.Unclip()
}

// alignColor runs from the model colour (a direction unrelated to the
// tangent, |cos| ≤ 0.7) to the reference green (|cos| = 1).
func alignColor(th *ui.Theme, cos float64) ui.Color {
	t := float32(math.Max(0, math.Min(1, (cos-0.7)/0.3)))
	return th.Model.Mix(th.Reference, t)
}

// ellipse draws J_f at (x, y) as the ellipse of half-axes S1·v1 and S2·v2
// (times scale, each at most lim): a translucent fill with an
// outline, the long axis in col (green along the tangent) and the short,
// contracted one in the data's blue; alpha lightens the whole glyph.
func (s *Scene) ellipse(c ui.Canvas, v *plot.View2D, x, y float64, g cae.SVD2, scale, lim float64, th *ui.Theme, col ui.Color, alpha float32) {
	a := math.Min(g.S1*scale, lim)
	b := math.Min(g.S2*scale, lim)
	if !(a > 0) { // J = 0 or not a number: nothing to draw
		return
	}
	px := v.Scale()
	if a*px < th.Px(1.5) {
		cx, cy := v.Screen(x, y)
		c.Circle(cx, cy, th.Px(1.5), col.Alpha(0.6*alpha))
		return
	}
	s.pts = s.pts[:0]
	for k := 0; k < ellipseSides; k++ {
		sn, cs := math.Sincos(2 * math.Pi * float64(k) / ellipseSides)
		ex := x + a*cs*g.V1[0] + b*sn*g.V2[0]
		ey := y + a*cs*g.V1[1] + b*sn*g.V2[1]
		sx, sy := v.Screen(ex, ey)
		s.pts = append(s.pts, sx, sy)
	}
	c.Polygon(s.pts, col.Alpha(0.18*alpha))
	s.pts = append(s.pts, s.pts[0], s.pts[1])
	c.Polyline(s.pts, th.Px(1.2), col.Alpha(0.8*alpha))
	axis := func(d [2]float64, l, w float64, ac ui.Color) {
		x0, y0 := v.Screen(x-l*d[0], y-l*d[1])
		x1, y1 := v.Screen(x+l*d[0], y+l*d[1])
		c.Line(x0, y0, x1, y1, w, ac)
	}
	axis(g.V1, a, th.Px(2.5), col.Alpha(alpha))
	axis(g.V2, b, th.Px(2), th.Data.Alpha(alpha))
}

// drawTrade plots the λ sweep in the (mean ‖J_f‖_F, MSE) plane, MSE on a
// log scale: one point per λ of the ladder as its model trains, joined in
// λ's order and shaded from light (small λ) to dark, and the model shown
// as a large dot.
func (s *Scene) drawTrade(c ui.Canvas, th *ui.Theme, r ui.Rect) {
	sw := s.sweep
	if sw == nil {
		return
	}
	s.buf = append(s.buf[:0], "trade-off: a model per λ"...)
	if st := sw.Steps(); st < cae.SweepSteps {
		s.buf = append(s.buf, ", training "...)
		s.buf = strconv.AppendInt(s.buf, int64(100*st/cae.SweepSteps), 10)
		s.buf = append(s.buf, '%')
	}
	a := plot.InsetBytes(c, r, th, s.buf)
	// the axes' labels take a line above the plot and one below, the
	// values of the MSE axis a column at the left
	small := ui.TextStyle{Size: th.Font(ui.SizeFloor), Color: th.TextDim}
	a = ui.Rect{X: a.X + th.Px(44), Y: a.Y + 1.8*small.Size, W: a.W - th.Px(44), H: a.H - 3.1*small.Size}
	if a.W < th.Px(40) || a.H < th.Px(20) {
		return
	}
	cur := tradeXY{s.info.Metrics[1].Value, s.info.Metrics[2].Value}
	jlo, jhi, mlo, mhi := cur.j, cur.j, cur.logMSE(), cur.logMSE()
	for i := range sw.Lambdas {
		p := tradeXY{sw.JacobianFro[i], sw.MSE[i]}
		jlo, jhi = math.Min(jlo, p.j), math.Max(jhi, p.j)
		mlo, mhi = math.Min(mlo, p.logMSE()), math.Max(mhi, p.logMSE())
	}
	if jhi-jlo < 1e-3 {
		jlo, jhi = jlo-0.05, jhi+0.05
	}
	if mhi-mlo < 0.2 {
		mlo, mhi = mlo-0.1, mhi+0.1
	}
	at := func(p tradeXY) (float64, float64) {
		return a.X + (p.j-jlo)/(jhi-jlo)*a.W, a.Bottom() - (p.logMSE()-mlo)/(mhi-mlo)*a.H
	}
	// axes with their ends' values
	c.Line(a.X, a.Y, a.X, a.Bottom(), th.Px(1), th.Line)
	c.Line(a.X, a.Bottom(), a.Right(), a.Bottom(), th.Px(1), th.Line)
	right := small
	right.Align = ui.Right
	s.buf = strconv.AppendFloat(s.buf[:0], math.Pow(10, mhi), 'g', 2, 64)
	c.TextBytes(s.buf, a.X-th.Px(3), a.Y-small.Size*0.6, right)
	s.buf = strconv.AppendFloat(s.buf[:0], math.Pow(10, mlo), 'g', 2, 64)
	c.TextBytes(s.buf, a.X-th.Px(3), a.Bottom()-small.Size*0.6, right)
	c.Text("MSE (log scale)", a.X-th.Px(44), a.Y-1.8*small.Size, small)
	s.buf = strconv.AppendFloat(s.buf[:0], jlo, 'f', 2, 64)
	c.TextBytes(s.buf, a.X, a.Bottom()+th.Px(1), small)
	s.buf = strconv.AppendFloat(s.buf[:0], jhi, 'f', 2, 64)
	c.TextBytes(s.buf, a.Right(), a.Bottom()+th.Px(1), right)
	center := small
	center.Align = ui.Center
	c.Text("mean ‖J_f‖_F →", a.X+a.W/2, a.Bottom()+th.Px(1), center)
	// the sweep
	s.pts = s.pts[:0]
	for i := range sw.Lambdas {
		x, y := at(tradeXY{sw.JacobianFro[i], sw.MSE[i]})
		s.pts = append(s.pts, x, y)
	}
	c.Polyline(s.pts, th.Px(1.5), ui.RGB(0xb9a3cf))
	lo, hi := math.Log10(sw.Lambdas[0]), math.Log10(sw.Lambdas[len(sw.Lambdas)-1])
	for i, lam := range sw.Lambdas {
		f := float32((math.Log10(lam) - lo) / (hi - lo))
		c.Circle(s.pts[2*i], s.pts[2*i+1], th.Px(3.5), ui.RGB(0xd4b9e8).Mix(ui.RGB(0x5b1f8a), f))
	}
	// the ends of the ladder, named
	tag := ui.TextStyle{Size: small.Size, Color: ui.RGB(0x5b1f8a)}
	var first ui.Rect
	for k, i := range [2]int{0, len(sw.Lambdas) - 1} {
		s.buf = append(s.buf[:0], "λ="...)
		s.buf = strconv.AppendFloat(s.buf, sw.Lambdas[i], 'g', 2, 64)
		x, y := s.pts[2*i], s.pts[2*i+1]
		tw := c.TextWidth(ui.BytesString(s.buf), tag.Size, false)
		lh := tag.Size * 1.3
		r := ui.Rect{X: math.Max(a.X+th.Px(2), math.Min(x+th.Px(5), a.Right()-tw)), Y: math.Max(a.Y, math.Min(y-lh, a.Bottom()-lh)), W: tw, H: lh}
		if k == 1 && r.X < first.Right() && first.X < r.Right() && r.Y < first.Bottom() && first.Y < r.Bottom() {
			// early in the sweep the ends sit together: one label under
			// the other, not on it
			if r.Y = first.Bottom(); r.Bottom() > a.Bottom() {
				r.Y = first.Y - lh
			}
		}
		first = r
		c.TextBytes(s.buf, r.X, r.Y, tag)
	}
	x, y := at(cur)
	c.Circle(x, y, th.Px(6), th.Model)
	s.buf = append(s.buf[:0], "now: λ = "...)
	s.buf = s.lambdaFmt.AppendShow(s.buf, s.cfg.Lambda)
	// the current λ beside its point, kept inside the plot
	label := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.Model, Bold: true}
	lw := c.TextWidth(ui.BytesString(s.buf), label.Size, true)
	lx := math.Max(a.X, math.Min(x+th.Px(9), a.Right()-lw))
	ly := math.Max(a.Y, math.Min(y+th.Px(6), a.Bottom()-label.Size*1.2))
	// on a backing, so that the sweep's points do not run through it
	c.RoundRect(ui.Rect{X: lx - th.Px(3), Y: ly - th.Px(1), W: lw + th.Px(6), H: label.Size*1.2 + th.Px(2)}, th.Px(3), th.Bg.Alpha(0.85))
	c.TextBytes(s.buf, lx, ly, label)
}

// tradeXY is a point of the trade-off plot: mean ‖J_f‖_F and MSE.
type tradeXY struct{ j, mse float64 }

func (p tradeXY) logMSE() float64 { return math.Log10(math.Max(p.mse, 1e-8)) }

// drawNorms plots ‖W_enc‖_F and ‖W_dec‖_F over training: the caveat's
// runaway, or (tied) one curve.
func (s *Scene) drawNorms(c ui.Canvas, th *ui.Theme) {
	a := plot.Inset(c, s.normR, th, "‖W_enc‖ and ‖W_dec‖ over training")
	tr := s.model.Norms
	n := tr.Len()
	if n < 2 {
		return
	}
	top := 0.0
	for i := 0; i < n; i++ {
		top = math.Max(top, math.Max(tr.Enc[i], tr.Dec[i]))
	}
	top *= 1.1
	last := math.Max(float64(tr.Step[n-1]), 1)
	series := func(v []float64, col ui.Color) {
		s.pts = s.pts[:0]
		for i := 0; i < n; i++ {
			s.pts = append(s.pts, a.X+float64(tr.Step[i])/last*a.W, a.Bottom()-v[i]/top*a.H)
		}
		c.Polyline(s.pts, th.Px(2), col)
	}
	series(tr.Dec, th.Model)
	series(tr.Enc, th.Data)
	small := ui.TextStyle{Size: th.Font(ui.SizeFloor), Color: th.TextDim}
	if s.cfg.Tied {
		c.Text("tied: W_dec = W_encᵀ, one curve", a.X, a.Bottom()+th.Px(1), small)
	} else {
		c.Text("W_enc", a.X, a.Bottom()+th.Px(1), ui.TextStyle{Size: small.Size, Color: th.Data, Bold: true})
		c.Text("W_dec", a.X+th.Px(48), a.Bottom()+th.Px(1), ui.TextStyle{Size: small.Size, Color: th.Model, Bold: true})
	}
}

func (s *Scene) legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow {
	rows = append(rows,
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Text, Text: "manifold"},
		plot.LegendRow{Swatch: plot.SwatchCross, Color: th.Recon, Text: "training points xₙ"},
		plot.LegendRow{Swatch: plot.SwatchBand, Color: th.Reference, Text: "J_f(x): long axis S₁, along the tangent"},
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Data, Text: "short axis S₂: contracted"})
	if s.dae != nil {
		rows = append(rows, plot.LegendRow{Swatch: plot.SwatchArrow, Color: plot.FieldColor(0.3), Text: "reconstruction field r(x) − x"})
	}
	return rows
}

// View returns the single view as last laid out (tests).
func (s *Scene) View() *plot.View2D { return s.activeView() }
