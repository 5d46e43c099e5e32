// Package denoise is the scene of a denoising autoencoder on a 1-D manifold
// learning the reconstruction field g(f(x)) − x that points back to the
// manifold (lecture: "Denoising autoencoders", "Denoising autoencoder:
// definition", "Benefits", "What it learns": the black manifold, red
// training crosses, gray corruption circles, green arrows). The model is
// core/denoise.
package denoise

import (
	"math"
	"math/rand/v2"

	"aelab/core/data"
	dae "aelab/core/denoise"
	"aelab/core/manifold"
	"aelab/core/rng"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// Scene is the denoise scene.
type Scene struct {
	info  scene.Info
	cfg   dae.Config // bound to the parameters
	model *dae.Model
	probe *dae.Probe

	// drawing toggles, bound to their parameters
	streamlines bool // show x ← g(f(x)) from a grid of starts
	score       bool // show the data's smoothed score σ²∇log p̂

	drawer   plot.Drawer
	v        plot.View2D
	arrows   *data.Set // where arrows are drawn: the probe's lattice over the visible plot, then the axis points
	lattice  []float64 // the lattice over the visible plot, as laid out
	latticeN int       // how many of arrows are the lattice's; the axis points follow
	dist     []float64 // each lattice arrow's distance to the curve
	distFor  *manifold.Curve
	field    []float64      // g(f(x)) − x at arrows, as measured
	one      data.Set       // one arrow at a time, for drawing them faint or full
	gauss    []scene.Metric // the readouts under Gaussian noise,
	masked   []scene.Metric // under the mask,
	nothing  []scene.Metric // and with nothing to undo
	scores   []float64      // σ²∇log p̂ at arrows, when shown
	scoreFor [3]float64     // σ, jitter and arrow count it was computed for
	show     demoPairs
	stream   streamlines
	meas     measuring
	pts      []float64
	noiseRNG *rand.Rand
}

// demoPairs are a few training points with a corrupted copy each, redrawn
// every second so the corruption process is seen at work.
type demoPairs struct {
	index []int
	noisy []float64
}

// streamlines iterate x ← g(f(x)) from a coarse grid of starting points; the
// paths flow onto the manifold.
type streamlines struct {
	start *data.Set
	cur   *data.Set
	next  []float64
	paths []float64 // steps+1 points per start, x and y, as drawn
	work  []float64 // the same, being computed
	// arrived: whether each path, as drawn, ends within reach of the
	// curve (a start on the ridge between two arms may stay there)
	arrived []bool
}

// measuring is a measure spread over frames (MeasureFrame). One pass
// evaluates the net at every point the readouts and the drawing need, in
// stages: the metrics' points (dae.Pass), the arrows, then each iteration
// of the streamlines; the readouts change when the first stage completes,
// the arrows as they are evaluated, the streamlines when their last
// iteration does. A frame does at most sliceWork of it.
type measuring struct {
	pass  *dae.Pass
	stage int // stageMetrics, stageArrows, or stageStream+k for iteration k
	at    int // the next point of the stage
}

// The stages of a measuring pass, in order.
const (
	stageMetrics = iota
	stageArrows
	stageStream // + the streamlines' iteration, up to streamSteps−1
	stageDone   = stageStream + streamSteps
)

// sliceWork bounds a frame's part of the measure, in multiply-adds of the
// net (dae.Model.PointCost a point): about 2.5 ms natively and 8 ms in a
// browser. At the default nets (320 and 640 weights) a whole pass, up to
// about 4 500 points with the streamlines' 40 iterations, fits in one
// frame; at the largest (256 units, 3 layers: 132 000 weights) 37 points
// do, and a pass takes some 120 frames with the streamlines, 30 without.
const sliceWork = 5_000_000

const (
	half         = manifold.Window // the data window is [−2, 2]²
	grid         = 24              // metric grid points per side
	arrowCell    = 0.3             // spacing of the arrows, data units
	streamSide   = 9               // streamline starts per side
	streamSteps  = 40              // iterations drawn: enough for a start between the spiral's arms to reach one
	axisCell     = 0.2             // spacing of the arrows at masked inputs, along the axes
	demoCount    = 6               // corrupted samples shown
	demoInterval = 60              // frames between new corruptions
)

// New returns the scene at its defaults: dae.For the circle.
func New() *Scene {
	d := dae.For("circle")
	s := &Scene{
		cfg:      d,
		v:        plot.View2D{Half: half},
		noiseRNG: rng.New(0, rng.StreamBatches),
		drawer:   plot.NewDrawer(),
	}
	c := &s.cfg
	s.gauss = []scene.Metric{
		{Name: "alignment", Label: "alignment to manifold", Digits: 3},
		{Name: "mse", Label: "reconstruction MSE", Digits: 3},
		{Name: "field_norm_on_manifold", Label: "‖g(f(x)) − x‖ on it", Digits: 3},
		{Name: "field_norm_at_sigma", Label: "‖g(f(x)) − x‖ at σ", Digits: 3},
	}
	s.masked = []scene.Metric{
		{Name: "masked_restored", Label: "masked error undone", Digits: 3},
		s.gauss[1], s.gauss[2],
		{Name: "field_norm_at_masked", Label: "‖g(f(x̃)) − x̃‖ at masked x̃", Digits: 3},
	}
	s.nothing = []scene.Metric{
		{Name: "field_norm_max_on_manifold", Label: "largest ‖g(f(x)) − x‖ on it", Digits: 3},
		s.gauss[1], s.gauss[2],
		{Name: "field_norm_at_sigma", Label: "‖g(f(x)) − x‖ 0.05 off it", Digits: 3},
	}
	mode := func() { s.model.SetKind(c.Corruption); s.model.SetPlain(c.Plain); s.showMode(); s.corruptDemo() }
	s.info = scene.Info{
		ID: "denoise", Tab: "Denoising",
		Title:   "Denoising autoencoder on a 1-D manifold",
		Formula: []string{"Σₙ L(xₙ, g(f(x̃ₙ))) → min over θ,  x̃ ~ C(x̃|x)", "Gaussian: x̃ = x + ε,  ε ~ N(0, σ²I)", "mask: x̃_d ← 0 with probability p"},
		Text: "The autoencoder sees a corrupted x̃ and must return the clean x, so it learns to move points " +
			"back to where the data are: the arrows g(f(x)) − x point at the manifold, and on it g(f(x)) = x " +
			"(up to σ²κ/2 at a bend of curvature κ and about σ at an end). Arrows are faint where no x̃ ever lands: " +
			"there the net is untrained. Set σ to 0, or switch on the plain autoencoder: with nothing to undo it learns the identity, " +
			"the field vanishes on the data, and there is no direction for an alignment to measure.",
		Slides: "lecture: Denoising autoencoders · What it learns",
		// The switches come right after the corruption, where they are
		// seen without scrolling; the plain autoencoder's stays last.
		Params: param.NewSet(
			param.Bind(param.Spec{Name: "data", Label: "manifold", Kind: param.Choice, Choices: manifold.Names,
				Labels: []string{"circle", "sine", "spiral", "arcs", "draw"}, Resets: true,
				Help: "the 1-D manifold; draw: drag in the plot to draw your own. Each sets its own σ, units and η"}, &c.Manifold),
			param.Pick(param.Spec{Name: "corruption", Label: "corruption", Kind: param.Choice, Choices: []string{"gaussian", "mask"},
				Labels: []string{"Gaussian σ", "mask p"}, Help: "C(x̃|x): Gaussian noise or a binary mask; applies live"},
				&c.Corruption, dae.Gaussian, dae.Mask).Live(mode),
			param.Bind(param.Spec{Name: "noise", Label: "noise σ", Min: 0, Max: 0.8, Default: d.Noise, Digits: 2,
				Help: "standard deviation of the Gaussian corruption; applies live"},
				&c.Noise).Live(func() { s.model.SetNoise(c.Noise); s.showMode(); s.corruptDemo() }),
			param.Bind(param.Spec{Name: "mask", Label: "mask p", Min: 0, Max: 0.9, Default: d.MaskP, Digits: 2,
				Help: "probability that the mask zeroes a coordinate; applies live"},
				&c.MaskP).Live(func() { s.model.SetMask(c.MaskP); s.showMode(); s.corruptDemo() }),
			param.Bind(param.Spec{Name: "streamlines", Label: "streamlines x ← g(f(x))", Kind: param.Bool,
				Help: "show where repeated reconstruction takes points"}, &s.streamlines),
			param.Bind(param.Spec{Name: "score", Label: "data score σ²∇log p̂ (Alain & Bengio)", Kind: param.Bool,
				Help: "show σ² times the gradient of the smoothed data log-density, which the field approaches"}, &s.score),
			param.Bind(param.Spec{Name: "lr", Label: "learning rate η", Min: 1e-4, Max: 0.1, Default: d.LR, Log: true, Digits: 2,
				Help: "Adam's step size; applies live"},
				&c.LR).Live(func() { s.model.SetLR(c.LR) }),
			param.Bind(param.Spec{Name: "hidden", Label: "hidden units", Kind: param.Int, Min: 4, Max: 256, Default: float64(d.Hidden), Log: true, Digits: 3, Resets: true,
				Help: "tanh units per hidden layer (overcomplete: more than 2)"}, &c.Hidden),
			param.Bind(param.Spec{Name: "depth", Label: "hidden layers", Kind: param.Int, Min: 1, Max: 3, Default: float64(d.Depth), Resets: true,
				Help: "number of hidden layers"}, &c.Depth),
			param.Bind(param.Spec{Name: "lambda", Label: "weight decay λ", Min: 0, Max: 0.01, Default: d.Decay, Digits: 4,
				Help: "λ in λ‖W‖²; applies live"},
				&c.Decay).Live(func() { s.model.SetDecay(c.Decay) }),
			param.Bind(param.Spec{Name: "jitter", Label: "data off the curve", Min: 0, Max: 0.3, Default: d.Jitter, Digits: 2,
				Help: "Gaussian jitter of the training points off the manifold; applies live"},
				&c.Jitter).Live(func() { s.model.SetJitter(c.Jitter) }),
			param.Bind(param.Spec{Name: "plain", Label: "plain autoencoder (no corruption)", Kind: param.Bool,
				Help: "train the same overcomplete net without corruption; applies live"},
				&c.Plain).Live(mode),
		),
		Metrics: s.gauss,
		// 20 steps a frame: each manifold's defaults (dae.For) make their
		// claims within 180 frames, 3600 steps, at a few tenths of a
		// millisecond a frame natively
		Speed:        20,
		Legend:       s.legend,
		Adjust:       s.adjust,
		MeasureFrame: s.measureFrame,
	}
	return s
}

// adjust gives each manifold its own σ, units, depth and η (dae.For) when
// the manifold changes, however it is changed.
func (s *Scene) adjust(changed string) {
	if changed != "data" {
		return
	}
	d, ps := dae.For(s.cfg.Manifold), s.info.Params
	ps.SetAt(ps.Index("noise"), d.Noise)
	ps.SetAt(ps.Index("hidden"), float64(d.Hidden))
	ps.SetAt(ps.Index("depth"), float64(d.Depth))
	ps.SetAt(ps.Index("lr"), d.LR)
}

// showMode shows the controls, readouts and legend of the corruption as
// set: σ under Gaussian noise, p under the mask, neither for the plain
// autoencoder; the mask's readouts measure at the masked inputs.
func (s *Scene) showMode() {
	i, c := &s.info, &s.cfg
	i.Unused = i.Unused[:0]
	switch {
	case c.Plain:
		i.Unused = append(i.Unused, "corruption", "noise", "mask", "score")
	case c.Corruption == dae.Mask:
		i.Unused = append(i.Unused, "noise", "score")
	default:
		i.Unused = append(i.Unused, "mask")
	}
	switch {
	case s.model.Nothing():
		// alignment has no direction to measure: it is not shown
		i.Metrics = s.nothing
	case s.maskMode():
		i.Metrics = s.masked
	default:
		i.Metrics = s.gauss
	}
}

// maskMode reports whether the mask corrupts the training inputs.
func (s *Scene) maskMode() bool { return s.cfg.Corruption == dae.Mask && !s.cfg.Plain }

func (s *Scene) Info() *scene.Info { return &s.info }

func (s *Scene) Reset(seed uint64) {
	var curve *manifold.Curve
	if s.cfg.Manifold == "drawn" {
		curve = s.drawer.Curve
	}
	m, err := dae.New(s.cfg, curve, seed)
	if err != nil {
		panic(err) // the names come from manifold.Names
	}
	s.model = m
	s.showMode()
	s.probe = dae.NewProbe(m.Curve, half, grid)
	s.placeArrows()
	s.noiseRNG = rng.New(seed, rng.StreamBatches+100)
	s.show.index = s.show.index[:0]
	for i := 0; i < demoCount; i++ {
		s.show.index = append(s.show.index, (i*m.Data.N)/demoCount)
	}
	s.show.noisy = make([]float64, 2*demoCount)
	s.corruptDemo()
	st := &s.stream
	st.start = data.NewSet(streamSide*streamSide, 2)
	for i := 0; i < streamSide; i++ {
		for j := 0; j < streamSide; j++ {
			k := i*streamSide + j
			st.start.X[2*k] = -half + (float64(j)+0.5)*2*half/streamSide
			st.start.X[2*k+1] = -half + (float64(i)+0.5)*2*half/streamSide
		}
	}
	st.cur = data.NewSet(st.start.N, 2)
	st.next = make([]float64, 2*st.start.N)
	st.paths = make([]float64, 2*st.start.N*(streamSteps+1))
	st.work = make([]float64, len(st.paths))
	st.arrived = make([]bool, st.start.N)
	s.meas = measuring{pass: dae.NewPass(m, s.probe), stage: stageDone}
	s.Measure()
}

// corruptDemo draws new corrupted copies of the demo points with the
// corruption as it stands.
func (s *Scene) corruptDemo() {
	for i, n := range s.show.index {
		s.model.Corrupt.Point(s.show.noisy[2*i:2*i+2], s.model.Data.At(n), s.noiseRNG)
	}
}

func (s *Scene) Train(n int) (int, bool) {
	done, diverged := s.model.Train(n)
	if diverged {
		s.info.Restored = s.model.Trainer.Restored
	}
	return done, diverged
}

// Layout fits the view to the plot and lays the arrows on a lattice over all
// of the visible plot.
func (s *Scene) Layout(area ui.Rect, _ *ui.Theme) {
	s.v.Fit(area)
	x0, y1 := s.v.Data(area.X, area.Y)
	x1, y0 := s.v.Data(area.Right(), area.Bottom())
	cell := arrowCell
	j0, j1 := int(math.Ceil((x0+half)/cell-0.5)), int(math.Floor((x1+half)/cell-0.5))
	i0, i1 := int(math.Ceil((y0+half)/cell-0.5)), int(math.Floor((y1+half)/cell-0.5))
	s.lattice = s.lattice[:0]
	for i := i0; i <= i1; i++ {
		for j := j0; j <= j1; j++ {
			s.lattice = append(s.lattice, -half+(float64(j)+0.5)*cell, -half+(float64(i)+0.5)*cell)
		}
	}
	s.distFor = nil
	if s.model != nil {
		s.placeArrows()
		s.Measure()
	}
}

// placeArrows lays the arrows out for the plot and the curve as they are:
// the lattice, each point with its distance to the curve (to fade the
// arrows where no corrupted input lands), then points along the two axes
// over the curve's extent, where the mask's corrupted inputs land.
func (s *Scene) placeArrows() {
	curve := s.model.Curve
	if s.distFor == curve && s.arrows != nil {
		return
	}
	s.distFor = curve
	nl := len(s.lattice) / 2
	pts := append([]float64(nil), s.lattice...)
	s.dist = make([]float64, nl)
	for k := range s.dist {
		_, _, _, _, s.dist[k] = curve.Nearest(pts[2*k], pts[2*k+1])
	}
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, part := range curve.Parts {
		for i, v := range part {
			lo[i%2], hi[i%2] = math.Min(lo[i%2], v), math.Max(hi[i%2], v)
		}
	}
	for ax := 0; ax < 2; ax++ { // x zeroed: points (0, y); y zeroed: (x, 0)
		o := 1 - ax
		for t := math.Ceil(lo[o]/axisCell) * axisCell; t <= hi[o]; t += axisCell {
			p := [2]float64{}
			p[o] = t
			pts = append(pts, p[0], p[1])
		}
	}
	s.arrows = &data.Set{N: len(pts) / 2, D: 2, X: pts}
	s.latticeN = nl
	s.field = make([]float64, len(pts))
	s.scores = make([]float64, 2*nl)
	s.scoreFor = [3]float64{}
}

// Measure computes every readout, the arrows and the streamlines from the
// weights as they are: a whole pass at once.
func (s *Scene) Measure() {
	s.meas.stage = stageDone // start afresh
	s.advance(math.MaxInt)
}

// measureFrame does the frame's part of the measuring pass while training
// runs: sliceWork multiply-adds, the whole pass for a small net, a slice of
// it for a large one, whose every point costs as much as a hundred thousand
// of the multiply-adds.
func (s *Scene) measureFrame(frame int) {
	if frame%demoInterval == 0 {
		s.corruptDemo() // new corrupted samples every second of play
	}
	s.advance(max(1, sliceWork/s.model.PointCost()))
}

// advance evaluates up to most points of the measuring pass, beginning a
// new pass if the last one is complete, and reports whether this one
// completed. The loss is read every time: the trainer keeps it.
func (s *Scene) advance(most int) (complete bool) {
	m, ms := s.model, &s.meas
	if ms.stage == stageDone {
		ms.pass.Begin()
		ms.stage, ms.at = stageMetrics, 0
		s.scoreField()
	}
	for most > 0 && ms.stage != stageDone {
		switch {
		case ms.stage == stageMetrics:
			left := ms.pass.Left()
			done := ms.pass.Advance(most)
			most -= left - ms.pass.Left()
			if done {
				s.publish(ms.pass.Measures())
				ms.stage, ms.at = stageArrows, 0
			}
		case ms.stage == stageArrows:
			n := 0
			if s.arrows != nil {
				n = min(most, s.arrows.N-ms.at)
				a := ms.at
				m.Field(s.field[2*a:2*(a+n)], &data.Set{N: n, D: 2, X: s.arrows.X[2*a : 2*(a+n)]})
			}
			ms.at += n
			most -= n
			if s.arrows == nil || ms.at == s.arrows.N {
				ms.stage, ms.at = stageStream, 0
				if !s.streamlines {
					ms.stage = stageDone
				}
			}
		default:
			most -= s.flow(ms.stage-stageStream, most)
		}
	}
	s.info.Loss = m.Trainer.Smooth
	if m.Trainer.Steps == 0 {
		// before the first step, the clean error
		s.info.Loss = s.gauss[1].Value
	}
	return ms.stage == stageDone
}

// publish shows the metrics of a completed pass.
func (s *Scene) publish(r dae.Measures) {
	g, k, z := s.gauss, s.masked, s.nothing
	g[0].Value, g[1].Value, g[2].Value, g[3].Value = r.Alignment, r.MSE, r.OnManifold, r.AtSigma
	k[0].Value, k[1].Value, k[2].Value, k[3].Value = r.Restored, r.MSE, r.OnManifold, r.AtMasked
	z[0].Value, z[1].Value, z[2].Value, z[3].Value = r.MaxOnManifold, r.MSE, r.OnManifold, r.AtSigma
}

// scoreField recomputes the data's score at the arrows when shown and when
// what it depends on, σ and the data, has changed: it needs no net.
func (s *Scene) scoreField() {
	if !s.score || s.arrows == nil {
		return
	}
	m := s.model
	sigma := math.Max(m.Cfg.Noise, dae.MinSigma)
	key := [3]float64{sigma, m.Cfg.Jitter, float64(s.latticeN)}
	if key != s.scoreFor {
		dae.SmoothedScore(s.scores, &data.Set{N: s.latticeN, D: 2, X: s.arrows.X[:2*s.latticeN]}, m.Data, sigma)
		s.scoreFor = key
	}
}

// flow takes iteration k of x ← g(f(x)) from the streamline starts up to
// most points further and returns how many it evaluated; the paths drawn
// change when the last iteration completes.
func (s *Scene) flow(k, most int) int {
	st, ms := &s.stream, &s.meas
	n := st.start.N
	column := func(k int) {
		for i := 0; i < n; i++ {
			st.work[2*(i*(streamSteps+1)+k)] = st.cur.X[2*i]
			st.work[2*(i*(streamSteps+1)+k)+1] = st.cur.X[2*i+1]
		}
	}
	if k == 0 && ms.at == 0 {
		copy(st.cur.X, st.start.X)
		column(0)
	}
	a := ms.at
	c := min(most, n-a)
	s.model.Reconstruct(st.next[2*a:2*(a+c)], &data.Set{N: c, D: 2, X: st.cur.X[2*a : 2*(a+c)]})
	ms.at += c
	if ms.at == n {
		copy(st.cur.X, st.next)
		column(k + 1)
		ms.stage, ms.at = ms.stage+1, 0
		if ms.stage == stageDone {
			copy(st.paths, st.work)
			reach := s.reach()
			for i := range st.arrived {
				_, _, _, _, d := s.model.Curve.Nearest(st.cur.X[2*i], st.cur.X[2*i+1])
				st.arrived[i] = d <= reach
			}
		}
	}
	return c
}

// Pointer draws a new manifold when "draw" is chosen: press, drag, release.
func (s *Scene) Pointer(p *ui.Pointer, area ui.Rect) bool {
	if s.cfg.Manifold != "drawn" {
		return false
	}
	return s.drawer.Follow(p, &s.v, s.info.Host.Reset, s.refused)
}

// refused says why a drawn curve cannot be learnt.
func (s *Scene) refused(why string) { s.info.Host.Notice(why, scene.Warning) }

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	v := &s.v
	c.Clip(area)
	v.Grid(c, area, th)
	m := s.model
	plot.Curve(c, v, m.Curve, th.Px(3), th.Text, &s.pts)
	plot.Crosses(c, v, m.Data, th.Px(2.6), th.Px(1.4), th.Recon.Alpha(0.75))
	if s.streamlines {
		s.drawStreamlines(c, th)
	}
	if s.score && !s.maskMode() && !s.cfg.Plain {
		s.drawScore(c, th)
	}
	s.drawField(c, th)
	s.drawDemo(c, th)
	s.drawer.DrawStroke(c, v, th, &s.pts)
	c.Unclip()
	if s.cfg.Manifold == "drawn" {
		plot.Hint(c, area, th, "drag in the plot to draw a new curve")
	}
}

// faint is how much of its colour an arrow keeps where no corrupted input
// lands: there the net has never been trained, and its field is whatever
// its weights extrapolate.
const faint = 0.2

// reach is the distance from the curve within which corrupted inputs land
// (all but a few in a thousand): three standard deviations of their spread
// about the curve, the noise σ and the data's own jitter together; under
// the mask, or with nothing to undo, the data's jitter alone (the mask's
// inputs off the curve lie on the axes, drawn apart).
func (s *Scene) reach() float64 {
	spread := s.cfg.Jitter
	if !s.maskMode() && !s.model.Nothing() {
		spread = math.Hypot(s.cfg.Noise, s.cfg.Jitter)
	}
	return math.Max(3*spread, arrowCell/2)
}

// drawField draws g(f(x)) − x as arrows from x, at their true length up to
// one grid cell, coloured by length: faint beyond reach of the corrupted
// inputs; under the mask, full at the masked inputs on the axes.
func (s *Scene) drawField(c ui.Canvas, th *ui.Theme) {
	if s.arrows == nil {
		return
	}
	reach := s.reach()
	for k := 0; k < s.arrows.N; k++ {
		near := k >= s.latticeN || s.dist[k] <= reach
		if k >= s.latticeN && !s.maskMode() {
			break // the axis points are the mask's
		}
		s.one = data.Set{N: 1, D: 2, X: s.arrows.X[2*k : 2*k+2]}
		color := plot.FieldColor
		if !near {
			color = faintField
		}
		cell := arrowCell
		if k >= s.latticeN {
			cell = 2 * half // the masked inputs' arrows are far apart: at their true length
		}
		plot.Arrows(c, &s.v, &s.one, s.field[2*k:2*k+2], cell, th.Px(1.8), th.Px(6), color)
	}
}

// faintField is plot.FieldColor at the faint share of its opacity.
func faintField(l float64) ui.Color { return plot.FieldColor(l).Alpha(faint) }

// scoreColor is the colour of the data's smoothed score.
var scoreColor = ui.RGB(0x8e44ad)

// drawScore draws σ²∇log p̂ under the field's arrows, thin and purple, at the
// same scale.
func (s *Scene) drawScore(c ui.Canvas, th *ui.Theme) {
	if s.arrows == nil {
		return
	}
	s.one = data.Set{N: s.latticeN, D: 2, X: s.arrows.X[:2*s.latticeN]}
	plot.Arrows(c, &s.v, &s.one, s.scores, arrowCell, th.Px(3.5), th.Px(9), func(float64) ui.Color { return scoreColor.Alpha(0.35) })
}

// drawDemo shows a few training pairs: the clean x, its corrupted x̃, the
// gray corruption circle of radius σ, and what the autoencoder makes of x̃.
func (s *Scene) drawDemo(c ui.Canvas, th *ui.Theme) {
	v := &s.v
	m := s.model
	if m.Nothing() {
		return // x̃ = x: nothing to show
	}
	gauss := m.Corrupt.Kind == dae.Gaussian
	for i, n := range s.show.index {
		x := m.Data.At(n)
		cx, cy := v.Screen(x[0], x[1])
		if gauss {
			r := m.Corrupt.Sigma * v.Scale()
			c.Circle(cx, cy, r, th.Noise.Alpha(0.18))
			c.Ring(cx, cy, r, th.Px(1.2), th.Noise.Alpha(0.7))
		}
		nx, ny := v.Screen(s.show.noisy[2*i], s.show.noisy[2*i+1])
		c.Line(nx, ny, cx, cy, th.Px(1.2), th.Noise)
		c.Circle(nx, ny, th.Px(4), th.Noise)
		c.Circle(cx, cy, th.Px(3.5), th.Recon)
	}
}

func (s *Scene) drawStreamlines(c ui.Canvas, th *ui.Theme) {
	v := &s.v
	st := &s.stream
	for i := 0; i < st.start.N; i++ {
		s.pts = s.pts[:0]
		for k := 0; k <= streamSteps; k++ {
			j := 2 * (i*(streamSteps+1) + k)
			x, y := v.Screen(st.paths[j], st.paths[j+1])
			s.pts = append(s.pts, x, y)
		}
		if !st.arrived[i] {
			// stopped away from the curve, where no input was trained
			c.Polyline(s.pts, th.Px(1.2), th.Info.Alpha(0.2))
			continue
		}
		c.Polyline(s.pts, th.Px(1.6), th.Info.Alpha(0.55))
		n := len(s.pts)
		c.Circle(s.pts[n-2], s.pts[n-1], th.Px(3), th.Info)
	}
}

func (s *Scene) legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow {
	rows = append(rows,
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Text, Text: "manifold"},
		plot.LegendRow{Swatch: plot.SwatchCross, Color: th.Recon, Text: "training points xₙ"})
	switch {
	case s.model.Nothing():
		rows = append(rows, plot.LegendRow{Swatch: plot.SwatchArrow, Color: plot.FieldColor(0.3), Text: "g(f(x)) − x: x̃ = x, nothing to undo"})
	case s.maskMode():
		rows = append(rows,
			plot.LegendRow{Swatch: plot.SwatchRing, Color: th.Noise, Text: "x̃ from x: a coordinate zeroed (on an axis)"},
			plot.LegendRow{Swatch: plot.SwatchArrow, Color: plot.FieldColor(0.3), Text: "g(f(x̃)) − x̃ at masked x̃, darker = longer"})
	default:
		rows = append(rows,
			plot.LegendRow{Swatch: plot.SwatchRing, Color: th.Noise, Text: "x̃ from x, corruption circle σ"},
			plot.LegendRow{Swatch: plot.SwatchArrow, Color: plot.FieldColor(0.3), Text: "g(f(x)) − x, darker = longer"})
	}
	rows = append(rows, plot.LegendRow{Swatch: plot.SwatchArrow, Color: faintField(0.3), Text: "faint: no x̃ lands there, untrained"})
	if s.streamlines {
		rows = append(rows, plot.LegendRow{Swatch: plot.SwatchStream, Color: th.Info, Text: "streamlines x ← g(f(x))"})
	}
	if s.score && !s.maskMode() && !s.cfg.Plain {
		rows = append(rows, plot.LegendRow{Swatch: plot.SwatchArrow, Color: scoreColor.Alpha(0.5), Text: "σ²∇log p̂(x) of the data"})
	}
	return rows
}

// View returns the view as last drawn (tests).
func (s *Scene) View() *plot.View2D { return &s.v }
