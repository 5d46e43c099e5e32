package sparse

import (
	"math"

	"aelab/core/data"
	sc "aelab/core/sparse"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// dictionary is dictionary learning by alternation (slides "Sparse coding:
// definition / estimation"), the model of the 2-D and patch views, which
// draw its data differently (plane and patchDict).
type dictionary struct {
	base  sc.Config // Default2D or DefaultPatches
	m     *sc.Model
	hist  plot.Ring[halfStep] // the objective after every W- and D-step
	degen plot.Ring[norms]    // ‖D‖_F and ‖W‖₁/N over alternations
	acts  []scene.Action
}

// halfStep is the objective after a half-step, tagged W or D, with its
// relative change in that half-step (negative: it fell): the sequence the
// slide's alternation must never raise.
type halfStep struct {
	objective float64
	change    float64 // (after − before)/before, with λ as it was during the step
	step      int     // alternations done when it was taken
	isD       bool
}

// norms are ‖D‖_F and ‖W‖₁/N after a D-step.
type norms struct {
	d, w float64
	step int
}

// relChange is the relative change (after − before)/before of the
// objective over a half-step.
func relChange(before, after float64) float64 { return (after - before) / before }

var aboutDictionary = about{
	title: "Sparse coding: dictionary learning by alternation",
	formula: []string{"‖X − WD‖²₂ + λ‖W‖₁ → min over D, W", "W-step: N LASSO regressions, one per row of W",
		"D-step: least squares for D (‖d_k‖ ≤ 1)"},
	text: "Each point is coded by a few atoms of the dictionary D (its rows). Alternate the W-step and the " +
		"D-step: neither raises the objective. A larger λ uses fewer atoms per point. Switch normalising off: " +
		"the atoms grow and the codes shrink without end, which is why dictionaries are normalised.",
	unused:  []string{"code", "gamma", "lr"},
	metrics: []int{mObjective, mSparsity, mMSE, mAtomNorm, mMaxRise},
	insets:  2,
}

func newDictionary(base sc.Config) dictionary {
	return dictionary{base: base, hist: plot.NewRing[halfStep](120), degen: plot.NewRing[norms](300)}
}

// bind makes the W-step and D-step buttons of the dictionary d, which must
// not move from here on.
func (d *dictionary) bind() {
	d.acts = []scene.Action{
		{Label: "W-step (LASSO)", Run: d.wStep},
		{Label: "D-step (atoms)", Run: d.dStep},
	}
}

func (d *dictionary) about() *about           { return &aboutDictionary }
func (d *dictionary) actions() []scene.Action { return d.acts }
func (d *dictionary) model() *sc.Model        { return d.m }

// wStepWork bounds the work of a W-step (sc.Config.Work): some 5 ms
// natively, 15 ms in a browser. It binds where K is large and λ small,
// when every point's LASSO is a long solve (K = 128, λ = 0.005: 0.3 s for
// all 500 patches natively, 3 s from cold codes); then an alternation
// codes the points in turn. The default experiments code every point in
// every W-step (the patches need up to 5e6 from cold codes, 2e6 later).
const wStepWork = 6_000_000

func (d *dictionary) reset(cfg *config, seed uint64) *data.Set {
	c := d.base
	c.K, c.Lambda, c.Normalize = cfg.K, cfg.Lambda, cfg.Normalize
	c.Work = wStepWork
	d.m = sc.New(c, seed)
	d.hist.Clear()
	d.degen.Clear()
	d.afterD(d.m.Objective())
	return d.m.X()
}

func (d *dictionary) apply(cfg *config) {
	d.m.SetLambda(cfg.Lambda)
	d.m.Cfg.Normalize = cfg.Normalize
}

// train runs n alternations; one that diverges (the unconstrained D-step)
// leaves the last finite dictionary and codes, and no trace in the insets.
func (d *dictionary) train(n int) (int, bool) {
	for i := 0; i < n; i++ {
		before := d.m.Objective()
		afterW, diverged := d.m.Alternate()
		if diverged {
			return i, true
		}
		d.hist.Add(halfStep{objective: afterW, change: relChange(before, afterW), step: d.m.Steps})
		d.afterD(afterW)
	}
	return n, false
}

func (d *dictionary) restored() int { return d.m.Restored }

func (d *dictionary) wStep() {
	before := d.m.Objective()
	d.m.WStep()
	after := d.m.Objective()
	d.hist.Add(halfStep{objective: after, change: relChange(before, after), step: d.m.Steps})
}

func (d *dictionary) dStep() {
	before := d.m.Objective()
	d.m.DStep()
	d.afterD(before)
}

// afterD records a D-step that started from the objective before.
func (d *dictionary) afterD(before float64) {
	after := d.m.Objective()
	d.hist.Add(halfStep{objective: after, change: relChange(before, after), step: d.m.Steps, isD: true})
	d.degen.Add(norms{d.m.DNorm(), d.m.W1(), d.m.Steps})
}

// maxRise is the metric max_rise: the largest relative rise of the
// objective in one W- or D-step over the half-steps the plot holds (the
// last 60 alternations), 0 when every one lowered it or left it. The
// slide's claim, "neither step raises the objective", is max_rise = 0 up
// to rounding.
func (d *dictionary) maxRise() float64 {
	r := 0.0
	for i := 0; i < d.hist.Len(); i++ {
		r = math.Max(r, d.hist.At(i).change)
	}
	return r
}

func (d *dictionary) measure(ms []scene.Metric, sh *shared) {
	m := d.m
	ms[0].Value, ms[1].Value, ms[2].Value, ms[3].Value = m.Objective(), m.Sparsity(), m.MSE(), m.AtomNorm()
	ms[mMaxRise].Value = d.maxRise()
	k := len(sh.code)
	copy(sh.code, m.W().Data[sh.sel*k:(sh.sel+1)*k])
	m.Reconstruct(sh.recon, sh.code)
	copy(sh.atoms, m.D().Data)
}

func (d *dictionary) drawInsets(c ui.Canvas, sh *shared, th *ui.Theme) {
	d.drawObjective(c, sh, th)
	d.drawDegeneracy(c, sh, th)
}

// changeFloor is the smallest fall of the objective the step plot shows
// apart from none: a half-step that changes it by less (or not at all, a
// converged W-step) is drawn on the axis' floor.
const changeFloor = 1e-9

// drawObjective plots how much each W- and D-step lowers the objective,
// relative to its value before the step, on a log axis: every point above
// the floor is a step that lowered it; a step that raised it would be drawn
// in the error colour on the floor, with the metric max_rise above 0.
func (d *dictionary) drawObjective(c ui.Canvas, sh *shared, th *ui.Theme) {
	title := words("objective's fall per step ")
	if sh.obj.W < th.Px(260) { // side by side with ‖D‖ in a short plot
		title = words("fall per step ")
	}
	a := insetKeyed(c, sh.obj, th, title, key(plot.SwatchDot, th.Info), words("W"), key(plot.SwatchDot, th.Model), words("D"))
	a = plotArea(a, th)
	h := &d.hist
	n := h.Len()
	lo, hi := math.Inf(1), 0.0
	for i := 1; i < n; i++ { // the first is the state at reset or the oldest kept, no step
		if f := -h.At(i).change; f > changeFloor {
			lo, hi = math.Min(lo, f), math.Max(hi, f)
		}
	}
	if hi == 0 {
		lo, hi = changeFloor, 1
	}
	lo = math.Max(lo, changeFloor)
	ax := newLogAxis(lo, hi, 2)
	ax.ticks(c, a, th, &sh.buf)
	if n < 2 {
		return
	}
	stepTicks(c, a, th, h.At(0).step, h.At(n-1).step, &sh.buf)
	for j := 1; j < n; j++ {
		e := h.At(j)
		col := th.Info
		if e.isD {
			col = th.Model
		}
		x := a.X + float64(j)/float64(max(n-1, 1))*a.W
		y := a.Bottom()
		switch f := -e.change; {
		case f < 0:
			col = th.Error
		case f >= math.Pow(10, ax.lo):
			y = ax.y(a, f)
		}
		c.Circle(x, y, th.Px(2.6), col)
	}
}

// drawDegeneracy plots ‖D‖_F and ‖W‖₁/N over alternations on one log
// axis: with normalised atoms both settle; without, one grows as the other
// shrinks.
func (d *dictionary) drawDegeneracy(c ui.Canvas, sh *shared, th *ui.Theme) {
	a := insetKeyed(c, sh.deg, th, words("‖D‖_F "), key(plot.SwatchLine, th.Model), words(" ‖W‖₁/N "),
		key(plot.SwatchLine, th.Data))
	a = plotArea(a, th)
	t := &d.degen
	n := t.Len()
	lo, hi := math.Inf(1), 0.0
	for i := 0; i < n; i++ {
		for _, v := range [2]float64{t.At(i).d, t.At(i).w} {
			if v > 0 {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if hi == 0 {
		lo, hi = 0.1, 1
	}
	ax := newLogAxis(lo, hi, 0.6)
	ax.ticks(c, a, th, &sh.buf)
	if n < 2 {
		return
	}
	stepTicks(c, a, th, t.At(0).step, t.At(n-1).step, &sh.buf)
	d.series(c, sh, a, ax, false, th.Px(2.5), th.Model)
	d.series(c, sh, a, ax, true, th.Px(2.5), th.Data)
}

// series draws ‖D‖_F, or ‖W‖₁/N when w, on the axis ax (a zero, no code
// at all, on the floor).
func (d *dictionary) series(c ui.Canvas, sh *shared, a ui.Rect, ax logAxis, w bool, width float64, col ui.Color) {
	t := &d.degen
	n := t.Len()
	sh.pts = sh.pts[:0]
	for j := 0; j < n; j++ {
		v := t.At(j).d
		if w {
			v = t.At(j).w
		}
		y := a.Bottom()
		if v > 0 {
			y = math.Max(a.Y, math.Min(a.Bottom(), ax.y(a, v)))
		}
		sh.pts = append(sh.pts, a.X+float64(j)/float64(max(n-1, 1))*a.W, y)
	}
	c.Polyline(sh.pts, width, col)
}

// plane is the 2-D view: the points, the learnt atoms as arrows from the
// origin, the directions the data were made from, and the selected
// point's code as a chain of atoms.
type plane struct{ dictionary }

func newPlane() *plane {
	p := &plane{newDictionary(sc.Default2D)}
	p.bind()
	return p
}

func (p *plane) drawData(c ui.Canvas, sh *shared, th *ui.Theme) {
	v := &sh.v
	v.Grid(c, sh.area, th)
	m := p.m
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
			col = AtomColor(bk).Alpha(0.7)
		}
		px, py := v.Screen(x.X[2*n], x.X[2*n+1])
		c.Circle(px, py, th.Px(3), col)
	}
	ox, oy := v.Screen(0, 0)
	for k := 0; k < K; k++ {
		tx, ty := v.Screen(d.Data[2*k], d.Data[2*k+1])
		plot.Arrow(c, ox, oy, tx, ty, th.Px(3.5), th.Px(12), AtomColor(k))
	}
	// the selected point: its code as a chain of atoms, then the residual
	xs := x.At(sh.sel)
	px, py := v.Screen(xs[0], xs[1])
	cx, cy := 0.0, 0.0
	for k := 0; k < K; k++ {
		if sh.code[k] == 0 {
			continue
		}
		nx, ny := cx+sh.code[k]*d.Data[2*k], cy+sh.code[k]*d.Data[2*k+1]
		x0, y0 := v.Screen(cx, cy)
		x1, y1 := v.Screen(nx, ny)
		plot.Arrow(c, x0, y0, x1, y1, th.Px(2.5), th.Px(9), AtomColor(k).Mix(th.Text, 0.3))
		cx, cy = nx, ny
	}
	rx, ry := v.Screen(cx, cy)
	c.Line(rx, ry, px, py, th.Px(1.5), th.Text)
	c.Ring(px, py, th.Px(9), th.Px(2.5), th.Text)
	hint := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right}
	hx, hy := sh.dataR.Right()-th.Px(12), sh.dataR.Bottom()-th.Px(26)
	c.Text("click a point to see its code", hx, hy, hint)
}

// pick returns the point nearest the pointer, within 24 pixels.
func (p *plane) pick(pt *ui.Pointer, sh *shared) int {
	x := p.m.X()
	best, bi := math.Inf(1), -1
	for n := 0; n < x.N; n++ {
		px, py := sh.v.Screen(x.X[2*n], x.X[2*n+1])
		if d := math.Hypot(px-pt.X, py-pt.Y); d < best {
			best, bi = d, n
		}
	}
	if best < 24 {
		return bi
	}
	return -1
}

func (p *plane) codeColor(k int, _ *ui.Theme) ui.Color { return AtomColor(k) }

func (p *plane) legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow {
	return append(rows,
		plot.LegendRow{Swatch: plot.SwatchArrow, Color: AtomColor(0), Text: "atoms d_k (rows of D), one colour each"},
		plot.LegendRow{Swatch: plot.SwatchDot, Color: AtomColor(1), Text: "points, coloured by their largest code"},
		plot.LegendRow{Swatch: plot.SwatchBand, Color: th.Noise, Text: "directions the data were made from"})
}

// patchDict is the patch view of dictionary learning: 8×8 patches of a
// picture and the atoms as tiles.
type patchDict struct {
	dictionary
	patches
}

func newPatchDict() *patchDict {
	p := &patchDict{newDictionary(sc.DefaultPatches), patches{caption: "dictionary D: K atoms (rows)", recon: "x̂ = Σₖ wₖdₖ"}}
	p.bind()
	return p
}
