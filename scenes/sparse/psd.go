package sparse

import (
	"math"

	"aelab/core/data"
	"aelab/core/rng"
	sc "aelab/core/sparse"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// psd is the view of predictive sparse decomposition (slide "Non-linear
// analogue"): a dictionary and a fast encoder trained to predict the sparse
// codes, with a scatter of its predictions against the LASSO codes.
type psd struct {
	trained
	patches
	p     *sc.PSD
	probe *data.Set   // the points the metrics average over
	pass  *sc.PSDPass // measures them, at once or in slices
	scat  []float64   // (w*, f(x)) pairs of the probe points, as last measured
}

var aboutPSD = about{
	title: "Predictive sparse decomposition (PSD)",
	formula: []string{"‖x − g(h)‖² + λ‖h‖₁ + γ‖h − f(x)‖² → min over θ", "g(h) = Dᵀh (the dictionary),  f(x) = shrink(Wx + b, θ)",
		"h*: sparse code inferred by ISTA from f(x)"},
	text: "PSD learns the dictionary and, beside it, a fast encoder f that predicts the sparse codes, so that " +
		"coding a new x is one step instead of a LASSO solve. Watch the points of f(x) against the LASSO code w* " +
		"gather on the diagonal, and their relative gap fall.",
	unused:  []string{"normalize", "code"},
	metrics: []int{mObjective, mSparsity, mMSE, mAtomNorm, mLassoGap},
	insets:  1,
}

func newPSD() *psd {
	return &psd{patches: patches{caption: "dictionary D: K atoms (rows)", recon: "x̂ = Dᵀh"}}
}

func (p *psd) about() *about { return &aboutPSD }

func (p *psd) reset(cfg *config, seed uint64) *data.Set {
	x := sc.PatchData(sc.DefaultPatches, seed)
	p.p = sc.NewPSD(x.D, cfg.K, cfg.Lambda, cfg.Gamma, rng.New(seed, rng.StreamWeights))
	p.start(p.p, x, cfg, seed)
	n := probePoints(cfg.K)
	p.probe = &data.Set{N: n, D: x.D, X: x.X[:n*x.D]}
	p.pass = p.p.NewPass(p.probe)
	return x
}

func (p *psd) apply(cfg *config) {
	p.p.Lambda, p.p.Gamma = cfg.Lambda, cfg.Gamma
	p.trainer.Opt.SetLR(cfg.LR)
}

// measure measures every probe point on the parameters as they are, its
// LASSO codes warm from the last measure (sc.PSDPass).
func (p *psd) measure(m []scene.Metric, sh *shared) {
	p.pass.Restart()
	p.pass.Advance(0)
	p.show(m, sh)
}

// measurePart goes on with the pass at most sliceWork further; the
// metrics and the scatter change when it completes.
func (p *psd) measurePart(m []scene.Metric, sh *shared) {
	if p.pass.Advance(sliceWork) {
		p.show(m, sh)
		return
	}
	p.showSelected(sh)
}

// show shows the last complete pass and the selected patch.
func (p *psd) show(m []scene.Metric, sh *shared) {
	var r sc.PSDMeasures
	r, p.scat = p.pass.Measures()
	m[0].Value, m[1].Value, m[2].Value, m[3].Value, m[4].Value = r.Energy, r.Sparsity, r.MSE, r.AtomNorm, r.Closeness
	p.showSelected(sh)
}

// showSelected shows the atoms, and the selected patch's code and
// reconstruction, as they are.
func (p *psd) showSelected(sh *shared) {
	copy(sh.atoms, p.p.D.Data)
	p.p.Infer(sh.code, sh.x.At(sh.sel))
	p.p.Decode(sh.recon, sh.code)
}

// drawInsets plots the fast encoder's code f(x)_k against the LASSO code
// w*_k for the probe points: on the diagonal when PSD has learnt.
func (p *psd) drawInsets(c ui.Canvas, sh *shared, th *ui.Theme) {
	a := insetKeyed(c, sh.obj, th, words("f(x)ₖ ↑ against LASSO w*ₖ → "), key(plot.SwatchLine, th.Reference), words(" f = w*"))
	lim := plot.MaxAbs(p.scat)
	cx, cy := a.X+a.W/2, a.Y+a.H/2
	half := math.Min(a.W, a.H) / 2
	// numbered ends of both axes (the largest |code|; the axes are
	// symmetric about 0)
	fs := th.Font(ui.SizeSmall)
	valueLabel(c, th, &sh.buf, lim, cx+half+th.Px(4), cy+th.Px(2), ui.Left)
	valueLabel(c, th, &sh.buf, lim, cx-th.Px(4), cy-half-fs*0.3, ui.Right)
	c.Line(cx-half, cy+half, cx+half, cy-half, th.Px(1.5), th.Reference)
	c.Line(cx-half, cy, cx+half, cy, th.Px(1), th.Grid)
	c.Line(cx, cy-half, cx, cy+half, th.Px(1), th.Grid)
	for i := 0; i+1 < len(p.scat); i += 2 {
		x := cx + p.scat[i]/lim*half
		y := cy - p.scat[i+1]/lim*half
		c.Circle(x, y, th.Px(2), th.Data.Alpha(0.5))
	}
}
