// Package deep is the scene of the lecture's caveat about deep
// undercomplete autoencoders (slide "Undercomplete autoencoders", 14:
// "capacity is large due to depth: h ∈ ℝ may encode the observation
// number"): a one-unit code K = 1 with an encoder and a decoder whose depth
// and width the user sets, trained on a few examples and measured on
// held-out ones. It draws the data with the decoder's curve g(h), the
// held-out points and a grid each joined to its reconstruction, and the
// code line: each training example at its code h, coloured by its
// position along the data. The model is core/memorize.
package deep

import (
	"math"
	"strconv"

	"aelab/core/data"
	"aelab/core/memorize"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// Scene is the deep scene.
type Scene struct {
	info    scene.Info
	cfg     memorize.Config // bound to the parameters
	model   *memorize.Model
	pending *data.Pending // the digits, on their way in the browser
	seed    uint64
	grid    bool // draw the grid's reconstructions
	iterate int  // applications of x ← g(f(x)) the grid's arrows show

	// measured for Draw
	cols          []ui.Color // each training example's colour: its rank along PC1
	trainH, testH plot.Ring[float64]
	pcaTr, pcaTe  float64
	hLo, hHi      float64     // the codes' range
	pLo, pHi      float64     // the positions' range
	thumbs        [][]float64 // digits in [−1, 1] for plot.Tile
	testT         [][]float64
	reconT, nearT [][]float64
	pcaT          [][]float64 // PCA's first component's reconstruction of each shown digit
	measured      int         // parts measured since the last full Measure (MeasureFrame)
	loading       []byte
	buf           []byte

	// layout
	left, right, inset ui.Rect
	v                  plot.View2D
	pts                []float64
}

// New returns the scene at its defaults.
func New() *Scene {
	s := &Scene{cfg: memorize.Default, v: plot.View2D{Half: memorize.GridHalf + 0.3},
		trainH: plot.NewRing[float64](historyLen), testH: plot.NewRing[float64](historyLen)}
	c := &s.cfg
	s.info = scene.Info{
		ID: "deep", Tab: "Deep K = 1",
		Title:  "A deep undercomplete autoencoder can memorise",
		Slides: "lecture: Undercomplete autoencoders (slide 14)",
		Text: "One code unit, K = 1, but a deep encoder and decoder: the lecture warns that h ∈ ℝ may then encode " +
			"the observation number, xₙ → n → xₙ. Depth 0 is linear: its code is PCA's first component (green). " +
			"With depth the training error falls far below PCA's, the held-out error rises above it, and held-out " +
			"points come back as training examples (memorized). Learned, the code keeps most of PC1's order " +
			"(|rank corr. h, PC1|, 3-NN kept in h); code h = n prescribes the index itself, which two or more " +
			"layers each side still decode.",
		Params: param.NewSet(
			param.Pick(param.Spec{Name: "data", Label: "data", Kind: param.Choice, Choices: []string{memorize.Gauss, memorize.Digits},
				Labels: []string{"2-D Gaussian", "8×8 digits"}, Resets: true,
				Help: "gauss: a 2-D Gaussian (standard deviations 1 and 0.6); digits: the UCI 8×8 handwritten digits"}, &c.Data, memorize.Gauss, memorize.Digits),
			param.Bind(param.Spec{Name: "depth", Label: "hidden layers each side", Kind: param.Int, Min: 0, Max: 4, Default: float64(c.Depth), Resets: true,
				Help: "tanh layers in the encoder and as many in the decoder; 0 is the linear autoencoder (PCA)"}, &c.Depth),
			param.Bind(param.Spec{Name: "width", Label: "units per layer", Kind: param.Int, Min: 4, Max: 128, Default: float64(c.Width), Log: true, Digits: 3, Resets: true,
				Help: "units of each hidden layer"}, &c.Width),
			param.Bind(param.Spec{Name: "n_train", Label: "training examples N", Kind: param.Int, Min: 8, Max: 200, Default: float64(c.NTrain), Log: true, Digits: 3, Resets: true,
				Help: "examples the autoencoder trains on; 200 more, held out, measure it"}, &c.NTrain),
			param.Pick(param.Spec{Name: "code", Label: "code h", Kind: param.Choice, Choices: []string{memorize.Learned, memorize.Index},
				Labels: []string{"learned", "h = n"}, Resets: true,
				Help: "learned: the autoencoder finds its own code; index: the code of example n is prescribed to be its number n (scaled to [−1, 1]) and the encoder and decoder are fitted to it, the lecture's xₙ → n → xₙ"}, &c.Code, memorize.Learned, memorize.Index),
			param.Bind(param.Spec{Name: "lr", Label: "learning rate η", Min: 1e-4, Max: 0.05, Default: c.LR, Log: true, Digits: 2,
				Help: "Adam's step size, full batch; applies live"}, &c.LR).Live(func() {
				if s.model != nil {
					s.model.SetLR(c.LR)
				}
			}),
			param.Bind(param.Spec{Name: "grid", Label: "grid's reconstructions", Kind: param.Bool, Default: 1,
				Help: "draw where the autoencoder sends a lattice of points of the plane (2-D data)"}, &s.grid),
			param.Bind(param.Spec{Name: "iterate", Label: "apply g∘f to the grid k times", Kind: param.Int, Min: 1, Max: 30, Default: 1,
				Help: "the grid's arrows end where k applications of x ← g(f(x)) take each point: iterated, the map carries points to the training examples it memorised (Radhakrishnan et al. 2020); applies live"}, &s.iterate).Live(func() {
				if s.model != nil {
					s.model.SetIterations(s.iterate)
				}
			}),
		),
		Metrics: []scene.Metric{
			{Name: "train_mse", Label: "training error", Digits: 3},
			{Name: "test_mse", Label: "held-out error", Digits: 3},
			{Name: "pca_train_mse", Label: "PCA's training error", Digits: 3},
			{Name: "pca_test_mse", Label: "PCA's held-out error", Digits: 3},
			{Name: "memorized", Label: "memorized (ε = 0.2)", Unit: "%", Digits: 3},
			{Name: "pca_memorized", Label: "PCA's, same ε", Unit: "%", Digits: 3},
			{Name: "knn_preserved", Label: "3-NN kept in h", Unit: "%", Digits: 3},
			{Name: "code_rank_corr", Label: "|rank corr. h, PC1|", Digits: 3},
		},
		FloorTag:     "PCA",
		Speed:        speed,
		Insets:       scene.InsetRoom{N: 1, MinH: 90, MaxH: 150},
		Legend:       s.legend,
		MeasureFrame: s.measureFrame,
	}
	return s
}

// speed is the steps a frame asks for: 8 full-batch Adam steps of the
// default 2-64-64-64-1-64-64-64-2 net take about 1.4 ms natively and fit
// the frame's 5 ms training budget in a browser too (3–5× slower), so the
// guided lecture's stops run about as many steps a frame everywhere:
// ~1 400 in 180 frames (3 s), ~7 000 in 900 (15 s). The digits' steps,
// three times heavier, run 2–8 a frame.
const speed = 8

// historyLen is the number of measurements the error curves keep.
const historyLen = 240

func (s *Scene) Info() *scene.Info { return &s.info }

func (s *Scene) Reset(seed uint64) {
	s.seed = seed
	s.model = nil
	s.trainH.Clear()
	s.testH.Clear()
	s.info.Formula = []string{
		"Σₙ ‖g(f(xₙ)) − xₙ‖² → min,  h = f(x) ∈ ℝ (K = 1)",
		"f, g: " + strconv.Itoa(s.cfg.Depth) + " tanh layers of " + strconv.Itoa(s.cfg.Width) + " each side",
	}
	if s.cfg.Code == memorize.Index {
		s.info.Formula[0] = "Σₙ (f(xₙ) − n)² + ‖g(n) − xₙ‖² → min, h = n"
	}
	if s.cfg.Depth == 0 {
		s.info.Formula[1] = "f, g linear: the best linear code is PCA's first component"
	}
	eps := memorize.Epsilon(s.cfg.Data)
	s.info.Metrics[4].Label = "memorized (ε = " + strconv.FormatFloat(eps, 'g', 2, 64) + ")"
	s.info.Unused = s.info.Unused[:0]
	if s.cfg.Depth == 0 {
		s.info.Unused = append(s.info.Unused, "width") // no hidden layers
	}
	if s.cfg.Data == memorize.Digits {
		s.info.Unused = append(s.info.Unused, "grid", "iterate")
		if s.pending == nil {
			s.pending = data.Start("digits")
		}
	}
	s.start()
}

// start builds the model once its data are here; until then the scene
// waits (Info.Waiting), and the App measures it every frame, which calls
// start again, so that a paused page takes the digits as they arrive.
func (s *Scene) start() {
	defer func() { s.info.Waiting = s.model == nil }()
	var im *data.Images
	if s.cfg.Data == memorize.Digits {
		var failed bool
		if im, failed = s.info.PollDigits(&s.pending, "the 2-D Gaussian"); failed {
			s.cfg.Data = memorize.Gauss
		} else if im == nil {
			return
		}
	}
	m := memorize.New(s.cfg, s.seed, im)
	m.SetIterations(s.iterate)
	s.model = m
	n := s.cfg.NTrain
	s.cols = make([]ui.Color, n)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	for i := 1; i < n; i++ {
		for j := i; j > 0 && m.Pos[order[j]] < m.Pos[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	for r, i := range order {
		s.cols[i] = positionColor(float64(r) / float64(max(n-1, 1)))
	}
	s.pLo, s.pHi = m.Pos[order[0]], m.Pos[order[n-1]]
	s.thumbs, s.testT, s.reconT, s.nearT, s.pcaT = nil, nil, nil, nil, nil
	if m.Train.D == 64 {
		s.thumbs = make([][]float64, n)
		for i := range s.thumbs {
			s.thumbs[i] = signed(nil, m.Train.At(i))
		}
		s.testT, s.reconT, s.nearT, s.pcaT = make([][]float64, digitRows), make([][]float64, digitRows), make([][]float64, digitRows), make([][]float64, digitRows)
		for i := range s.reconT {
			s.testT[i], s.reconT[i], s.nearT[i] = signed(nil, m.Test.At(i)), make([]float64, 64), make([]float64, 64)
			// the linear optimum's reconstruction, side by side with the deep net's
			s.pcaT[i] = make([]float64, 64)
			m.PCAReconstruct(s.pcaT[i], m.Test.At(i))
			signed(s.pcaT[i], s.pcaT[i])
		}
	}
	s.pcaTr, s.pcaTe = m.PCATrainMSE, m.PCATestMSE
	s.Measure()
}

// signed writes the pixels of x (in [0, 1]) into dst as plot.Tile draws
// them with scale 1: 0 black, 1 white.
func signed(dst, x []float64) []float64 {
	if dst == nil {
		dst = make([]float64, len(x))
	}
	for i, v := range x {
		dst[i] = 2*v - 1
	}
	return dst
}

// digitRows is the number of held-out digits shown with their
// reconstruction and nearest training digit.
const digitRows = 5

func (s *Scene) Train(n int) (int, bool) {
	if s.model == nil {
		s.start()
		if s.model == nil {
			return 0, false // the digits are still on their way
		}
	}
	done, diverged := s.model.Step(n)
	if diverged {
		s.info.Restored = s.model.Trainer.Restored
	}
	return done, diverged
}

// measureFrame spreads the measurements over frames of play, a part a
// frame (core/memorize.Parts), recording the errors once all are fresh.
func (s *Scene) measureFrame(frame int) {
	if s.model == nil {
		return
	}
	s.model.MeasurePart(s.measured % memorize.Parts)
	s.measured++
	if s.measured%memorize.Parts == 0 {
		s.show()
	}
}

func (s *Scene) Measure() {
	if s.model == nil {
		s.start() // Measure again, from start, if the data have come
		if s.model != nil {
			return
		}
		s.info.Unmeasured()
		return
	}
	s.model.Measure()
	s.measured = 0
	s.show()
}

// show copies the model's measurements to the readouts and the curves.
func (s *Scene) show() {
	m, ms := s.model, s.info.Metrics
	ms[0].Value, ms[1].Value = m.TrainMSE, m.TestMSE
	ms[2].Value, ms[3].Value = m.PCATrainMSE, m.PCATestMSE
	ms[4].Value, ms[5].Value = 100*m.Memorized, 100*m.PCAMemorized
	ms[6].Value, ms[7].Value = 100*m.KNNPreserved, m.CodeRankCorr
	s.info.Loss, s.info.Floor = m.TrainMSE, m.PCATrainMSE
	if s.trainH.Len() == 0 || m.Trainer.Steps > 0 {
		s.trainH.Add(m.TrainMSE)
		s.testH.Add(m.TestMSE)
	}
	lo, hi := m.Codes[0], m.Codes[0]
	for _, h := range m.Codes {
		lo, hi = math.Min(lo, h), math.Max(hi, h)
	}
	s.hLo, s.hHi = lo, hi
	if s.reconT != nil {
		d := m.Test.D
		for r := range s.reconT {
			signed(s.reconT[r], m.Recon[r*d:(r+1)*d])
			signed(s.nearT[r], m.Train.At(m.Nearest[r]))
		}
	}
}

// positionColor is the colour of a training example at relative position
// t ∈ [0, 1] along the data (its rank on PC1): viridis's stops (van der
// Walt & Smith, matplotlib 2015, CC0), dark blue to yellow, ordered in
// lightness so that a scrambled order shows even to colour-blind eyes.
func positionColor(t float64) ui.Color {
	stops := [...]ui.Color{ui.RGB(0x440154), ui.RGB(0x3b528b), ui.RGB(0x21918c), ui.RGB(0x5ec962), ui.RGB(0xf0d820)}
	t = math.Max(0, math.Min(1, t)) * float64(len(stops)-1)
	i := min(int(t), len(stops)-2)
	return stops[i].Mix(stops[i+1], float32(t-float64(i)))
}

func (s *Scene) Layout(r ui.Rect, th *ui.Theme) {
	if r.W >= r.H*1.25 {
		s.left, s.right = r.CutLeft(r.W * 0.55)
	} else {
		s.left, s.right = r.CutTop(r.H * 0.58)
	}
	s.v.Fit(s.left.Inset(th.Px(6)))
	s.inset = ui.Rect{}
	if len(s.info.InsetRects) > 0 {
		s.inset = s.info.InsetRects[0]
	}
}

func (s *Scene) Pointer(p *ui.Pointer, area ui.Rect) bool { return false }

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	if s.model == nil {
		plot.Loading(c, area, th, "the digits", s.pending, &s.loading)
		return
	}
	// each panel clips itself (a Canvas clips one level deep)
	if s.model.Train.D == 2 {
		s.drawPlane(c, th)
	} else {
		c.Clip(s.left)
		s.drawDigits(c, th)
		c.Unclip()
	}
	c.Clip(s.right)
	s.drawCodeLine(c, th)
	c.Unclip()
	if s.inset.W > 0 {
		s.drawErrors(c, th)
	}
}

// drawPlane draws the 2-D data: PCA's axis, the grid's and the held-out
// points' reconstructions, the decoder's curve and the training examples.
func (s *Scene) drawPlane(c ui.Canvas, th *ui.Theme) {
	m, v := s.model, &s.v
	c.Clip(s.left)
	v.Grid(c, s.left, th)
	vec := m.PCA.Vectors
	v.Line(c, m.PCA.Mean[0], m.PCA.Mean[1], vec.Data[0], vec.Data[vec.Stride], th.Px(10), th.Reference.Alpha(0.3))
	if s.grid && m.Grid != nil {
		for k := 0; k < m.Grid.N; k++ {
			p := m.Grid.At(k)
			x0, y0 := v.Screen(p[0], p[1])
			x1, y1 := v.Screen(m.GridRecon[2*k], m.GridRecon[2*k+1])
			c.Line(x0, y0, x1, y1, th.Px(1), th.Noise.Alpha(0.3))
			c.Circle(x0, y0, th.Px(1.4), th.Noise.Alpha(0.45))
			if s.iterate > 1 { // where the iterates end: the attractors
				c.Circle(x1, y1, th.Px(2), th.Noise.Alpha(0.7))
			}
		}
	}
	for n := 0; n < m.Test.N; n++ {
		p := m.Test.At(n)
		x0, y0 := v.Screen(p[0], p[1])
		x1, y1 := v.Screen(m.Recon[2*n], m.Recon[2*n+1])
		c.Line(x0, y0, x1, y1, th.Px(1), th.Recon.Alpha(0.35))
		c.Ring(x0, y0, th.Px(2.6), th.Px(1), th.TextDim.Alpha(0.6))
	}
	s.pts = s.pts[:0]
	for i := 0; i < memorize.CurveN; i++ {
		x, y := v.Screen(m.Curve[2*i], m.Curve[2*i+1])
		s.pts = append(s.pts, x, y)
	}
	c.Polyline(s.pts, th.Px(2.5), th.Model)
	for n := 0; n < m.Test.N; n++ {
		x, y := v.Screen(m.Recon[2*n], m.Recon[2*n+1])
		c.Circle(x, y, th.Px(2.2), th.Recon)
	}
	for n := 0; n < m.Train.N; n++ {
		p := m.Train.At(n)
		x, y := v.Screen(p[0], p[1])
		c.Circle(x, y, th.Px(5.5), th.Text)
		c.Circle(x, y, th.Px(4.3), s.cols[n])
	}
	c.Unclip()
}

// drawDigits draws held-out digits, each with the linear optimum's
// reconstruction (PCA's first component) beside the deep net's and the
// training digit nearest to the deep net's.
func (s *Scene) drawDigits(c ui.Canvas, th *ui.Theme) {
	m, r := s.model, s.left.Inset(th.Px(10))
	small := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Center}
	head := th.Px(22)
	textW := c.TextWidth("‖·‖ = 0.00 ≤ ε", small.Size, false) + th.Px(8)
	side := math.Min((r.H-head)/digitRows*0.86, (r.W-textW)/4.75)
	gap := side * 0.25
	x0 := r.X + math.Max(0, (r.W-(4*side+3*gap+textW))/2)
	labels := [4]string{"held out", "PCA", "g(f(x))", "nearest"}
	widest := 0.0
	for _, l := range labels {
		widest = math.Max(widest, c.TextWidth(l, small.Size, false))
	}
	if widest > side+gap*0.8 {
		// thumbnails too small for a caption each: one line for all
		c.Text(plot.Fit(c, r.W, small.Size, "held-out x, PCA's, g(f(x)), nearest training xₙ", "x, PCA, g(f(x)), nearest xₙ"), r.X, r.Y, ui.TextStyle{Size: small.Size, Color: small.Color})
	} else {
		for k, l := range labels {
			c.Text(l, x0+float64(k)*(side+gap)+side/2, r.Y, small)
		}
	}
	eps := memorize.Epsilon(m.Cfg.Data)
	d := m.Test.D
	for row := 0; row < digitRows; row++ {
		y := r.Y + head + float64(row)*(side+(r.H-head-digitRows*side)/digitRows)
		plot.Tile(c, ui.Rect{X: x0, Y: y, W: side, H: side}, s.testT[row], 1, th)
		plot.Tile(c, ui.Rect{X: x0 + side + gap, Y: y, W: side, H: side}, s.pcaT[row], 1, th)
		plot.Tile(c, ui.Rect{X: x0 + 2*(side+gap), Y: y, W: side, H: side}, s.reconT[row], 1, th)
		plot.Tile(c, ui.Rect{X: x0 + 3*(side+gap), Y: y, W: side, H: side}, s.nearT[row], 1, th)
		dist := math.Sqrt(memorize.SqDist(m.Recon[row*d:(row+1)*d], m.Train.At(m.Nearest[row])))
		s.buf = append(s.buf[:0], "‖·‖ = "...)
		s.buf = strconv.AppendFloat(s.buf, dist, 'f', 2, 64)
		col := th.TextDim
		if dist <= eps {
			col = th.Model
			s.buf = append(s.buf, " ≤ ε"...)
		}
		c.TextBytes(s.buf, x0+4*side+3*gap+th.Px(6), y+side/2-th.Font(ui.SizeSmall)*0.6, ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: col})
	}
}

// drawCodeLine places each training example at its code h (across) and
// its position along the data, PC1 (up), in its colour: a code that
// keeps the order rises as one curve; an index scrambles it.
func (s *Scene) drawCodeLine(c ui.Canvas, th *ui.Theme) {
	m := s.model
	r := s.right.Inset(th.Px(10))
	st := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim}
	c.Text(plot.Fit(c, r.W, th.Font(ui.SizeBody), "code h = f(xₙ) of training xₙ", "code h = f(xₙ)"), r.X, r.Y, ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text})
	c.Text(plot.Fit(c, r.W, st.Size, "↑ place along PC1 (colour)", "↑ along PC1"), r.X, r.Y+th.Font(ui.SizeBody)*1.4, st)
	top := r.Y + th.Font(ui.SizeBody)*1.4 + th.Font(ui.SizeSmall)*1.5
	plotR := ui.Rect{X: r.X + th.Px(22), Y: top, W: r.W - th.Px(30), H: r.Bottom() - top - th.Px(40)}
	if plotR.W < 20 || plotR.H < 20 {
		return
	}
	c.StrokeRect(plotR, th.Px(1), th.Line)
	c.Text("code h →", plotR.Right(), plotR.Bottom()+th.Px(4), ui.TextStyle{Size: st.Size, Color: st.Color, Align: ui.Right})
	// the code line itself: a strip of ticks under the plot
	lineY := plotR.Bottom() + th.Px(28)
	c.Line(plotR.X, lineY, plotR.Right(), lineY, th.Px(1), th.Axis)
	hs := (s.hHi - s.hLo) * 1.08
	if hs <= 0 {
		hs = 1
	}
	ps := (s.pHi - s.pLo) * 1.1
	if ps <= 0 {
		ps = 1
	}
	hMid, pMid := (s.hHi+s.hLo)/2, (s.pHi+s.pLo)/2
	thumb := 0.0
	if s.thumbs != nil {
		thumb = math.Min(th.Px(22), plotR.H/6)
	}
	for n := 0; n < m.Train.N; n++ {
		x := plotR.X + plotR.W*(0.5+(m.Codes[n]-hMid)/hs)
		y := plotR.Y + plotR.H*(0.5-(m.Pos[n]-pMid)/ps)
		c.Line(x, lineY-th.Px(6), x, lineY+th.Px(6), th.Px(2), s.cols[n])
		if thumb > 0 && n < maxThumbs {
			tr := ui.Rect{X: x - thumb/2, Y: y - thumb/2, W: thumb, H: thumb}
			plot.Tile(c, tr, s.thumbs[n], 1, th)
			c.StrokeRect(tr, th.Px(2), s.cols[n])
			continue
		}
		c.Circle(x, y, th.Px(4.5), th.Text)
		c.Circle(x, y, th.Px(3.5), s.cols[n])
	}
}

// maxThumbs is the most digit thumbnails the code line draws (the others
// are dots): a few dozen stay legible and cheap.
const maxThumbs = 48

// drawErrors draws the training and held-out errors over training, with
// PCA's as reference lines.
func (s *Scene) drawErrors(c ui.Canvas, th *ui.Theme) {
	a := plot.Inset(c, s.inset, th, "train (orange) and held-out (blue) error")
	if s.trainH.Len() < 1 || a.W < 10 || a.H < 10 {
		return
	}
	lo, hi := math.Min(s.pcaTr, s.pcaTe), math.Max(s.pcaTr, s.pcaTe)
	for i := 0; i < s.trainH.Len(); i++ {
		lo = math.Min(lo, math.Min(s.trainH.At(i), s.testH.At(i)))
		hi = math.Max(hi, math.Max(s.trainH.At(i), s.testH.At(i)))
	}
	lo, hi = math.Log10(math.Max(lo, 1e-6))-0.1, math.Log10(math.Max(hi, 1e-6))+0.1
	yOf := func(v float64) float64 {
		return a.Bottom() - a.H*(math.Log10(math.Max(v, 1e-6))-lo)/(hi-lo)
	}
	for _, ref := range [2]float64{s.pcaTr, s.pcaTe} {
		y := yOf(ref)
		c.Line(a.X, y, a.Right()-th.Px(30), y, th.Px(1.5), th.Reference)
	}
	c.Text("PCA", a.Right(), yOf(math.Sqrt(s.pcaTr*s.pcaTe))-th.Font(ui.SizeSmall)*0.6,
		ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.Reference, Align: ui.Right})
	n := s.trainH.Len()
	dx := a.W / float64(max(historyLen-1, 1))
	for k, ring := range [2]*plot.Ring[float64]{&s.trainH, &s.testH} {
		s.pts = s.pts[:0]
		for i := 0; i < n; i++ {
			s.pts = append(s.pts, a.X+float64(i)*dx, yOf(ring.At(i)))
		}
		col := th.Model
		if k == 1 {
			col = th.Data
		}
		if n == 1 {
			c.Circle(s.pts[0], s.pts[1], th.Px(2), col)
			continue
		}
		c.Polyline(s.pts, th.Px(2), col)
	}
}

func (s *Scene) legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow {
	if s.model != nil && s.model.Train.D != 2 {
		return append(rows,
			plot.LegendRow{Swatch: plot.SwatchLine, Color: positionColor(0.5), Text: "training digit: colour = place along PC1"})
	}
	if s.grid {
		t := "grid x → g(f(x))"
		if s.iterate > 1 {
			t = "grid x → after k maps x ← g(f(x))"
		}
		rows = append(rows, plot.LegendRow{Swatch: plot.SwatchDot, Color: th.Noise, Text: t})
	}
	return append(rows,
		plot.LegendRow{Swatch: plot.SwatchDot, Color: positionColor(0.3), Text: "training xₙ, coloured along PC1"},
		plot.LegendRow{Swatch: plot.SwatchDot, Color: th.Recon, Text: "held-out x → g(f(x))"},
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Model, Text: "decoder's curve g(h)"},
		plot.LegendRow{Swatch: plot.SwatchBand, Color: th.Reference, Text: "PCA's first axis (linear optimum)"})
}

// Model returns the model being trained (tests); nil while the digits load.
func (s *Scene) Model() *memorize.Model { return s.model }
