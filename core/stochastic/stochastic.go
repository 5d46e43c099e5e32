// Package stochastic is the lecture's stochastic autoencoder (slide
// "Stochastic autoencoders": a stochastic encoder p_encoder(h|x), a
// stochastic decoder p_decoder(x|h), the model estimated by maximum
// likelihood), today's variational autoencoder (Kingma & Welling,
// "Auto-encoding variational Bayes", ICLR 2014; core/nn.VAE): a Gaussian
// encoder q(h|x) = N(μ(x), diag σ²(x)) with a 2-D code, a Gaussian decoder
// for points in the plane and a Bernoulli one for the 8×8 digits, the prior
// N(0, I), trained on the negative evidence lower bound with a weight β on
// its KL term (Higgins et al., "β-VAE", ICLR 2017).
//
// Model measures what the lecture's claim needs: the bound, its two terms,
// an importance-sampled estimate of log p(x) (Burda et al. 2016) so that the
// gap between the bound and the likelihood can be seen, the posterior's
// spread, the active code units (Burda et al., section 5.2) and the quality
// of samples from the prior, and draws distributions to show: q(h|x) of a
// few picked points with draws from it, the decoded clouds p(x|h), decoded
// prior samples, and on the digits the decoded grid over the code plane
// (Kingma & Welling, figure 4). A plain autoencoder of the same shape can
// train beside it on the same data, to compare codes and samples.
package stochastic

import (
	"fmt"
	"math"
	"math/rand/v2"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/rng"
)

// Data sets.
const (
	Ring    = "ring"    // a noisy circle of radius 1
	Moons   = "moons"   // two interleaved half circles
	Mixture = "mixture" // six Gaussian blobs on a circle
	Digits  = "digits"  // the UCI 8×8 digits (data.Load)
)

// DataNames are the data sets, in the order a scene offers them.
var DataNames = []string{Ring, Moons, Mixture, Digits}

// Config is an experiment.
type Config struct {
	Data string
	// Beta weighs the KL term: 1 is the ELBO, 0 the deterministic
	// autoencoder's objective with a noisy code.
	Beta float64
	// DecoderSD is the standard deviation of the Gaussian decoder
	// p(x|h) = N(g(h), DecoderSD² I) on 2-D data (the digits' decoder is
	// Bernoulli).
	DecoderSD float64
	Hidden    int     // tanh units of each hidden layer
	LR        float64 // Adam's step
	// Plain trains a plain autoencoder of the same shape beside the VAE.
	Plain bool
}

// Default is the scene's opening experiment.
var Default = Config{Data: Ring, Beta: 1, DecoderSD: 0.1, Hidden: 32, LR: 0.005}

// Sizes of what is measured and drawn.
const (
	Code        = 2   // the code's dimension K: every distribution can be drawn
	BatchSize   = 64  // minibatch
	Points2D    = 600 // training points of the 2-D data
	Eval2D      = 300 // held-out points of the 2-D data
	EvalDigits  = 120 // held-out digits measured (of 360)
	Picked      = 6   // points whose q(h|x) and p(x|h) are drawn
	PickedDraws = 16  // draws from q(h|x) per picked point
	PriorN      = 200 // prior samples h ~ N(0, I), decoded
	GridSide    = 10  // the digits' decoded grid over the code plane
	// ActiveVar is Burda et al.'s threshold: a code unit is active when
	// the variance of its posterior mean over the data exceeds it.
	ActiveVar = 0.01
	// KNN is k of the k-nearest-neighbour classifier on the codes.
	KNN = 5
)

// ImportanceK is k of log_px, the draws of the importance-sampled
// estimate per point: 32 on the plane, 16 on the digits, whose 64 pixels'
// logarithms make each draw's likelihood costly (a frame's share of the
// measurements stays near a millisecond).
func ImportanceK(set string) int {
	if set == Digits {
		return 16
	}
	return 32
}

// ParzenSD is the bandwidth of the Parzen-window density of the training
// data that scores samples (PriorSampleNLL): about the spacing of the 2-D
// training points, and on the digits about half a typical pixel
// difference between a digit and its nearest training neighbour.
func ParzenSD(set string) float64 {
	if set == Digits {
		return 0.3
	}
	return 0.1
}

// Model is a VAE being trained on one data set, with a plain autoencoder
// beside it when Cfg.Plain, and what is measured and drawn of both.
type Model struct {
	Cfg         Config
	Train, Eval *data.Set
	// EvalLabels is each held-out point's class: the digit, the moon, the
	// blob, or on the ring its angle's sector of eight.
	EvalLabels, TrainLabels []int
	Classes                 int
	VAE                     *nn.VAE
	Opt                     *nn.Adam
	Trainer                 *nn.Trainer
	// The plain autoencoder D-H-H-2-H-H-D (nil unless Cfg.Plain) and its
	// halves.
	AE           *nn.Net
	AEEnc, AEDec *nn.Net
	AEOpt        *nn.Adam
	AETrainer    *nn.Trainer

	// The measurements (Measure), over the held-out points.
	ELBO, Recon, KL, LogPx float64 // per point, nats; LogPx with ImportanceK draws
	Bounds                 int     // how many times the four have been measured
	PosteriorStd           float64 // mean σ over points and code units
	ActiveUnits            int
	// PriorSampleNLL is the Parzen-window negative log-density of the
	// decoded prior samples under the training data (up to its constant,
	// see parzenNLL); DataNLL the same of the held-out points: the level
	// of real data.
	PriorSampleNLL, DataNLL float64
	KNNAcc                  float64 // digits: k-NN on the codes μ, held-out against training
	// The plain autoencoder's (Cfg.Plain): MSE on held-out points and the
	// Parzen NLL of its decodes of the same prior samples.
	AEMSE, AEPriorNLL float64

	// What is drawn, row-major.
	Mu, LogVar []float64 // q(h|x) of each held-out point (Eval.N × K)
	AECodes    []float64 // the plain AE's codes of the held-out points
	PickedIdx  []int     // held-out points whose distributions are drawn
	PickedH    []float64 // Picked × PickedDraws codes drawn from q(h|x)
	PickedX    []float64 // their decodes plus the decoder's noise: draws of p(x|h) (2-D)
	PriorH     []float64 // PriorN prior draws
	PriorX     []float64 // their decodes g(h) (PriorN × D)
	AEPriorX   []float64 // the plain AE's decodes of PriorH
	GridX      []float64 // digits: GridSide² decodes of the grid over the code plane
	GridH      []float64 // the grid's codes: Gaussian quantiles
	AERecon    []float64 // scratch: the plain AE's reconstructions

	encB, aeEncB, decB, aeDecB, aeB, iwB *nn.Batch
	trainMu, trainLV                     []float64
	eps                                  []float64 // fixed draws: log_px's, picked's, decoder noise
	pickNoise                            []float64
	bounds                               []nn.Bound
	knnD                                 []float64
	knnI                                 []int
	priorNLL                             [priorParts]float64
	obj                                  *objective
}

// objective is the VAE's loss as the Trainer sees it: the negative bound
// without the Gaussian decoder's constant (D/2)·log(2πσ_x²), which moves
// no gradient. What is left, ‖x − g(h)‖²/(2σ_x²) + β·KL, is never
// negative, as the Trainer's divergence guard and checkpoints assume of a
// loss (they compare it with multiples of its best level); with a small
// σ_x the full negative log-likelihood would be.
type objective struct {
	*nn.VAE
	shift float64
}

func (o *objective) LossGrad(mb *nn.Minibatch) float64 { return o.VAE.LossGrad(mb) - o.shift }

func (o *objective) setShift(c Config) {
	o.shift = 0
	if c.Data != Digits {
		o.shift = float64(o.VAE.Dec.Out()) / 2 * math.Log(2*math.Pi*c.DecoderSD*c.DecoderSD)
	}
}

// streams of the random draws, apart from rng's
const (
	streamEval  = 0x5e7a
	streamDraws = 0xd4a3
)

// New builds the data (the 2-D sets from seed, or the digits split by seed
// from im) and draws the weights.
func New(cfg Config, seed uint64, im *data.Images) *Model {
	if !(cfg.DecoderSD > 0) || cfg.Hidden < 1 {
		panic(fmt.Sprintf("stochastic: a decoder SD of %v and %d hidden units", cfg.DecoderSD, cfg.Hidden))
	}
	m := &Model{Cfg: cfg}
	var lik nn.Likelihood = nn.Gaussian{SD: cfg.DecoderSD}
	out := nn.Linear
	if cfg.Data == Digits {
		if im == nil {
			panic("stochastic: the digits need their images")
		}
		train, test := im.Split(0.2, rng.New(seed, rng.StreamData))
		m.Train, m.TrainLabels, m.Classes = train.X, train.Labels, im.Classes
		n := min(EvalDigits, test.N())
		m.Eval = &data.Set{N: n, D: test.X.D, X: test.X.X[:n*test.X.D]}
		m.EvalLabels = test.Labels[:n]
		lik, out = nn.Bernoulli{}, nn.Sigmoid
	} else {
		m.Train, m.TrainLabels, m.Classes = plane(cfg.Data, Points2D, rng.New(seed, rng.StreamData))
		m.Eval, m.EvalLabels, _ = plane(cfg.Data, Eval2D, rng.New(seed, streamEval))
	}
	d, h := m.Train.D, cfg.Hidden
	wr := rng.New(seed, rng.StreamWeights)
	m.VAE = nn.NewVAE([]int{d, h, h, 2 * Code}, []nn.Activation{nn.Tanh, nn.Tanh, nn.Linear},
		[]int{Code, h, h, d}, []nn.Activation{nn.Tanh, nn.Tanh, out}, rng.New(seed, rng.StreamBatches^0x7a))
	m.VAE.Init(wr)
	m.VAE.Lik, m.VAE.Beta = lik, cfg.Beta
	m.Opt = nn.NewAdam(cfg.LR)
	m.obj = &objective{VAE: m.VAE}
	m.obj.setShift(cfg)
	m.Trainer = nn.NewTrainer(m.obj, m.Opt, m.Train, BatchSize, rng.New(seed, rng.StreamBatches))
	if cfg.Plain {
		m.AE = nn.New([]int{d, h, h, Code, h, h, d}, []nn.Activation{nn.Tanh, nn.Tanh, nn.Linear, nn.Tanh, nn.Tanh, out})
		m.AE.Init(rng.New(seed, rng.StreamWeights))
		m.AEEnc, m.AEDec = m.AE.Slice(0, 3), m.AE.Slice(3, 6)
		ae := nn.NewAutoencoder(m.AE)
		if cfg.Data == Digits {
			ae.Loss = nn.CrossEntropy // the same likelihood as the VAE's decoder
		}
		m.AEOpt = nn.NewAdam(cfg.LR)
		m.AETrainer = nn.NewTrainer(ae, m.AEOpt, m.Train, BatchSize, rng.New(seed, rng.StreamBatches))
		m.AECodes = make([]float64, m.Eval.N*Code)
		m.AEPriorX = make([]float64, PriorN*d)
		m.AERecon = make([]float64, m.Eval.N*d)
		m.aeEncB, m.aeDecB, m.aeB = m.AEEnc.NewBatch(128), m.AEDec.NewBatch(PriorN), m.AE.NewBatch(128)
	}

	// fixed draws, so that what is drawn and measured moves only as the
	// model trains (no flicker between frames)
	r := rng.New(seed, streamDraws)
	m.encB, m.decB = m.VAE.Enc.NewBatch(128), m.VAE.Dec.NewBatch(max(PriorN, GridSide*GridSide))
	m.iwB = m.VAE.Dec.NewBatch(ImportanceK(cfg.Data))
	m.Mu, m.LogVar = make([]float64, m.Eval.N*Code), make([]float64, m.Eval.N*Code)
	m.trainMu, m.trainLV = make([]float64, m.Train.N*Code), make([]float64, m.Train.N*Code)
	m.eps = make([]float64, m.Eval.N*Code*ImportanceK(cfg.Data))
	for i := range m.eps {
		m.eps[i] = r.NormFloat64()
	}
	m.bounds = make([]nn.Bound, m.Eval.N)
	m.PickedIdx = make([]int, Picked)
	for i := range m.PickedIdx {
		m.PickedIdx[i] = i * m.Eval.N / Picked
	}
	m.PickedH = make([]float64, Picked*PickedDraws*Code)
	m.PickedX = make([]float64, Picked*PickedDraws*d)
	m.pickNoise = make([]float64, Picked*PickedDraws*(Code+d))
	for i := range m.pickNoise {
		m.pickNoise[i] = r.NormFloat64()
	}
	m.PriorH, m.PriorX = make([]float64, PriorN*Code), make([]float64, PriorN*d)
	for i := range m.PriorH {
		m.PriorH[i] = r.NormFloat64()
	}
	if cfg.Data == Digits {
		m.GridH, m.GridX = make([]float64, GridSide*GridSide*Code), make([]float64, GridSide*GridSide*d)
		for i := 0; i < GridSide; i++ {
			for j := 0; j < GridSide; j++ {
				// Kingma & Welling's figure 4: codes at the Gaussian's
				// quantiles, so that the grid covers the prior evenly
				p := (i*GridSide + j) * Code
				m.GridH[p] = normQuantile((float64(j) + 0.5) / GridSide)
				m.GridH[p+1] = normQuantile(1 - (float64(i)+0.5)/GridSide)
			}
		}
	}
	m.knnD, m.knnI = make([]float64, KNN), make([]int, KNN)
	m.DataNLL = m.parzenMean(m.Eval.X, m.Eval.N)
	m.Measure()
	return m
}

// normQuantile is Φ⁻¹(p), by bisection on math.Erf: sixty halvings of
// [−8, 8] are exact to float64 and it runs a few hundred times per model.
func normQuantile(p float64) float64 {
	lo, hi := -8.0, 8.0
	for range 60 {
		mid := (lo + hi) / 2
		if 0.5*(1+math.Erf(mid/math.Sqrt2)) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// plane draws n points of a 2-D data set with their classes.
func plane(name string, n int, r *rand.Rand) (*data.Set, []int, int) {
	s, labels := data.NewSet(n, 2), make([]int, n)
	classes := 0
	for i := 0; i < n; i++ {
		p := s.At(i)
		switch name {
		case Moons:
			// scikit-learn's make_moons, centred and scaled by 1.2
			classes = 2
			c := i % 2
			t := math.Pi * r.Float64()
			x, y := math.Cos(t), math.Sin(t)
			if c == 1 {
				x, y = 1-x, 0.5-y
			}
			p[0], p[1] = 1.2*(x-0.5)+0.08*r.NormFloat64(), 1.2*(y-0.25)+0.08*r.NormFloat64()
			labels[i] = c
		case Mixture:
			classes = 6
			c := i % classes
			a := 2 * math.Pi * float64(c) / float64(classes)
			p[0], p[1] = 1.3*math.Cos(a)+0.15*r.NormFloat64(), 1.3*math.Sin(a)+0.15*r.NormFloat64()
			labels[i] = c
		default: // Ring
			classes = 8
			a := 2 * math.Pi * r.Float64()
			rad := 1 + 0.06*r.NormFloat64()
			p[0], p[1] = rad*math.Cos(a), rad*math.Sin(a)
			labels[i] = min(int(a/(2*math.Pi)*8), 7)
		}
	}
	return s, labels, classes
}

// SetBeta changes β live.
func (m *Model) SetBeta(b float64) { m.Cfg.Beta = b; m.VAE.Beta = b }

// SetDecoderSD changes the Gaussian decoder's noise live (2-D data).
func (m *Model) SetDecoderSD(sd float64) {
	m.Cfg.DecoderSD = sd
	if m.Cfg.Data != Digits {
		m.VAE.Lik = nn.Gaussian{SD: sd}
		m.obj.setShift(m.Cfg)
	}
}

// SetLR changes Adam's step live, for both models.
func (m *Model) SetLR(lr float64) {
	m.Cfg.LR = lr
	m.Opt.SetLR(lr)
	if m.AEOpt != nil {
		m.AEOpt.SetLR(lr)
	}
}

// Step runs n minibatch steps of the VAE and as many of the plain
// autoencoder (see nn.Trainer); diverged reports either's divergence.
func (m *Model) Step(n int) (done int, diverged bool) {
	done, diverged = m.Trainer.Step(n)
	if m.AETrainer != nil && done > 0 {
		if _, d := m.AETrainer.Step(done); d {
			diverged = true
		}
	}
	return done, diverged
}

// Parts is the number of MeasurePart calls a full Measure makes.
const Parts = 11

// boundParts is how many parts the bound and log p̂(x) take (parts 1 to
// boundParts), priorParts the prior samples' scores (the parts after).
const (
	boundParts = 4
	priorParts = 4
)

// Measure computes every measurement.
func (m *Model) Measure() {
	for p := range Parts {
		m.MeasurePart(p)
	}
}

// MeasurePart computes part p of the measurements, each a few
// milliseconds at most (a frame's share while training plays): 0 the
// posteriors of the held-out points, posterior_std, active_units, and
// what is drawn of the picked points and the prior; 1–4 the bound and the
// importance-sampled log p(x) of a quarter of the held-out points each
// (the readouts change once 4 is done); 5–8 the prior samples' Parzen NLL
// (a quarter each); 9 on the digits the decoded grid and k-NN on the codes;
// 10 the plain autoencoder's codes, error and samples.
func (m *Model) MeasurePart(p int) {
	const prior0, grid, plain = 1 + boundParts, 1 + boundParts + priorParts, 2 + boundParts + priorParts
	switch {
	case p == 0:
		m.measurePosterior()
		m.decode(m.PriorX, m.PriorH, PriorN, m.VAE.Dec, m.decB)
	case p < prior0:
		n, q := m.Eval.N, p-1
		m.measureBounds(q*n/boundParts, (q+1)*n/boundParts)
		if q < boundParts-1 {
			return
		}
		m.ELBO, m.Recon, m.KL, m.LogPx = 0, 0, 0, 0
		for _, b := range m.bounds {
			m.Recon += b.Recon
			m.KL += b.KL
			m.LogPx += b.LogPx
		}
		k := float64(n)
		m.Recon, m.KL, m.LogPx = m.Recon/k, m.KL/k, m.LogPx/k
		m.ELBO = -m.Recon - m.KL
		m.Bounds++
	case p < grid:
		q, d := p-prior0, m.Train.D
		lo, hi := q*PriorN/priorParts, (q+1)*PriorN/priorParts
		m.priorNLL[q] = m.parzenMean(m.PriorX[lo*d:hi*d], hi-lo)
		if q == priorParts-1 {
			m.PriorSampleNLL = 0
			for _, v := range m.priorNLL {
				m.PriorSampleNLL += v / priorParts
			}
		}
	case p == grid:
		if m.Cfg.Data != Digits {
			return
		}
		m.decode(m.GridX, m.GridH, GridSide*GridSide, m.VAE.Dec, m.decB)
		m.VAE.Encode(m.trainMu, m.trainLV, m.Train, m.encB)
		m.KNNAcc = m.knnAccuracy(m.Mu, m.trainMu)
	case p == plain:
		if m.AE == nil {
			return
		}
		m.AEEnc.Apply(m.AECodes, len(m.AEEnc.Sizes)-1, m.Eval, m.aeEncB)
		m.AE.Apply(m.AERecon, len(m.AE.Sizes)-1, m.Eval, m.aeB)
		sq := 0.0
		for i, v := range m.AERecon {
			e := v - m.Eval.X[i]
			sq += e * e
		}
		m.AEMSE = sq / float64(m.Eval.N)
		m.decode(m.AEPriorX, m.PriorH, PriorN, m.AEDec, m.aeDecB)
		m.AEPriorNLL = m.parzenMean(m.AEPriorX[:AEScored*m.Train.D], AEScored)
	}
}

// AEScored is how many of the prior samples the plain autoencoder's
// decodes are scored on (the first, in one part).
const AEScored = PriorN / 4

// ParzenN is the number of training points (the first) whose Parzen
// window scores samples: enough for a density of the plane's 2-D data and
// a cost per sample that a frame can spare on the digits.
const ParzenN = 400

// measurePosterior encodes the held-out points and draws the picked
// points' codes from q(h|x) and, on 2-D data, their decodes with the
// decoder's noise: draws of p(x|h).
func (m *Model) measurePosterior() {
	m.VAE.Encode(m.Mu, m.LogVar, m.Eval, m.encB)
	n, k := m.Eval.N, Code
	sd, mean := 0.0, [Code]float64{}
	for i, lv := range m.LogVar {
		sd += math.Exp(0.5 * lv)
		mean[i%k] += m.Mu[i]
	}
	m.PosteriorStd = sd / float64(n*k)
	m.ActiveUnits = 0
	for u := 0; u < k; u++ {
		mean[u] /= float64(n)
		v := 0.0
		for s := 0; s < n; s++ {
			e := m.Mu[s*k+u] - mean[u]
			v += e * e
		}
		if v/float64(n) > ActiveVar {
			m.ActiveUnits++
		}
	}
	m.drawPicked()
}

// Pick makes held-out point idx the picked point of slot p (0 to
// Picked−1) and draws its q(h|x) and p(x|h) afresh.
func (m *Model) Pick(p, idx int) {
	if p < 0 || p >= Picked || idx < 0 || idx >= m.Eval.N {
		return
	}
	m.PickedIdx[p] = idx
	m.drawPicked()
}

// drawPicked draws the picked points' codes from q(h|x) (with their fixed
// noise) and decodes them, with the decoder's noise on the plane.
func (m *Model) drawPicked() {
	k, d := Code, m.Train.D
	for p, idx := range m.PickedIdx {
		for j := 0; j < PickedDraws; j++ {
			q := p*PickedDraws + j
			noise := m.pickNoise[q*(k+d):]
			for u := 0; u < k; u++ {
				m.PickedH[q*k+u] = m.Mu[idx*k+u] + math.Exp(0.5*m.LogVar[idx*k+u])*noise[u]
			}
		}
	}
	m.decode(m.PickedX, m.PickedH, Picked*PickedDraws, m.VAE.Dec, m.decB)
	if m.Cfg.Data != Digits {
		for q := 0; q < Picked*PickedDraws; q++ {
			noise := m.pickNoise[q*(k+d)+k:]
			for i := 0; i < d; i++ {
				m.PickedX[q*d+i] += m.Cfg.DecoderSD * noise[i]
			}
		}
	}
}

// measureBounds computes the bound's terms and log p̂(x) of held-out
// points lo to hi−1, each with its own fixed draws.
func (m *Model) measureBounds(lo, hi int) {
	k, per := Code, Code*m.iwB.Cap
	for s := lo; s < hi; s++ {
		m.bounds[s] = m.VAE.LogPx(m.Eval.At(s), m.Mu[s*k:(s+1)*k], m.LogVar[s*k:(s+1)*k], m.iwB, m.eps[s*per:(s+1)*per], nil)
	}
}

// decode writes g(h) of the n codes h (row-major) into dst through dec.
func (m *Model) decode(dst, h []float64, n int, dec *nn.Net, b *nn.Batch) {
	d := dec.Out()
	for start := 0; start < n; start += b.Cap {
		b.N = min(b.Cap, n-start)
		for s := 0; s < b.N; s++ {
			b.SetInput(s, h[(start+s)*Code:(start+s+1)*Code])
		}
		dec.Forward(b)
		for s := 0; s < b.N; s++ {
			b.Output(dst[(start+s)*d:(start+s+1)*d], s)
		}
	}
}

// parzenMean is the mean of parzenNLL over the n points of x (row-major).
func (m *Model) parzenMean(x []float64, n int) float64 {
	d, t := m.Train.D, 0.0
	for i := 0; i < n; i++ {
		t += m.parzenNLL(x[i*d : (i+1)*d])
	}
	return t / float64(n)
}

// parzenNLL scores a sample y by the Parzen-window (Gaussian kernel)
// density of the training data, the measure of sample quality Goodfellow
// et al. used for generative nets ("Generative adversarial nets", NIPS
// 2014, section 5; Breuleux et al. 2011):
//
//	−log (1/N) Σₙ exp(−‖y − xₙ‖² / (2s²)),  s = ParzenSD,
//
// over the first N = ParzenN training points,
//
// without the kernel's constant (D/2) log(2πs²), so that it is never
// negative (it is at least the nearest training point's ‖y − xₙ‖²/(2s²))
// and two such scores compare as a ratio: a sample where the data are
// dense scores low, one far from every training point high.
func (m *Model) parzenNLL(y []float64) float64 {
	s := ParzenSD(m.Cfg.Data)
	c := 1 / (2 * s * s)
	top, sum := math.Inf(-1), 0.0
	// log-sum-exp in one pass: rescale the sum when a larger term comes
	ref := min(ParzenN, m.Train.N)
	for n := 0; n < ref; n++ {
		a := -c * sqDist(y, m.Train.At(n))
		if a > top {
			sum = sum*math.Exp(top-a) + 1
			top = a
		} else {
			sum += math.Exp(a - top)
		}
	}
	return -(top + math.Log(sum/float64(ref)))
}

func sqDist(a, b []float64) float64 {
	t := 0.0
	for i, v := range a {
		e := v - b[i]
		t += e * e
	}
	return t
}

// knnAccuracy is the fraction of held-out points whose KNN nearest
// training codes (Euclidean, in the code plane) vote for their class.
func (m *Model) knnAccuracy(eval, train []float64) float64 {
	hit := 0
	var votes [16]int
	for s := 0; s < m.Eval.N; s++ {
		e := eval[s*Code : (s+1)*Code]
		for j := range m.knnD {
			m.knnD[j], m.knnI[j] = math.Inf(1), -1
		}
		for n := 0; n < m.Train.N; n++ {
			d := sqDist(e, train[n*Code:(n+1)*Code])
			if d >= m.knnD[KNN-1] {
				continue
			}
			j := KNN - 1
			for ; j > 0 && m.knnD[j-1] > d; j-- {
				m.knnD[j], m.knnI[j] = m.knnD[j-1], m.knnI[j-1]
			}
			m.knnD[j], m.knnI[j] = d, n
		}
		clear(votes[:])
		best := 0
		for _, n := range m.knnI {
			c := m.TrainLabels[n]
			votes[c]++
			if votes[c] > votes[best] || (votes[c] == votes[best] && c < best) {
				best = c
			}
		}
		if best == m.EvalLabels[s] {
			hit++
		}
	}
	return float64(hit) / float64(m.Eval.N)
}
