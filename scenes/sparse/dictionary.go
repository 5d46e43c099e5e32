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

// halfStep is the objective after a half-step, tagged W or D: the
// sequence the slide's alternation must never raise.
type halfStep struct {
	objective float64
	isD       bool
}

// norms are ‖D‖_F and ‖W‖₁/N after a D-step.
type norms struct{ d, w float64 }

var aboutDictionary = about{
	title: "Sparse coding: dictionary learning by alternation",
	formula: []string{"‖X − WD‖²₂ + λ‖W‖₁ → min over D, W", "W-step: N LASSO regressions, one per row of W",
		"D-step: least squares for D (‖d_k‖ ≤ 1)"},
	text: "Each point is coded by a few atoms of the dictionary D (its rows). Alternate the W-step and the " +
		"D-step: neither raises the objective. A larger λ uses fewer atoms per point. Switch normalising off: " +
		"the atoms grow and the codes shrink without end, which is why dictionaries are normalised.",
	unused:  []string{"code", "gamma", "lr"},
	metrics: 4,
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
	d.afterD()
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
		afterW, diverged := d.m.Alternate()
		if diverged {
			return i, true
		}
		d.hist.Add(halfStep{afterW, false})
		d.afterD()
	}
	return n, false
}

func (d *dictionary) restored() int { return d.m.Restored }

func (d *dictionary) wStep() {
	d.m.WStep()
	d.hist.Add(halfStep{d.m.Objective(), false})
}

func (d *dictionary) dStep() {
	d.m.DStep()
	d.afterD()
}

func (d *dictionary) afterD() {
	d.hist.Add(halfStep{d.m.Objective(), true})
	d.degen.Add(norms{d.m.DNorm(), d.m.W1()})
}

func (d *dictionary) measure(ms []scene.Metric, sh *shared) {
	m := d.m
	ms[0].Value, ms[1].Value, ms[2].Value, ms[3].Value = m.Objective(), m.Sparsity(), m.MSE(), m.AtomNorm()
	k := len(sh.code)
	copy(sh.code, m.W().Data[sh.sel*k:(sh.sel+1)*k])
	m.Reconstruct(sh.recon, sh.code)
	copy(sh.atoms, m.D().Data)
}

func (d *dictionary) drawInsets(c ui.Canvas, sh *shared, th *ui.Theme) {
	d.drawObjective(c, sh, th)
	d.drawDegeneracy(c, sh, th)
}

// drawObjective plots the objective after every W- and D-step.
func (d *dictionary) drawObjective(c ui.Canvas, sh *shared, th *ui.Theme) {
	a := plot.Inset(c, sh.obj, th, "objective after each W-step (•) and D-step (•)")
	h := &d.hist
	n := h.Len()
	if n < 2 {
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := 0; i < n; i++ {
		v := h.At(i).objective
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if hi-lo < 1e-12 {
		hi = lo + 1
	}
	sh.pts = sh.pts[:0]
	for j := 0; j < n; j++ {
		sh.pts = append(sh.pts, a.X+float64(j)/float64(max(n-1, 1))*a.W, a.Bottom()-(h.At(j).objective-lo)/(hi-lo)*a.H)
	}
	c.Polyline(sh.pts, th.Px(1.5), th.Axis)
	for j := 0; j < n; j++ {
		col := th.Info
		if h.At(j).isD {
			col = th.Model
		}
		c.Circle(sh.pts[2*j], sh.pts[2*j+1], th.Px(2.6), col)
	}
}

// drawDegeneracy plots ‖D‖_F and ‖W‖₁/N over alternations, each against
// its own largest value.
func (d *dictionary) drawDegeneracy(c ui.Canvas, sh *shared, th *ui.Theme) {
	a := plot.Inset(c, sh.deg, th, "‖D‖_F (—) and ‖W‖₁/N (—) over alternations")
	if d.degen.Len() < 2 {
		return
	}
	d.series(c, sh, a, false, th.Px(2), th.Model)
	d.series(c, sh, a, true, th.Px(2), th.Data)
}

// series draws ‖D‖_F, or ‖W‖₁/N when w, against its largest value.
func (d *dictionary) series(c ui.Canvas, sh *shared, a ui.Rect, w bool, width float64, col ui.Color) {
	t := &d.degen
	n := t.Len()
	at := func(i int) float64 {
		if w {
			return t.At(i).w
		}
		return t.At(i).d
	}
	top := 1e-12
	for i := 0; i < n; i++ {
		top = math.Max(top, at(i))
	}
	sh.pts = sh.pts[:0]
	for j := 0; j < n; j++ {
		sh.pts = append(sh.pts, a.X+float64(j)/float64(max(n-1, 1))*a.W, a.Bottom()-at(j)/top*a.H)
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
	c.Text("click a point to see its code", sh.dataR.Right()-th.Px(12), sh.dataR.Bottom()-th.Px(26),
		ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right})
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
	p := &patchDict{newDictionary(sc.DefaultPatches), patches{caption: "dictionary D: K atoms (rows)"}}
	p.bind()
	return p
}
