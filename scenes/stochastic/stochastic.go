// Package stochastic is the scene of the lecture's stochastic autoencoders
// (slide "Stochastic autoencoders": a stochastic encoder p_encoder(h|x) and
// decoder p_decoder(x|h), estimated by maximum likelihood), a variational
// autoencoder (Kingma & Welling 2014) trained live with a 2-D code so that
// every distribution can be drawn: q(h|x) as ellipses in the code plane
// with draws from it, p(x|h) as clouds of decoded draws in the data plane,
// samples from the prior N(0, I) decoded; on the digits the codes coloured
// by class and the decoded grid over the code plane (Kingma & Welling,
// figure 4). A β slider weighs the KL term; the readouts and an inset set
// the ELBO against an importance-sampled log p(x) (Burda et al. 2016). Side
// by side, a plain autoencoder trains on the same data. The model is
// core/stochastic.
package stochastic

import (
	"math"
	"strconv"

	"aelab/core/data"
	model "aelab/core/stochastic"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// Scene is the stochastic scene.
type Scene struct {
	info    scene.Info
	cfg     model.Config // bound to the parameters
	compare bool         // view: the VAE beside a plain autoencoder (bound)
	m       *model.Model
	pending *data.Pending
	seed    uint64

	all                     []scene.Metric // every readout, in order
	slot                    [mCount]int    // where each of all is in Info.Metrics, or −1
	elboH, pxH              plot.Ring[float64]
	bounds                  int // the model's Bounds when last recorded
	measured                int // parts measured since the last full Measure
	nextPick                int // the picked slot a click replaces next
	codeHalf, aeHalf        float64
	centroids               []float64 // digits: each class's mean code (VAE), for its label
	aeCentroids             []float64
	gridSigned, priorSigned [][]float64 // digits in [−1, 1] for plot.Tile
	aePriorSigned           [][]float64

	// layout
	panels     [4]ui.Rect // vae view: data | code (or code | grid); compare: VAE code, AE code, VAE samples, AE samples
	views      [4]plot.View2D
	inset      ui.Rect
	buf, digit []byte
	poly       []float64
}

// New returns the scene at its defaults.
func New() *Scene {
	s := &Scene{cfg: model.Default,
		elboH: plot.NewRing[float64](historyLen), pxH: plot.NewRing[float64](historyLen)}
	c, d := &s.cfg, model.Default
	beta := param.Bind(param.Spec{Name: "beta", Label: "KL weight β", Min: 0.001, Max: 100, Default: d.Beta, Log: true, Digits: 2,
		Help: "weight of KL(q(h|x) ‖ N(0, I)) in the loss: 1 the ELBO, → 0 a plain autoencoder, large collapses q onto the prior; applies live"}, &c.Beta).Live(func() {
		if s.m != nil {
			s.m.SetBeta(c.Beta)
		}
	})
	s.info = scene.Info{
		ID: "stochastic", Tab: "Stochastic",
		Title:  "Stochastic autoencoder: p(h|x), p(x|h) drawn",
		Slides: "lecture: Stochastic autoencoders",
		Formula: []string{
			"log p(x) ≥ E_q(h|x)[log p(x|h)] − β·KL(q(h|x) ‖ N(0, I))  (β = 1: the ELBO)",
			"q(h|x) = N(μ(x), diag σ²(x)),  h = μ + σ ⊙ ε,  ε ~ N(0, I)",
			"",
		},
		Params: param.NewSet(
			param.Bind(param.Spec{Name: "data", Label: "data", Kind: param.Choice, Choices: model.DataNames,
				Labels: []string{"ring", "two moons", "mixture", "8×8 digits"}, Resets: true,
				Help: "points in the plane (Gaussian decoder) or the UCI 8×8 digits (Bernoulli decoder)"}, &c.Data),
			beta,
			param.Bind(param.Spec{Name: "noise", Label: "decoder noise σ_x", Min: 0.03, Max: 0.5, Default: d.DecoderSD, Log: true, Digits: 2,
				Help: "standard deviation of p(x|h) = N(g(h), σ_x² I) on the plane; applies live"}, &c.DecoderSD).Live(func() {
				if s.m != nil {
					s.m.SetDecoderSD(c.DecoderSD)
				}
			}),
			param.Bind(param.Spec{Name: "hidden", Label: "hidden units", Kind: param.Int, Min: 4, Max: 64, Default: float64(d.Hidden), Log: true, Digits: 2, Resets: true,
				Help: "tanh units of each of the two hidden layers of the encoder and of the decoder"}, &c.Hidden),
			param.Bind(param.Spec{Name: "lr", Label: "learning rate η", Min: 1e-4, Max: 0.05, Default: d.LR, Log: true, Digits: 2,
				Help: "Adam's step size; applies live"}, &c.LR).Live(func() {
				if s.m != nil {
					s.m.SetLR(c.LR)
				}
			}),
			param.Pick(param.Spec{Name: "view", Label: "view", Kind: param.Choice, Choices: []string{"vae", "compare"},
				Labels: []string{"VAE", "VAE | plain AE"}, Resets: true,
				Help: "the VAE's distributions, or its codes and samples beside a plain autoencoder's"}, &s.compare, false, true),
		),
		Speed:        speed,
		Insets:       scene.InsetRoom{N: 1, MinH: 90, MaxH: 170},
		Legend:       s.legend,
		MeasureFrame: s.measureFrame,
	}
	s.all = []scene.Metric{
		{Name: "elbo", Label: "ELBO (β = 1)", Unit: " nats", Digits: 3},
		{Name: "log_px", Label: "log p(x), k = 32", Unit: " nats", Digits: 3},
		{Name: "recon", Label: "E_q[−log p(x|h)]", Digits: 3},
		{Name: "kl", Label: "KL(q ‖ prior)", Digits: 3},
		{Name: "posterior_std", Label: "mean σ(x)", Digits: 3},
		{Name: "active_units", Label: "active code units", Digits: 1},
		{Name: "prior_sample_nll", Label: "prior samples' NLL", Digits: 3},
		{Name: "data_nll", Label: "held-out data's NLL", Digits: 3},
		{Name: "knn_acc", Label: "5-NN on codes", Unit: "%", Digits: 3},
		{Name: "ae_prior_sample_nll", Label: "plain AE: prior samples' NLL", Digits: 3},
		{Name: "ae_mse", Label: "plain AE: squared error", Digits: 3},
	}
	return s
}

// speed is the steps a frame asks for: a step of the default VAE (two
// tanh layers of 32 each side, minibatch 64) takes about 30 µs natively on
// the plane and 0.15 ms on the digits; 12 leave most of the frame's
// training budget in a browser (3–5× slower), and 180 frames give the
// 1 500–2 000 steps the claims need (core/stochastic's tests).
const speed = 12

// historyLen is the number of measurements the inset keeps.
const historyLen = 200

// Indices into s.all.
const (
	mELBO = iota
	mLogPx
	mRecon
	mKL
	mStd
	mActive
	mPrior
	mData
	mKNN
	mAEPrior
	mAEMSE
	mCount
)

func (s *Scene) Info() *scene.Info { return &s.info }

const (
	planeText = "Each coloured ellipse in the code plane (right) is q(h|x) of one data point (2σ), with draws from it; " +
		"decoded, with the decoder's noise, they are the cloud p(x|h) of the same colour in the data plane (left). " +
		"The orange dots decode samples from the prior N(0, I): the model generates. β → 0 shrinks σ(x) to 0, a plain " +
		"autoencoder whose prior samples fall off the data; large β collapses q(h|x) onto the prior (no active unit, KL → 0). " +
		"Click a point or a code to draw its distributions."
	digitsText = "The held-out digits' codes μ(x), coloured by class, with a few posteriors q(h|x) (2σ ellipses); right, " +
		"the decoder's means over the code plane at the prior's quantiles (Kingma & Welling's figure 4): every code decodes " +
		"to a digit. The bound (ELBO) stays below the importance-sampled log p(x) (inset)."
	compareText = "Left the VAE, right a plain autoencoder of the same shape on the same data: codes above, samples from " +
		"N(0, I) decoded below. The plain autoencoder's codes ignore the prior, so its decoded samples fall off the data " +
		"(its prior samples' NLL); the VAE's fill the prior's disc and decode onto the data."
)

func (s *Scene) Reset(seed uint64) {
	s.seed = seed
	s.m = nil
	s.elboH.Clear()
	s.pxH.Clear()
	s.bounds = -1
	digits := s.cfg.Data == model.Digits
	s.info.Formula[2] = "p(x|h) = N(g(h), σ_x² I) on the plane;  prior p(h) = N(0, I), h ∈ ℝ²"
	s.info.Text = planeText
	if digits {
		s.info.Formula[2] = "p(x|h) = Bernoulli(g(h)) per pixel;  prior p(h) = N(0, I), h ∈ ℝ²"
		s.info.Text = digitsText
	}
	if s.compare {
		s.info.Text = compareText
	}
	s.all[mLogPx].Label = "log p(x), k = " + strconv.Itoa(model.ImportanceK(s.cfg.Data))
	s.all[mAEMSE].Label = "plain AE: squared error"
	s.info.Metrics = s.info.Metrics[:0:0] // a new list: the App may hold the old one
	for i := range s.all {
		s.slot[i] = -1
		if (i == mKNN && !digits) || (i >= mAEPrior && !s.compare) {
			continue
		}
		s.slot[i] = len(s.info.Metrics)
		s.info.Metrics = append(s.info.Metrics, s.all[i])
	}
	s.info.Unused = s.info.Unused[:0]
	if digits {
		s.info.Unused = append(s.info.Unused, "noise")
		if s.pending == nil {
			s.pending = data.Start("digits")
		}
	}
	s.start()
}

// start builds the model once its data are here (the digits may be on
// their way in the browser: Info.Waiting until then).
func (s *Scene) start() {
	defer func() { s.info.Waiting = s.m == nil }()
	var im *data.Images
	if s.cfg.Data == model.Digits {
		var failed bool
		if im, failed = s.info.PollDigits(&s.pending, "the ring"); failed {
			s.cfg.Data = model.Ring
		} else if im == nil {
			return
		}
	}
	c := s.cfg
	c.Plain = s.compare
	s.m = model.New(c, s.seed, im)
	s.centroids = make([]float64, s.m.Classes*model.Code)
	s.aeCentroids = make([]float64, s.m.Classes*model.Code)
	s.gridSigned, s.priorSigned, s.aePriorSigned = nil, nil, nil
	if s.m.GridX != nil {
		s.gridSigned = tiles(model.GridSide * model.GridSide)
		s.priorSigned = tiles(priorTiles)
		s.aePriorSigned = tiles(priorTiles)
	}
	s.Measure()
}

// priorTiles is the number of decoded prior samples shown as digits, side
// by side (a 6×6 grid).
const (
	priorSide  = 6
	priorTiles = priorSide * priorSide
)

func tiles(n int) [][]float64 {
	t := make([][]float64, n)
	for i := range t {
		t[i] = make([]float64, 64)
	}
	return t
}

func (s *Scene) Train(n int) (int, bool) {
	if s.m == nil {
		s.start()
		if s.m == nil {
			return 0, false
		}
	}
	done, diverged := s.m.Step(n)
	if diverged {
		s.info.Restored = s.m.Trainer.Restored
		if s.m.AETrainer != nil && s.m.AETrainer.Restored < s.info.Restored {
			s.info.Restored = s.m.AETrainer.Restored
		}
	}
	return done, diverged
}

// measureFrame measures a part a frame (core/stochastic.Parts) while
// training plays; the readouts follow each part.
func (s *Scene) measureFrame(frame int) {
	if s.m == nil {
		return
	}
	s.m.MeasurePart(s.measured % model.Parts)
	s.measured++
	s.show()
}

func (s *Scene) Measure() {
	if s.m == nil {
		s.start()
		if s.m != nil {
			return
		}
		s.info.Unmeasured()
		return
	}
	s.m.Measure()
	s.measured = 0
	s.show()
}

// show copies the model's measurements to the readouts, the inset's
// history and what is drawn.
func (s *Scene) show() {
	m := s.m
	for i, v := range [mCount]float64{
		mELBO: m.ELBO, mLogPx: m.LogPx, mRecon: m.Recon, mKL: m.KL,
		mStd: m.PosteriorStd, mActive: float64(m.ActiveUnits),
		mPrior: m.PriorSampleNLL, mData: m.DataNLL, mKNN: 100 * m.KNNAcc,
		mAEPrior: m.AEPriorNLL, mAEMSE: m.AEMSE,
	} {
		if j := s.slot[i]; j >= 0 {
			s.info.Metrics[j].Value = v
		}
	}
	// the training objective, E[−log p(x|h)] + β·KL, without the Gaussian
	// decoder's constant (D/2)·log(2πσ_x²): positive, for the loss plot's
	// logarithmic axis
	s.info.Loss = m.Recon + m.Cfg.Beta*m.KL
	if m.Cfg.Data != model.Digits {
		sd := m.Cfg.DecoderSD
		s.info.Loss -= float64(m.Train.D) / 2 * math.Log(2*math.Pi*sd*sd)
	}
	if m.Bounds != s.bounds {
		s.bounds = m.Bounds
		s.elboH.Add(m.ELBO)
		s.pxH.Add(m.LogPx)
	}
	s.codeHalf = viewHalf(m.Mu, 3.2)
	if m.AE != nil {
		s.aeHalf = viewHalf(m.AECodes, 0)
	}
	centroids(s.centroids, m.Mu, m.EvalLabels)
	if m.AE != nil {
		centroids(s.aeCentroids, m.AECodes, m.EvalLabels)
	}
	if s.gridSigned != nil {
		for i, t := range s.gridSigned {
			signed(t, m.GridX[i*64:(i+1)*64])
		}
		for i := range s.priorSigned {
			signed(s.priorSigned[i], m.PriorX[i*64:(i+1)*64])
			if m.AE != nil {
				signed(s.aePriorSigned[i], m.AEPriorX[i*64:(i+1)*64])
			}
		}
	}
	s.fit()
}

// viewHalf is the half-width of a code plane that shows the codes (K = 2,
// row-major): at least least, else 1.1 times the largest |coordinate|
// rounded up to a half.
func viewHalf(codes []float64, least float64) float64 {
	top := 0.0
	for _, v := range codes {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			top = math.Max(top, math.Abs(v))
		}
	}
	h := math.Ceil(2.2*top) / 2
	if !(h > least) {
		h = math.Max(least, 0.5)
	}
	return math.Min(h, 1e6)
}

// centroids writes the mean code of each class.
func centroids(dst, codes []float64, labels []int) {
	var count [16]int
	clear(dst)
	for n, c := range labels {
		dst[2*c] += codes[2*n]
		dst[2*c+1] += codes[2*n+1]
		count[c]++
	}
	for c := 0; c < len(dst)/2; c++ {
		if count[c] > 0 {
			dst[2*c] /= float64(count[c])
			dst[2*c+1] /= float64(count[c])
		}
	}
}

// signed writes pixels in [0, 1] as plot.Tile draws them with scale 1.
func signed(dst, x []float64) {
	for i, v := range x {
		dst[i] = 2*v - 1
	}
}

// Layout places the panels: two side by side (stacked on a tall screen)
// under their titles, or side by side a 2×2 grid (the VAE's column, the
// plain autoencoder's).
func (s *Scene) Layout(area ui.Rect, th *ui.Theme) {
	s.inset = ui.Rect{}
	if len(s.info.InsetRects) > 0 {
		s.inset = s.info.InsetRects[0]
	}
	top, gap := th.Px(titleBand), th.Px(12)
	area.H -= th.Px(6) // a margin above the explanation
	if s.compare {
		// two columns under the titles, each a code plane above its
		// samples; on a wide, low plot (a phone) four in a row
		side := math.Max(1, math.Min((area.W-gap)/2, (area.H-top-gap-th.Px(subBand))/2))
		if row := math.Min((area.W-3*gap)/4, area.H-top); row > side {
			x := area.X + (area.W-4*row-3*gap)/2
			y := area.Y + top + math.Max(0, (area.H-top-row)/2)
			for i := range s.panels {
				s.panels[i] = ui.Rect{X: x + float64(i)*(row+gap), Y: y, W: row, H: row}
			}
			s.fit()
			return
		}
		x := area.X + (area.W-2*side-gap)/2
		y := area.Y + top + math.Max(0, (area.H-top-gap-th.Px(subBand)-2*side)/2)
		s.panels[0] = ui.Rect{X: x, Y: y, W: side, H: side}
		s.panels[1] = ui.Rect{X: x + side + gap, Y: y, W: side, H: side}
		y += side + gap + th.Px(subBand)
		s.panels[2] = ui.Rect{X: x, Y: y, W: side, H: side}
		s.panels[3] = ui.Rect{X: x + side + gap, Y: y, W: side, H: side}
	} else if wide, tall := math.Min((area.W-gap)/2, area.H-top), math.Min(area.W, (area.H-2*top-gap)/2); wide >= tall {
		// side by side, or stacked: whichever gives the larger panels
		side := math.Max(1, wide)
		x := area.X + (area.W-2*side-gap)/2
		y := area.Y + top + math.Max(0, (area.H-top-side)/2)
		s.panels[0] = ui.Rect{X: x, Y: y, W: side, H: side}
		s.panels[1] = ui.Rect{X: x + side + gap, Y: y, W: side, H: side}
	} else {
		side := math.Max(1, math.Min(area.W, (area.H-2*top-gap)/2))
		x := area.X + (area.W-side)/2
		y := area.Y + top + math.Max(0, (area.H-2*top-gap-2*side)/2)
		s.panels[0] = ui.Rect{X: x, Y: y, W: side, H: side}
		s.panels[1] = ui.Rect{X: x, Y: y + top + side + gap, W: side, H: side}
	}
	s.fit()
}

const (
	titleBand = 30 // the panels' titles, px
	subBand   = 24 // compare: the lower panels' titles
	planeHalf = 2.2
)

// fit sets the views: the data plane's fixed window, the code planes' as
// wide as their codes (Measure changes them).
func (s *Scene) fit() {
	if s.m == nil {
		return
	}
	digits := s.m.Cfg.Data == model.Digits
	if s.compare {
		s.views[0].Half, s.views[1].Half = s.codeHalf, s.aeHalf
		s.views[2].Half, s.views[3].Half = planeHalf, planeHalf
	} else {
		s.views[0].Half, s.views[1].Half = planeHalf, s.codeHalf
		if digits {
			s.views[0].Half = s.codeHalf
		}
	}
	for i := range s.views {
		s.views[i].Fit(s.panels[i])
	}
}

// Pointer picks a point: a press in the data plane picks the held-out
// point nearest it, in the code plane the one whose code μ(x) is nearest;
// it takes the place of the oldest picked point, and its q(h|x) and
// p(x|h) are drawn at once.
func (s *Scene) Pointer(p *ui.Pointer, area ui.Rect) bool {
	if s.m == nil || s.compare || !p.Pressed {
		return false
	}
	m, digits := s.m, s.m.Cfg.Data == model.Digits
	// the panels that show points: data and codes on the plane, codes
	// (left) on the digits
	codes, plane := 1, 0
	if digits {
		codes, plane = 0, -1
	}
	for _, i := range [2]int{codes, plane} {
		if i < 0 || !s.panels[i].Contains(p.X, p.Y) {
			continue
		}
		pts := m.Eval.X
		if i == codes {
			pts = m.Mu
		}
		x, y := s.views[i].Data(p.X, p.Y)
		best, bestD := 0, math.Inf(1)
		for n := 0; n < m.Eval.N; n++ {
			dx, dy := pts[2*n]-x, pts[2*n+1]-y
			if d := dx*dx + dy*dy; d < bestD {
				best, bestD = n, d
			}
		}
		m.Pick(s.nextPick, best)
		s.nextPick = (s.nextPick + 1) % model.Picked
		return true
	}
	return false
}

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	if s.m == nil {
		s.drawLoading(c, area, th)
		return
	}
	digits := s.m.Cfg.Data == model.Digits
	switch {
	case s.compare:
		s.codePlane(c, th, 0, s.m.Mu, s.centroids, true, "VAE: codes μ(x)", "VAE codes")
		s.codePlane(c, th, 1, s.m.AECodes, s.aeCentroids, false, "plain AE: codes f(x)", "AE codes")
		if digits {
			s.digitGrid(c, th, s.panels[2], s.priorSigned, priorSide, "VAE: g(h), h ~ N(0, I)", "VAE samples")
			s.digitGrid(c, th, s.panels[3], s.aePriorSigned, priorSide, "AE: g(h), h ~ N(0, I)", "AE samples")
		} else {
			s.dataPlane(c, th, 2, s.m.PriorX, false, "VAE: g(h), h ~ N(0, I)", "VAE samples")
			s.dataPlane(c, th, 3, s.m.AEPriorX, false, "AE: g(h), h ~ N(0, I)", "AE samples")
		}
	case digits:
		s.codePlane(c, th, 0, s.m.Mu, s.centroids, true, "code plane: μ(x) and q(h|x)", "codes, q(h|x)")
		s.digitGrid(c, th, s.panels[1], s.gridSigned, model.GridSide, "decoded g(h) over the code plane", "g(h) over h")
	default:
		s.dataPlane(c, th, 0, s.m.PriorX, true, "data x: p(x|h) and prior samples", "data x")
		s.codePlane(c, th, 1, s.m.Mu, nil, true, "code h: q(h|x) and prior N(0, I)", "code h")
	}
	if s.inset.W > 0 {
		s.drawBounds(c, th)
	}
}

func (s *Scene) drawLoading(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	plot.Loading(c, area, th, "the digits", s.pending, &s.buf)
}

// title sets a panel's title centred above r: long, or short where that
// does not fit.
func (s *Scene) title(c ui.Canvas, th *ui.Theme, r ui.Rect, long, short string) {
	st := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text, Bold: true, Align: ui.Center}
	room := r.W
	for _, size := range [2]float64{ui.SizeBody, ui.SizeFloor} {
		st.Size = th.Font(size)
		for _, t := range [2]string{long, short} {
			if c.TextWidth(t, st.Size, true) <= room {
				c.Text(t, r.X+r.W/2, r.Y-st.Size*1.35, st)
				return
			}
		}
	}
	// no room for a title beside its neighbour's: the legend and the
	// explanation say what the panels are
}

// classColor is the colour of class k: Okabe & Ito's palette for colour
// blindness (2008) and four more, for the digits' ten classes.
func classColor(k int) ui.Color {
	pal := [...]ui.Color{ui.RGB(0x0072b2), ui.RGB(0xe69f00), ui.RGB(0x009e73), ui.RGB(0xcc79a7), ui.RGB(0x56b4e9),
		ui.RGB(0xd55e00), ui.RGB(0x6a3d9a), ui.RGB(0x000000), ui.RGB(0xb15928), ui.RGB(0x999933)}
	return pal[k%len(pal)]
}

// pickColor is the colour of picked point p, its q(h|x) and its p(x|h).
func pickColor(p int) ui.Color {
	pal := [...]ui.Color{ui.RGB(0xc0392b), ui.RGB(0x1f4e8c), ui.RGB(0x00735c), ui.RGB(0x7b2d8e), ui.RGB(0xb7791f), ui.RGB(0x0e7c86)}
	return pal[p%len(pal)]
}

// dataPlane draws the training points in panel i's view, the decoded
// samples prior (PriorN × 2), and with picked the picked points' clouds
// p(x|h).
func (s *Scene) dataPlane(c ui.Canvas, th *ui.Theme, i int, prior []float64, picked bool, long, short string) {
	m, r, v := s.m, s.panels[i], &s.views[i]
	s.title(c, th, r, long, short)
	c.Clip(r)
	c.FillRect(r, th.Bg)
	v.Grid(c, r, th)
	for n := 0; n < m.Train.N; n++ {
		p := m.Train.At(n)
		x, y := v.Screen(p[0], p[1])
		c.Circle(x, y, th.Px(2), th.Noise.Alpha(0.45))
	}
	for n := 0; n < model.PriorN; n++ {
		x, y := v.Screen(prior[2*n], prior[2*n+1])
		c.Circle(x, y, th.Px(2.2), th.Model.Alpha(0.75))
	}
	if picked {
		for p, idx := range m.PickedIdx {
			col := pickColor(p)
			for j := 0; j < model.PickedDraws; j++ {
				q := p*model.PickedDraws + j
				x, y := v.Screen(m.PickedX[2*q], m.PickedX[2*q+1])
				c.Circle(x, y, th.Px(3), th.Bg)
				c.Circle(x, y, th.Px(2.4), col)
			}
			xp := m.Eval.At(idx)
			x, y := v.Screen(xp[0], xp[1])
			c.Circle(x, y, th.Px(6), th.Bg)
			c.Ring(x, y, th.Px(5), th.Px(2.5), col)
		}
	}
	c.StrokeRect(r, th.Px(1), th.Line)
	c.Unclip()
}

// codePlane draws codes (row-major, one per held-out point) coloured by
// class in panel i's view, the prior's 1σ and 2σ circles, the class labels
// at their centroids (digits), and for the VAE the picked points'
// posteriors: 2σ ellipses with draws from them.
func (s *Scene) codePlane(c ui.Canvas, th *ui.Theme, i int, codes, cents []float64, vae bool, long, short string) {
	m, r, v := s.m, s.panels[i], &s.views[i]
	s.title(c, th, r, long, short)
	c.Clip(r)
	c.FillRect(r, th.Bg)
	v.Grid(c, r, th)
	for _, rad := range [2]float64{1, 2} {
		s.ellipse(c, v, 0, 0, rad, rad, ui.Color{}, th.Reference.Alpha(0.9), th.Px(1.6))
	}
	digits := m.Cfg.Data == model.Digits
	dot := th.Px(2.4)
	if digits {
		dot = th.Px(3)
	}
	for n := 0; n < m.Eval.N; n++ {
		x, y := v.Screen(codes[2*n], codes[2*n+1])
		c.Circle(x, y, dot, classColor(m.EvalLabels[n]).Alpha(0.7))
	}
	if vae {
		for p, idx := range m.PickedIdx {
			col := pickColor(p)
			mu, lv := m.Mu[2*idx:2*idx+2], m.LogVar[2*idx:2*idx+2]
			s.ellipse(c, v, mu[0], mu[1], 2*math.Exp(0.5*lv[0]), 2*math.Exp(0.5*lv[1]), col.Alpha(0.1), col, th.Px(2))
			for j := 0; j < model.PickedDraws; j++ {
				q := p*model.PickedDraws + j
				x, y := v.Screen(m.PickedH[2*q], m.PickedH[2*q+1])
				c.Circle(x, y, th.Px(1.8), col.Alpha(0.8))
			}
		}
	}
	if digits && cents != nil {
		st := ui.TextStyle{Size: th.Font(ui.SizeHeading), Bold: true, Align: ui.Center}
		for k := 0; k < m.Classes; k++ {
			x, y := v.Screen(cents[2*k], cents[2*k+1])
			s.digit = strconv.AppendInt(s.digit[:0], int64(k), 10)
			c.Circle(x, y, st.Size*0.75, th.Bg.Alpha(0.85))
			st.Color = classColor(k)
			c.TextBytes(s.digit, x, y-st.Size*0.6, st)
		}
	}
	s.scaleNote(c, th, r, v.Half)
	c.StrokeRect(r, th.Px(1), th.Line)
	c.Unclip()
}

// scaleNote writes the plane's half-width in its bottom-right corner, so
// that two planes of different scales are not read as one.
func (s *Scene) scaleNote(c ui.Canvas, th *ui.Theme, r ui.Rect, half float64) {
	s.buf = append(s.buf[:0], "±"...)
	s.buf = strconv.AppendFloat(s.buf, half, 'g', 3, 64)
	st := ui.TextStyle{Size: th.Font(ui.SizeFloor), Color: th.TextDim, Align: ui.Right}
	c.TextBytes(s.buf, r.Right()-th.Px(4), r.Bottom()-st.Size*1.3, st)
}

// ellipse draws the axis-aligned ellipse of half-axes a, b at (x, y)
// (data units): filled with fill (when not transparent) and outlined.
func (s *Scene) ellipse(c ui.Canvas, v *plot.View2D, x, y, a, b float64, fill, line ui.Color, w float64) {
	const sides = 40
	s.poly = s.poly[:0]
	for k := 0; k < sides; k++ {
		sn, cs := math.Sincos(2 * math.Pi * float64(k) / sides)
		sx, sy := v.Screen(x+a*cs, y+b*sn)
		s.poly = append(s.poly, sx, sy)
	}
	if fill.A > 0 {
		c.Polygon(s.poly, fill)
	}
	s.poly = append(s.poly, s.poly[0], s.poly[1])
	c.Polyline(s.poly, w, line)
}

// digitGrid draws side×side digits in r under a title.
func (s *Scene) digitGrid(c ui.Canvas, th *ui.Theme, r ui.Rect, t [][]float64, side int, long, short string) {
	s.title(c, th, r, long, short)
	cell := r.W / float64(side)
	for i := 0; i < side; i++ {
		for j := 0; j < side; j++ {
			plot.Tile(c, ui.Rect{X: r.X + float64(j)*cell, Y: r.Y + float64(i)*cell, W: cell, H: cell}, t[i*side+j], 1, th)
		}
	}
}

// drawBounds plots the ELBO and the importance-sampled log p(x) over
// training: the gap between the bound and the likelihood.
func (s *Scene) drawBounds(c ui.Canvas, th *ui.Theme) {
	s.buf = append(s.buf[:0], "log p(x), k = "...)
	s.buf = strconv.AppendInt(s.buf, int64(model.ImportanceK(s.m.Cfg.Data)), 10)
	s.buf = append(s.buf, " (green) ≥ ELBO (orange)"...)
	a := plot.InsetBytes(c, s.inset, th, s.buf)
	n := s.elboH.Len()
	if n < 1 || a.W < 10 || a.H < 10 {
		return
	}
	// the last half of the history sets the scale, so that the first,
	// untrained measurements do not flatten the gap
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := n / 2; i < n; i++ {
		lo = math.Min(lo, math.Min(s.elboH.At(i), s.pxH.At(i)))
		hi = math.Max(hi, math.Max(s.elboH.At(i), s.pxH.At(i)))
	}
	if !(hi-lo > 0.2) {
		mid := (hi + lo) / 2
		lo, hi = mid-0.1, mid+0.1
	}
	pad := 0.1 * (hi - lo)
	lo, hi = lo-pad, hi+pad
	yOf := func(v float64) float64 {
		return a.Bottom() - a.H*(math.Max(lo, math.Min(hi, v))-lo)/(hi-lo)
	}
	dx := a.W / float64(historyLen-1)
	for k, ring := range [2]*plot.Ring[float64]{&s.elboH, &s.pxH} {
		s.poly = s.poly[:0]
		for i := 0; i < n; i++ {
			s.poly = append(s.poly, a.X+float64(i)*dx, yOf(ring.At(i)))
		}
		col := th.Model
		if k == 1 {
			col = th.Reference
		}
		if n == 1 {
			c.Circle(s.poly[0], s.poly[1], th.Px(2), col)
			continue
		}
		c.Polyline(s.poly, th.Px(2), col)
	}
	small := ui.TextStyle{Size: th.Font(ui.SizeFloor), Color: th.TextDim, Align: ui.Right}
	s.buf = strconv.AppendFloat(s.buf[:0], hi, 'f', 2, 64)
	c.TextBytes(s.buf, a.Right(), a.Y-small.Size*0.2, small)
	s.buf = strconv.AppendFloat(s.buf[:0], lo, 'f', 2, 64)
	c.TextBytes(s.buf, a.Right(), a.Bottom()-small.Size*1.1, small)
}

func (s *Scene) legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow {
	rows = append(rows, plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Reference, Text: "prior N(0, I): 1σ, 2σ"})
	if s.m == nil {
		return rows
	}
	if !s.compare {
		rows = append(rows, plot.LegendRow{Swatch: plot.SwatchBand, Color: pickColor(0), Text: "q(h|x): 2σ ellipse, draws"})
	}
	if s.m.Cfg.Data != model.Digits {
		rows = append(rows, plot.LegendRow{Swatch: plot.SwatchDot, Color: th.Model, Text: "decoded prior samples g(h)"})
		if !s.compare {
			rows = append(rows, plot.LegendRow{Swatch: plot.SwatchDot, Color: pickColor(1), Text: "p(x|h), h ~ q(h|x) of a ringed x"})
		}
	}
	return rows
}

// DataView returns the data plane's view in the VAE view on the plane
// (tests).
func (s *Scene) DataView() *plot.View2D { return &s.views[0] }

// Model returns the model being trained (tests); nil while the digits load.
func (s *Scene) Model() *model.Model { return s.m }
