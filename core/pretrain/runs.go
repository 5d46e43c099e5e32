package pretrain

import (
	"math"

	"aelab/core/data"
	"aelab/core/nn"
)

// Runs is the lecture's slide "Demo2" (Erhan et al., "Why does
// unsupervised pre-training help deep learning?", JMLR 2010, Figs. 5–6):
// many networks trained with and without pretraining, each network's
// function recorded as it trains — its outputs on a fixed set of probe
// digits, one long vector — and all those vectors embedded in 2-D, where
// the two families' trajectories end in regions of their own: so they do
// here with 2006's sigmoid units and plain SGD, and with ReLU units and
// Adam (Modern) they mix (TestDemo2Separates).
//
// Models[i] trains a pretrained and a random run from weight seed
// seed+i, on one split of the digits (the seed's), so that the runs differ
// only in their first weights and their minibatches. A pretrained run's
// trajectory starts when its stack is unrolled (its function before is not
// the deep network's); a random run's at step 0. The embedding is PCA of
// the recorded vectors (classical scaling of their Euclidean distances;
// the paper used Isomap and t-SNE) with axes fitted to the points from
// the unrolling on (see From).
type Runs struct {
	Models []*Model
	Probe  *data.Set // the first ProbeN test digits of the split
	Every  int       // steps between a trajectory's points
	dim    int       // a point's length: ProbeN × 64

	// the points recorded so far: run 2i is Models[i]'s pretrained track,
	// 2i+1 its random one
	N   int
	Run []int
	At  []int     // the step each point was recorded at
	Err []float64 // each point's error on the probe digits, per digit
	// PCAErr is PCA's error on the probe digits with the code size.
	PCAErr float64
	vecs   []float64 // N × dim
	gram   []float64 // cap × cap inner products of the points
	cap    int
	X, Y   []float64 // each point's 2-D embedding
	Last   []int     // each run's last point, −1 before its first
	u, v   []float64 // the embedding's directions, kept from frame to frame
	b      []float64 // scratch: the double-centred Gram matrix
	tmp    []float64
	mean   []float64
	// From is the first step of the points that fix the embedding's axes:
	// the pretrained runs' unrolling, from which both families have
	// points (a random run's first points, its random function, lie far
	// from everything and would take the axes); sub are those points
	From   int
	sub    []int
	batch  []*nn.Batch // per model: of the deep networks, cap ProbeN
	next   int         // the model Step trains next
	embedN int         // points the embedding was computed for
	done   bool        // whether the embedding of embedN points converged
	// Separation is the silhouette of the embedded end points, the two
	// families as the clusters; SeparationFull the same in the full
	// prediction space (see silhouette). NaN before every run has a point.
	Separation, SeparationFull float64
}

// ProbeN is the number of probe digits whose outputs make a run's point.
const ProbeN = 50

// TrajectoryPoints is about how many points a random run's trajectory has.
const TrajectoryPoints = 24

// NewRuns starts runs pairs of runs of cfg (without the classifiers) on
// the split of seed.
func NewRuns(cfg Config, seed uint64, runs int, im *data.Images) *Runs {
	cfg.ClassSteps = 0
	r := &Runs{}
	for i := 0; i < runs; i++ {
		r.Models = append(r.Models, newModel(cfg, seed, seed+uint64(i), im))
	}
	m := r.Models[0]
	r.Probe = rows(m.Test.X, 0, min(ProbeN, m.Test.N()))
	r.dim = r.Probe.N * m.Test.X.D
	r.Every = max(1, m.Total()/TrajectoryPoints)
	perRun := m.Total()/r.Every + 2
	r.cap = 2 * runs * perRun
	r.Run, r.At, r.Err = make([]int, r.cap), make([]int, r.cap), make([]float64, r.cap)
	r.PCAErr = project(m.PCA, r.Probe, make([]float64, r.Probe.N*m.Sizes[m.L]), m.Sizes[m.L])
	r.vecs, r.gram = make([]float64, r.cap*r.dim), make([]float64, r.cap*r.cap)
	r.X, r.Y = make([]float64, r.cap), make([]float64, r.cap)
	r.u, r.v, r.tmp, r.mean = make([]float64, r.cap), make([]float64, r.cap), make([]float64, r.cap), make([]float64, r.cap)
	r.sub = make([]int, 0, r.cap)
	r.From = m.L * m.Cfg.StageSteps
	r.b = make([]float64, r.cap*r.cap)
	r.Last = make([]int, 2*runs)
	for i := range r.Last {
		r.Last[i] = -1
	}
	for _, m := range r.Models {
		r.batch = append(r.batch, m.Rand.Net.NewBatch(r.Probe.N))
	}
	r.Separation, r.SeparationFull = math.NaN(), math.NaN()
	for i := range r.Models {
		r.record(i)
	}
	r.Embed(EmbedIters)
	return r
}

// Done reports whether every run has finished its schedule.
func (r *Runs) Done() bool {
	for _, m := range r.Models {
		if m.Steps < m.Total() {
			return false
		}
	}
	return true
}

// Step trains up to n steps in all, a model at a time in turn so that the
// runs advance together, each up to its next point; it reports the steps
// run and whether a run diverged.
func (r *Runs) Step(n int) (done int, diverged bool) {
	for done < n && !r.Done() {
		i := r.next
		r.next = (r.next + 1) % len(r.Models)
		m := r.Models[i]
		if m.Steps >= m.Total() {
			continue
		}
		k := min(n-done, r.Every-m.Steps%r.Every, m.Total()-m.Steps)
		d, div := m.Step(k)
		done += d
		if div {
			return done, true
		}
		if m.Steps%r.Every == 0 || m.Steps == m.Total() || m.Steps == m.L*m.Cfg.StageSteps {
			r.record(i)
		}
	}
	return done, false
}

// record adds model i's tracks' points: the random run's always, the
// pretrained one's once its stack is unrolled.
func (r *Runs) record(i int) {
	m := r.Models[i]
	r.add(2*i+1, m.Steps, m.Rand.Net, r.batch[i])
	if m.Stage() == m.L {
		r.add(2*i, m.Steps, m.Deep, r.batch[i])
	}
}

// add records net's outputs on the probe digits as run's point at step,
// with its inner products with the points before.
func (r *Runs) add(run, step int, net *nn.Net, b *nn.Batch) {
	if r.N == r.cap || (r.Last[run] >= 0 && r.At[r.Last[run]] == step) {
		return
	}
	n := r.N
	v := r.vecs[n*r.dim : (n+1)*r.dim]
	net.Apply(v, len(net.Layers), r.Probe, b)
	e := 0.0
	for k, x := range v {
		d := x - r.Probe.X[k]
		e += d * d
	}
	r.Err[n] = e / float64(r.Probe.N)
	for j := 0; j <= n; j++ {
		w := r.vecs[j*r.dim : (j+1)*r.dim]
		s := 0.0
		for k, x := range v {
			s += x * w[k]
		}
		r.gram[n*r.cap+j], r.gram[j*r.cap+n] = s, s
	}
	r.Run[n], r.At[n], r.Last[run] = run, step, n
	r.N++
}

// EmbedIters is enough power iterations for Embed to converge from any
// start.
const EmbedIters = 300

// Embed runs up to iters power iterations towards the 2-D embedding of the
// points recorded so far, and recomputes the separation of the end points.
// The iterations start from the last embedding's directions, so the
// picture does not flip from one frame to the next, and a few a frame
// (a millisecond) follow the new points; once converged for the points
// there are, it does nothing.
func (r *Runs) Embed(iters int) {
	if r.N == r.embedN && r.done {
		return
	}
	r.embedN = r.N
	// the points that fix the axes: those of the fine-tuning phase, where
	// both families have points (all of them before it)
	sub := r.sub[:0]
	for i := 0; i < r.N; i++ {
		if r.At[i] >= r.From {
			sub = append(sub, i)
		}
	}
	if len(sub) < 3 {
		sub = sub[:0]
		for i := 0; i < r.N; i++ {
			sub = append(sub, i)
		}
	}
	r.sub = sub
	n := len(sub)
	// double centring over them: B = −½ J D² J = J G J, J = I − 11ᵀ/n
	colMean, all := r.mean[:n], 0.0
	for a, i := range sub {
		s := 0.0
		for _, j := range sub {
			s += r.gram[i*r.cap+j]
		}
		colMean[a] = s / float64(n)
		all += colMean[a]
	}
	all /= float64(n)
	b := r.b[:n*n]
	for a, i := range sub {
		for c, j := range sub {
			b[a*n+c] = r.gram[i*r.cap+j] - colMean[a] - colMean[c] + all
		}
	}
	w := r.tmp[:n]
	l1, ok1 := topEigen(b, n, r.u[:n], nil, w, iters)
	l2, ok2 := topEigen(b, n, r.v[:n], r.u[:n], w, iters)
	r.done = ok1 && ok2
	// every point on those axes: xᵢ = (1/√λ) Σⱼ uⱼ (Gᵢⱼ − mean of column j)
	// (classical scaling's out-of-sample formula; the points of the
	// subset get √λ uᵢ, their coordinates)
	s1, s2 := 1/math.Sqrt(math.Max(l1, 1e-300)), 1/math.Sqrt(math.Max(l2, 1e-300))
	for i := 0; i < r.N; i++ {
		x, y := 0.0, 0.0
		for c, j := range sub {
			g := r.gram[i*r.cap+j] - colMean[c]
			x += r.u[c] * g
			y += r.v[c] * g
		}
		r.X[i], r.Y[i] = s1*x, s2*y
	}
	r.Separation = r.silhouette(func(i, j int) float64 { return math.Hypot(r.X[i]-r.X[j], r.Y[i]-r.Y[j]) })
	r.SeparationFull = r.silhouette(func(i, j int) float64 {
		return math.Sqrt(math.Max(0, r.gram[i*r.cap+i]+r.gram[j*r.cap+j]-2*r.gram[i*r.cap+j]))
	})
}

// topEigen returns the largest eigenvalue of the symmetric n×n matrix b
// on the complement of the unit vector orth (if not nil) and writes its
// unit eigenvector into u, by power iteration from u as it is (from a
// fixed vector if u is zero), at most iters of them, and reports whether
// they converged; w is scratch of length n. b is positive semi-definite
// here (a centred Gram matrix), so the largest eigenvalue is the one of
// largest modulus.
func topEigen(b []float64, n int, u, orth, w []float64, iters int) (float64, bool) {
	if !(norm(u) > 0) {
		for i := range u {
			u[i] = 1 + 0.01*float64(i%7)
		}
	}
	lambda, converged := 0.0, false
	for it := 0; it < iters && !converged; it++ {
		deflate(u, orth)
		nu := norm(u)
		if !(nu > 0) {
			clear(u)
			return 0, true
		}
		for i := range u {
			u[i] /= nu
		}
		prev := lambda
		lambda = 0
		for i := 0; i < n; i++ {
			s := 0.0
			for j, x := range u {
				s += b[i*n+j] * x
			}
			w[i] = s
			lambda += s * u[i] // the Rayleigh quotient uᵀbu
		}
		copy(u, w)
		converged = it > 0 && math.Abs(lambda-prev) <= 1e-9*math.Abs(lambda)
	}
	deflate(u, orth)
	if nu := norm(u); nu > 0 {
		for i := range u {
			u[i] /= nu
		}
	}
	return lambda, converged
}

// deflate removes u's component along the unit vector orth, if any.
func deflate(u, orth []float64) {
	if orth == nil {
		return
	}
	d := 0.0
	for i, x := range orth {
		d += x * u[i]
	}
	for i, x := range orth {
		u[i] -= d * x
	}
}

func norm(u []float64) float64 {
	s := 0.0
	for _, x := range u {
		s += x * x
	}
	return math.Sqrt(s)
}

// silhouette returns the mean silhouette (Rousseeuw 1987) of the runs' end
// points under the distance d, the pretrained and the random runs as the
// two clusters: for each end point, (b − a)/max(a, b), a its mean distance
// to the other end points of its family, b to those of the other. It is 1
// for families far apart and tight, about 0 for mixed ones, NaN until
// every run has a point.
func (r *Runs) silhouette(d func(i, j int) float64) float64 {
	for _, i := range r.Last {
		if i < 0 {
			return math.NaN()
		}
	}
	total := 0.0
	for run, i := range r.Last {
		var a, b float64
		var na, nb int
		for other, j := range r.Last {
			if other == run {
				continue
			}
			if other%2 == run%2 {
				a, na = a+d(i, j), na+1
			} else {
				b, nb = b+d(i, j), nb+1
			}
		}
		if na == 0 || nb == 0 {
			return math.NaN()
		}
		a, b = a/float64(na), b/float64(nb)
		if m := math.Max(a, b); m > 0 {
			total += (b - a) / m
		}
	}
	return total / float64(len(r.Last))
}
