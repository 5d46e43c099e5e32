// Package contractive is the scene of the contractive autoencoder on a 1-D
// manifold (lecture: "Contractive autoencoders", "Contractive autoencoders
// and manifolds", "Contractive vs. denoising autoencoders", "Caveat"): the
// Jacobian J_f(x) drawn as its singular directions, long along the tangent
// and short across it; the trade-off λ sets between reconstruction and
// contraction; the encoder and decoder norms that run away without tied
// weights; and, side by side, a denoising autoencoder with small noise. The
// models are core/contractive and core/denoise.
package contractive

import (
	"math"

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
	arrows  *data.Set  // field arrows, side by side
	field   []float64  // CAE's r(x) − x at arrows
	daeFld  []float64  // DAE's g(f(x)) − x at arrows
	rec     [2]float64

	// where the model has been in the (mean ‖J_f‖_F, MSE) plane as λ
	// moved: the trade-off the slide names, traced live
	trade plot.Ring[tradePoint]

	dataR, tradeR, normR ui.Rect
	v, vl, vr            plot.View2D
	pts                  []float64
	buf                  []byte
}

// tradePoint is one point of the trade-off trail and the λ it was at.
type tradePoint struct{ j, mse, lam float64 }

const (
	trailPoints   = 600
	glyphOnCurve  = 32   // Jacobian crosses along the curve
	glyphSpacing  = 0.5  // and on a grid off it, data units
	glyphScale    = 0.09 // data units per unit of singular value
	compareArrows = 0.25 // arrow spacing side by side
)

// New returns the scene at its defaults.
func New() *Scene {
	s := &Scene{
		cfg:   cae.Default,
		noise: 0.1,
		v:     plot.View2D{Half: manifold.Window},
		vl:    plot.View2D{Half: manifold.Window},
		vr:    plot.View2D{Half: manifold.Window},
		trade: plot.NewRing[tradePoint](trailPoints),
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
		Text: "The penalty makes the code insensitive to x except where reconstruction needs it: along the " +
			"manifold. Each cross is J_f(x)'s singular directions: the long arm, green when it follows the tangent, " +
			"is where f is sensitive; the short arm, across the curve, is contracted. Untie the weights and " +
			"‖W_enc‖ falls as ‖W_dec‖ rises: f → εf, g → g/ε dodges the penalty.",
		Slides: "lecture: Contractive autoencoders · and manifolds · Caveat",
		Params: param.NewSet(
			param.Bind(param.Spec{Name: "data", Label: "manifold", Kind: param.Choice, Choices: manifold.Names,
				Labels: []string{"circle", "sine", "spiral", "arcs", "draw"}, Resets: true,
				Help: "the 1-D manifold; a one-layer tied CAE follows the circle best; draw: drag in the plot"}, &c.Manifold),
			lambda,
			param.Bind(param.Spec{Name: "tied", Label: "tied weights g(h) = Wᵀh + c", Kind: param.Bool, Default: 1, Resets: true,
				Help: "tie the decoder to the encoder: the slide's way out of the caveat"}, &c.Tied),
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
		Metrics: []scene.Metric{
			{Name: "tangent_alignment", Label: "|cos| top direction, tangent", Digits: 3},
			{Name: "jacobian_fro", Label: "mean ‖J_f(x)‖_F", Digits: 3},
			{Name: "mse", Label: "reconstruction MSE", Digits: 3},
			{Name: "contraction", Label: "contraction S₂/S₁", Digits: 3},
			{Name: "enc_norm", Label: "‖W_enc‖_F", Digits: 3},
			{Name: "dec_norm", Label: "‖W_dec‖_F", Digits: 3},
		},
		Legend: s.legend,
	}
	return s
}

func (s *Scene) Info() *scene.Info { return &s.info }

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
	if !c.Tied {
		tied = "g(h) = Vh + c (untied)"
	}
	s.info.Formula[2] = "f(x) = " + c.Act.String() + "(Wx + b),  " + tied
	// the readouts go out of the way of the side-by-side titles
	s.info.ReadoutsAtBottom = s.compare
	s.info.Insets = scene.InsetRoom{N: 2, MinH: 90, MaxH: 170} // trade-off, norms
	if s.compare {
		s.info.Insets = scene.InsetRoom{}
	}
	s.dae = nil
	if s.compare {
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
	s.trade.Clear()
	s.Measure()
}

// placeGlyphs puts Jacobian crosses along the curve and on a grid off it.
func (s *Scene) placeGlyphs(curve *manifold.Curve) {
	const half = manifold.Window
	var pts, tan []float64
	for i := 0; i < glyphOnCurve; i++ {
		x, y, tx, ty := curve.At(curve.Length * (float64(i) + 0.5) / glyphOnCurve)
		pts = append(pts, x, y)
		tan = append(tan, tx, ty)
	}
	for y := -half + glyphSpacing/2; y < half; y += glyphSpacing {
		for x := -half + glyphSpacing/2; x < half; x += glyphSpacing {
			if _, _, _, _, d := curve.Nearest(x, y); d > 0.2 {
				pts = append(pts, x, y)
			}
		}
	}
	s.glyphAt = &data.Set{N: len(pts) / 2, D: 2, X: pts}
	s.tangent, s.onCurve = tan, glyphOnCurve
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
	if p := (tradePoint{ms[1].Value, ms[2].Value, m.CAE.Lambda}); s.trade.Len() == 0 ||
		s.trade.Last().j != p.j || s.trade.Last().mse != p.mse {
		s.trade.Add(p)
	}
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
}

// Layout splits the plot: the data on the left, the trade-off and norm
// plots in a column on the right (below the readouts); side by side, the
// CAE on the left half and the DAE on the right.
func (s *Scene) Layout(area ui.Rect, th *ui.Theme) {
	// the trade-off and norm plots have room of their own (Info.Insets)
	var insets [2]ui.Rect
	copy(insets[:], s.info.InsetRects)
	s.dataR = area
	s.tradeR, s.normR = insets[0], insets[1]
	s.v.Fit(s.dataR)
	half := area.W / 2
	s.vl.Fit(ui.Rect{X: area.X, Y: area.Y, W: half, H: area.H})
	s.vr.Fit(ui.Rect{X: area.X + half, Y: area.Y, W: half, H: area.H})
}

func (s *Scene) Pointer(p *ui.Pointer, area ui.Rect) bool {
	if s.cfg.Manifold != "drawn" {
		return false
	}
	v := &s.v
	if s.compare {
		v = &s.vl
	}
	return s.drawer.Follow(p, v, s.drawn, s.refused)
}

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	c.Clip(area)
	if s.dae != nil {
		left := ui.Rect{X: area.X, Y: area.Y, W: area.W / 2, H: area.H}
		right := ui.Rect{X: area.X + area.W/2, Y: area.Y, W: area.W / 2, H: area.H}
		s.panel(c, &s.vl, left, th, s.field, s.glyphs)
		s.panel(c, &s.vr, right, th, s.daeFld, s.daeGlyp)
		c.Line(right.X, right.Y, right.X, right.Bottom(), th.Px(2), th.Line)
		head := ui.TextStyle{Size: th.Font(ui.SizeHeading), Color: th.Text, Bold: true, Align: ui.Center}
		s.buf = append(s.buf[:0], "contractive, λ = "...)
		s.buf = s.lambdaFmt.AppendShow(s.buf, s.cfg.Lambda)
		c.TextBytes(s.buf, left.X+left.W/2, left.Y+th.Px(10), head)
		s.buf = append(s.buf[:0], "denoising, σ = "...)
		s.buf = s.noiseFmt.AppendShow(s.buf, s.noise)
		c.TextBytes(s.buf, right.X+right.W/2, right.Y+th.Px(10), head)
	} else {
		s.panel(c, &s.v, area, th, nil, s.glyphs)
	}
	s.drawer.DrawStroke(c, s.activeView(), th, &s.pts)
	c.Unclip()
	if s.dae == nil && s.tradeR.W > 0 {
		s.drawTrade(c, th)
		s.drawNorms(c, th)
	}
	if s.cfg.Manifold == "drawn" {
		plot.Hint(c, area, th, "drag in the plot to draw a new curve")
	}
}

func (s *Scene) activeView() *plot.View2D {
	if s.dae != nil {
		return &s.vl
	}
	return &s.v
}

// arrowColor is the colour of a field arrow of length l, side by side.
func arrowColor(l float64) ui.Color { return plot.FieldColor(l).Alpha(0.75) }

// panel draws one model: grid, manifold, training points, its field (when
// given) and its Jacobian crosses.
func (s *Scene) panel(c ui.Canvas, v *plot.View2D, r ui.Rect, th *ui.Theme, field []float64, glyphs []cae.SVD2) {
	c.Clip(r)
	v.Grid(c, r, th)
	plot.Curve(c, v, s.model.Curve, th.Px(3), th.Text, &s.pts)
	plot.Crosses(c, v, s.model.Data, th.Px(2.2), th.Px(1.2), th.Recon.Alpha(0.45))
	if field != nil {
		plot.Arrows(c, v, s.arrows, field, compareArrows, th.Px(1.4), th.Px(5), arrowColor)
	}
	for i, g := range glyphs {
		col, weak := th.Noise, th.Noise.Alpha(0.6)
		if i < s.onCurve {
			t := math.Abs(g.V1[0]*s.tangent[2*i] + g.V1[1]*s.tangent[2*i+1])
			col = alignColor(th, t)
			weak = col.Alpha(0.55)
		}
		x := s.glyphAt.At(i)
		cross(c, v, x[0], x[1], g.V1, g.S1, th.Px(3), col)
		cross(c, v, x[0], x[1], g.V2, g.S2, th.Px(3), weak)
	}
	c.Unclip()
}

// alignColor runs from the model colour (a direction unrelated to the
// tangent, |cos| ≤ 0.7) to the reference green (|cos| = 1).
func alignColor(th *ui.Theme, cos float64) ui.Color {
	t := float32(math.Max(0, math.Min(1, (cos-0.7)/0.3)))
	return th.Model.Mix(th.Reference, t)
}

// cross draws the arm ±S·v·glyphScale through (x, y), at most 0.3 long.
func cross(c ui.Canvas, v *plot.View2D, x, y float64, dir [2]float64, sv, w float64, col ui.Color) {
	l := math.Min(sv*glyphScale, 0.3)
	x0, y0 := v.Screen(x-l*dir[0], y-l*dir[1])
	x1, y1 := v.Screen(x+l*dir[0], y+l*dir[1])
	c.Line(x0, y0, x1, y1, w, col)
}

// drawTrade plots the trail of (mean ‖J_f‖_F, MSE) as λ moved, the current
// point large.
func (s *Scene) drawTrade(c ui.Canvas, th *ui.Theme) {
	a := plot.Inset(c, s.tradeR, th, "MSE against mean ‖J_f‖_F as λ moves")
	t := &s.trade
	n := t.Len()
	if n == 0 {
		return
	}
	jlo, jhi, mlo, mhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := 0; i < n; i++ {
		p := t.At(i)
		jlo, jhi = math.Min(jlo, p.j), math.Max(jhi, p.j)
		m := math.Log10(math.Max(p.mse, 1e-8))
		mlo, mhi = math.Min(mlo, m), math.Max(mhi, m)
	}
	if jhi-jlo < 1e-3 {
		jlo, jhi = jlo-0.05, jhi+0.05
	}
	if mhi-mlo < 0.2 {
		mlo, mhi = mlo-0.1, mhi+0.1
	}
	at := func(p tradePoint) (float64, float64) {
		x := a.X + (p.j-jlo)/(jhi-jlo)*a.W
		y := a.Bottom() - (math.Log10(math.Max(p.mse, 1e-8))-mlo)/(mhi-mlo)*a.H
		return x, y
	}
	lo, hi := math.Log10(s.lambdaFmt.Min), math.Log10(s.lambdaFmt.Max)
	for i := 0; i < n; i++ {
		p := t.At(i)
		x, y := at(p)
		f := float32((math.Log10(p.lam) - lo) / (hi - lo))
		c.Circle(x, y, th.Px(2.2), ui.RGB(0xd4b9e8).Mix(ui.RGB(0x5b1f8a), f))
	}
	x, y := at(t.Last())
	c.Circle(x, y, th.Px(6), th.Model)
	small := ui.TextStyle{Size: th.Font(11), Color: th.TextDim, Align: ui.Right}
	c.Text("mean ‖J_f‖_F →", a.Right(), a.Bottom()+th.Px(1), small)
	s.buf = append(s.buf[:0], "λ = "...)
	s.buf = s.lambdaFmt.AppendShow(s.buf, s.cfg.Lambda)
	// the current λ beside its point, kept inside the plot
	lx := math.Max(a.X, math.Min(x+th.Px(9), a.Right()-th.Px(70)))
	ly := math.Max(a.Y, y-th.Px(24))
	label := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.Model, Bold: true}
	// on a backing, so that the trail's points do not run through it
	lw := c.TextWidth(ui.BytesString(s.buf), label.Size, true)
	c.RoundRect(ui.Rect{X: lx - th.Px(3), Y: ly - th.Px(1), W: lw + th.Px(6), H: label.Size*1.2 + th.Px(2)}, th.Px(3), th.Bg.Alpha(0.85))
	c.TextBytes(s.buf, lx, ly, label)
}

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
	small := ui.TextStyle{Size: th.Font(11), Color: th.TextDim}
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
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Reference, Text: "J_f(x): sensitive arm along the tangent"},
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Model, Text: "… arm off the tangent"})
	if s.dae != nil {
		rows = append(rows, plot.LegendRow{Swatch: plot.SwatchArrow, Color: plot.FieldColor(0.3), Text: "reconstruction field r(x) − x"})
	}
	return rows
}

// View returns the single view as last laid out (tests).
func (s *Scene) View() *plot.View2D { return &s.v }
