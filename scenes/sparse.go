package scenes

import (
	"math"
	"strconv"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/rng"
	"aelab/core/sparse"
	"aelab/scenes/param"
	"aelab/scenes/ui"
)

// SparseScene shows sparse coding as the lecture estimates it (slides
// "Regularized autoencoders", "Sparse coding: definition / estimation /
// encoder & decoder", "Non-linear analogue"): ‖X − WD‖² + λ‖W‖₁ minimised by
// alternating W-steps (LASSO) and D-steps (least squares), on points in the
// plane or on image patches; and beside it the autoencoders the slides
// compare, a sparse autoencoder (ReLU or sigmoid codes) and PSD. The core
// is core/sparse.
type SparseScene struct {
	hosted
	info   Info
	params *param.Set
	m      []Metric
	loss   float64
	seed   uint64
	view   string

	dict    *sparse.Model       // the 2d and patches views
	lastD   []float64           // the dictionary and codes before the last
	lastW   []float64           // alternation, to restore after a divergence
	patches *data.Set           // patch data, for the autoencoder views
	sae     *sparse.Autoencoder // the sparse AE view
	psd     *sparse.PSD         // the PSD view
	trainer *nn.Trainer         // for the two autoencoders
	probe   *data.Set           // points the PSD metrics average over
	eval    *nn.Batch           // the sparse AE's workspace for metrics

	hist    halfSteps // the objective after every W- and D-step
	degen   normTrail // ‖D‖_F and ‖W‖₁/N over alternations
	codes   codeHist  // histogram of code values, exact zeros apart
	sel     int       // the selected point or patch
	code    []float64 // its code
	recon   []float64 // its reconstruction
	atoms   []float64 // K×Dim, the atoms or decoder columns as drawn
	scat    []float64 // PSD: (w*, f(x)) pairs of the probe points
	tmp     []float64 // scratch, Dim
	evalBuf []float64 // scratch for Net.Eval

	plot, dataR, objR, degR, codeR ui.Rect
	tiles, strip, big              ui.Rect
	v                              View2D
	pts                            []float64
	rows                           []LegendRow
	buf                            []byte
}

// halfSteps is the objective after each half-step, tagged W or D, in a
// ring: the sequence the slide's alternation must never raise.
type halfSteps struct {
	val  [120]float64
	isD  [120]bool
	n, h int
}

func (h *halfSteps) add(v float64, d bool) {
	h.val[h.h], h.isD[h.h] = v, d
	h.h = (h.h + 1) % len(h.val)
	h.n = min(h.n+1, len(h.val))
}

// normTrail is ‖D‖_F and ‖W‖₁/N after each alternation, in a ring.
type normTrail struct {
	d, w [300]float64
	n, h int
}

func (t *normTrail) add(d, w float64) {
	t.d[t.h], t.w[t.h] = d, w
	t.h = (t.h + 1) % len(t.d)
	t.n = min(t.n+1, len(t.d))
}

// codeHist counts code values in bins, with the exact zeros apart: the
// slide's "to get actual zeros one needs linear or ReLU activations".
type codeHist struct {
	bins  [24]int
	zeros int
	total int
	lim   float64 // bins cover [−lim, lim]
}

func (h *codeHist) fill(w []float64) {
	h.bins, h.zeros, h.total = [24]int{}, 0, len(w)
	h.lim = 0
	for _, v := range w {
		h.lim = math.Max(h.lim, math.Abs(v))
	}
	if h.lim == 0 {
		h.lim = 1
	}
	for _, v := range w {
		if v == 0 {
			h.zeros++
			continue
		}
		b := int((v/h.lim + 1) / 2 * float64(len(h.bins)))
		h.bins[min(max(b, 0), len(h.bins)-1)]++
	}
}

// atomColors tell the atoms of the 2-D view apart.
var atomColors = []ui.Color{
	ui.RGB(0x1f77b4), ui.RGB(0xd62728), ui.RGB(0x2ca02c), ui.RGB(0x9467bd), ui.RGB(0xff7f0e),
	ui.RGB(0x17becf), ui.RGB(0x8c564b), ui.RGB(0xe377c2), ui.RGB(0xbcbd22), ui.RGB(0x7f7f7f),
}

func atomColor(k int) ui.Color { return atomColors[k%len(atomColors)] }

// AtomColor is the colour of atom k in the 2-D view (tests).
func AtomColor(k int) ui.Color { return atomColor(k) }

// Dictionary returns the dictionary of the 2-D and patch views (tests).
func (s *SparseScene) Dictionary() blas64.General { return s.dict.D() }

// probePoints is how many training points the autoencoder views' metrics
// average over (PSD's needs a LASSO code and an inference for each).
const probePoints = 64

// NewSparseScene returns the scene at its defaults.
func NewSparseScene() *SparseScene {
	d := sparse.Default2D
	s := &SparseScene{
		info: Info{ID: "sparse", Tab: "Sparse coding", Slides: "lecture: Sparse coding · Regularized autoencoders · Non-linear analogue"},
		params: param.NewSet(
			param.Spec{Name: "view", Label: "show", Kind: param.Choice, Choices: []string{"2d", "patches", "sae", "psd"},
				Labels: []string{"2-D", "patches", "SAE", "PSD"}, Resets: true,
				Help: "sparse coding of points in the plane or of 8×8 image patches; a sparse autoencoder; PSD"},
			param.Spec{Name: "lambda", Label: "sparsity λ", Min: 0.005, Max: 2, Default: d.Lambda, Log: true, Digits: 2,
				Help: "weight of ‖W‖₁ (‖h‖₁); applies live"},
			param.Spec{Name: "k", Label: "atoms K", Kind: param.Int, Min: 1, Max: 128, Default: float64(d.K), Log: true, Digits: 3, Resets: true,
				Help: "dictionary size: fewer than the dimension is undercomplete, more is overcomplete"},
			param.Spec{Name: "normalize", Label: "normalise atoms ‖d_k‖ ≤ 1", Kind: param.Bool, Default: 1,
				Help: "constrain the D-step; off, the plain least-squares step lets ‖D‖ grow and ‖W‖₁ shrink; applies live"},
			param.Spec{Name: "code", Label: "AE code units", Kind: param.Choice, Choices: []string{"relu", "sigmoid"},
				Labels: []string{"ReLU", "sigmoid"}, Resets: true, Help: "the sparse autoencoder's code activation"},
			param.Spec{Name: "gamma", Label: "PSD γ", Min: 0.01, Max: 10, Default: 1, Log: true, Digits: 2,
				Help: "weight of ‖h − f(x)‖² in PSD; applies live"},
			param.Spec{Name: "lr", Label: "AE learning rate η", Min: 1e-4, Max: 0.1, Default: 0.001, Log: true, Digits: 2,
				Help: "Adam's step size for the two autoencoders; applies live"},
		),
		m: []Metric{
			{Name: "objective", Label: "objective per point", Digits: 4},
			{Name: "sparsity", Label: "nonzero codes", Digits: 3},
			{Name: "mse", Label: "reconstruction MSE", Digits: 3},
			{Name: "atom_norm", Label: "mean ‖d_k‖", Digits: 3},
			{Name: "lasso_gap", Label: "‖f(x) − w*‖ / ‖w*‖", Digits: 3},
		},
		v: View2D{Half: 1.6},
	}
	return s
}

// Adjust gives each view its own dictionary size when the user changes the
// view (K = 5 in the plane, 32 for patches).
func (s *SparseScene) Adjust(changed string) {
	if changed != "view" {
		return
	}
	k := sparse.DefaultPatches.K
	if s.params.Choice("view") == "2d" {
		k = sparse.Default2D.K
	}
	s.params.SetAt(s.params.Index("k"), float64(k))
}

// DefaultSpeed is two alternations a frame: each codes every point, and
// the atoms settle in about a hundred of them, slowly enough to watch.
func (s *SparseScene) DefaultSpeed() int { return 2 }

// Shows hides the parameters of the other views.
func (s *SparseScene) Shows(name string) bool {
	switch name {
	case "normalize":
		return s.dict != nil
	case "code":
		return s.view == "sae"
	case "gamma":
		return s.view == "psd"
	case "lr":
		return s.dict == nil
	}
	return true
}

func (s *SparseScene) Info() *Info              { return &s.info }
func (s *SparseScene) Params() *param.Set       { return s.params }
func (s *SparseScene) Loss() float64            { return s.loss }
func (s *SparseScene) Floor() (float64, string) { return 0, "" }

// Metrics are the four of DESIGN.md, and in the PSD view how far the fast
// encoder is from the LASSO codes.
func (s *SparseScene) Metrics() []Metric {
	if s.view == "psd" {
		return s.m
	}
	return s.m[:4]
}

// Actions are the two halves of an alternation, as separate buttons.
func (s *SparseScene) Actions() []Action {
	if s.dict == nil {
		return nil
	}
	return []Action{
		{Label: "W-step (LASSO)", Run: func() { s.wStep() }},
		{Label: "D-step (atoms)", Run: func() { s.dStep() }},
	}
}

func (s *SparseScene) wStep() {
	s.dict.WStep()
	s.hist.add(s.dict.Objective(), false)
}

func (s *SparseScene) dStep() {
	s.dict.DStep()
	s.hist.add(s.dict.Objective(), true)
	s.degen.add(s.dict.DNorm(), s.dict.W1())
}

func (s *SparseScene) Reset(seed uint64) {
	s.seed = seed
	p := s.params
	view := p.Choice("view")
	s.view = view
	s.dict, s.sae, s.psd, s.trainer = nil, nil, nil, nil
	s.hist, s.degen = halfSteps{}, normTrail{}
	k := p.Int("k")
	lambda := p.Get("lambda")
	switch view {
	case "2d", "patches":
		cfg := sparse.Default2D
		if view == "patches" {
			cfg = sparse.DefaultPatches
		}
		cfg.K, cfg.Lambda, cfg.Normalize = k, lambda, p.Bool("normalize")
		s.dict = sparse.New(cfg, seed)
		s.lastD = make([]float64, len(s.dict.D().Data))
		s.lastW = make([]float64, len(s.dict.W().Data))
		s.hist.add(s.dict.Objective(), true)
		s.degen.add(s.dict.DNorm(), s.dict.W1())
	default:
		s.patches = sparse.PatchData(sparse.DefaultPatches, seed)
		r := rng.New(seed, rng.StreamWeights)
		var obj nn.Objective
		if view == "sae" {
			act := nn.ReLU
			if p.Choice("code") == "sigmoid" {
				act = nn.Sigmoid
			}
			s.sae = sparse.NewAutoencoder(s.patches.D, k, act, lambda, r)
			s.eval = s.sae.Net.NewBatch(256)
			obj = s.sae
		} else {
			s.psd = sparse.NewPSD(s.patches.D, k, lambda, p.Get("gamma"), r)
			obj = s.psd
		}
		s.trainer = nn.NewTrainer(obj, nn.NewAdam(p.Get("lr")), s.patches, 32, rng.New(seed, rng.StreamBatches))
		s.probe = &data.Set{N: probePoints, D: s.patches.D, X: s.patches.X[:probePoints*s.patches.D]}
	}
	s.setInfo()
	x := s.points()
	// open on the strip's patch (or point) with the most to code
	s.sel = 0
	best := 0.0
	for i := 0; i < min(stripPatches, x.N); i++ {
		if n := dot(x.At(i), x.At(i)); n > best {
			s.sel, best = i, n
		}
	}
	s.code = make([]float64, k)
	s.evalBuf = make([]float64, 2*max(k, x.D))
	s.recon = make([]float64, x.D)
	s.tmp = make([]float64, x.D)
	s.atoms = make([]float64, k*x.D)
	s.scat = make([]float64, 0, 2*probePoints*k)
	s.Measure()
}

// points are the data of the view.
func (s *SparseScene) points() *data.Set {
	if s.dict != nil {
		return s.dict.X()
	}
	return s.patches
}

func (s *SparseScene) setInfo() {
	i := &s.info
	switch s.view {
	case "2d", "patches":
		i.Title = "Sparse coding: dictionary learning by alternation"
		i.Formula = []string{"‖X − WD‖²₂ + λ‖W‖₁ → min over D, W", "W-step: N LASSO regressions, one per row of W", "D-step: least squares for D (‖d_k‖ ≤ 1)"}
		i.Text = "Each point is coded by a few atoms of the dictionary D (its rows). Alternate the W-step and the " +
			"D-step: neither raises the objective. A larger λ uses fewer atoms per point. Switch normalising off: " +
			"the atoms grow and the codes shrink without end, which is why dictionaries are normalised."
	case "sae":
		i.Title = "Sparse autoencoder: L1 penalty on the code"
		i.Formula = []string{"Σₙ ‖g(f(xₙ)) − xₙ‖² + λ Σₙ ‖f(xₙ)‖₁ → min over θ", "f(x) = a(W₁x + b₁),  g(h) = W₂h + b₂", "R(h) = ‖h‖₁ = Σₖ |hₖ| makes codes sparse"}
		i.Text = "The same penalty, but the code is computed by a feed-forward encoder. With ReLU units many codes " +
			"are exactly zero (the histogram's left bar); with sigmoid units none are, only small: to get actual " +
			"zeros one needs linear or ReLU activations."
	case "psd":
		i.Title = "Predictive sparse decomposition (PSD)"
		i.Formula = []string{"‖x − g(h)‖² + λ‖h‖₁ + γ‖h − f(x)‖² → min over θ", "g(h) = Dᵀh (the dictionary),  f(x) = shrink(Wx + b, θ)", "h*: sparse code inferred by ISTA from f(x)"}
		i.Text = "PSD learns the dictionary and, beside it, a fast encoder f that predicts the sparse codes, so that " +
			"coding a new x is one step instead of a LASSO solve. Watch the points of f(x) against the LASSO code w* " +
			"gather on the diagonal, and their relative gap fall."
	}
}

func (s *SparseScene) Changed(name string) {
	p := s.params
	switch name {
	case "lambda":
		l := p.Get("lambda")
		switch {
		case s.dict != nil:
			s.dict.SetLambda(l)
		case s.sae != nil:
			s.sae.Lambda = l
		case s.psd != nil:
			s.psd.Lambda = l
		}
	case "normalize":
		if s.dict != nil {
			s.dict.Cfg.Normalize = p.Bool("normalize")
		}
	case "gamma":
		if s.psd != nil {
			s.psd.Gamma = p.Get("gamma")
		}
	case "lr":
		if s.trainer != nil {
			s.trainer.Opt.SetLR(p.Get("lr"))
		}
	}
}

// Train runs n alternations (W-step then D-step) of sparse coding, or n
// minibatch steps of the autoencoder shown.
func (s *SparseScene) Train(n int) (int, bool) {
	if s.dict == nil {
		return s.trainer.Step(n)
	}
	for i := 0; i < n; i++ {
		copy(s.lastD, s.dict.D().Data)
		copy(s.lastW, s.dict.W().Data)
		s.wStep()
		s.dStep()
		if !s.dict.Finite() {
			// least squares without normalisation grows the atoms without
			// end: keep the last finite dictionary and codes
			copy(s.dict.D().Data, s.lastD)
			copy(s.dict.W().Data, s.lastW)
			s.dict.Refresh()
			return i, true
		}
	}
	return n, false
}

func (s *SparseScene) Measure() {
	x := s.points()
	s.sel = min(s.sel, x.N-1)
	xs := x.At(s.sel)
	k := len(s.code)
	switch {
	case s.dict != nil:
		m := s.dict
		s.m[0].Value, s.m[1].Value, s.m[2].Value, s.m[3].Value = m.Objective(), m.Sparsity(), m.MSE(), m.AtomNorm()
		copy(s.code, m.W().Data[s.sel*k:(s.sel+1)*k])
		m.Reconstruct(s.recon, s.code)
		copy(s.atoms, m.D().Data)
		s.codes.fill(m.W().Data)
	case s.sae != nil:
		a := s.sae
		s.m[1].Value = a.CodeSparsity(x) // also fills a.Codes()
		net := a.Net
		mse := net.ReconstructionError(x, s.eval)
		l1 := 0.0
		for _, v := range a.Codes() {
			l1 += math.Abs(v)
		}
		s.m[2].Value = mse
		s.m[0].Value = mse + a.Lambda*l1/float64(x.N)
		dec := &net.Layers[1] // Dim×K: atom k is column k
		for j := 0; j < k; j++ {
			for i := 0; i < x.D; i++ {
				s.atoms[j*x.D+i] = dec.W[i*k+j]
			}
		}
		s.m[3].Value = meanRowNorm(s.atoms, k, x.D)
		copy(s.code, a.Codes()[s.sel*k:(s.sel+1)*k])
		net.Eval(s.recon, xs, s.evalBuf)
		s.codes.fill(a.Codes())
	case s.psd != nil:
		p := s.psd
		var r sparse.PSDMeasures
		r, s.scat = p.Measure(s.probe, s.scat[:0])
		s.m[0].Value, s.m[1].Value, s.m[2].Value, s.m[4].Value = r.Energy, r.Sparsity, r.MSE, r.Closeness
		copy(s.atoms, p.D.Data)
		s.m[3].Value = meanRowNorm(s.atoms, k, x.D)
		p.Infer(s.code, xs)
		decode(s.recon, p.D, s.code)
	}
	s.loss = s.m[0].Value
}

func meanRowNorm(a []float64, rows, cols int) float64 {
	t := 0.0
	for r := 0; r < rows; r++ {
		t += math.Sqrt(dot(a[r*cols:(r+1)*cols], a[r*cols:(r+1)*cols]))
	}
	return t / float64(rows)
}

// decode writes Dᵀh into dst.
func decode(dst []float64, d blas64.General, h []float64) {
	clear(dst)
	for k, hk := range h {
		if hk == 0 {
			continue
		}
		row := d.Data[k*d.Stride : k*d.Stride+d.Cols]
		for i, v := range row {
			dst[i] += hk * v
		}
	}
}

// sqDist is ‖x − Dᵀh‖², with tmp as scratch.
func sqDist(x []float64, d blas64.General, h, tmp []float64) float64 {
	decode(tmp, d, h)
	s := 0.0
	for i, v := range x {
		e := v - tmp[i]
		s += e * e
	}
	return s
}

// stripPatches is how many patches the patch views offer to pick from.
const stripPatches = 12

// Layout places the data (a view of the plane, or the atom tiles and a
// strip of patches) on the left and the small plots in a column on the
// right, below the readouts.
func (s *SparseScene) Layout(plot ui.Rect, th *ui.Theme) {
	s.plot = plot
	var insets [3]ui.Rect
	s.dataR = insetColumn(plot, th, 5, 150, 80, insets[:]) // five readout rows at most
	s.objR, s.degR, s.codeR = insets[0], insets[1], insets[2]
	s.v.Fit(s.dataR)
	// patch views: atom tiles above, a strip of patches and the selected
	// one with its reconstruction below
	d := s.dataR.Inset(th.Px(16))
	var low ui.Rect
	s.tiles, low = d.CutTop(d.H * 0.62)
	s.tiles.Y += th.Px(22) // its caption
	s.tiles.H -= th.Px(22)
	s.strip, s.big = low.CutTop(low.H * 0.4)
	s.strip.Y += th.Px(20)
	s.strip.H -= th.Px(20)
	s.big.Y += th.Px(24)
	s.big.H -= th.Px(24)
}

func (s *SparseScene) Pointer(p *ui.Pointer, plot ui.Rect) bool {
	if !p.Pressed {
		return false
	}
	if s.view == "2d" {
		x := s.points()
		best, bi := math.Inf(1), -1
		for n := 0; n < x.N; n++ {
			px, py := s.v.Screen(x.X[2*n], x.X[2*n+1])
			if d := math.Hypot(px-p.X, py-p.Y); d < best {
				best, bi = d, n
			}
		}
		if bi >= 0 && best < 24 {
			s.sel = bi
			s.Measure()
		}
		return false
	}
	for i := 0; i < stripPatches; i++ {
		if s.stripTile(i).Contains(p.X, p.Y) {
			s.sel = i
			s.Measure()
		}
	}
	return false
}

// stripTile is where patch i of the strip is drawn.
func (s *SparseScene) stripTile(i int) ui.Rect {
	side := math.Min(s.strip.H, (s.strip.W-float64(stripPatches-1)*6)/stripPatches)
	return ui.Rect{X: s.strip.X + float64(i)*(side+6), Y: s.strip.Y, W: side, H: side}
}

func (s *SparseScene) Draw(c ui.Canvas, plot ui.Rect, th *ui.Theme) {
	c.Clip(plot)
	if s.view == "2d" {
		s.draw2D(c, th)
	} else {
		s.drawPatches(c, th)
	}
	c.Unclip()
	if s.objR.W > 0 {
		if s.dict != nil {
			s.drawObjective(c, th)
			s.drawDegeneracy(c, th)
		} else if s.sae != nil {
			s.drawHistogram(c, s.objR, th)
		} else {
			s.drawScatter(c, th)
		}
		s.drawCode(c, th)
	}
	if s.view == "2d" {
		s.rows = append(s.rows[:0],
			LegendRow{SwatchArrow, atomColor(0), "atoms d_k (rows of D), one colour each"},
			LegendRow{SwatchDot, atomColor(1), "points, coloured by their largest code"},
			LegendRow{SwatchBand, th.Noise, "directions the data were made from"})
		drawLegend(c, plot, th, s.rows)
	}
}

func (s *SparseScene) draw2D(c ui.Canvas, th *ui.Theme) {
	v := &s.v
	v.Grid(c, s.plot, th)
	m := s.dict
	td := m.TrueDict()
	for k := 0; k < td.Rows; k++ {
		v.Line(c, 0, 0, td.Data[2*k], td.Data[2*k+1], th.Px(8), th.Noise.Alpha(0.18))
	}
	x, w, d := m.X(), m.W(), m.D()
	K := d.Rows
	for n := 0; n < x.N; n++ {
		best, bk := 0.0, -1
		for k := 0; k < K; k++ {
			if a := math.Abs(w.Data[n*K+k]); a > best {
				best, bk = a, k
			}
		}
		col := th.Noise.Alpha(0.5)
		if bk >= 0 {
			col = atomColor(bk).Alpha(0.7)
		}
		px, py := v.Screen(x.X[2*n], x.X[2*n+1])
		c.Circle(px, py, th.Px(3), col)
	}
	ox, oy := v.Screen(0, 0)
	for k := 0; k < K; k++ {
		tx, ty := v.Screen(d.Data[2*k], d.Data[2*k+1])
		arrow(c, ox, oy, tx, ty, th.Px(3.5), th.Px(12), atomColor(k))
	}
	// the selected point: its code as a chain of atoms, then the residual
	xs := x.At(s.sel)
	px, py := v.Screen(xs[0], xs[1])
	cx, cy := 0.0, 0.0
	for k := 0; k < K; k++ {
		if s.code[k] == 0 {
			continue
		}
		nx, ny := cx+s.code[k]*d.Data[2*k], cy+s.code[k]*d.Data[2*k+1]
		x0, y0 := v.Screen(cx, cy)
		x1, y1 := v.Screen(nx, ny)
		arrow(c, x0, y0, x1, y1, th.Px(2.5), th.Px(9), atomColor(k).Mix(th.Text, 0.3))
		cx, cy = nx, ny
	}
	rx, ry := v.Screen(cx, cy)
	c.Line(rx, ry, px, py, th.Px(1.5), th.Text)
	c.Ring(px, py, th.Px(9), th.Px(2.5), th.Text)
	c.Text("click a point to see its code", s.dataR.Right()-th.Px(12), s.dataR.Bottom()-th.Px(26),
		ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right})
}

// tile draws an image patch (side×side values) in r, grey from black
// (−scale) to white (+scale).
func tile(c ui.Canvas, r ui.Rect, v []float64, scale float64, th *ui.Theme) {
	side := int(math.Round(math.Sqrt(float64(len(v)))))
	px := r.W / float64(side)
	for i := 0; i < side; i++ {
		for j := 0; j < side; j++ {
			g := float32(0.5 + 0.5*math.Max(-1, math.Min(1, v[i*side+j]/scale)))
			c.FillRect(ui.Rect{X: r.X + float64(j)*px, Y: r.Y + float64(i)*px, W: px + 0.5, H: px + 0.5}, ui.Color{R: g, G: g, B: g, A: 1})
		}
	}
	c.StrokeRect(r, th.Px(1), th.Line)
}

func maxAbs(v []float64) float64 {
	m := 1e-12
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

func (s *SparseScene) drawPatches(c ui.Canvas, th *ui.Theme) {
	x := s.points()
	k := len(s.code)
	dim := x.D
	cap := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text, Bold: true}
	name := "dictionary D: K atoms (rows)"
	if s.sae != nil {
		name = "decoder columns: the autoencoder's atoms"
	}
	c.Text(name, s.tiles.X, s.tiles.Y-th.Px(22), cap)
	// atoms in a grid
	cols := int(math.Ceil(math.Sqrt(float64(k) * s.tiles.W / math.Max(s.tiles.H, 1))))
	rows := (k + cols - 1) / cols
	side := math.Min(s.tiles.W/float64(cols), s.tiles.H/float64(rows)) - th.Px(4)
	for j := 0; j < k; j++ {
		a := s.atoms[j*dim : (j+1)*dim]
		r := ui.Rect{X: s.tiles.X + float64(j%cols)*(side+th.Px(4)), Y: s.tiles.Y + float64(j/cols)*(side+th.Px(4)), W: side, H: side}
		tile(c, r, a, maxAbs(a), th)
		if s.code[j] != 0 { // the atoms the selected patch uses
			c.StrokeRect(r.Inset(-th.Px(2)), th.Px(2.5), th.Accent)
		}
	}
	c.Text("patches: click one", s.strip.X, s.strip.Y-th.Px(20), cap)
	for i := 0; i < stripPatches && i < x.N; i++ {
		r := s.stripTile(i)
		p := x.At(i)
		tile(c, r, p, maxAbs(p), th)
		if i == s.sel {
			c.StrokeRect(r.Inset(-th.Px(3)), th.Px(3), th.Accent)
		}
	}
	// the selected patch and its reconstruction, large
	xs := x.At(s.sel)
	sc := maxAbs(xs)
	bs := math.Min(s.big.H, s.big.W/3)
	left := ui.Rect{X: s.big.X, Y: s.big.Y, W: bs, H: bs}
	right := ui.Rect{X: s.big.X + bs + th.Px(40), Y: s.big.Y, W: bs, H: bs}
	c.Text("x", left.X+bs/2, left.Y-th.Px(22), ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text, Bold: true, Align: ui.Center})
	c.Text("x̂ = Dᵀh", right.X+bs/2, right.Y-th.Px(22), ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text, Bold: true, Align: ui.Center})
	tile(c, left, xs, sc, th)
	tile(c, right, s.recon, sc, th)
}

// drawCode shows the selected point's code as bars, exact zeros as ticks.
func (s *SparseScene) drawCode(c ui.Canvas, th *ui.Theme) {
	zeros := 0
	for _, v := range s.code {
		if v == 0 {
			zeros++
		}
	}
	s.buf = append(s.buf[:0], "its code: "...)
	s.buf = appendInt(s.buf, len(s.code)-zeros)
	s.buf = append(s.buf, " of "...)
	s.buf = appendInt(s.buf, len(s.code))
	s.buf = append(s.buf, " entries nonzero"...)
	a := insetBytes(c, s.codeR, th, s.buf)
	lim := maxAbs(s.code)
	n := float64(len(s.code))
	bw := a.W / n
	mid := a.Y + a.H/2
	c.Line(a.X, mid, a.Right(), mid, th.Px(1), th.Axis)
	for k, v := range s.code {
		x := a.X + float64(k)*bw
		col := th.Accent
		if s.view == "2d" {
			col = atomColor(k)
		}
		if v == 0 {
			c.FillRect(ui.Rect{X: x + bw*0.2, Y: mid - th.Px(1), W: bw * 0.6, H: th.Px(2)}, th.Noise)
			continue
		}
		h := v / lim * a.H / 2
		r := ui.Rect{X: x + bw*0.15, Y: mid - math.Max(h, 0), W: bw * 0.7, H: math.Abs(h)}
		c.FillRect(r, col)
	}
}

// insetBytes is inset with a formatted title.
func insetBytes(c ui.Canvas, r ui.Rect, th *ui.Theme, title []byte) ui.Rect {
	a := inset(c, r, th, "")
	c.TextBytes(title, r.X+th.Px(10), r.Y+th.Px(6), ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim})
	return a
}

func appendInt(b []byte, v int) []byte {
	return strconv.AppendInt(b, int64(v), 10)
}

// drawObjective plots the objective after every W- and D-step.
func (s *SparseScene) drawObjective(c ui.Canvas, th *ui.Theme) {
	a := inset(c, s.objR, th, "objective after each W-step (•) and D-step (•)")
	h := &s.hist
	if h.n < 2 {
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := 0; i < h.n; i++ {
		lo, hi = math.Min(lo, h.val[i]), math.Max(hi, h.val[i])
	}
	if hi-lo < 1e-12 {
		hi = lo + 1
	}
	s.pts = s.pts[:0]
	for j := 0; j < h.n; j++ {
		i := (h.h - h.n + j + len(h.val)) % len(h.val)
		s.pts = append(s.pts, a.X+float64(j)/float64(max(h.n-1, 1))*a.W, a.Bottom()-(h.val[i]-lo)/(hi-lo)*a.H)
	}
	c.Polyline(s.pts, th.Px(1.5), th.Axis)
	for j := 0; j < h.n; j++ {
		i := (h.h - h.n + j + len(h.val)) % len(h.val)
		col := th.Info
		if h.isD[i] {
			col = th.Model
		}
		c.Circle(s.pts[2*j], s.pts[2*j+1], th.Px(2.6), col)
	}
}

// drawDegeneracy plots ‖D‖_F and ‖W‖₁/N over alternations, each against
// its own largest value.
func (s *SparseScene) drawDegeneracy(c ui.Canvas, th *ui.Theme) {
	a := inset(c, s.degR, th, "‖D‖_F (—) and ‖W‖₁/N (—) over alternations")
	t := &s.degen
	if t.n < 2 {
		return
	}
	series := func(v *[300]float64, col ui.Color) {
		top := 1e-12
		for i := 0; i < t.n; i++ {
			top = math.Max(top, v[i])
		}
		s.pts = s.pts[:0]
		for j := 0; j < t.n; j++ {
			i := (t.h - t.n + j + len(v)) % len(v)
			s.pts = append(s.pts, a.X+float64(j)/float64(max(t.n-1, 1))*a.W, a.Bottom()-v[i]/top*a.H)
		}
		c.Polyline(s.pts, th.Px(2), col)
	}
	series(&t.d, th.Model)
	series(&t.w, th.Data)
}

// drawHistogram shows the code values, the exact zeros in their own bar.
func (s *SparseScene) drawHistogram(c ui.Canvas, r ui.Rect, th *ui.Theme) {
	h := &s.codes
	s.buf = append(s.buf[:0], "code values: exactly 0 in "...)
	s.buf = strconv.AppendFloat(s.buf, 100*float64(h.zeros)/float64(max(h.total, 1)), 'f', 1, 64)
	s.buf = append(s.buf, "%"...)
	a := insetBytes(c, r, th, s.buf)
	top := max(h.zeros, 1)
	for _, b := range h.bins {
		top = max(top, b)
	}
	zw := a.W * 0.12
	zh := float64(h.zeros) / float64(top) * a.H
	c.FillRect(ui.Rect{X: a.X, Y: a.Bottom() - zh, W: zw, H: zh}, th.Model)
	c.Text("0", a.X+zw/2, a.Bottom()+th.Px(1), ui.TextStyle{Size: th.Font(11), Color: th.Model, Bold: true, Align: ui.Center})
	bw := (a.W - zw - th.Px(8)) / float64(len(h.bins))
	for i, b := range h.bins {
		bh := float64(b) / float64(top) * a.H
		c.FillRect(ui.Rect{X: a.X + zw + th.Px(8) + float64(i)*bw, Y: a.Bottom() - bh, W: bw * 0.85, H: bh}, th.Info)
	}
}

// drawScatter plots the fast encoder's code f(x)_k against the LASSO
// code w*_k for the probe points: on the diagonal when PSD has learnt.
func (s *SparseScene) drawScatter(c ui.Canvas, th *ui.Theme) {
	a := inset(c, s.objR, th, "f(x)ₖ (↑) against the LASSO code w*ₖ (→)")
	lim := maxAbs(s.scat)
	cx, cy := a.X+a.W/2, a.Y+a.H/2
	half := math.Min(a.W, a.H) / 2
	c.Line(cx-half, cy+half, cx+half, cy-half, th.Px(1.5), th.Reference)
	c.Line(cx-half, cy, cx+half, cy, th.Px(1), th.Grid)
	c.Line(cx, cy-half, cx, cy+half, th.Px(1), th.Grid)
	for i := 0; i+1 < len(s.scat); i += 2 {
		x := cx + s.scat[i]/lim*half
		y := cy - s.scat[i+1]/lim*half
		c.Circle(x, y, th.Px(2), th.Data.Alpha(0.5))
	}
}

// View returns the 2-D view as last laid out (tests).
func (s *SparseScene) View() *View2D { return &s.v }
