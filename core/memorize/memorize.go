// Package memorize is the lecture's caveat about deep undercomplete
// autoencoders (slide "Undercomplete autoencoders", 14: "capacity is large
// due to depth, so h ∈ ℝ may encode the observation number: a complicated
// encoder encodes xₙ → n and a complicated decoder decodes n → xₙ"): an
// autoencoder with a one-unit code, K = 1, whose encoder and decoder have a
// user-set depth and width, trained with Adam on the whole training set at
// every step, and measured on held-out examples of the same distribution.
//
// Depth 0 is the linear autoencoder D-1-D, whose optimum is PCA's first
// component (Baldi & Hornik 1989; the lecture's "Connection with PCA"):
// its code is a projection and orders the examples as PC1 does. With depth
// the net can fit its N training examples almost exactly through one
// number and reconstruct what it has not seen as one of them — it
// memorises (Radhakrishnan, Belkin & Uhler, "Overparameterized neural
// networks implement associative memory", PNAS 117(44), 2020: trained
// autoencoders map inputs to, and iterate to, their training examples).
// Whether the code itself becomes an index, an order unrelated to the
// data's geometry, depends on the data: Model measures it (CodeRankCorr,
// KNNPreserved) rather than assuming it.
package memorize

import (
	"fmt"
	"math"
	"math/rand/v2"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/pca"
	"aelab/core/rng"
)

// Data sets.
const (
	Gauss  = "gauss"  // a 2-D Gaussian, standard deviations 1 and 0.6
	Digits = "digits" // the UCI 8×8 digits (data.Load)
)

// Config is an experiment: the data, the architecture and Adam's step.
type Config struct {
	Data   string // Gauss or Digits
	NTrain int    // training examples
	Depth  int    // tanh hidden layers in the encoder, and as many in the decoder; 0: linear
	Width  int    // units per hidden layer
	LR     float64
	// Code is Learned (the autoencoder's own code) or Index (the code is
	// prescribed to be the observation number, see Indexed).
	Code string
}

// Codes.
const (
	Learned = "learned" // trained end to end: ‖g(f(x)) − x‖²
	Index   = "index"   // h of example n is its number n (Indexed)
)

// Default is the experiment of the reference measurement
// (2-64-64-64-1-64-64-64-2 tanh, Adam, 32 points).
var Default = Config{Data: Gauss, NTrain: 32, Depth: 3, Width: 64, LR: 0.003, Code: Learned}

// NTest is the number of held-out examples.
const NTest = 200

// CurveN is the number of points of the decoder's curve; GridN the side
// of the lattice of reconstructed grid points (2-D data), GridHalf its
// half-width.
const (
	CurveN   = 160
	GridN    = 13
	GridHalf = 3
)

// KNN is k of knn_preserved: neighbours among the training examples.
const KNN = 3

// Epsilon is memorized's radius: a held-out reconstruction counts as a
// training example when it lies within Epsilon of one. On the Gaussian it
// is the 0.2 (a fifth of the major standard deviation); on the
// digits, whose 64 pixels lie in [0, 1], 1.0 (a root-mean-square pixel
// difference of 1/8), which no reconstruction by PCA's first component
// reaches (pca_memorized 0–4% on seeds 1–3, N = 8–128).
func Epsilon(set string) float64 {
	if set == Digits {
		return 1.0
	}
	return 0.2
}

// Model is a K = 1 autoencoder being trained, with its data, the PCA of its
// training set as the reference and the measurements of the caveat.
type Model struct {
	Cfg         Config
	Train, Test *data.Set
	// TrainIdx and TestIdx are the images' indices in the digits (nil on
	// the Gaussian).
	TrainIdx, TestIdx []int
	PCA               *pca.PCA // of the training set
	// Pos is each training example's position along the data: its score
	// on the first principal component.
	Pos      []float64
	Net      *nn.Net // D-w…w-1-w…w-D
	Enc, Dec *nn.Net // its halves, sharing its parameters
	AE       *nn.Autoencoder
	Opt      *nn.Adam
	Trainer  *nn.Trainer

	// What Measure fills.
	TrainMSE, TestMSE       float64
	PCATrainMSE, PCATestMSE float64 // PCA's first component (the linear optimum)
	Memorized, PCAMemorized float64 // fraction of held-out reconstructions within Epsilon of a training example
	KNNPreserved            float64
	CodeRankCorr            float64   // |Spearman ρ(h, Pos)|
	Codes                   []float64 // h of each training example
	Recon                   []float64 // NTest×D reconstructions of the held-out examples
	Nearest                 []int     // the training example nearest each held-out reconstruction
	// Curve is the decoder's curve g(h), CurveN points row-major, for h
	// across the codes' range and a little beyond (CurveH): the
	// one-dimensional set every reconstruction lies on.
	Curve  []float64
	CurveH *data.Set
	// Grid is a GridN×GridN lattice over the plane (2-D data only) and
	// GridRecon its image under the autoencoder's map x ← g(f(x)) applied
	// Iterations times (at least once): iterated, a trained autoencoder
	// carries points to its training examples, its attractors
	// (Radhakrishnan, Belkin & Uhler 2020, Fig. 1).
	Grid       *data.Set
	GridRecon  []float64
	Iterations int

	decB          *nn.Batch
	iter          *data.Set    // the grid's iterate in progress (MeasurePart 4)
	iterDone      int          // applications of the map in iter
	knnX          []int        // NTrain×KNN neighbours in x
	testHalf      [2]*data.Set // views of the two halves of Test
	hit           []bool       // held-out reconstruction n is within Epsilon of a training example
	rankA, rankB  []float64
	order         []int
	batch, encB   *nn.Batch
	pcaRecon      []float64
	trainR, testR []float64 // scratch: reconstructions
}

// streamTest draws the held-out examples apart from the training ones, so
// that the held-out set does not change with NTrain.
const streamTest = 0x7e57

// New builds the data (the Gaussian from seed, or NTrain training and
// NTest held-out digits drawn from im by seed) and draws the weights.
func New(cfg Config, seed uint64, im *data.Images) *Model {
	if cfg.NTrain < KNN+1 {
		panic(fmt.Sprintf("memorize: %d training examples, need at least %d", cfg.NTrain, KNN+1))
	}
	m := &Model{Cfg: cfg}
	if cfg.Data == Digits {
		if im == nil {
			panic("memorize: the digits need their images")
		}
		perm := rng.New(seed, rng.StreamData).Perm(im.N())
		m.TrainIdx, m.TestIdx = perm[:cfg.NTrain], perm[cfg.NTrain:cfg.NTrain+NTest]
		m.Train, m.Test = im.Subset(m.TrainIdx).X, im.Subset(m.TestIdx).X
	} else {
		m.Train, m.Test = gauss(cfg.NTrain, rng.New(seed, rng.StreamData)), gauss(NTest, rng.New(seed, streamTest))
	}
	d := m.Train.D
	m.PCA = pca.Fit(m.Train)
	m.Pos = make([]float64, cfg.NTrain)
	for n := range m.Pos {
		m.Pos[n] = m.pc1(m.Train.At(n))
	}

	sizes, acts := []int{d}, []nn.Activation{}
	for range cfg.Depth {
		sizes, acts = append(sizes, cfg.Width), append(acts, nn.Tanh)
	}
	sizes, acts = append(sizes, 1), append(acts, nn.Linear)
	for range cfg.Depth {
		sizes, acts = append(sizes, cfg.Width), append(acts, nn.Tanh)
	}
	sizes, acts = append(sizes, d), append(acts, nn.Linear)
	m.Net = nn.New(sizes, acts)
	m.Net.Init(rng.New(seed, rng.StreamWeights))
	m.Enc, m.Dec = m.Net.Slice(0, cfg.Depth+1), m.Net.Slice(cfg.Depth+1, len(m.Net.Layers))
	m.AE = nn.NewAutoencoder(m.Net)
	m.Opt = nn.NewAdam(cfg.LR)
	// full batch: every step sees all N examples, as the caveat assumes
	// a net that can fit them all
	if cfg.Code == Index {
		obj := &Indexed{Net: m.Net, Enc: m.Enc, Dec: m.Dec}
		m.Trainer = nn.NewTrainer(obj, m.Opt, IndexedSet(m.Train), cfg.NTrain, rng.New(seed, rng.StreamBatches))
	} else {
		m.Trainer = nn.NewTrainer(m.AE, m.Opt, m.Train, cfg.NTrain, rng.New(seed, rng.StreamBatches))
	}

	nb := max(cfg.NTrain, NTest, GridN*GridN)
	m.batch, m.encB = m.Net.NewBatch(nb), m.Enc.NewBatch(nb)
	m.Codes = make([]float64, cfg.NTrain)
	m.Recon = make([]float64, NTest*d)
	m.CurveH = data.NewSet(CurveN, 1)
	m.Curve = make([]float64, CurveN*d)
	m.decB = m.Dec.NewBatch(CurveN)
	if d == 2 {
		m.Grid = data.NewSet(GridN*GridN, 2)
		for i := 0; i < GridN; i++ {
			for j := 0; j < GridN; j++ {
				p := m.Grid.At(i*GridN + j)
				p[0] = -GridHalf + 2*GridHalf*float64(j)/(GridN-1)
				p[1] = -GridHalf + 2*GridHalf*float64(i)/(GridN-1)
			}
		}
		m.GridRecon = make([]float64, GridN*GridN*2)
		m.iter = data.NewSet(GridN*GridN, 2)
	}
	m.Iterations = 1
	m.Nearest = make([]int, NTest)
	m.hit = make([]bool, NTest)
	h := NTest / 2
	m.testHalf = [2]*data.Set{{N: h, D: d, X: m.Test.X[:h*d]}, {N: NTest - h, D: d, X: m.Test.X[h*d:]}}
	m.trainR = make([]float64, cfg.NTrain*d)
	m.pcaRecon = make([]float64, d)
	m.rankA, m.rankB = make([]float64, cfg.NTrain), make([]float64, cfg.NTrain)
	m.order = make([]int, cfg.NTrain)
	m.knnX = make([]int, cfg.NTrain*KNN)
	for i := 0; i < cfg.NTrain; i++ {
		nearestK(m.knnX[i*KNN:(i+1)*KNN], i, cfg.NTrain, func(j int) float64 { return SqDist(m.Train.At(i), m.Train.At(j)) })
	}
	m.measurePCA()
	m.Measure()
	return m
}

// gauss draws n points of a Gaussian in the plane with standard deviations
// 1 and 0.6, its major axis at 30°: the reference data.
func gauss(n int, r *rand.Rand) *data.Set {
	s := data.NewSet(n, 2)
	data.Anisotropic2D(s, data.NewBase(r, n, 2), 1/0.6, 30, 0)
	return s
}

// pc1 returns x's score on the first principal component of the training
// set.
func (m *Model) pc1(x []float64) float64 {
	v, s := m.PCA.Vectors, 0.0
	for i, xi := range x {
		s += (xi - m.PCA.Mean[i]) * v.Data[i*v.Stride]
	}
	return s
}

// SetLR changes Adam's step live.
func (m *Model) SetLR(lr float64) { m.Cfg.LR = lr; m.Opt.SetLR(lr) }

// Step runs n full-batch Adam steps (see nn.Trainer).
func (m *Model) Step(n int) (int, bool) { return m.Trainer.Step(n) }

// Measure computes every measurement; MeasurePart does one part of it.
func (m *Model) Measure() {
	for p := range Parts {
		m.MeasurePart(p)
	}
	for m.iterDone != 0 { // the grid's iterate, to its end
		m.iterateGrid()
	}
}

// SetIterations sets how many times the grid's points go through the map
// x ← g(f(x)) (at least 1) and computes their image.
func (m *Model) SetIterations(k int) {
	m.Iterations, m.iterDone = max(k, 1), 0
	if m.Grid == nil {
		return
	}
	for m.iterateGrid(); m.iterDone != 0; m.iterateGrid() {
	}
}

// iterateGrid applies the map once more to the grid's iterate, starting
// from the grid itself, and publishes it in GridRecon at the last of
// Iterations applications: MeasurePart spreads the iterations over its
// calls, one grid pass each, so that a frame's share stays one pass.
func (m *Model) iterateGrid() {
	src := m.Grid
	if m.iterDone > 0 {
		src = m.iter
	}
	// in place is safe: the whole grid fits in one batch (nb ≥ GridN²), so
	// Apply reads every input before it writes an output
	m.Net.Apply(m.iter.X, len(m.Net.Sizes)-1, src, m.batch)
	if m.iterDone++; m.iterDone >= m.Iterations {
		copy(m.GridRecon, m.iter.X)
		m.iterDone = 0
	}
}

// Parts is the number of MeasurePart calls a full Measure makes.
const Parts = 5

// MeasurePart computes part p of the measurements, each about a fifth of
// the work (a frame's share while training plays): 0 train_mse; 1 the
// codes, knn_preserved and code_rank_corr; 2 and 3 the reconstructions of
// the two halves of the held-out set, their nearest training examples,
// then test_mse and memorized; 4 what is drawn: the decoder's curve and
// one more application of the map to the grid's iterate.
func (m *Model) MeasurePart(p int) {
	d := m.Train.D
	switch p {
	case 0:
		m.Net.Apply(m.trainR, len(m.Net.Sizes)-1, m.Train, m.batch)
		m.TrainMSE = meanSqErr(m.trainR, m.Train)
	case 1:
		m.Enc.Apply(m.Codes, len(m.Enc.Sizes)-1, m.Train, m.encB)
		m.KNNPreserved = m.knnPreserved()
		m.CodeRankCorr = math.Abs(spearman(m.Codes, m.Pos, m.rankA, m.rankB, m.order))
	case 2, 3:
		half := m.testHalf[p-2]
		lo := (p - 2) * m.testHalf[0].N
		m.Net.Apply(m.Recon[lo*d:(lo+half.N)*d], len(m.Net.Sizes)-1, half, m.batch)
		eps2 := Epsilon(m.Cfg.Data) * Epsilon(m.Cfg.Data)
		for n := lo; n < lo+half.N; n++ {
			j, dist := m.nearestTrain(m.Recon[n*d : (n+1)*d])
			m.Nearest[n] = j
			m.hit[n] = dist <= eps2
		}
		if p == 3 {
			m.TestMSE = meanSqErr(m.Recon, m.Test)
			hits := 0
			for _, h := range m.hit {
				if h {
					hits++
				}
			}
			m.Memorized = float64(hits) / NTest
		}
	case 4:
		lo, hi := m.Codes[0], m.Codes[0]
		for _, h := range m.Codes {
			lo, hi = math.Min(lo, h), math.Max(hi, h)
		}
		pad := 0.1*(hi-lo) + 1e-6
		for i := range CurveN {
			m.CurveH.X[i] = lo - pad + (hi-lo+2*pad)*float64(i)/(CurveN-1)
		}
		m.Dec.Apply(m.Curve, len(m.Dec.Sizes)-1, m.CurveH, m.decB)
		if m.Grid != nil {
			m.iterateGrid()
		}
	}
}

// measurePCA measures PCA's first component, the linear K = 1 optimum, on
// the training and the held-out sets: its errors and memorized.
func (m *Model) measurePCA() {
	m.PCATrainMSE = m.pcaErr(m.Train)
	m.PCATestMSE = m.pcaErr(m.Test)
	eps2, hits := Epsilon(m.Cfg.Data)*Epsilon(m.Cfg.Data), 0
	for n := 0; n < m.Test.N; n++ {
		m.PCAReconstruct(m.pcaRecon, m.Test.At(n))
		if _, dist := m.nearestTrain(m.pcaRecon); dist <= eps2 {
			hits++
		}
	}
	m.PCAMemorized = float64(hits) / float64(m.Test.N)
}

// PCAReconstruct writes x's projection on the training set's first
// principal axis through its mean into dst.
func (m *Model) PCAReconstruct(dst, x []float64) {
	s, v := m.pc1(x), m.PCA.Vectors
	for i := range dst {
		dst[i] = m.PCA.Mean[i] + s*v.Data[i*v.Stride]
	}
}

func (m *Model) pcaErr(x *data.Set) float64 {
	e := 0.0
	for n := 0; n < x.N; n++ {
		m.PCAReconstruct(m.pcaRecon, x.At(n))
		e += SqDist(m.pcaRecon, x.At(n))
	}
	return e / float64(x.N)
}

// nearestTrain returns the training example nearest to x and its squared
// distance.
func (m *Model) nearestTrain(x []float64) (int, float64) {
	best, bd := 0, math.Inf(1)
	for j := 0; j < m.Train.N; j++ {
		if dd := SqDist(x, m.Train.At(j)); dd < bd {
			best, bd = j, dd
		}
	}
	return best, bd
}

// knnPreserved returns the mean over training examples of the fraction of
// their KNN nearest neighbours in x that are among their KNN nearest in h:
// neighbour j of i is when fewer than KNN other examples have codes nearer
// to h_i than h_j is.
func (m *Model) knnPreserved() float64 {
	n, h, kept := m.Train.N, m.Codes, 0
	for i := 0; i < n; i++ {
		for _, j := range m.knnX[i*KNN : (i+1)*KNN] {
			dj, closer := math.Abs(h[j]-h[i]), 0
			for l := 0; l < n; l++ {
				if l != i && l != j && math.Abs(h[l]-h[i]) < dj {
					closer++
				}
			}
			if closer < KNN {
				kept++
			}
		}
	}
	return float64(kept) / float64(n*KNN)
}

// nearestK writes the k indices j ≠ i of 0…n−1 with the smallest dist(j)
// into dst (len k), nearest first.
func nearestK(dst []int, i, n int, dist func(j int) float64) {
	k := len(dst)
	ds := make([]float64, 0, k)
	dst = dst[:0]
	for j := 0; j < n; j++ {
		if j == i {
			continue
		}
		d := dist(j)
		if len(dst) == k && d >= ds[k-1] {
			continue
		}
		if len(dst) < k {
			dst, ds = append(dst, j), append(ds, d)
		} else {
			dst[k-1], ds[k-1] = j, d
		}
		for p := len(dst) - 1; p > 0 && ds[p] < ds[p-1]; p-- {
			dst[p], dst[p-1] = dst[p-1], dst[p]
			ds[p], ds[p-1] = ds[p-1], ds[p]
		}
	}
}

// spearman returns Spearman's rank correlation of a and b (average ranks
// for ties), using ra, rb and order (len(a) each) as scratch.
func spearman(a, b, ra, rb []float64, order []int) float64 {
	ranks(ra, a, order)
	ranks(rb, b, order)
	n := float64(len(a))
	mean := (n - 1) / 2
	var sab, saa, sbb float64
	for i := range ra {
		x, y := ra[i]-mean, rb[i]-mean
		sab, saa, sbb = sab+x*y, saa+x*x, sbb+y*y
	}
	if saa == 0 || sbb == 0 {
		return 0
	}
	return sab / math.Sqrt(saa*sbb)
}

// ranks writes the rank of each v[i] (0-based, ties averaged) into dst,
// sorting order by insertion: the sets are a few hundred long and it
// allocates nothing.
func ranks(dst, v []float64, order []int) {
	for i := range order {
		order[i] = i
	}
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && v[order[j]] < v[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	for i := 0; i < len(order); {
		j := i
		for j+1 < len(order) && v[order[j+1]] == v[order[i]] {
			j++
		}
		r := float64(i+j) / 2
		for p := i; p <= j; p++ {
			dst[order[p]] = r
		}
		i = j + 1
	}
}

// meanSqErr returns (1/N) Σₙ ‖rₙ − xₙ‖², the squared error per example as
// the lecture's L(x̂, x) = ‖x̂ − x‖² (summed over coordinates).
func meanSqErr(r []float64, x *data.Set) float64 {
	e := 0.0
	for n := 0; n < x.N; n++ {
		e += SqDist(r[n*x.D:(n+1)*x.D], x.At(n))
	}
	return e / float64(x.N)
}

// SqDist is ‖a − b‖², the squared distance the errors and ε are measured in.
func SqDist(a, b []float64) float64 {
	s := 0.0
	for i, v := range a {
		d := v - b[i]
		s += d * d
	}
	return s
}
