// Package sparse is the scene of sparse coding as the lecture estimates it
// (slides "Regularized autoencoders", "Sparse coding: definition /
// estimation / encoder & decoder", "Non-linear analogue"):
// ‖X − WD‖² + λ‖W‖₁ minimised by alternating W-steps (LASSO) and D-steps
// (least squares), on points in the plane or on image patches; and beside
// it the autoencoders the slides compare, a sparse autoencoder (ReLU or
// sigmoid codes) and PSD. The model is core/sparse.
//
// The parameter "view" picks one of four views: dictionary learning in the
// plane or on patches (dictionary.go, one view drawn two ways), the sparse
// autoencoder (autoencoder.go) and PSD (psd.go). The Scene holds what they
// share — the parameters, bound to one config; the selected point or patch
// with its code and reconstruction; the layout, the patch display, the
// code bars — and hands the rest to the view shown.
package sparse

import (
	"math"
	"strconv"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
	"aelab/core/nn"
	sc "aelab/core/sparse"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// viewKind is the value of the parameter "view".
type viewKind uint8

const (
	view2D      viewKind = iota // "2d": dictionary learning in the plane
	viewPatches                 // "patches": dictionary learning on 8×8 patches
	viewSAE                     // "sae": the sparse autoencoder
	viewPSD                     // "psd": predictive sparse decomposition
)

// config is what the parameters set.
type config struct {
	View      viewKind
	Lambda    float64       // λ of ‖W‖₁ or ‖h‖₁; live
	K         int           // atoms, or code units
	Normalize bool          // the D-step under ‖d_k‖ ≤ 1; live
	Code      nn.Activation // the sparse autoencoder's code units
	Gamma     float64       // PSD's γ; live
	LR        float64       // Adam's step size for the two autoencoders; live
}

// view is one of the scene's views: a model, how it trains and measures,
// and what it draws in the data area and the insets.
type view interface {
	// about returns the view's texts and the parameters it leaves unused.
	about() *about
	// reset builds the view's data and model from cfg and seed and returns
	// the points it codes.
	reset(cfg *config, seed uint64) *data.Set
	// apply applies the live parameters of cfg to the model as it stands.
	apply(cfg *config)
	train(n int) (done int, diverged bool)
	// restored is, after train diverged, the step it went back to.
	restored() int
	// measure writes the view's metrics into m (those about().metrics
	// name) and fills sh's code, reconstruction and atoms for sh.sel.
	measure(m []scene.Metric, sh *shared)
	// drawData draws the data area, sh.dataR.
	drawData(c ui.Canvas, sh *shared, th *ui.Theme)
	// pick returns the point or patch the pointer pressed, or −1.
	pick(p *ui.Pointer, sh *shared) int
	// drawInsets draws the small plots sh.obj and sh.deg.
	drawInsets(c ui.Canvas, sh *shared, th *ui.Theme)
	// codeColor is the colour of code entry k's bar.
	codeColor(k int, th *ui.Theme) ui.Color
	// actions are the view's buttons, nil for none.
	actions() []scene.Action
}

// slicer is a view whose measure can cost more than a frame can spare
// (PSD's, which solves a LASSO per probe point): while training runs it
// measures a part at a time, at most sliceWork, and shows the metrics of
// the last complete pass.
type slicer interface {
	measurePart(m []scene.Metric, sh *shared)
}

// sliceWork bounds a frame's part of a sliced measure, in multiply-adds
// (sparse.Lasso.Work): some 4 ms natively, 12 ms in a browser.
const sliceWork = 5_000_000

// legender is a view with a legend (the 2-D view).
type legender interface {
	legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow
}

// about is what a view tells the App besides its metrics' values.
type about struct {
	title   string
	formula []string
	text    string
	unused  []string // parameters that do nothing in the view
	metrics []int    // the metrics the view shows, indices into Scene.metrics
	insets  int      // its small plots beside the data, besides the code bars
	recon   string   // the label of the reconstruction the patch views show
}

// The metrics, indices into Scene.metrics.
const (
	mObjective = iota
	mSparsity
	mMSE
	mAtomNorm
	mLassoGap
	mMaxRise
	nMetrics
)

// shared is what every view draws with: the points, the selected one with
// its code and reconstruction, the atoms, and where everything goes.
type shared struct {
	x     *data.Set // the points of the view
	sel   int       // the selected point or patch
	code  []float64 // its code, K
	recon []float64 // its reconstruction, Dim
	atoms []float64 // K×Dim, the atoms or decoder columns as drawn

	area, dataR       ui.Rect // the plot, and its part for the data
	obj, deg, codeR   ui.Rect // the insets (zero when there is no room)
	tiles, strip, big ui.Rect // patch views: atoms, patches to pick, the selected one
	v                 plot.View2D
	pts               []float64 // scratch for polylines
	buf               []byte    // scratch for titles
}

// Scene is the sparse scene.
type Scene struct {
	info    scene.Info
	cfg     config // bound to the parameters
	metrics [nMetrics]scene.Metric
	shown   [nMetrics]scene.Metric // the view's, as Info.Metrics
	kAt     int                    // the index of the parameter "k"
	th      *ui.Theme              // as last laid out

	views [4]view // by viewKind
	view  view    // the one shown
	shared
}

// probePoints is how many training points PSD's metrics average over: each
// needs a LASSO code and an inference, whose cost grows as K² and more
// (with K = 128 and λ = 0.005 a LASSO from cold codes, as after a reset,
// takes some 3e7 multiply-adds), so fewer as K grows: 64 up to K = 32,
// 16 at K = 128. The scatter of f(x) against w* draws K of them a point.
func probePoints(k int) int { return max(16, min(64, 64*32/max(k, 1))) }

// stripPatches is how many patches the patch views offer to pick from.
const stripPatches = 12

// New returns the scene at its defaults.
func New() *Scene {
	d := sc.Default2D
	s := &Scene{
		metrics: [nMetrics]scene.Metric{
			mObjective: {Name: "objective", Label: "objective per point", Digits: 4},
			mSparsity:  {Name: "sparsity", Label: "nonzero codes", Digits: 3},
			mMSE:       {Name: "mse", Label: "reconstruction MSE", Digits: 3},
			mAtomNorm:  {Name: "atom_norm", Label: "mean ‖d_k‖", Digits: 3},
			mLassoGap:  {Name: "lasso_gap", Label: "‖f(x) − w*‖ / ‖w*‖", Digits: 3},
			mMaxRise:   {Name: "max_rise", Label: "largest rise in a step", Digits: 2},
		},
	}
	s.v = plot.View2D{Half: 1.6}
	s.views = [4]view{newPlane(), newPatchDict(), newAutoencoder(), newPSD()}
	c := &s.cfg
	apply := func() { s.view.apply(c) }
	s.info = scene.Info{
		ID: "sparse", Tab: "Sparse coding",
		Slides: "lecture: Sparse coding · Regularized autoencoders · Non-linear analogue",
		// the objective per step, ‖D‖ and ‖W‖₁, the code: room of their own
		Params: param.NewSet(
			param.Pick(param.Spec{Name: "view", Label: "show", Kind: param.Choice, Choices: []string{"2d", "patches", "sae", "psd"},
				Labels: []string{"2-D", "patches", "SAE", "PSD"}, Resets: true,
				Help: "sparse coding of points in the plane or of 8×8 image patches; a sparse autoencoder; PSD"},
				&c.View, view2D, viewPatches, viewSAE, viewPSD),
			param.Bind(param.Spec{Name: "lambda", Label: "sparsity λ", Min: 0.005, Max: 2, Default: d.Lambda, Log: true, Digits: 2,
				Help: "weight of ‖W‖₁ (‖h‖₁); applies live"}, &c.Lambda).Live(apply),
			param.Bind(param.Spec{Name: "k", Label: "atoms K", Kind: param.Int, Min: 1, Max: 128, Default: float64(d.K), Log: true, Digits: 3, Resets: true,
				Help: "dictionary size: fewer than the dimension is undercomplete, more is overcomplete"}, &c.K),
			param.Bind(param.Spec{Name: "normalize", Label: "normalise atoms ‖d_k‖ ≤ 1", Kind: param.Bool, Default: 1,
				Help: "constrain the D-step; off, the plain least-squares step lets ‖D‖ grow and ‖W‖₁ shrink; applies live"}, &c.Normalize).Live(apply),
			param.Pick(param.Spec{Name: "code", Label: "AE code units", Kind: param.Choice, Choices: []string{"relu", "sigmoid"},
				Labels: []string{"ReLU", "sigmoid"}, Resets: true, Help: "the sparse autoencoder's code activation"},
				&c.Code, nn.ReLU, nn.Sigmoid),
			param.Bind(param.Spec{Name: "gamma", Label: "PSD γ", Min: 0.01, Max: 10, Default: 1, Log: true, Digits: 2,
				Help: "weight of ‖h − f(x)‖² in PSD; applies live"}, &c.Gamma).Live(apply),
			// η's top is 0.03: with 32 ReLU units Adam at 0.05 or more
			// switches most of them off for good within 1000 steps (the
			// loss climbs to the data's variance, ~1, and lowering η back
			// cannot wake a unit whose gradient is 0), a state no slider
			// should lead a class into; at 0.03 lowering η recovers.
			param.Bind(param.Spec{Name: "lr", Label: "AE learning rate η", Min: 1e-4, Max: 0.03, Default: 0.001, Log: true, Digits: 2,
				Help: "Adam's step size for the two autoencoders; applies live"}, &c.LR).Live(apply),
		),
		// two alternations a frame: each codes every point, and the atoms
		// settle in about a hundred of them, slowly enough to watch
		Speed:        2,
		Adjust:       s.adjust,
		MeasureFrame: s.measureFrame,
	}
	s.kAt = s.info.Params.Index("k")
	s.view = s.views[s.cfg.View]
	s.show()
	return s
}

// adjust gives each view its own dictionary size when the user changes
// the view (K = 5 in the plane, 32 otherwise).
func (s *Scene) adjust(changed string) {
	if changed != "view" {
		return
	}
	k := sc.DefaultPatches.K
	if s.cfg.View == view2D {
		k = sc.Default2D.K
	}
	s.info.Params.SetAt(s.kAt, float64(k))
}

// show puts the view's texts, readouts, buttons and legend on Info.
func (s *Scene) show() {
	a, i := s.view.about(), &s.info
	i.Title, i.Formula, i.Text = a.title, a.formula, a.text
	i.Insets = scene.InsetRoom{N: a.insets + 1, MinH: insetMin, MaxH: insetMax} // and the code bars
	i.Unused = a.unused
	i.Metrics = s.shown[:len(a.metrics)]
	s.showMetrics()
	i.Actions = s.view.actions()
	i.Legend = nil
	if l, ok := s.view.(legender); ok {
		i.Legend = l.legend
	}
}

// showMetrics copies the view's metrics to Info.Metrics.
func (s *Scene) showMetrics() {
	for i, k := range s.view.about().metrics {
		s.shown[i] = s.metrics[k]
	}
}

func (s *Scene) Info() *scene.Info { return &s.info }

func (s *Scene) Reset(seed uint64) {
	s.view = s.views[s.cfg.View]
	s.show()
	x := s.view.reset(&s.cfg, seed)
	s.x = x
	s.sel = defaultSelection(x)
	k := s.cfg.K
	s.code = make([]float64, k)
	s.recon = make([]float64, x.D)
	s.atoms = make([]float64, k*x.D)
	if s.th != nil {
		s.Layout(s.area, s.th) // the view's insets
	}
	s.Measure()
}

// Train runs n alternations (W-step then D-step) of sparse coding, or n
// minibatch steps of the autoencoder shown.
func (s *Scene) Train(n int) (int, bool) {
	done, diverged := s.view.train(n)
	if diverged {
		s.info.Restored = s.view.restored()
	}
	return done, diverged
}

// defaultSelection is the point or patch shown first: the strip's patch
// with the most to code; in the plane, the farthest point within 1.2 of
// the origin in the upper-left quadrant, clear of the legend (bottom-left)
// and the readouts (top-right).
func defaultSelection(x *data.Set) int {
	sel, best := 0, 0.0
	if x.D == 2 {
		for i := 0; i < x.N; i++ {
			p := x.At(i)
			if n := nn.Dot(p, p); p[0] < 0 && p[1] > 0 && n <= 1.2*1.2 && n > best {
				sel, best = i, n
			}
		}
		return sel
	}
	for i := 0; i < min(stripPatches, x.N); i++ {
		if n := nn.Dot(x.At(i), x.At(i)); n > best {
			sel, best = i, n
		}
	}
	return sel
}

func (s *Scene) Measure() {
	s.sel = min(s.sel, s.x.N-1)
	s.view.measure(s.metrics[:], &s.shared)
	s.info.Loss = s.metrics[0].Value
	s.showMetrics()
}

// measureFrame measures while training runs: a part of the measure for a
// view whose measure is sliced, else all of it.
func (s *Scene) measureFrame(int) {
	sl, ok := s.view.(slicer)
	if !ok {
		s.Measure()
		return
	}
	s.sel = min(s.sel, s.x.N-1)
	sl.measurePart(s.metrics[:], &s.shared)
	s.info.Loss = s.metrics[0].Value
	s.showMetrics()
}

// Inset heights, logical pixels: at most insetMax, at least insetMin (a
// title, a plot and its tick labels).
const insetMax, insetMin = 150, 80

// Layout places the data (a view of the plane, or the atom tiles and a
// strip of patches) in the plot, and the view's small plots and the code
// bars in the room the App keeps for them (Info.Insets).
func (s *Scene) Layout(area ui.Rect, th *ui.Theme) {
	s.area, s.th = area, th
	// the small plots have room of their own, beside or below the plot
	// (Info.Insets, one per evidence plot of the view and the code bars;
	// the App sets InsetRects)
	var insets [3]ui.Rect
	copy(insets[:], s.info.InsetRects)
	s.dataR = area
	ev := s.view.about().insets
	s.obj, s.deg, s.codeR = insets[0], ui.Rect{}, insets[min(ev, 2)]
	if ev > 1 {
		s.deg = insets[1]
	}
	s.fitData(th)
}

// fitData places the data in dataR: the plane's view, or for the patch
// views the atom tiles above, a strip of patches and the selected one
// with its reconstruction below.
func (s *Scene) fitData(th *ui.Theme) {
	s.v.Fit(s.dataR)
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

// Pointer selects the point or patch pressed.
func (s *Scene) Pointer(p *ui.Pointer, area ui.Rect) bool {
	if !p.Pressed {
		return false
	}
	if i := s.view.pick(p, &s.shared); i >= 0 {
		s.sel = i
		s.Measure()
	}
	return false
}

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	c.Clip(area)
	s.view.drawData(c, &s.shared, th)
	c.Unclip()
	if s.obj.W > 0 {
		s.view.drawInsets(c, &s.shared, th)
	}
	if s.codeR.W > 0 {
		s.drawCode(c, th)
	}
}

// drawCode shows the selected point's code as bars, exact zeros as ticks.
func (s *Scene) drawCode(c ui.Canvas, th *ui.Theme) {
	zeros := 0
	for _, v := range s.code {
		if v == 0 {
			zeros++
		}
	}
	s.buf = append(s.buf[:0], "its code: "...)
	s.buf = strconv.AppendInt(s.buf, int64(len(s.code)-zeros), 10)
	s.buf = append(s.buf, " of "...)
	s.buf = strconv.AppendInt(s.buf, int64(len(s.code)), 10)
	s.buf = append(s.buf, " nonzero"...)
	a := insetBytes(c, s.codeR, th, s.buf)
	lim := plot.MaxAbs(s.code)
	// the value axis: ±the largest |code| at its ends
	lab := th.Px(34)
	fs := th.Font(ui.SizeSmall)
	valueLabel(c, th, &s.buf, lim, a.X+lab-th.Px(4), a.Y-fs*0.5, ui.Right)
	valueLabel(c, th, &s.buf, 0, a.X+lab-th.Px(4), a.Y+a.H/2-fs*0.62, ui.Right)
	valueLabel(c, th, &s.buf, -lim, a.X+lab-th.Px(4), a.Bottom()-fs*0.7, ui.Right)
	a.X, a.W = a.X+lab, a.W-lab
	c.Line(a.X, a.Y, a.X, a.Bottom(), th.Px(1), th.Axis)
	bw := a.W / float64(len(s.code))
	mid := a.Y + a.H/2
	c.Line(a.X, mid, a.Right(), mid, th.Px(1), th.Axis)
	for k, v := range s.code {
		x := a.X + float64(k)*bw
		if v == 0 {
			c.FillRect(ui.Rect{X: x + bw*0.2, Y: mid - th.Px(1), W: bw * 0.6, H: th.Px(2)}, th.Noise)
			continue
		}
		h := v / lim * a.H / 2
		r := ui.Rect{X: x + bw*0.15, Y: mid - math.Max(h, 0), W: bw * 0.7, H: math.Abs(h)}
		c.FillRect(r, s.view.codeColor(k, th))
	}
}

// patches is the data area of the patch views: the atoms as tiles, a
// strip of patches to pick from, and the selected patch beside its
// reconstruction. Embedded in a view, it draws and picks for it.
type patches struct {
	caption string // over the atoms
	recon   string // over the reconstruction: what the model computes
}

func (pa *patches) drawData(c ui.Canvas, sh *shared, th *ui.Theme) {
	x := sh.x
	k := len(sh.code)
	dim := x.D
	caption := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text, Bold: true}
	c.Text(pa.caption, sh.tiles.X, sh.tiles.Y-th.Px(22), caption)
	// atoms in a grid
	cols := max(1, int(math.Ceil(math.Sqrt(float64(k)*sh.tiles.W/math.Max(sh.tiles.H, 1))))) // 1 in a plot too small to show them
	rows := (k + cols - 1) / cols
	side := math.Min(sh.tiles.W/float64(cols), sh.tiles.H/float64(rows)) - th.Px(4)
	for j := 0; j < k; j++ {
		a := sh.atoms[j*dim : (j+1)*dim]
		r := ui.Rect{X: sh.tiles.X + float64(j%cols)*(side+th.Px(4)), Y: sh.tiles.Y + float64(j/cols)*(side+th.Px(4)), W: side, H: side}
		plot.Tile(c, r, a, plot.MaxAbs(a), th)
		if sh.code[j] != 0 { // the atoms the selected patch uses
			c.StrokeRect(r.Inset(-th.Px(2)), th.Px(2.5), th.Accent)
		}
	}
	c.Text("patches: click one", sh.strip.X, sh.strip.Y-th.Px(20), caption)
	for i := 0; i < stripPatches && i < x.N; i++ {
		r := sh.stripTile(i)
		p := x.At(i)
		plot.Tile(c, r, p, plot.MaxAbs(p), th)
		if i == sh.sel {
			c.StrokeRect(r.Inset(-th.Px(3)), th.Px(3), th.Accent)
		}
	}
	// the selected patch and its reconstruction, large
	xs := x.At(sh.sel)
	scale := plot.MaxAbs(xs)
	bs := math.Min(sh.big.H, sh.big.W/3)
	left := ui.Rect{X: sh.big.X, Y: sh.big.Y, W: bs, H: bs}
	right := ui.Rect{X: sh.big.X + bs + th.Px(40), Y: sh.big.Y, W: bs, H: bs}
	label := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text, Bold: true, Align: ui.Center}
	c.Text("x", left.X+bs/2, left.Y-th.Px(22), label)
	c.Text(pa.recon, right.X+bs/2, right.Y-th.Px(22), label)
	plot.Tile(c, left, xs, scale, th)
	plot.Tile(c, right, sh.recon, scale, th)
}

func (*patches) pick(pt *ui.Pointer, sh *shared) int {
	for i := 0; i < stripPatches; i++ {
		if sh.stripTile(i).Contains(pt.X, pt.Y) {
			return i
		}
	}
	return -1
}

func (*patches) codeColor(_ int, th *ui.Theme) ui.Color { return th.Accent }

// stripTile is where patch i of the strip is drawn.
func (sh *shared) stripTile(i int) ui.Rect {
	side := math.Min(sh.strip.H, (sh.strip.W-float64(stripPatches-1)*6)/stripPatches)
	return ui.Rect{X: sh.strip.X + float64(i)*(side+6), Y: sh.strip.Y, W: side, H: side}
}

// atomColors tell the atoms of the 2-D view apart.
var atomColors = []ui.Color{
	ui.RGB(0x1f77b4), ui.RGB(0xd62728), ui.RGB(0x2ca02c), ui.RGB(0x9467bd), ui.RGB(0xff7f0e),
	ui.RGB(0x17becf), ui.RGB(0x8c564b), ui.RGB(0xe377c2), ui.RGB(0xbcbd22), ui.RGB(0x7f7f7f),
}

// AtomColor is the colour of atom k in the 2-D view.
func AtomColor(k int) ui.Color { return atomColors[k%len(atomColors)] }

// Dictionary returns the dictionary of the 2-D and patch views (tests).
func (s *Scene) Dictionary() blas64.General {
	return s.view.(interface{ model() *sc.Model }).model().D()
}

// View returns the 2-D view as last laid out (tests).
func (s *Scene) View() *plot.View2D { return &s.v }
