package hashing

import (
	"fmt"
	"math"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/rng"
)

// Config is an experiment: the code's bits, the noise and the training.
type Config struct {
	K      int     // code units (bits), 1…MaxK
	Hidden int     // units of the encoder's and the decoder's hidden layer
	Noise  float64 // σ of the Gaussian noise added to the code's pre-activations in training
	LR     float64 // Adam's step size
	Batch  int     // minibatch size
}

// Default is the scene's opening experiment: 16 bits, noise σ = 4 (the
// paper's "deterministic noise" of variance 16, section 3), a
// 64-64-16-64-64 net.
var Default = Config{K: 16, Hidden: 64, Noise: 4, LR: 0.01, Batch: 64}

// NTest is the number of held-out digits used as queries; the others are
// the database the autoencoder trains on and retrieval searches.
const NTest = 300

// HistBins is the number of bins of the histogram of code activations.
const HistBins = 20

// Parts is the number of pieces MeasurePart splits a measurement into.
const Parts = 3 + queryParts

// queryParts is the number of pieces the retrieval of the queries is
// split into.
const queryParts = 4

// streamLSH draws the random directions of the LSH baseline.
const streamLSH = 0x15

// Model is a semantic-hashing autoencoder being trained on the digits,
// with its database, its held-out queries, the two baselines and what it
// measures.
type Model struct {
	Cfg         Config
	Train, Test *data.Set // database (training set) and queries, pixels in [0, 1]
	// TrainLabels and TestLabels are their digit classes; TrainIdx and
	// TestIdx their indices in the images given to New.
	TrainLabels, TestLabels []int
	TrainIdx, TestIdx       []int
	// Net is D-H-K-H-D: logistic hidden layers and code, logistic output
	// with the cross-entropy loss (the paper's, for word probabilities and
	// for pixel intensities in [0, 1]); Layers[1] is the code layer,
	// whose Noise is Cfg.Noise. Enc and Dec are its halves.
	Net, Enc, Dec *nn.Net
	AE            *nn.Autoencoder
	Opt           *nn.Adam
	Trainer       *nn.Trainer

	// The baselines, fixed once built: their addresses, mean average
	// precision and precision–recall curves on the same queries.
	LSH, PCA           *Projection
	LSHTrain, LSHTest  []uint32
	PCATrain, PCATest  []uint32
	MAPLSH, MAPPCA     float64
	CurveLSH, CurvePCA Curve

	// What Measure fills.
	Codes, TestCodes []float64 // real-valued codes (no noise), row-major K wide
	Addr, TestAddr   []uint32  // the codes rounded at 0.5
	BinaryFraction   float64   // of the database's code values
	BitsUsed         float64   // entropy of the database's addresses, in bits
	Hist             [HistBins]int
	MAP              float64 // mean average precision of Hamming ranking over the queries
	Curve            Curve
	// ReconReal and ReconRounded are the mean squared reconstruction
	// errors of the held-out digits, ‖g(h) − x‖² per digit, from the real
	// code h and from the code rounded at 0.5.
	ReconReal, ReconRounded float64

	encB, decB *nn.Batch
	halves     [2]*data.Set // views of the two halves of Train
	rounded    []float64
	recon      []float64
	scratch    []uint32
	rank       Ranker
	apSum      float64
	work       Curve
}

// New splits the images im by seed into NTest held-out queries and a
// database, draws the weights and builds the baselines.
func New(cfg Config, seed uint64, im *data.Images) *Model {
	if cfg.K < 1 || cfg.K > MaxK || cfg.K > im.X.D {
		panic(fmt.Sprintf("hashing: K = %d bits, need 1…%d", cfg.K, min(MaxK, im.X.D)))
	}
	m := &Model{Cfg: cfg}
	perm := rng.New(seed, rng.StreamData).Perm(im.N())
	m.TestIdx, m.TrainIdx = perm[:NTest], perm[NTest:]
	tr, te := im.Subset(m.TrainIdx), im.Subset(m.TestIdx)
	m.Train, m.Test, m.TrainLabels, m.TestLabels = tr.X, te.X, tr.Labels, te.Labels
	d, k := m.Train.D, cfg.K

	m.Net = nn.New([]int{d, cfg.Hidden, k, cfg.Hidden, d}, []nn.Activation{nn.Sigmoid, nn.Sigmoid, nn.Sigmoid, nn.Sigmoid})
	m.Net.Init(rng.New(seed, rng.StreamWeights))
	m.Net.Layers[1].Noise = cfg.Noise
	m.Enc, m.Dec = m.Net.Slice(0, 2), m.Net.Slice(2, 4)
	m.AE = &nn.Autoencoder{Net: m.Net, Loss: nn.CrossEntropy, Noise: rng.New(seed, rng.StreamBatches+100)}
	m.Opt = nn.NewAdam(cfg.LR)
	m.Trainer = nn.NewTrainer(m.AE, m.Opt, m.Train, cfg.Batch, rng.New(seed, rng.StreamBatches))

	m.LSH = NewLSH(m.Train, k, rng.New(seed, streamLSH))
	m.PCA = NewPCAMedian(m.Train, k)
	m.LSHTrain, m.LSHTest = make([]uint32, m.Train.N), make([]uint32, NTest)
	m.PCATrain, m.PCATest = make([]uint32, m.Train.N), make([]uint32, NTest)
	m.LSH.Hash(m.LSHTrain, m.Train)
	m.LSH.Hash(m.LSHTest, m.Test)
	m.PCA.Hash(m.PCATrain, m.Train)
	m.PCA.Hash(m.PCATest, m.Test)
	m.MAPLSH = m.evaluate(&m.CurveLSH, m.LSHTest, m.LSHTrain, 0, NTest)
	m.CurveLSH.Finish(NTest)
	m.MAPPCA = m.evaluate(&m.CurvePCA, m.PCATest, m.PCATrain, 0, NTest)
	m.CurvePCA.Finish(NTest)

	m.Codes, m.TestCodes = make([]float64, m.Train.N*k), make([]float64, NTest*k)
	m.Addr, m.TestAddr = make([]uint32, m.Train.N), make([]uint32, NTest)
	m.encB, m.decB = m.Enc.NewBatch(128), m.Dec.NewBatch(NTest)
	m.rounded, m.recon = make([]float64, NTest*k), make([]float64, d)
	m.scratch = make([]uint32, m.Train.N)
	h := m.Train.N / 2
	m.halves = [2]*data.Set{{N: h, D: d, X: m.Train.X[:h*d]}, {N: m.Train.N - h, D: d, X: m.Train.X[h*d:]}}
	m.Measure()
	return m
}

// SetNoise changes σ live (the next steps train with it).
func (m *Model) SetNoise(sigma float64) {
	m.Cfg.Noise = sigma
	m.Net.Layers[1].Noise = sigma
}

// SetLR changes Adam's step size live.
func (m *Model) SetLR(lr float64) {
	m.Cfg.LR = lr
	m.Opt.SetLR(lr)
}

// Step runs n minibatch updates and reports whether training diverged.
func (m *Model) Step(n int) (int, bool) {
	return m.Trainer.Step(n)
}

// Measure fills every measurement from the model as it stands.
func (m *Model) Measure() {
	for p := 0; p < Parts; p++ {
		m.MeasurePart(p)
	}
}

// MeasurePart computes one of Parts pieces of Measure (each about a
// millisecond natively): 0 and 1 the codes of either half of the
// database, then their binary fraction, entropy and histogram; 2 the
// queries' codes and the reconstructions from real and rounded codes; 3
// to 6 the retrieval of a quarter of the queries each (MAP and the
// precision–recall curve, complete after 6). Run in order, they measure
// the model of that moment, give or take the steps in between.
func (m *Model) MeasurePart(p int) {
	if p < 0 || p >= Parts {
		panic("hashing: MeasurePart needs 0 ≤ p < Parts")
	}
	k, half := m.Cfg.K, m.Train.N/2
	switch p {
	case 0:
		m.Enc.Apply(m.Codes[:half*k], 2, m.halves[0], m.encB)
	case 1:
		m.Enc.Apply(m.Codes[half*k:], 2, m.halves[1], m.encB)
		Pack(m.Addr, m.Codes, k)
		m.BinaryFraction = BinaryFraction(m.Codes)
		m.BitsUsed = Entropy(m.Addr, m.scratch)
		m.Hist = [HistBins]int{}
		for _, c := range m.Codes {
			m.Hist[min(int(c*HistBins), HistBins-1)]++
		}
	case 2:
		m.Enc.Apply(m.TestCodes, 2, m.Test, m.encB)
		Pack(m.TestAddr, m.TestCodes, k)
		for i, c := range m.TestCodes {
			m.rounded[i] = math.Round(c)
		}
		m.ReconReal = m.reconError(m.TestCodes)
		m.ReconRounded = m.reconError(m.rounded)
	default: // a quarter of the queries each
		i := p - 3
		if i == 0 {
			m.work.Reset(k)
			m.apSum = 0
		}
		lo, hi := i*NTest/queryParts, (i+1)*NTest/queryParts
		m.apSum += m.evaluate(&m.work, m.TestAddr, m.Addr, lo, hi) * float64(hi-lo)
		if i == queryParts-1 {
			m.MAP = m.apSum / NTest
			m.work.Finish(NTest)
			m.Curve = m.work
		}
	}
}

// evaluate runs queries lo…hi−1 against db, adds them to c and returns
// their mean average precision.
func (m *Model) evaluate(c *Curve, queries, db []uint32, lo, hi int) float64 {
	if c.K != m.Cfg.K {
		c.Reset(m.Cfg.K)
	}
	sum := 0.0
	for q := lo; q < hi; q++ {
		sum += m.rank.Query(queries[q], m.TestLabels[q], db, m.TrainLabels)
		c.Add(&m.rank)
	}
	return sum / float64(hi-lo)
}

// reconError returns the held-out digits' mean ‖g(h) − x‖² from the codes
// h (NTest×K).
func (m *Model) reconError(codes []float64) float64 {
	b, k := m.decB, m.Cfg.K
	b.N = NTest
	for s := 0; s < NTest; s++ {
		b.SetInput(s, codes[s*k:(s+1)*k])
	}
	m.Dec.Forward(b)
	total := 0.0
	for s := 0; s < NTest; s++ {
		b.Output(m.recon, s)
		for i, v := range m.Test.At(s) {
			total += (m.recon[i] - v) * (m.recon[i] - v)
		}
	}
	return total / NTest
}

// Retrieve writes into dst the database examples within Hamming distance
// rad of query q's address, nearest first (database order within a
// distance), at most len(dst) of them, and returns how many it wrote. It
// allocates nothing.
func (m *Model) Retrieve(dst []int, q, rad int) int {
	a, n := m.TestAddr[q], 0
	for d := 0; d <= rad && n < len(dst); d++ {
		for i, w := range m.Addr {
			if Hamming(a, w) == d {
				dst[n] = i
				n++
				if n == len(dst) {
					break
				}
			}
		}
	}
	return n
}
