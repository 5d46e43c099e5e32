package scenes

import (
	"math"

	"aelab/core/contractive"
	"aelab/core/data"
	"aelab/core/denoise"
	"aelab/core/manifold"
	"aelab/core/nn"
	"aelab/scenes/param"
	"aelab/scenes/ui"
)

// ContractiveScene shows a contractive autoencoder on a 1-D manifold
// (lecture: "Contractive autoencoders", "Contractive autoencoders and
// manifolds", "Contractive vs. denoising autoencoders", "Caveat"): the
// Jacobian J_f(x) drawn as its singular directions, long along the tangent
// and short across it; the trade-off λ sets between reconstruction and
// contraction; the encoder and decoder norms that run away without tied
// weights; and, side by side, a denoising autoencoder with small noise. The
// core is core/contractive.
type ContractiveScene struct {
	hosted
	info   Info
	params *param.Set
	model  *contractive.Model
	dae    *denoise.Model // the comparison, in the side-by-side view
	m      []Metric
	loss   float64
	seed   uint64
	drawer curveDrawer

	// where the Jacobian is drawn: points along the curve (the first
	// onCurve, with their unit tangents) and a sparse grid off it
	glyphAt *data.Set
	tangent []float64
	onCurve int
	glyphs  []contractive.SVD2 // of the CAE, at glyphAt
	daeGlyp []contractive.SVD2 // of the DAE's encoder, side by side
	jac     []float64          // scratch Jacobian, H×2
	arrows  *data.Set          // field arrows, side by side
	field   []float64          // CAE's r(x) − x at arrows
	daeFld  []float64          // DAE's g(f(x)) − x at arrows
	rec     [2]float64

	trade tradeTrail

	plot, dataR, tradeR, normR ui.Rect
	v, vl, vr                  View2D
	pts                        []float64
	rows                       []LegendRow
	buf                        []byte
}

// tradeTrail is where the model has been in the (mean ‖J_f‖_F, MSE) plane
// as λ moved: the trade-off the slide names, traced live.
type tradeTrail struct {
	j, mse, lam []float64
	n, head     int
}

const (
	trailPoints   = 600
	glyphOnCurve  = 32   // Jacobian crosses along the curve
	glyphSpacing  = 0.5  // and on a grid off it, data units
	glyphScale    = 0.09 // data units per unit of singular value
	compareArrows = 0.25 // arrow spacing side by side
)

// NewContractiveScene returns the scene at its defaults.
func NewContractiveScene() *ContractiveScene {
	d := contractive.Default
	s := &ContractiveScene{
		info: Info{
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
		},
		params: param.NewSet(
			param.Spec{Name: "data", Label: "manifold", Kind: param.Choice, Choices: manifold.Names,
				Labels: []string{"circle", "sine", "spiral", "arcs", "draw"}, Resets: true,
				Help: "the 1-D manifold; a one-layer tied CAE follows the circle best; draw: drag in the plot"},
			param.Spec{Name: "lambda", Label: "penalty λ", Min: 1e-4, Max: 3, Default: d.Lambda, Log: true, Digits: 2,
				Help: "weight of ‖J_f‖²_F; applies live"},
			param.Spec{Name: "tied", Label: "tied weights g(h) = Wᵀh + c", Kind: param.Bool, Default: 1, Resets: true,
				Help: "tie the decoder to the encoder: the slide's way out of the caveat"},
			param.Spec{Name: "act", Label: "encoder units", Kind: param.Choice, Choices: []string{"tanh", "sigmoid"}, Resets: true,
				Help: "the encoder's activation"},
			param.Spec{Name: "hidden", Label: "hidden units", Kind: param.Int, Min: 2, Max: 64, Default: float64(d.Hidden), Resets: true,
				Help: "code size H"},
			param.Spec{Name: "lr", Label: "learning rate η", Min: 1e-4, Max: 0.1, Default: d.LR, Log: true, Digits: 2,
				Help: "Adam's step size; applies live"},
			param.Spec{Name: "view", Label: "view", Kind: param.Choice, Choices: []string{"cae", "compare"},
				Labels: []string{"CAE", "CAE | DAE"}, Resets: true,
				Help: "the CAE alone, or beside a denoising autoencoder with small noise σ"},
			param.Spec{Name: "noise", Label: "DAE noise σ", Min: 0.01, Max: 0.5, Default: 0.1, Digits: 2,
				Help: "the comparison DAE's Gaussian noise; applies live"},
		),
		m: []Metric{
			{Name: "tangent_alignment", Label: "|cos| top direction, tangent", Digits: 3},
			{Name: "jacobian_fro", Label: "mean ‖J_f(x)‖_F", Digits: 3},
			{Name: "mse", Label: "reconstruction MSE", Digits: 3},
			{Name: "contraction", Label: "contraction S₂/S₁", Digits: 3},
			{Name: "enc_norm", Label: "‖W_enc‖_F", Digits: 3},
			{Name: "dec_norm", Label: "‖W_dec‖_F", Digits: 3},
		},
		v:  View2D{Half: denoiseHalf},
		vl: View2D{Half: denoiseHalf},
		vr: View2D{Half: denoiseHalf},
		trade: tradeTrail{j: make([]float64, trailPoints), mse: make([]float64, trailPoints),
			lam: make([]float64, trailPoints)},
	}
	s.drawer = newCurveDrawer()
	return s
}

func (s *ContractiveScene) Info() *Info              { return &s.info }
func (s *ContractiveScene) Params() *param.Set       { return s.params }
func (s *ContractiveScene) Metrics() []Metric        { return s.m }
func (s *ContractiveScene) Loss() float64            { return s.loss }
func (s *ContractiveScene) Floor() (float64, string) { return 0, "" }

func (s *ContractiveScene) compare() bool { return s.params.Choice("view") == "compare" }

// ReadoutsAtBottom moves the readouts out of the way of the side-by-side
// titles.
func (s *ContractiveScene) ReadoutsAtBottom() bool { return s.compare() }

func (s *ContractiveScene) config() contractive.Config {
	p := s.params
	c := contractive.Default
	c.Manifold = p.Choice("data")
	c.Lambda, c.LR = p.Get("lambda"), p.Get("lr")
	c.Tied, c.Hidden = p.Bool("tied"), p.Int("hidden")
	c.Act = nn.Tanh
	if p.Choice("act") == "sigmoid" {
		c.Act = nn.Sigmoid
	}
	return c
}

func (s *ContractiveScene) Reset(seed uint64) {
	s.seed = seed
	c := s.config()
	curve := s.drawer.Curve
	if c.Manifold != "drawn" {
		var err error
		if curve, err = manifold.Named(c.Manifold); err != nil {
			panic(err) // the names come from manifold.Names
		}
	}
	s.model = contractive.NewOn(c, curve, seed)
	tied := "g(h) = Wᵀh + c"
	if !c.Tied {
		tied = "g(h) = Vh + c (untied)"
	}
	s.info.Formula[2] = "f(x) = " + c.Act.String() + "(Wx + b),  " + tied
	s.dae = nil
	if s.compare() {
		d := denoise.Default
		d.Points, d.Hidden, d.Depth, d.Noise, d.LR = c.Points, c.Hidden, 1, s.params.Get("noise"), c.LR
		dae, err := denoise.New(d, curve, seed)
		if err != nil {
			panic(err)
		}
		copy(dae.Data.X, s.model.Data.X) // the same data as the CAE
		s.dae = dae
	}
	s.jac = make([]float64, 2*c.Hidden)
	s.placeGlyphs(curve)
	s.trade.n, s.trade.head = 0, 0
	s.Measure()
}

// placeGlyphs puts Jacobian crosses along the curve and on a grid off it.
func (s *ContractiveScene) placeGlyphs(curve *manifold.Curve) {
	var pts, tan []float64
	for i := 0; i < glyphOnCurve; i++ {
		x, y, tx, ty := curve.At(curve.Length * (float64(i) + 0.5) / glyphOnCurve)
		pts = append(pts, x, y)
		tan = append(tan, tx, ty)
	}
	for y := -denoiseHalf + glyphSpacing/2; y < denoiseHalf; y += glyphSpacing {
		for x := -denoiseHalf + glyphSpacing/2; x < denoiseHalf; x += glyphSpacing {
			if _, _, _, _, d := curve.Nearest(x, y); d > 0.2 {
				pts = append(pts, x, y)
			}
		}
	}
	s.glyphAt = &data.Set{N: len(pts) / 2, D: 2, X: pts}
	s.tangent, s.onCurve = tan, glyphOnCurve
	s.glyphs = make([]contractive.SVD2, s.glyphAt.N)
	s.daeGlyp = make([]contractive.SVD2, s.glyphAt.N)
	var arrows []float64
	for y := -denoiseHalf + compareArrows/2; y < denoiseHalf; y += compareArrows {
		for x := -denoiseHalf + compareArrows/2; x < denoiseHalf; x += compareArrows {
			arrows = append(arrows, x, y)
		}
	}
	s.arrows = &data.Set{N: len(arrows) / 2, D: 2, X: arrows}
	s.field = make([]float64, len(arrows))
	s.daeFld = make([]float64, len(arrows))
}

func (s *ContractiveScene) Changed(name string) {
	switch name {
	case "lambda":
		s.model.SetLambda(s.params.Get("lambda"))
	case "lr":
		s.model.SetLR(s.params.Get("lr"))
		if s.dae != nil {
			s.dae.SetLR(s.params.Get("lr"))
		}
	case "noise":
		if s.dae != nil {
			s.dae.SetNoise(s.params.Get("noise"))
		}
	}
}

func (s *ContractiveScene) Train(n int) (int, bool) {
	done, diverged := s.model.Train(n)
	if s.dae != nil && done > 0 {
		if _, d := s.dae.Train(done); d {
			diverged = true
		}
	}
	return done, diverged
}

func (s *ContractiveScene) Measure() {
	m := s.model
	r := m.Measure()
	s.m[0].Value, s.m[1].Value, s.m[2].Value = r.TangentAlignment, r.JacobianFro, r.MSE
	s.m[3].Value, s.m[4].Value, s.m[5].Value = r.Contraction, r.EncNorm, r.DecNorm
	s.loss = r.MSE + m.CAE.Lambda*r.Penalty
	for i := 0; i < s.glyphAt.N; i++ {
		s.glyphs[i] = m.CAE.JacobianSVD(s.glyphAt.At(i))
	}
	s.trade.add(s.m[1].Value, s.m[2].Value, m.CAE.Lambda)
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
		s.daeGlyp[i] = encoderSVD(ly, s.glyphAt.At(i), s.jac)
	}
}

// encoderSVD is the SVD of the Jacobian of a dense layer's output, a(Wx+b),
// at x: diag(a'(z)) W, built in jac (H×2).
func encoderSVD(ly *nn.Layer, x []float64, jac []float64) contractive.SVD2 {
	for k := 0; k < ly.Out; k++ {
		w := ly.W[2*k : 2*k+2]
		h := ly.Act.Eval(ly.B[k] + w[0]*x[0] + w[1]*x[1])
		d := ly.Act.Deriv(h)
		jac[2*k], jac[2*k+1] = d*w[0], d*w[1]
	}
	return contractive.SVD(jac[:2*ly.Out])
}

func (t *tradeTrail) add(j, mse, lam float64) {
	if t.n > 0 {
		last := (t.head - 1 + trailPoints) % trailPoints
		if t.j[last] == j && t.mse[last] == mse {
			return
		}
	}
	t.j[t.head], t.mse[t.head], t.lam[t.head] = j, mse, lam
	t.head = (t.head + 1) % trailPoints
	t.n = min(t.n+1, trailPoints)
}

// Layout splits the plot: the data on the left, the trade-off and norm
// plots in a column on the right (below the readouts); side by side, the
// CAE on the left half and the DAE on the right.
func (s *ContractiveScene) Layout(plot ui.Rect, th *ui.Theme) {
	s.plot = plot
	var insets [2]ui.Rect
	s.dataR = insetColumn(plot, th, len(s.m), 170, 90, insets[:])
	s.tradeR, s.normR = insets[0], insets[1]
	s.v.Fit(s.dataR)
	half := plot.W / 2
	s.vl.Fit(ui.Rect{X: plot.X, Y: plot.Y, W: half, H: plot.H})
	s.vr.Fit(ui.Rect{X: plot.X + half, Y: plot.Y, W: half, H: plot.H})
}

func (s *ContractiveScene) Pointer(p *ui.Pointer, plot ui.Rect) bool {
	if s.params.Choice("data") != "drawn" {
		return false
	}
	v := &s.v
	if s.compare() {
		v = &s.vl
	}
	return s.drawer.follow(p, v, s.cb)
}

func (s *ContractiveScene) Draw(c ui.Canvas, plot ui.Rect, th *ui.Theme) {
	c.Clip(plot)
	if s.dae != nil {
		left := ui.Rect{X: plot.X, Y: plot.Y, W: plot.W / 2, H: plot.H}
		right := ui.Rect{X: plot.X + plot.W/2, Y: plot.Y, W: plot.W / 2, H: plot.H}
		s.panel(c, &s.vl, left, th, s.field, s.glyphs)
		s.panel(c, &s.vr, right, th, s.daeFld, s.daeGlyp)
		c.Line(right.X, right.Y, right.X, right.Bottom(), th.Px(2), th.Line)
		head := ui.TextStyle{Size: th.Font(ui.SizeHeading), Color: th.Text, Bold: true, Align: ui.Center}
		s.buf = append(s.buf[:0], "contractive, λ = "...)
		s.buf = s.params.Spec("lambda").AppendFormat(s.buf, s.params.Get("lambda"))
		c.TextBytes(s.buf, left.X+left.W/2, left.Y+th.Px(10), head)
		s.buf = append(s.buf[:0], "denoising, σ = "...)
		s.buf = s.params.Spec("noise").AppendFormat(s.buf, s.params.Get("noise"))
		c.TextBytes(s.buf, right.X+right.W/2, right.Y+th.Px(10), head)
	} else {
		s.panel(c, &s.v, plot, th, nil, s.glyphs)
	}
	s.drawer.drawStroke(c, s.activeView(), th, &s.pts)
	c.Unclip()
	if s.dae == nil && s.tradeR.W > 0 {
		s.drawTrade(c, th)
		s.drawNorms(c, th)
	}
	if s.params.Choice("data") == "drawn" {
		drawHint(c, plot, th, "drag in the plot to draw a new curve")
	}
	s.legend(c, plot, th)
}

func (s *ContractiveScene) activeView() *View2D {
	if s.dae != nil {
		return &s.vl
	}
	return &s.v
}

// panel draws one model: grid, manifold, training points, its field (when
// given) and its Jacobian crosses.
func (s *ContractiveScene) panel(c ui.Canvas, v *View2D, r ui.Rect, th *ui.Theme, field []float64, glyphs []contractive.SVD2) {
	c.Clip(r)
	v.Grid(c, r, th)
	drawCurve(c, v, s.model.Curve, th.Px(3), th.Text, &s.pts)
	drawCrosses(c, v, s.model.Data, th.Px(2.2), th.Px(1.2), th.Recon.Alpha(0.45))
	if field != nil {
		for k := 0; k < s.arrows.N; k++ {
			fx, fy := field[2*k], field[2*k+1]
			l := math.Hypot(fx, fy)
			if l < 1e-4 {
				continue
			}
			scale := math.Min(1, 0.95*compareArrows/l)
			x := s.arrows.At(k)
			x0, y0 := v.Screen(x[0], x[1])
			x1, y1 := v.Screen(x[0]+scale*fx, x[1]+scale*fy)
			arrow(c, x0, y0, x1, y1, th.Px(1.4), th.Px(5), fieldColor(th, l).Alpha(0.75))
		}
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
func cross(c ui.Canvas, v *View2D, x, y float64, dir [2]float64, sv, w float64, col ui.Color) {
	l := math.Min(sv*glyphScale, 0.3)
	x0, y0 := v.Screen(x-l*dir[0], y-l*dir[1])
	x1, y1 := v.Screen(x+l*dir[0], y+l*dir[1])
	c.Line(x0, y0, x1, y1, w, col)
}

// inset draws a small plot's frame and title and returns its inner area.
func inset(c ui.Canvas, r ui.Rect, th *ui.Theme, title string) ui.Rect {
	c.RoundRect(r, th.Px(8), th.Line)
	c.RoundRect(r.Inset(th.Px(1)), th.Px(7), th.Bg.Alpha(0.95))
	c.Text(title, r.X+th.Px(10), r.Y+th.Px(6), ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim})
	return ui.Rect{X: r.X + th.Px(14), Y: r.Y + th.Px(28), W: r.W - th.Px(28), H: r.H - th.Px(44)}
}

// drawTrade plots the trail of (mean ‖J_f‖_F, MSE) as λ moved, the current
// point large.
func (s *ContractiveScene) drawTrade(c ui.Canvas, th *ui.Theme) {
	a := inset(c, s.tradeR, th, "MSE against mean ‖J_f‖_F as λ moves")
	t := &s.trade
	if t.n == 0 {
		return
	}
	jlo, jhi, mlo, mhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := 0; i < t.n; i++ {
		jlo, jhi = math.Min(jlo, t.j[i]), math.Max(jhi, t.j[i])
		m := math.Log10(math.Max(t.mse[i], 1e-8))
		mlo, mhi = math.Min(mlo, m), math.Max(mhi, m)
	}
	if jhi-jlo < 1e-3 {
		jlo, jhi = jlo-0.05, jhi+0.05
	}
	if mhi-mlo < 0.2 {
		mlo, mhi = mlo-0.1, mhi+0.1
	}
	at := func(i int) (float64, float64) {
		x := a.X + (t.j[i]-jlo)/(jhi-jlo)*a.W
		y := a.Bottom() - (math.Log10(math.Max(t.mse[i], 1e-8))-mlo)/(mhi-mlo)*a.H
		return x, y
	}
	lo, hi := math.Log10(1e-4), math.Log10(3.0)
	for k := 0; k < t.n; k++ {
		i := (t.head - t.n + k + trailPoints) % trailPoints
		x, y := at(i)
		f := float32((math.Log10(t.lam[i]) - lo) / (hi - lo))
		c.Circle(x, y, th.Px(2.2), ui.RGB(0xd4b9e8).Mix(ui.RGB(0x5b1f8a), f))
	}
	x, y := at((t.head - 1 + trailPoints) % trailPoints)
	c.Circle(x, y, th.Px(6), th.Model)
	small := ui.TextStyle{Size: th.Font(11), Color: th.TextDim, Align: ui.Right}
	c.Text("mean ‖J_f‖_F →", a.Right(), a.Bottom()+th.Px(1), small)
	s.buf = append(s.buf[:0], "λ = "...)
	s.buf = s.params.Spec("lambda").AppendFormat(s.buf, s.params.Get("lambda"))
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
func (s *ContractiveScene) drawNorms(c ui.Canvas, th *ui.Theme) {
	a := inset(c, s.normR, th, "‖W_enc‖ and ‖W_dec‖ over training")
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
	if s.params.Bool("tied") {
		c.Text("tied: W_dec = W_encᵀ, one curve", a.X, a.Bottom()+th.Px(1), small)
	} else {
		c.Text("W_enc", a.X, a.Bottom()+th.Px(1), ui.TextStyle{Size: small.Size, Color: th.Data, Bold: true})
		c.Text("W_dec", a.X+th.Px(48), a.Bottom()+th.Px(1), ui.TextStyle{Size: small.Size, Color: th.Model, Bold: true})
	}
}

func (s *ContractiveScene) legend(c ui.Canvas, plot ui.Rect, th *ui.Theme) {
	s.rows = append(s.rows[:0],
		LegendRow{SwatchLine, th.Text, "manifold"},
		LegendRow{SwatchCross, th.Recon, "training points xₙ"},
		LegendRow{SwatchLine, th.Reference, "J_f(x): sensitive arm along the tangent"},
		LegendRow{SwatchLine, th.Model, "… arm off the tangent"})
	if s.dae != nil {
		s.rows = append(s.rows, LegendRow{SwatchArrow, fieldColor(th, 0.3), "reconstruction field r(x) − x"})
	}
	drawLegend(c, plot, th, s.rows)
}

// View returns the single view as last laid out (tests).
func (s *ContractiveScene) View() *View2D { return &s.v }
