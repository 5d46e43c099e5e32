package sparse

import (
	"math"
	"strconv"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/rng"
	sc "aelab/core/sparse"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// trained is what the two autoencoder views share: the trainer that takes
// Adam's minibatch steps on the patches, and no buttons.
type trained struct {
	trainer *nn.Trainer
}

// start makes the trainer of obj on x.
func (t *trained) start(obj nn.Objective, x *data.Set, cfg *config, seed uint64) {
	t.trainer = nn.NewTrainer(obj, nn.NewAdam(cfg.LR), x, 32, rng.New(seed, rng.StreamBatches))
}

func (t *trained) train(n int) (int, bool) { return t.trainer.Step(n) }

func (t *trained) restored() int { return t.trainer.Restored }

func (*trained) actions() []scene.Action { return nil }

// autoencoder is the sparse autoencoder view (slide "Regularized
// autoencoders"): an L1 penalty on a ReLU or sigmoid code, its decoder's
// columns drawn as atoms and its code values as a histogram.
type autoencoder struct {
	trained
	patches
	ae    *sc.Autoencoder
	codes codeHist
}

var aboutAutoencoder = about{
	title: "Sparse autoencoder: L1 penalty on the code",
	formula: []string{"Σₙ ‖g(f(xₙ)) − xₙ‖² + λ Σₙ ‖f(xₙ)‖₁ → min over θ", "f(x) = a(W₁x + b₁),  g(h) = W₂h + b₂",
		"R(h) = ‖h‖₁ = Σₖ |hₖ| makes codes sparse"},
	text: "The same penalty, but the code is computed by a feed-forward encoder. With ReLU units many codes " +
		"are exactly zero (the histogram's left bar); with sigmoid units none are, only small: to get actual " +
		"zeros one needs linear or ReLU activations.",
	unused:  []string{"normalize", "gamma"},
	metrics: []int{mObjective, mSparsity, mMSE, mAtomNorm},
	insets:  1,
}

func newAutoencoder() *autoencoder {
	return &autoencoder{patches: patches{caption: "decoder columns: the autoencoder's atoms", recon: "x̂ = W₂h + b₂"}}
}

func (a *autoencoder) about() *about { return &aboutAutoencoder }

func (a *autoencoder) reset(cfg *config, seed uint64) *data.Set {
	x := sc.PatchData(sc.DefaultPatches, seed)
	a.ae = sc.NewAutoencoder(x.D, cfg.K, cfg.Code, cfg.Lambda, rng.New(seed, rng.StreamWeights))
	a.start(a.ae, x, cfg, seed)
	return x
}

func (a *autoencoder) apply(cfg *config) {
	a.ae.Lambda = cfg.Lambda
	a.trainer.Opt.SetLR(cfg.LR)
}

func (a *autoencoder) measure(m []scene.Metric, sh *shared) {
	r := a.ae.Measure(sh.x) // and the codes
	m[0].Value, m[1].Value, m[2].Value, m[3].Value = r.Objective, r.Sparsity, r.MSE, r.AtomNorm
	a.ae.Atoms(sh.atoms)
	k := len(sh.code)
	copy(sh.code, a.ae.Codes()[sh.sel*k:(sh.sel+1)*k])
	a.ae.Reconstruct(sh.recon, sh.x.At(sh.sel))
	a.codes.fill(a.ae.Codes())
}

// drawInsets shows the code values, the exact zeros in their own bar.
func (a *autoencoder) drawInsets(c ui.Canvas, sh *shared, th *ui.Theme) {
	h := &a.codes
	sh.buf = append(sh.buf[:0], "code values: exactly 0 in "...)
	sh.buf = strconv.AppendFloat(sh.buf, 100*float64(h.zeros)/float64(max(h.total, 1)), 'f', 1, 64)
	sh.buf = append(sh.buf, "%"...)
	r := insetBytes(c, sh.obj, th, sh.buf)
	top := max(h.zeros, 1)
	for _, b := range h.bins {
		top = max(top, b)
	}
	zw := r.W * 0.12
	zh := float64(h.zeros) / float64(top) * r.H
	c.FillRect(ui.Rect{X: r.X, Y: r.Bottom() - zh, W: zw, H: zh}, th.Model)
	c.Text("0", r.X+zw/2, r.Bottom()+th.Px(1), ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.Model, Bold: true, Align: ui.Center})
	x0 := r.X + zw + th.Px(8)
	bw := (r.W - zw - th.Px(8)) / float64(len(h.bins))
	for i, b := range h.bins {
		bh := float64(b) / float64(top) * r.H
		c.FillRect(ui.Rect{X: x0 + float64(i)*bw, Y: r.Bottom() - bh, W: bw * 0.85, H: bh}, th.Info)
	}
	// a numbered axis: the code values at the bins' ends
	valueLabel(c, th, &sh.buf, -h.lim, x0, r.Bottom()+th.Px(1), ui.Left)
	valueLabel(c, th, &sh.buf, h.lim, r.Right(), r.Bottom()+th.Px(1), ui.Right)
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
