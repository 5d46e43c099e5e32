// Package pretrain is greedy layer-wise pretraining and when it helps (the
// lecture's slides "Unsupervized pretraining", "Supervised pretraining" and
// "Deep autoencoders"; Hinton & Salakhutdinov, "Reducing the dimensionality
// of data with neural networks", Science 2006; Bengio et al., "Greedy
// layer-wise training of deep networks", NIPS 2007; Erhan et al., "Why
// does unsupervised pre-training help deep learning?", JMLR 2010).
//
// A Model trains two copies of one deep autoencoder on the 8×8 digits side
// by side, step for step, with plain SGD and the squared error:
//
//   - Pretrained: the greedy schedule of Stages. Stage k trains a shallow
//     autoencoder sizes[k] → sizes[k+1] → sizes[k] on the codes of the
//     stages below it; after the last, the encoders and the decoders (in
//     reverse) are unrolled into the deep network (nn.Stack), which is then
//     fine-tuned end to end.
//   - Random: the same deep network from random initialisation, trained
//     end to end for as many steps.
//
// Beside them PCA with the same code size (the linear optimum), k-NN
// accuracy of the test codes against the training codes, and a supervised
// comparison: a softmax head on the pretrained encoder, trained on a few
// labels, against the same classifier from random initialisation.
package pretrain

import (
	"fmt"
	"math"
	"math/rand/v2"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/pca"
	"aelab/core/rng"
)

// Architectures.
const (
	// Deep is the stack 64-48-32-24-16-8-2 (mirrored decoder, linear code
	// and output) with small initial weights, 0.1/√fan-in: from random
	// initialisation its gradients vanish through six sigmoid layers, the
	// setting greedy pretraining was invented for.
	Deep = "deep"
	// Shallow is 64-32-16-2 with 1/√fan-in weights, where gradients reach
	// every layer from a random start and pretraining may harm.
	Shallow = "shallow"
)

// Sizes returns the encoder's layer widths of an architecture, input first.
func Sizes(arch string) []int {
	if arch == Shallow {
		return []int{64, 32, 16, 2}
	}
	return []int{64, 48, 32, 24, 16, 8, 2}
}

// InitScale returns s of an architecture's initial weights, drawn from
// N(0, (s/√fan-in)²).
func InitScale(arch string) float64 {
	if arch == Shallow {
		return 1
	}
	return 0.1
}

// Config sets a Model.
type Config struct {
	Arch  string        // Deep or Shallow
	Units nn.Activation // of the hidden layers: Sigmoid (2006), Tanh or ReLU
	LR    float64       // plain SGD's step size
	// Adam, if positive, trains the deep networks with Adam at this step
	// size instead of plain SGD at LR (Modern does).
	Adam float64
	// Init, if positive, replaces the architecture's InitScale for the
	// deep networks (√2 is He et al.'s for ReLU units, ICCV 2015).
	Init float64
	// StageAdam, if positive, trains the shallow autoencoders of the
	// greedy stages with Adam at this step size instead of plain SGD (the
	// deep networks keep plain SGD).
	StageAdam float64
	Batch     int
	// StageSteps is the number of SGD steps of each layer's shallow
	// autoencoder, FineSteps those of fine-tuning the unrolled network.
	StageSteps, FineSteps int
	// Labels is the number of labelled training digits the classifiers
	// see; ClassSteps their SGD steps (Adam, see Classify).
	Labels, ClassSteps int
	// Frozen keeps the pretrained encoder fixed under the classifier head.
	Frozen bool
}

// Default is the scene's setting, a schedule short enough to watch: the
// greedy stages with Adam, 1 000 steps a layer, then 6 000 steps of plain
// SGD; the random start gets as many plain SGD steps, 12 000. The issue's
// measurement (plain SGD throughout, 10 000 steps a layer, 60 000 in all)
// is StageAdam 0, StageSteps 10 000 (see TestIssueSchedule).
var Default = Config{Arch: Deep, Units: nn.Sigmoid, LR: 0.05, Batch: 32,
	StageSteps: 1000, FineSteps: 6000, StageAdam: 0.01, Labels: 50, ClassSteps: 1500}

// Modern returns cfg with the units and the training that made
// pretraining unnecessary (the lecture's "Drop-out, batch-norm and ReLu
// give possibility to achieve good results without unsupervised
// pretraining"; Glorot, Bordes & Bengio, "Deep sparse rectifier neural
// networks", AISTATS 2011): ReLU hidden units, He et al.'s initial weights
// (initHe) and Adam (Kingma & Ba 2015) at step 0.003 for the deep
// networks. Plain SGD at any step size we tried (0.005–0.02) diverged on
// the deep ReLU stack from its first steps: with 2- and 8-unit layers its
// random outputs start far from the data (test error 200–900).
func Modern(cfg Config) Config {
	cfg.Units, cfg.Adam = nn.ReLU, ModernAdam
	return cfg
}

// ModernAdam is Modern's Adam step size.
const ModernAdam = 0.003

// TestFrac is the fraction of the digits held out for testing.
const TestFrac = 0.25

// KNN is the number of neighbours of the k-NN accuracy.
const KNN = 5

// Model is the two deep autoencoders, PCA and the classifiers.
type Model struct {
	Cfg         Config
	Train, Test *data.Images
	Sizes       []int // the encoder's widths; the decoder mirrors them
	L           int   // the encoder's layers, one stage each

	// PCA of the training digits, its test error and test codes with
	// the code size, and their k-NN accuracy.
	PCA      *pca.PCA
	PCAMSE   float64
	PCACodes []float64 // Test.N × code size
	PCAKNN   float64

	Pre, Rand Track

	// Stages are the shallow autoencoders trained so far (the current one
	// last); plan is every stage, all allocated in New, so that training
	// allocates nothing when a stage starts
	Stages  []*nn.Net
	plan    []stage
	deepTr  *nn.Trainer // the pretrained track's once unrolled
	partial *nn.Net     // the encoders and decoders trained so far, unrolled
	// Deep is the pretrained track's deep network as initialised so far:
	// the layers of the stages trained (the current one copied in at each
	// Measure), the others still at their small random weights; after the
	// stages it is Pre.Net, fine-tuned.
	Deep *nn.Net
	db   *nn.Batch
	pb   *nn.Batch

	// the supervised comparison (see Classify)
	ClfPre, ClfRand     *nn.Net
	clfPreTr, clfRandTr *nn.Trainer
	labelled            *data.Set
	labels              []int
	ClassSteps          int
	AccPre, AccRand     float64
	clfPreB, clfRandB   *nn.Batch
	clfRand0            []float64 // the random classifier's first weights

	Steps int // unsupervised steps of each track so far
	seed  uint64
	knnD  []float64 // scratch: the distances to the K nearest
	knnI  []int
	votes []int
}

// stage is greedy step k: the shallow autoencoder sizes[k] → sizes[k+1] →
// sizes[k], its trainer on in (the digits, or the codes of the stage
// below), a batch to compute the next stage's in, and the stack of the
// stages 0 … k unrolled, to measure.
type stage struct {
	ae      *nn.Net
	tr      *nn.Trainer
	in      *data.Set
	apply   *nn.Batch
	partial *nn.Net
	pb      *nn.Batch
}

// evalCap is the capacity of the batches that measure: the test digits go
// through in chunks of it.
const evalCap = 64

// Track is one deep autoencoder being trained, with its measurements.
type Track struct {
	Net   *nn.Net // what trains: the deep autoencoder (for Pre: a stage's shallow one until unrolled)
	Tr    *nn.Trainer
	MSE   float64   // test error of the network (Pre: of the stack so far)
	Codes []float64 // the test digits' codes, Test.N × code size
	KNN   float64   // k-NN accuracy of Codes
	b     *nn.Batch
	trB   *nn.Batch // of the training digits' codes, for trNet
	trNet *nn.Net
	// the training digits' codes, and the test digits of the first half
	// whose k-NN vote was right
	trCodes  []float64
	knnRight int
}

// Stage returns the stage of the unsupervised schedule: k = 0 … L−1 while
// layer k's shallow autoencoder trains, L during fine-tuning (and after).
func (m *Model) Stage() int { return min(m.Steps/m.Cfg.StageSteps, m.L) }

// Total returns the steps of the whole unsupervised schedule.
func (m *Model) Total() int { return m.L*m.Cfg.StageSteps + m.Cfg.FineSteps }

// New splits the digits (stratified, by seed), fits PCA and draws both
// tracks' first weights.
func New(cfg Config, seed uint64, im *data.Images) *Model { return newModel(cfg, seed, seed, im) }

// newModel is New with the digits split by split and everything else
// (weights, minibatches, the labelled subset) drawn from seed.
func newModel(cfg Config, split, seed uint64, im *data.Images) *Model {
	if cfg.StageSteps < 1 || cfg.FineSteps < 0 || cfg.Batch < 1 {
		panic(fmt.Sprintf("pretrain: bad schedule %+v", cfg))
	}
	m := &Model{Cfg: cfg, seed: seed, Sizes: Sizes(cfg.Arch)}
	m.L = len(m.Sizes) - 1
	m.Train, m.Test = im.Split(TestFrac, rng.New(split, rng.StreamData))
	k := m.Sizes[m.L]
	m.PCA = pca.Fit(m.Train.X)
	m.PCACodes = make([]float64, m.Test.N()*k)
	m.PCAMSE = m.pcaProject(m.PCACodes, k)
	m.knnD, m.knnI, m.votes = make([]float64, KNN), make([]int, KNN), make([]int, im.Classes)
	m.PCAKNN = m.KNNAccuracy(m.PCACodes, m.pcaTrainCodes(k), k)

	m.Rand.Net = m.deepNet(rng.New(seed, rng.StreamWeights+100))
	m.Rand.Tr = m.newTrainer(m.Rand.Net, m.Train.X, seed)
	m.Pre.Codes, m.Rand.Codes = make([]float64, m.Test.N()*k), make([]float64, m.Test.N()*k)
	m.Pre.trCodes, m.Rand.trCodes = make([]float64, m.Train.N()*k), make([]float64, m.Train.N()*k)
	m.Rand.b = m.Rand.Net.NewBatch(evalCap)
	m.Deep = m.deepNet(rng.New(seed, rng.StreamWeights+500))
	m.db = m.Deep.NewBatch(evalCap)
	m.deepTr = m.newTrainer(m.Deep, m.Train.X, m.seed+uint64(m.L)<<20)
	m.plan = make([]stage, m.L)
	m.Stages = make([]*nn.Net, 0, m.L)
	for k := range m.plan {
		st := &m.plan[k]
		st.ae = nn.New([]int{m.Sizes[k], m.Sizes[k+1], m.Sizes[k]}, []nn.Activation{m.encAct(k), m.decAct(k)})
		initSmall(st.ae, 1, rng.New(m.seed, rng.StreamWeights+uint64(k)))
		st.in = m.Train.X
		if k > 0 {
			st.in = data.NewSet(m.Train.N(), m.Sizes[k])
		}
		st.tr = m.newTrainer(st.ae, st.in, m.seed+uint64(k)<<20)
		st.apply = st.ae.NewBatch(evalCap)
		layers := make([]*nn.Layer, 0, 2*(k+1))
		for i := 0; i <= k; i++ {
			layers = append(layers, &m.plan[i].ae.Layers[0])
		}
		for i := k; i >= 0; i-- {
			layers = append(layers, &m.plan[i].ae.Layers[1])
		}
		st.partial = nn.Stack(layers...)
		st.pb = st.partial.NewBatch(evalCap)
	}
	m.newStage()
	m.Classify(cfg.Labels, cfg.Frozen)
	m.Measure()
	return m
}

// deepNet returns the deep autoencoder's shape with weights from r.
func (m *Model) deepNet(r *rand.Rand) *nn.Net {
	sizes, acts := append([]int(nil), m.Sizes...), []nn.Activation{}
	for l := 0; l < m.L; l++ {
		acts = append(acts, m.encAct(l))
	}
	for l := m.L - 1; l >= 0; l-- {
		sizes = append(sizes, m.Sizes[l])
		acts = append(acts, m.decAct(l))
	}
	n := nn.New(sizes, acts)
	scale := InitScale(m.Cfg.Arch)
	if m.Cfg.Init > 0 {
		scale = m.Cfg.Init
	}
	if m.Cfg.Units == nn.ReLU {
		initHe(n, r)
	} else {
		initSmall(n, scale, r)
	}
	return n
}

// initHe draws the weights of a ReLU layer from N(0, 2/fan-in) (He et
// al., "Delving deep into rectifiers", ICCV 2015), which keeps the
// activations' second moment from layer to layer, and those of a linear
// layer (the code, the output) from N(0, 1/fan-in); biases zero.
func initHe(n *nn.Net, r *rand.Rand) {
	for l := range n.Layers {
		ly := &n.Layers[l]
		sd := 1 / math.Sqrt(float64(ly.In))
		if ly.Act == nn.ReLU {
			sd *= math.Sqrt2
		}
		for i := range ly.W {
			ly.W[i] = sd * r.NormFloat64()
		}
		clear(ly.B)
	}
}

// encAct is the units of encoder layer l: the code is linear.
func (m *Model) encAct(l int) nn.Activation {
	if l == m.L-1 {
		return nn.Linear
	}
	return m.Cfg.Units
}

// decAct is the units of the decoder layer that reconstructs layer l's
// input: the output (l = 0) is linear.
func (m *Model) decAct(l int) nn.Activation {
	if l == 0 {
		return nn.Linear
	}
	return m.Cfg.Units
}

// initSmall draws every weight from N(0, (s/√fan-in)²), biases zero.
func initSmall(n *nn.Net, s float64, r *rand.Rand) {
	for l := range n.Layers {
		ly := &n.Layers[l]
		sd := s / math.Sqrt(float64(ly.In))
		for i := range ly.W {
			ly.W[i] = sd * r.NormFloat64()
		}
		clear(ly.B)
	}
}

// newTrainer returns a trainer of net as an autoencoder of x: plain SGD
// at LR, or Adam (Cfg.Adam for the deep networks, Cfg.StageAdam for a
// greedy stage's shallow one).
func (m *Model) newTrainer(net *nn.Net, x *data.Set, seed uint64) *nn.Trainer {
	var opt nn.Optimizer = &nn.SGD{LR: m.Cfg.LR}
	if m.Cfg.Adam > 0 {
		opt = nn.NewAdam(m.Cfg.Adam)
	}
	if m.Cfg.StageAdam > 0 && len(net.Layers) == 2 { // a greedy stage
		opt = nn.NewAdam(m.Cfg.StageAdam)
	}
	t := nn.NewTrainer(nn.NewAutoencoder(net), opt, x, m.Cfg.Batch, rng.New(seed, rng.StreamBatches))
	t.Prepare() // a stage starts within a frame, which must not allocate
	return t
}

// newStage starts the shallow autoencoder of the current stage on the
// codes of the stages below, or unrolls the stack after the last. It
// allocates nothing: New built every stage.
func (m *Model) newStage() {
	k := len(m.Stages)
	if k > 0 { // the codes of the stage just trained are the next one's data
		m.copyStage(k - 1)
		prev := &m.plan[k-1]
		if k < m.L {
			prev.ae.Apply(m.plan[k].in.X, 1, prev.in, prev.apply)
		}
	}
	if k == m.L { // unroll: the encoders, then the decoders in reverse
		m.Pre.Net, m.Pre.Tr = m.Deep, m.deepTr
		m.deepTr.Reset() // from the pretrained weights
		m.Pre.b = m.db
		m.partial, m.pb = m.Deep, m.db
		return
	}
	st := &m.plan[k]
	m.Stages = append(m.Stages, st.ae)
	m.Pre.Net, m.Pre.Tr = st.ae, st.tr
	// the stack so far, unrolled, to measure: the stages below as trained;
	// its middle two layers are the current stage's, copied in at each
	// Measure
	for i := 0; i < k; i++ {
		copyLayer(&st.partial.Layers[i], &m.plan[i].ae.Layers[0])
		copyLayer(&st.partial.Layers[2*k+1-i], &m.plan[i].ae.Layers[1])
	}
	m.partial, m.pb = st.partial, st.pb
}

// Step runs up to n steps of the schedule on both tracks (then of both
// classifiers); it reports how many ran and whether a track diverged.
func (m *Model) Step(n int) (done int, diverged bool) {
	for done < n && !diverged {
		if m.Steps < m.Total() {
			k := n - done
			if st := m.Stage(); st < m.L {
				k = min(k, (st+1)*m.Cfg.StageSteps-m.Steps)
			} else {
				k = min(k, m.Total()-m.Steps)
			}
			d1, v1 := m.Pre.Tr.Step(k)
			d2, v2 := m.Rand.Tr.Step(d1)
			ran := min(d1, d2)
			m.Steps += ran
			done += ran
			diverged = v1 || v2
			if ran == 0 {
				return done, diverged
			}
			if m.Steps <= m.L*m.Cfg.StageSteps && m.Steps%m.Cfg.StageSteps == 0 {
				m.newStage() // the next layer, or the unrolled stack
			}
			if m.Steps == m.Total() {
				m.restartClassifiers() // on the encoder as trained
			}
			continue
		}
		if m.ClassSteps >= m.Cfg.ClassSteps {
			return done, diverged
		}
		k := min(n-done, m.Cfg.ClassSteps-m.ClassSteps)
		d1, v1 := m.clfPreTr.Step(k)
		d2, v2 := m.clfRandTr.Step(d1)
		m.ClassSteps += min(d1, d2)
		done += min(d1, d2)
		diverged = v1 || v2
	}
	return done, diverged
}

// Done reports whether the whole schedule, classifiers included, has run.
func (m *Model) Done() bool { return m.Steps >= m.Total() && m.ClassSteps >= m.Cfg.ClassSteps }

// Classify (re)starts the supervised comparison with the first labels
// training digits of a seeded, class-balanced order: a softmax head on the
// encoder of the pretrained track as it stands (Deep's weights copied;
// frozen or fine-tuned), and the same classifier from random
// initialisation, each trained with plain SGD (ClassLR) for ClassSteps
// steps once the unsupervised schedule is done (Step restarts them then,
// on the encoder as trained); before, they are untrained and score about
// chance.
func (m *Model) Classify(labels int, frozen bool) {
	m.Cfg.Labels, m.Cfg.Frozen = max(10, min(labels, m.Train.N())), frozen
	idx := balanced(m.Train.Labels, m.Train.Classes, rng.New(m.seed, rng.StreamData+10))[:m.Cfg.Labels]
	sub := m.Train.Subset(idx)
	m.labelled, m.labels = sub.X, sub.Labels
	if m.ClfPre == nil {
		head := nn.New([]int{m.Sizes[m.L], m.Train.Classes}, []nn.Activation{nn.Linear})
		head.Init(rng.New(m.seed, rng.StreamWeights+200))
		enc := make([]*nn.Layer, 0, m.L+1)
		for l := 0; l < m.L; l++ {
			enc = append(enc, &m.Deep.Layers[l])
		}
		m.ClfPre = nn.Stack(append(enc, &head.Layers[0])...)
		rd := m.deepNet(rng.New(m.seed, rng.StreamWeights+400))
		enc = enc[:0]
		for l := 0; l < m.L; l++ {
			enc = append(enc, &rd.Layers[l])
		}
		m.ClfRand = nn.Stack(append(enc, &head.Layers[0])...)
		m.clfRand0 = append([]float64(nil), m.ClfRand.Params...)
		m.clfPreB, m.clfRandB = m.ClfPre.NewBatch(evalCap), m.ClfRand.NewBatch(evalCap)
	}
	bs := min(m.Cfg.Batch, m.Cfg.Labels)
	m.clfPreTr = nn.NewTrainer(nn.NewClassifier(m.ClfPre), m.classOpt(), m.labelled, bs, rng.New(m.seed, rng.StreamBatches+10))
	m.clfPreTr.Labels = m.labels
	m.clfRandTr = nn.NewTrainer(nn.NewClassifier(m.ClfRand), m.classOpt(), m.labelled, bs, rng.New(m.seed, rng.StreamBatches+11))
	m.clfRandTr.Labels = m.labels
	m.clfPreTr.Prepare()
	m.clfRandTr.Prepare()
	m.restartClassifiers()
}

// restartClassifiers puts the classifiers back to their start without
// allocating: the pretrained one's encoder from Deep as it stands (frozen
// or not), the random one's whole net and both heads as first drawn.
func (m *Model) restartClassifiers() {
	copy(m.ClfRand.Params, m.clfRand0)
	for l := 0; l < m.L; l++ {
		copyLayer(&m.ClfPre.Layers[l], &m.Deep.Layers[l])
		m.ClfPre.Layers[l].Frozen = m.Cfg.Frozen
	}
	copyLayer(&m.ClfPre.Layers[m.L], &m.ClfRand.Layers[m.L])
	m.clfPreTr.Reset()
	m.clfRandTr.Reset()
	m.ClassSteps = 0
}

// ClassLR is the classifiers' step size (plain SGD, as the autoencoders).
const ClassLR = 0.1

// classOpt is a classifier's optimizer: plain SGD at ClassLR, or Adam at
// the deep networks' step size when they train with Adam.
func (m *Model) classOpt() nn.Optimizer {
	if m.Cfg.Adam > 0 {
		return nn.NewAdam(m.Cfg.Adam)
	}
	return &nn.SGD{LR: ClassLR}
}

// balanced returns the indices 0…len(labels)−1 in a seeded order that
// takes the classes in turn, so that any prefix is (near) class-balanced.
func balanced(labels []int, classes int, r *rand.Rand) []int {
	perm := r.Perm(len(labels))
	byClass := make([][]int, classes)
	for _, n := range perm {
		byClass[labels[n]] = append(byClass[labels[n]], n)
	}
	out := make([]int, 0, len(labels))
	for i := 0; len(out) < len(labels); i++ {
		for _, c := range byClass {
			if i < len(c) {
				out = append(out, c[i])
			}
		}
	}
	return out
}

// Measure recomputes every measurement.
func (m *Model) Measure() {
	for p := 0; p < Parts; p++ {
		m.MeasurePart(p)
	}
}

// Parts is the number of pieces MeasurePart splits a measurement into,
// each a millisecond or two natively: per track its test error, its codes
// in two pieces, and the k-NN vote in two halves; then the classifiers.
const Parts = 11

// ClassifierPart is the part that measures the classifiers.
const ClassifierPart = 10

// MeasurePart recomputes part p of the measurements: 0–4 the pretrained
// track (the error of the stack so far; the codes of Deep, of the test and
// the first half of the training digits, then of the second half; the
// k-NN vote of the first and the second half of the test digits), 5–9 the
// random one, 10 the classifiers' test accuracy. Spread over frames, the
// codes of a measurement may be a few steps apart.
func (m *Model) MeasurePart(p int) {
	if p == ClassifierPart {
		m.AccPre = m.ClfPre.Accuracy(m.Test.X.X, m.Test.Labels, m.clfPreB)
		m.AccRand = m.ClfRand.Accuracy(m.Test.X.X, m.Test.Labels, m.clfRandB)
		return
	}
	t, net, b, err := &m.Pre, m.Deep, m.db, m.partial
	if p >= 5 {
		t, net, b, err, p = &m.Rand, m.Rand.Net, m.Rand.b, m.Rand.Net, p-5
	}
	k, mid := m.Sizes[m.L], len(net.Layers)/2
	half, trHalf := m.Test.N()/2, m.Train.N()/2
	if t.trNet != net {
		t.trB, t.trNet = net.NewBatch(evalCap), net
	}
	switch p {
	case 0:
		if t == &m.Pre && m.partial != m.Deep { // a stage: copy it into the stack so far
			k := len(m.Stages) - 1
			st := m.Stages[k]
			copyLayer(&m.partial.Layers[k], &st.Layers[0])
			copyLayer(&m.partial.Layers[k+1], &st.Layers[1])
		}
		b0 := b
		if err != net {
			b0 = m.pb
		}
		t.MSE = err.ReconstructionError(m.Test.X, b0)
	case 1:
		if t == &m.Pre && m.partial != m.Deep {
			m.copyStage(len(m.Stages) - 1)
		}
		net.Apply(t.Codes, mid, m.Test.X, b)
		net.Apply(t.trCodes[:trHalf*k], mid, rows(m.Train.X, 0, trHalf), t.trB)
	case 2:
		net.Apply(t.trCodes[trHalf*k:], mid, rows(m.Train.X, trHalf, m.Train.N()), t.trB)
	case 3:
		t.knnRight = m.knnCount(t.Codes, t.trCodes, k, 0, half)
	case 4:
		t.KNN = float64(t.knnRight+m.knnCount(t.Codes, t.trCodes, k, half, m.Test.N())) / float64(m.Test.N())
	}
}

// rows returns points lo … hi−1 of x as a set (no copy).
func rows(x *data.Set, lo, hi int) *data.Set {
	return &data.Set{N: hi - lo, D: x.D, X: x.X[lo*x.D : hi*x.D]}
}

// copyStage copies stage k's shallow autoencoder into Deep: its encoder
// as layer k, its decoder as layer 2L−1−k.
func (m *Model) copyStage(k int) {
	st := m.Stages[k]
	copyLayer(&m.Deep.Layers[k], &st.Layers[0])
	copyLayer(&m.Deep.Layers[2*m.L-1-k], &st.Layers[1])
}

func copyLayer(dst, src *nn.Layer) {
	copy(dst.W, src.W)
	copy(dst.B, src.B)
}

// pcaProject writes the test digits' coordinates on the top k principal
// directions into dst and returns PCA's test reconstruction error with k.
func (m *Model) pcaProject(dst []float64, k int) float64 {
	return project(m.PCA, m.Test.X, dst, k)
}

func (m *Model) pcaTrainCodes(k int) []float64 {
	c := make([]float64, m.Train.N()*k)
	project(m.PCA, m.Train.X, c, k)
	return c
}

// project writes the coordinates of x's points on p's top k directions
// into dst and returns the mean squared error of their reconstruction.
func project(p *pca.PCA, x *data.Set, dst []float64, k int) float64 {
	v := p.Vectors
	total := 0.0
	for n := 0; n < x.N; n++ {
		pt := x.At(n)
		res := 0.0
		for i, xi := range pt {
			d := xi - p.Mean[i]
			res += d * d
		}
		for j := 0; j < k; j++ {
			c := 0.0
			for i, xi := range pt {
				c += (xi - p.Mean[i]) * v.Data[i*v.Stride+j]
			}
			dst[n*k+j] = c
			res -= c * c
		}
		total += res
	}
	return total / float64(x.N)
}

// KNNAccuracy returns the fraction of the test digits whose KNN nearest
// training codes (Euclidean, in k dimensions) vote for their class (a tie
// goes to the class that reached the count first, nearest first).
func (m *Model) KNNAccuracy(test, train []float64, k int) float64 {
	return float64(m.knnCount(test, train, k, 0, m.Test.N())) / float64(m.Test.N())
}

// knnCount returns how many of the test digits lo … hi−1 KNNAccuracy
// counts right.
func (m *Model) knnCount(test, train []float64, k, lo, hi int) int {
	right := 0
	nTr := m.Train.N()
	for i := lo; i < hi; i++ {
		q := test[i*k : (i+1)*k]
		for j := range m.knnD {
			m.knnD[j], m.knnI[j] = math.Inf(1), -1
		}
		for j := 0; j < nTr; j++ {
			p := train[j*k : (j+1)*k]
			d := 0.0
			for c, v := range q {
				e := v - p[c]
				d += e * e
			}
			if d >= m.knnD[KNN-1] {
				continue
			}
			s := KNN - 1
			for s > 0 && m.knnD[s-1] > d {
				m.knnD[s], m.knnI[s] = m.knnD[s-1], m.knnI[s-1]
				s--
			}
			m.knnD[s], m.knnI[s] = d, j
		}
		clear(m.votes)
		best, bestV := -1, 0
		for _, j := range m.knnI {
			if j < 0 {
				continue
			}
			c := m.Train.Labels[j]
			m.votes[c]++
			if m.votes[c] > bestV {
				best, bestV = c, m.votes[c]
			}
		}
		if best == m.Test.Labels[i] {
			right++
		}
	}
	return right
}
