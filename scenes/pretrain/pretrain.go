// Package pretrain is the scene of the lecture's section on depth (slides
// "Deep autoencoders", "Unsupervized pretraining", "Supervised
// pretraining"): a deep autoencoder of the 8×8 digits with a 2-unit code,
// greedily pretrained layer by layer and fine-tuned, beside the same
// network from random initialisation and PCA with two components (Hinton &
// Salakhutdinov, Science 2006, Fig. 3), and a classifier head trained on a
// few labels. It draws PCA's and the autoencoder's 2-D codes of the test
// digits coloured by class side by side, the stack with its stages, and
// the test error over training with each stage marked. The model is
// core/pretrain.
package pretrain

import (
	"math"
	"strconv"

	"aelab/core/data"
	core "aelab/core/pretrain"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// Scene is the pretrain scene.
type Scene struct {
	info     scene.Info
	cfg      core.Config
	stageOpt string // the greedy stages' optimizer: adam or sgd
	show     string // which track's codes and error: pretrained or random
	units    string // Sigmoid (2006) or ReLU (modern)
	view     string // Codes or Runs
	nRuns    int    // pairs of runs of the Runs view
	model    *core.Model
	runs     *core.Runs // the Runs view's; model is its first
	pending  *data.Pending
	seed     uint64

	// measured, for Draw
	preH, randH plot.Ring[float64] // test errors over training
	stepsH      plot.Ring[float64]
	measured    int
	loading     []byte
	buf         []byte
	pts         []float64

	// layout
	left, right, line, stack, inset ui.Rect
	vl, vr                          box
}

// box maps a 2-D code range to a panel.
type box struct {
	r              ui.Rect
	x0, x1, y0, y1 float64
}

func (b *box) fit(codes []float64) {
	b.x0, b.x1, b.y0, b.y1 = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := 0; i+1 < len(codes); i += 2 {
		x, y := codes[i], codes[i+1]
		if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
			continue
		}
		b.x0, b.x1 = math.Min(b.x0, x), math.Max(b.x1, x)
		b.y0, b.y1 = math.Min(b.y0, y), math.Max(b.y1, y)
	}
	if !(b.x1 > b.x0) {
		b.x0, b.x1 = -1, 1
	}
	if !(b.y1 > b.y0) {
		b.y0, b.y1 = -1, 1
	}
	mx, my := 0.04*(b.x1-b.x0), 0.04*(b.y1-b.y0) // a margin for the dots
	b.x0, b.x1, b.y0, b.y1 = b.x0-mx, b.x1+mx, b.y0-my, b.y1+my
}

// fit2 is fit for the points (xs[i], ys[i]), with the same scale on both
// axes (an embedding's distances mean the same either way).
func (b *box) fit2(xs, ys []float64) {
	b.x0, b.x1, b.y0, b.y1 = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i, x := range xs {
		b.x0, b.x1 = math.Min(b.x0, x), math.Max(b.x1, x)
		b.y0, b.y1 = math.Min(b.y0, ys[i]), math.Max(b.y1, ys[i])
	}
	if !(b.x1 >= b.x0) || !(b.y1 >= b.y0) {
		b.x0, b.x1, b.y0, b.y1 = -1, 1, -1, 1
	}
	cx, cy := (b.x0+b.x1)/2, (b.y0+b.y1)/2
	half := 0.55 * math.Max(math.Max(b.x1-b.x0, b.y1-b.y0), 1e-9)
	b.x0, b.x1, b.y0, b.y1 = cx-half, cx+half, cy-half, cy+half
}

func (b *box) at(x, y float64) (float64, float64) {
	return b.r.X + b.r.W*(x-b.x0)/(b.x1-b.x0), b.r.Bottom() - b.r.H*(y-b.y0)/(b.y1-b.y0)
}

// Views of the codes.
const (
	Pretrained = "pretrained"
	Random     = "random"
)

// Views: one pair of runs and their codes, or many pairs in function
// space (the lecture's Demo2).
const (
	Codes = "codes"
	Runs  = "runs"
)

// Units: 2006's or today's (core.Modern).
const (
	Sigmoid = "sigmoid"
	ReLU    = "relu"
)

// New returns the scene at its defaults.
func New() *Scene {
	s := &Scene{cfg: core.Default, stageOpt: "adam", show: Pretrained, units: Sigmoid, view: Codes, nRuns: 3,
		preH: plot.NewRing[float64](historyLen), randH: plot.NewRing[float64](historyLen), stepsH: plot.NewRing[float64](historyLen)}
	c := &s.cfg
	s.info = scene.Info{
		ID: "pretrain", Tab: "Pretraining",
		Title:  "Greedy layer-wise pretraining, and when it helps",
		Slides: "lecture: Deep autoencoders; Unsupervized pretraining; Supervised pretraining",
		Text: "A deep autoencoder of the digits with a 2-unit code, trained twice: greedily (layer by layer, then the " +
			"unrolled stack fine-tuned) and from random initialisation. In 2006's deep sigmoid stack the random start stays " +
			"stuck; the pretrained one beats PCA and separates the classes. With ReLU units and Adam the random start trains too. " +
			"\"Many runs\" is the lecture's Demo2.",
		Params: param.NewSet(
			param.Pick(param.Spec{Name: "view", Label: "view", Kind: param.Choice, Choices: []string{Codes, Runs},
				Labels: []string{"codes of one pair", "many runs (Demo2)"}, Resets: true,
				Help: "codes: one pretrained and one random run, their 2-D codes beside PCA's; runs: several pairs of runs, each run's outputs on 50 probe digits over training embedded in 2-D (Erhan et al. 2010)"}, &s.view, Codes, Runs),
			param.Bind(param.Spec{Name: "runs", Label: "pairs of runs", Kind: param.Int, Min: 2, Max: 6, Default: 3, Resets: true,
				Help: "how many pretrained and as many random runs the Demo2 view trains (seeds seed … seed + runs − 1), taking turns"}, &s.nRuns),
			param.Pick(param.Spec{Name: "units", Label: "units", Kind: param.Choice, Choices: []string{Sigmoid, ReLU},
				Labels: []string{"sigmoid, SGD (2006)", "ReLU, Adam (modern)"}, Resets: true,
				Help: "sigmoid: the hidden units, small initial weights and plain SGD of 2006; ReLU: ReLU units, He initialisation and Adam (step 0.003) for the deep networks and the classifiers, with which a random start trains"}, &s.units, Sigmoid, ReLU),
			param.Pick(param.Spec{Name: "arch", Label: "network", Kind: param.Choice, Choices: []string{core.Deep, core.Shallow},
				Labels: []string{"64-48-32-24-16-8-2", "64-32-16-2"}, Resets: true,
				Help: "deep: the sigmoid stack 64-48-32-24-16-8-2 with small initial weights (0.1/√fan-in), where pretraining helps; shallow: 64-32-16-2 with 1/√fan-in weights, which trains from a random start"}, &c.Arch, core.Deep, core.Shallow),
			param.Pick(param.Spec{Name: "show", Label: "codes of", Kind: param.Choice, Choices: []string{Pretrained, Random},
				Labels: []string{"pretrained", "random init"},
				Help:   "whose 2-D codes, error and k-NN accuracy the plot and the readouts show"}, &s.show, Pretrained, Random),
			param.Pick(param.Spec{Name: "stage_opt", Label: "stages by", Kind: param.Choice, Choices: []string{"adam", "sgd"},
				Labels: []string{"Adam", "plain SGD"}, Resets: true,
				Help: "the optimizer of each layer's shallow autoencoder: Adam (step 0.01), quick; or plain SGD at η as in 2006, which needs about 10 000 steps a layer"}, &s.stageOpt, "adam", "sgd"),
			param.Bind(param.Spec{Name: "stage_steps", Label: "steps per layer", Kind: param.Int, Min: 100, Max: 10000, Default: float64(c.StageSteps), Log: true, Digits: 3, Resets: true,
				Help: "steps of each layer's shallow autoencoder in the greedy stages"}, &c.StageSteps),
			param.Bind(param.Spec{Name: "fine_steps", Label: "fine-tuning steps", Kind: param.Int, Min: 500, Max: 60000, Default: float64(c.FineSteps), Log: true, Digits: 3, Resets: true,
				Help: "plain SGD steps of the unrolled network (the random start trains as many steps in all)"}, &c.FineSteps),
			param.Bind(param.Spec{Name: "lr", Label: "SGD step size η", Min: 0.005, Max: 0.2, Default: c.LR, Log: true, Digits: 2, Resets: true,
				Help: "plain SGD's step size for both deep networks (batch 32)"}, &c.LR),
			param.Bind(param.Spec{Name: "labels", Label: "labels", Kind: param.Int, Min: 10, Max: 1347, Default: float64(c.Labels), Log: true, Digits: 4,
				Help: "labelled training digits the classifier heads learn from; restarts only the classifiers"}, &c.Labels).Live(s.classify),
			param.Bind(param.Spec{Name: "frozen", Label: "freeze pretrained encoder", Kind: param.Bool, Default: 0,
				Help: "train only the head on the pretrained encoder (else fine-tune it too); restarts only the classifiers"}, &c.Frozen).Live(s.classify),
		),
		Metrics: []scene.Metric{
			{Name: "ae_mse", Label: "test error (pretrained)", Digits: 3},
			{Name: "pca_mse", Label: "PCA's, 2 components", Digits: 3},
			{Name: "ae_mse_other", Label: "random init's", Digits: 3},
			{Name: "stage", Label: "stage", Digits: 1},
			{Name: "knn_acc_codes", Label: "5-NN acc. on codes", Unit: "%", Digits: 3},
			{Name: "knn_acc_pca", Label: "5-NN acc. on PCA", Unit: "%", Digits: 3},
			{Name: "acc_pretrained", Label: "acc. pretrained", Unit: "%", Digits: 3},
			{Name: "acc_random", Label: "acc. random init", Unit: "%", Digits: 3},
			{Name: "labels", Label: "labels", Digits: 2},
			{Name: "separation", Label: "separation (2-D)", Digits: 2},
			{Name: "separation_full", Label: "separation (outputs)", Digits: 2},
		},
		FloorTag:     "PCA",
		Speed:        speed,
		Legend:       s.legend,
		MeasureFrame: s.measureFrame,
	}
	return s
}

// speed is the steps a frame asks for: a step is one minibatch of 32 on
// each track, about 0.25 ms natively for the deep stack, so 16 fit the
// frame's 5 ms training budget; the default schedule (6 × 1 000 greedy
// steps, 6 000 fine-tuning, then 1 500 of the classifiers) runs in about
// 850 frames, 14 s.
const speed = 16

// embedIters is the power iterations a frame spends on the Demo2
// embedding; started from the last frame's directions, a few suffice.
const embedIters = 20

// historyLen is the number of measurements the error curves keep.
const historyLen = 300

func (s *Scene) Info() *scene.Info { return &s.info }

func (s *Scene) Reset(seed uint64) {
	s.seed = seed
	s.model = nil
	s.preH.Clear()
	s.randH.Clear()
	s.stepsH.Clear()
	s.cfg.StageAdam = core.Default.StageAdam
	if s.stageOpt == "sgd" {
		s.cfg.StageAdam = 0
	}
	s.cfg.Units, s.cfg.Adam = core.Default.Units, core.Default.Adam
	if s.units == ReLU {
		s.cfg = core.Modern(s.cfg)
	}
	s.runs = nil
	s.info.Unused = s.info.Unused[:0]
	if s.units == ReLU {
		s.info.Unused = append(s.info.Unused, "lr") // Adam's step is fixed
	}
	if s.view == Runs {
		s.info.Unused = append(s.info.Unused, "labels", "frozen", "show")
	} else {
		s.info.Unused = append(s.info.Unused, "runs")
	}
	if s.pending == nil {
		s.pending = data.Start("digits")
	}
	s.start()
}

func (s *Scene) start() {
	defer func() { s.info.Waiting = s.model == nil }()
	im, err := s.pending.Poll()
	if err != nil {
		s.pending = nil
		if s.info.Host.Notice != nil {
			s.info.Host.Notice("The digits could not be loaded: "+err.Error()+". Press Reset to try again.", scene.Warning)
		}
		return
	}
	if im == nil {
		return
	}
	if s.view == Runs {
		s.runs = core.NewRuns(s.cfg, s.seed, s.nRuns, im)
		s.model = s.runs.Models[0]
	} else {
		s.model = core.New(s.cfg, s.seed, im)
	}
	s.formula()
	s.Measure()
}

// formula writes the formulas for the network shown.
func (s *Scene) formula() {
	m := s.model
	s.buf = s.buf[:0]
	for i, w := range m.Sizes {
		if i > 0 {
			s.buf = append(s.buf, '-')
		}
		s.buf = strconv.AppendInt(s.buf, int64(w), 10)
	}
	s.info.Formula = []string{
		"stage k: Σₙ ‖gₖ(fₖ(hₙ)) − hₙ‖² → min,  hₙ: layer k − 1's code of xₙ",
		"then fine-tune Σₙ ‖g₁∘…∘g_L(f_L∘…∘f₁(xₙ)) − xₙ‖², " + string(s.buf),
	}
}

// classify restarts the classifiers with the labels and frozen settings.
func (s *Scene) classify() {
	if s.model != nil {
		s.model.Classify(s.cfg.Labels, s.cfg.Frozen)
		s.model.MeasurePart(core.ClassifierPart)
		s.copyMetrics()
	}
}

func (s *Scene) Train(n int) (int, bool) {
	if s.model == nil {
		s.start()
		if s.model == nil {
			return 0, false
		}
	}
	var done int
	var diverged bool
	if s.runs != nil {
		done, diverged = s.runs.Step(n)
	} else {
		done, diverged = s.model.Step(n)
	}
	if diverged {
		s.info.Restored = s.model.Pre.Tr.Restored
	}
	return done, diverged
}

func (s *Scene) measureFrame(frame int) {
	if s.model == nil {
		return
	}
	s.model.MeasurePart(s.measured % core.Parts)
	s.measured++
	if s.runs != nil {
		s.runs.Embed(embedIters)
	}
	if s.measured%core.Parts == 0 {
		s.record()
	}
	s.copyMetrics()
}

func (s *Scene) Measure() {
	if s.model == nil {
		s.start()
		if s.model != nil {
			return
		}
		s.info.Unmeasured()
		return
	}
	s.model.Measure()
	if s.runs != nil {
		s.runs.Embed(core.EmbedIters)
	}
	s.measured = 0
	s.record()
	s.copyMetrics()
}

// record adds the errors to the curves.
func (s *Scene) record() {
	m := s.model
	if s.stepsH.Len() > 0 && s.stepsH.Last() == float64(m.Steps) {
		return
	}
	s.preH.Add(m.Pre.MSE)
	s.randH.Add(m.Rand.MSE)
	s.stepsH.Add(float64(m.Steps))
}

// copyMetrics copies the model's measurements to the readouts.
func (s *Scene) copyMetrics() {
	m, ms := s.model, s.info.Metrics
	shown, other := &m.Pre, &m.Rand
	ms[0].Label, ms[2].Label = "test error (pretrained)", "random init's"
	if s.show == Random {
		shown, other = other, shown
		ms[0].Label, ms[2].Label = "test error (random init)", "pretrained's"
	}
	ms[0].Value, ms[1].Value, ms[2].Value = shown.MSE, m.PCAMSE, other.MSE
	ms[3].Value = float64(m.Stage() + 1)
	ms[4].Value, ms[5].Value = 100*shown.KNN, 100*m.PCAKNN
	ms[6].Value, ms[7].Value = 100*m.AccPre, 100*m.AccRand
	ms[8].Value = float64(m.Cfg.Labels)
	ms[9].Value, ms[10].Value = math.NaN(), math.NaN()
	s.info.Undefined = s.info.Undefined[:0]
	if s.runs != nil { // the classifiers do not train in this view
		for k := 6; k <= 8; k++ {
			s.info.Undefine(k)
		}
		ms[9].Value, ms[10].Value = s.runs.Separation, s.runs.SeparationFull
	}
	for _, k := range [2]int{9, 10} {
		if math.IsNaN(ms[k].Value) { // the codes view, or a run without a point yet
			s.info.Undefine(k)
		}
	}
	s.info.Loss, s.info.Floor = shown.MSE, m.PCAMSE
}

func (s *Scene) Layout(r ui.Rect, th *ui.Theme) {
	lineH := th.Font(ui.SizeBody)*1.6 + th.Px(8)
	head := th.Font(ui.SizeBody)*1.5 + th.Px(16)
	// the codes' squares as large as half the width allows, leaving the
	// stage's line and, room permitting, the stack's bars and the curve
	side := math.Min(r.W/2-th.Px(16), r.H-head-lineH)
	if r.W >= th.Px(520) {
		side = math.Min(side, r.H-head-lineH-th.Px(90))
	}
	top, bottom := r.CutTop(math.Max(side, th.Px(40)) + head)
	s.left, s.right = top.CutLeft(top.W / 2)
	s.line, bottom = bottom.CutTop(math.Min(lineH, bottom.H))
	s.line = s.line.Inset(th.Px(4))
	s.stack, s.inset = bottom, ui.Rect{}
	if bottom.H < th.Px(50) {
		s.stack = ui.Rect{}
	} else if bottom.W >= th.Px(520) { // the error curve beside the stack
		s.stack, s.inset = bottom.CutLeft(bottom.W * 0.5)
		s.inset = s.inset.Inset(th.Px(4))
	}
	s.vl.r = codeArea(s.left, th)
	s.vr.r = codeArea(s.right, th)
}

// codeArea is the square scatter area of a codes panel under its title.
func codeArea(r ui.Rect, th *ui.Theme) ui.Rect {
	r = r.Inset(th.Px(8))
	head := th.Font(ui.SizeBody) * 1.5
	r.Y, r.H = r.Y+head, r.H-head
	side := math.Max(1, math.Min(r.W, r.H))
	return ui.Rect{X: r.X + (r.W-side)/2, Y: r.Y, W: side, H: side}
}

func (s *Scene) Pointer(p *ui.Pointer, area ui.Rect) bool { return false }

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	if s.model == nil {
		plot.Loading(c, area, th, "the digits", s.pending, &s.loading)
		return
	}
	title := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text, Align: ui.Center}
	if s.runs != nil {
		s.drawRuns(c, th, title)
	} else {
		s.drawCodes(c, th, title)
	}
	c.Clip(ui.Rect{X: s.line.X, Y: s.line.Y, W: s.line.W, H: s.line.H + s.stack.H})
	s.drawStack(c, th)
	c.Unclip()
	if s.inset.W > 0 {
		c.Clip(s.inset)
		s.drawErrors(c, th)
		c.Unclip()
	}
}

// drawCodes draws PCA's codes of the test digits beside the shown track's.
func (s *Scene) drawCodes(c ui.Canvas, th *ui.Theme, title ui.TextStyle) {
	m := s.model
	c.Clip(s.left)
	c.Text(plot.Fit(c, s.left.W, title.Size, "PCA, 2 components", "PCA"), s.left.X+s.left.W/2, s.left.Y+th.Px(6), title)
	s.scatter(c, th, &s.vl, m.PCACodes)
	c.Unclip()
	c.Clip(s.right)
	tr := &m.Pre
	name, short := "deep AE, pretrained", "pretrained"
	switch {
	case s.show == Random:
		tr, name, short = &m.Rand, "deep AE, random init", "random init"
	case m.Stage() < m.L:
		name, short = stageTitles[m.Stage()+1], stageTitles[m.Stage()+1][len("deep AE, "):]
	}
	c.Text(plot.Fit(c, s.right.W, title.Size, name, short), s.right.X+s.right.W/2, s.right.Y+th.Px(6), title)
	s.scatter(c, th, &s.vr, tr.Codes)
	c.Unclip()
}

// drawRuns draws the Demo2 view: on the left every run's trajectory in
// function space (the 2-D embedding of its outputs on the probe digits),
// pale to full colour from its first point to its last, pretrained runs in
// the model's colour and random ones in the data's, each run's end marked;
// on the right each run's error on the probe digits over the steps, PCA's
// as a reference.
func (s *Scene) drawRuns(c ui.Canvas, th *ui.Theme, title ui.TextStyle) {
	r := s.runs
	c.Clip(s.left)
	c.Text(plot.Fit(c, s.left.W, title.Size, "runs in function space", "runs"), s.left.X+s.left.W/2, s.left.Y+th.Px(6), title)
	b := &s.vl
	b.fit2(r.X[:r.N], r.Y[:r.N])
	c.StrokeRect(b.r, th.Px(1), th.Line)
	total := float64(s.model.Total())
	w := th.Px(2)
	for run := range r.Last {
		col := th.Model
		if run%2 == 1 {
			col = th.Data
		}
		px, py, first := 0.0, 0.0, true
		for i := 0; i < r.N; i++ {
			if r.Run[i] != run {
				continue
			}
			x, y := b.at(r.X[i], r.Y[i])
			if first {
				c.Ring(x, y, th.Px(3), th.Px(1.5), col.Mix(th.Bg, 0.6))
			} else {
				c.Line(px, py, x, y, w, col.Mix(th.Bg, float32(0.75*(1-float64(r.At[i])/total))))
			}
			px, py, first = x, y, false
		}
		if !first {
			if run%2 == 0 {
				c.Circle(px, py, th.Px(5), col)
			} else {
				c.Cross(px, py, th.Px(5), th.Px(2.5), col)
			}
		}
	}
	c.Unclip()

	c.Clip(s.right)
	c.Text(plot.Fit(c, s.right.W, title.Size, "error on the probe digits", "probe error"), s.right.X+s.right.W/2, s.right.Y+th.Px(6), title)
	a := s.vr.r
	c.StrokeRect(a, th.Px(1), th.Line)
	ax := errAxis{r: a, lo: r.PCAErr, hi: r.PCAErr}
	for i := 0; i < r.N; i++ {
		ax.add(r.Err[i])
	}
	ax.fix(r.PCAErr)
	y := ax.y(r.PCAErr)
	c.Line(a.X, y, a.Right(), y, th.Px(1.5), th.Reference)
	c.Text("PCA", a.X+th.Px(4), y-th.Font(ui.SizeSmall)*1.3, ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.Reference})
	for run := range r.Last {
		col := th.Model
		if run%2 == 1 {
			col = th.Data
		}
		s.pts = s.pts[:0]
		for i := 0; i < r.N; i++ {
			if r.Run[i] == run {
				s.pts = append(s.pts, a.X+a.W*math.Min(float64(r.At[i])/total, 1), ax.y(r.Err[i]))
			}
		}
		if len(s.pts) >= 4 {
			c.Polyline(s.pts, w, col)
		}
	}
	small := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim}
	c.Text("steps →", a.Right()-th.Px(4), a.Bottom()-small.Size*1.4, ui.TextStyle{Size: small.Size, Color: th.TextDim, Align: ui.Right})
	c.Unclip()
}

// scatter draws 2-D codes of the test digits coloured by class, and each
// class's digit at the mean of its codes.
func (s *Scene) scatter(c ui.Canvas, th *ui.Theme, b *box, codes []float64) {
	m := s.model
	b.fit(codes)
	c.StrokeRect(b.r, th.Px(1), th.Line)
	rad := math.Max(th.Px(1.6), b.r.W/160)
	var sx, sy [10]float64
	var cnt [10]int
	for n, lab := range m.Test.Labels {
		x, y := codes[2*n], codes[2*n+1]
		if math.IsNaN(x) || math.IsNaN(y) {
			continue
		}
		px, py := b.at(x, y)
		c.Circle(px, py, rad, classColor(lab))
		if lab < 10 {
			sx[lab], sy[lab], cnt[lab] = sx[lab]+px, sy[lab]+py, cnt[lab]+1
		}
	}
	st := ui.TextStyle{Size: th.Font(ui.SizeHeading), Color: th.Text, Align: ui.Center, Bold: true}
	if b.r.W < th.Px(180) { // a phone: smaller numerals, less of the dots hidden
		st.Size = th.Font(ui.SizeSmall)
	}
	for k := 0; k < 10; k++ {
		if cnt[k] == 0 {
			continue
		}
		x, y := sx[k]/float64(cnt[k]), sy[k]/float64(cnt[k])
		c.Circle(x, y, st.Size*0.75, th.Bg.Alpha(0.8))
		c.Text(digitNames[k], x, y-st.Size*0.6, ui.TextStyle{Size: st.Size, Color: classColor(k), Align: ui.Center, Bold: true})
	}
}

var digitNames = [10]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}

// stageTitles[k] titles the codes of the deep network whose first k
// layers are pretrained so far (the k-th still training).
var stageTitles = func() (t [10]string) {
	for k := range t {
		t[k] = "deep AE, pretrained to layer " + digitNames[k]
	}
	return t
}()

// classColor is Tableau's 10 categorical colours (matplotlib's tab10,
// BSD-style licence), one per digit class.
func classColor(k int) ui.Color {
	pal := [...]ui.Color{ui.RGB(0x1f77b4), ui.RGB(0xff7f0e), ui.RGB(0x2ca02c), ui.RGB(0xd62728), ui.RGB(0x9467bd),
		ui.RGB(0x8c564b), ui.RGB(0xe377c2), ui.RGB(0x7f7f7f), ui.RGB(0xbcbd22), ui.RGB(0x17becf)}
	return pal[((k%10)+10)%10]
}

// drawStack draws the encoder's layers as bars of their widths, the
// current stage's shallow autoencoder highlighted, and the stage in words.
func (s *Scene) drawStack(c ui.Canvas, th *ui.Theme) {
	m := s.model
	r := s.stack.Inset(th.Px(8))
	st := m.Stage()
	body := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text}
	if s.line.W < th.Px(480) {
		body.Size = th.Font(ui.SizeSmall)
	}
	s.buf = s.buf[:0]
	switch {
	case s.runs != nil:
		steps := 0
		for _, m := range s.runs.Models {
			steps += m.Steps
		}
		s.buf = strconv.AppendInt(s.buf, int64(len(s.runs.Models)), 10)
		s.buf = append(s.buf, " pretrained runs ●, "...)
		s.buf = strconv.AppendInt(s.buf, int64(len(s.runs.Models)), 10)
		s.buf = append(s.buf, " random ×: "...)
		s.buf = strconv.AppendInt(s.buf, int64(100*steps/(m.Total()*len(s.runs.Models))), 10)
		s.buf = append(s.buf, "% trained"...)
	case st < m.L:
		s.buf = append(s.buf, "stage "...)
		s.buf = strconv.AppendInt(s.buf, int64(st+1), 10)
		s.buf = append(s.buf, " of "...)
		s.buf = strconv.AppendInt(s.buf, int64(m.L), 10)
		s.buf = append(s.buf, ": layer "...)
		s.buf = strconv.AppendInt(s.buf, int64(st+1), 10)
		s.buf = append(s.buf, "'s shallow autoencoder "...)
		s.buf = strconv.AppendInt(s.buf, int64(m.Sizes[st]), 10)
		s.buf = append(s.buf, "→"...)
		s.buf = strconv.AppendInt(s.buf, int64(m.Sizes[st+1]), 10)
		s.buf = append(s.buf, "→"...)
		s.buf = strconv.AppendInt(s.buf, int64(m.Sizes[st]), 10)
	case m.Steps < m.Total():
		s.buf = append(s.buf, "fine-tuning the unrolled stack, "...)
		s.buf = strconv.AppendInt(s.buf, int64(100*m.Steps/m.Total()), 10)
		s.buf = append(s.buf, "% of the run"...)
	case !m.Done():
		s.buf = append(s.buf, "classifier heads on "...)
		s.buf = strconv.AppendInt(s.buf, int64(m.Cfg.Labels), 10)
		s.buf = append(s.buf, " labels: step "...)
		s.buf = strconv.AppendInt(s.buf, int64(m.ClassSteps), 10)
	default:
		s.buf = append(s.buf, "done: classifiers trained on "...)
		s.buf = strconv.AppendInt(s.buf, int64(m.Cfg.Labels), 10)
		s.buf = append(s.buf, " labels"...)
	}
	c.TextBytes(s.buf, s.line.X, s.line.Y, body)
	top := r.Y
	h := r.Bottom() - top
	if s.stack.H == 0 || h < th.Px(16) {
		return
	}
	// encoder then decoder, left to right, one bar per layer of units
	n := 2*m.L + 1
	gap := r.W / float64(n)
	barW := math.Min(gap*0.6, th.Px(26))
	widest := float64(m.Sizes[0])
	small := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Center}
	barH := h - small.Size*1.5
	for i := 0; i < n; i++ {
		l := i
		if i > m.L {
			l = 2*m.L - i
		}
		w := m.Sizes[l]
		x := r.X + gap*(float64(i)+0.5)
		bh := math.Max(th.Px(3), barH*float64(w)/widest)
		cy := top + barH/2
		col := th.Line
		switch {
		case st >= m.L: // unrolled: every layer trains
			col = th.Model
		case l == st || l == st+1:
			col = th.Model // the stage's shallow autoencoder
		case l < st:
			col = th.Reference // pretrained, fixed while the next trains
		}
		c.FillRect(ui.Rect{X: x - barW/2, Y: cy - bh/2, W: barW, H: bh}, col)
		if gap >= th.Px(18) || i == 0 || i == m.L || i == n-1 {
			c.Text(strconv.Itoa(w), x, top+barH+th.Px(2), small)
		}
	}
}

// drawErrors draws both tracks' test error over training, PCA's as a
// reference, and a tick where each stage starts.
func (s *Scene) drawErrors(c ui.Canvas, th *ui.Theme) {
	m := s.model
	a := plot.Inset(c, s.inset, th, plot.Fit(c, s.inset.W-th.Px(16), th.Font(ui.SizeSmall), "test error over the run, stages ticked", "test error, stages ticked"))
	if s.stepsH.Len() < 1 || a.W < 10 || a.H < 10 {
		return
	}
	total := float64(m.Total())
	ax := errAxis{r: a, lo: m.PCAMSE, hi: m.PCAMSE}
	for i := 0; i < s.stepsH.Len(); i++ {
		ax.add(s.preH.At(i))
		ax.add(s.randH.At(i))
	}
	ax.fix(m.PCAMSE)
	xOf := func(step float64) float64 { return a.X + a.W*math.Min(step/total, 1) }
	for k := 1; k <= m.L; k++ {
		x := xOf(float64(k * m.Cfg.StageSteps))
		c.Line(x, a.Y, x, a.Bottom(), th.Px(1), th.Grid)
	}
	y := ax.y(m.PCAMSE)
	c.Line(a.X, y, a.Right(), y, th.Px(1.5), th.Reference)
	for k, ring := range [2]*plot.Ring[float64]{&s.preH, &s.randH} {
		s.pts = s.pts[:0]
		for i := 0; i < ring.Len(); i++ {
			s.pts = append(s.pts, xOf(s.stepsH.At(i)), ax.y(ring.At(i)))
		}
		col := th.Model
		if k == 1 {
			col = th.Data
		}
		if len(s.pts) == 2 {
			c.Circle(s.pts[0], s.pts[1], th.Px(2), col)
			continue
		}
		c.Polyline(s.pts, th.Px(2), col)
	}
}

// errAxis maps errors to the height of r on a log scale from the least
// error to the greatest, at most 4 × PCA's: add each error, then fix.
type errAxis struct {
	r      ui.Rect
	lo, hi float64
}

func (e *errAxis) add(v float64) {
	if v > 0 && !math.IsInf(v, 0) {
		e.lo, e.hi = math.Min(e.lo, v), math.Max(e.hi, v)
	}
}

// fix ends the range at 4 × pca and takes logarithms, with a margin.
func (e *errAxis) fix(pca float64) {
	e.hi = math.Min(e.hi, 4*pca)
	e.lo, e.hi = math.Log10(e.lo)-0.05, math.Log10(e.hi)+0.05
}

func (e *errAxis) y(v float64) float64 {
	v = math.Max(math.Min(v, math.Pow(10, e.hi)), math.Pow(10, e.lo))
	return e.r.Bottom() - e.r.H*(math.Log10(v)-e.lo)/(e.hi-e.lo)
}

func (s *Scene) legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow {
	if s.view == Runs {
		return append(rows,
			plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Model, Text: "pretrained runs, end ●"},
			plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Data, Text: "random-init runs, end ×"},
			plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Model.Mix(th.Bg, 0.7), Text: "pale: early in the run"},
			plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Reference, Text: "PCA's error"})
	}
	return append(rows,
		plot.LegendRow{Swatch: plot.SwatchBand, Color: th.Model, Text: "layers training now"},
		plot.LegendRow{Swatch: plot.SwatchBand, Color: th.Reference, Text: "pretrained layers, fixed"},
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Model, Text: "error: pretrained (stack so far)"},
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Data, Text: "error: random init"})
}

// Model returns the model (tests); nil while the digits load.
func (s *Scene) Model() *core.Model { return s.model }
