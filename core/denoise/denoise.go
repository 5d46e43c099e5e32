package denoise

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	"aelab/core/data"
	"aelab/core/manifold"
	"aelab/core/nn"
	"aelab/core/rng"
)

// Config is an experiment: the manifold and its samples, the corruption,
// the architecture and the optimizer.
type Config struct {
	Manifold   string  // a name of manifold.Names
	Points     int     // training set size
	Jitter     float64 // off-manifold Gaussian jitter of the training points
	Corruption Kind
	Noise      float64 // σ of the Gaussian corruption
	MaskP      float64 // p of the mask corruption
	Plain      bool    // no corruption: a plain autoencoder of the same size
	Hidden     int     // tanh units per hidden layer (overcomplete: > 2)
	Depth      int     // hidden layers
	LR         float64 // Adam's step size
	Decay      float64 // weight decay λ
	BatchSize  int
	// Sharpness, when above 1, draws the first layer so that every tanh
	// unit's edge crosses the data, as sharp as up to Sharpness per data
	// unit (see sharpInit); 0 leaves Xavier's initialisation.
	Sharpness float64
	// Average, when above 0, is the time constant in steps of the running
	// average of the weights that the field is drawn and measured with
	// (Polyak averaging; see Model.Train); 0 uses the weights as they are.
	Average int
}

// Default is the plain experiment: Xavier's initialisation, the weights as
// they are (the contractive scene's denoiser beside its CAE). The denoise
// scene opens with For(manifold).
var Default = Config{
	Manifold: "circle", Points: 400, Jitter: 0.02,
	Corruption: Gaussian, Noise: 0.2, MaskP: 0.3,
	Hidden: 64, Depth: 1, LR: 0.005, Decay: 0, BatchSize: 64,
}

// For returns the experiment the denoise scene opens with on the named
// manifold: one whose field vanishes on the curve, ‖g(f(x)) − x‖ there at
// most 0.3 of its size at distance σ, and points at the curve (alignment
// ≥ 0.9) within 3600 steps (180 frames at the scene's 20 steps a frame) on
// seeds 1–3. σ is as large as each curve allows: the best denoiser
// E[x | x̃] itself moves points on a curve by about σ²κ/2 towards its centre
// of curvature κ, and by about 0.8σ along it at an end (Alain & Bengio,
// JMLR 2014); the sine's bends (radius 0.11) and the spiral's arms (0.75
// apart) need σ = 0.1, and the spiral and a drawn curve 128 units.
func For(name string) Config {
	c := Default
	c.LR, c.Sharpness, c.Average = 0.01, 8, 100
	switch name {
	case "sine", "arcs":
		c.Noise = 0.1
	case "spiral", "drawn":
		c.Noise, c.Hidden = 0.1, 128
	}
	c.Manifold = name
	return c
}

// Model is a denoising autoencoder 2-H-…-H-2 (tanh hidden layers, linear
// output) being trained on points near a curve.
type Model struct {
	Cfg     Config
	Curve   *manifold.Curve
	Data    *data.Set
	Net     *nn.Net
	AE      *nn.Autoencoder
	Trainer *nn.Trainer
	Corrupt Corruption

	// the random draws the training set is made of, kept so that the jitter
	// can change live: arc-length fractions and jitter directions
	at, eps []float64
	eval    *nn.Batch
	out     []float64
	// avg is the net the field is evaluated with: Net itself, or the
	// running average of its weights (Cfg.Average) of weight avgW
	avg  *nn.Net
	avgW float64
}

// New builds the data from seed on the named curve, or on curve when it is
// not nil (a drawn one), and draws initial weights from the seed.
func New(cfg Config, curve *manifold.Curve, seed uint64) (*Model, error) {
	if curve == nil {
		var err error
		if curve, err = manifold.Named(cfg.Manifold); err != nil {
			return nil, err
		}
	}
	m := &Model{Cfg: cfg, Curve: curve}
	r := rng.New(seed, rng.StreamData)
	m.at = make([]float64, cfg.Points)
	m.eps = make([]float64, 2*cfg.Points)
	// one point in each of Points equal stretches of the curve, at a
	// random place in it: uniform in arc length like independent draws,
	// without their gaps and clumps, which the best denoiser of so few
	// points would follow (its field on the curve points into each gap)
	for i := range m.at {
		m.at[i] = (float64(i) + r.Float64()) / float64(len(m.at))
	}
	for i := range m.eps {
		m.eps[i] = r.NormFloat64()
	}
	m.Data = data.NewSet(cfg.Points, 2)
	m.SetJitter(cfg.Jitter)

	sizes := []int{2}
	var acts []nn.Activation
	for range max(cfg.Depth, 1) {
		sizes = append(sizes, cfg.Hidden)
		acts = append(acts, nn.Tanh)
	}
	sizes = append(sizes, 2)
	acts = append(acts, nn.Linear)
	m.Net = nn.New(sizes, acts)
	wr := rng.New(seed, rng.StreamWeights)
	m.Net.Init(wr)
	if cfg.Sharpness > 1 {
		sharpInit(&m.Net.Layers[0], m.Data, cfg.Sharpness, wr)
	}
	m.avg = m.Net
	if cfg.Average > 0 {
		m.avg = nn.New(sizes, acts)
		copy(m.avg.Params, m.Net.Params)
	}
	m.AE = nn.NewAutoencoder(m.Net)
	m.AE.WeightDecay = cfg.Decay
	m.Corrupt = Corruption{Kind: cfg.Corruption, Sigma: cfg.Noise, P: cfg.MaskP, Off: cfg.Plain}
	m.Trainer = nn.NewTrainer(m.AE, nn.NewAdam(cfg.LR), m.Data, cfg.BatchSize, rng.New(seed, rng.StreamBatches))
	m.Trainer.Corrupt = m.Corrupt.Apply
	m.eval = m.Net.NewBatch(256)
	return m, nil
}

// SetJitter moves the training points off the curve by jitter times their
// fixed random directions (live: same points, new spread).
func (m *Model) SetJitter(jitter float64) {
	m.Cfg.Jitter = jitter
	for n := range m.at {
		x, y, _, _ := m.Curve.At(m.at[n] * m.Curve.Length)
		m.Data.X[2*n] = x + jitter*m.eps[2*n]
		m.Data.X[2*n+1] = y + jitter*m.eps[2*n+1]
	}
}

// SetNoise, SetMask, SetPlain, SetLR and SetDecay change the training live.
func (m *Model) SetNoise(sigma float64) { m.Cfg.Noise, m.Corrupt.Sigma = sigma, sigma }
func (m *Model) SetMask(p float64)      { m.Cfg.MaskP, m.Corrupt.P = p, p }
func (m *Model) SetKind(k Kind)         { m.Cfg.Corruption, m.Corrupt.Kind = k, k }
func (m *Model) SetPlain(plain bool)    { m.Cfg.Plain, m.Corrupt.Off = plain, plain }
func (m *Model) SetLR(lr float64)       { m.Cfg.LR = lr; m.Trainer.Opt.SetLR(lr) }
func (m *Model) SetDecay(lambda float64) {
	m.Cfg.Decay, m.AE.WeightDecay = lambda, lambda
}

// Nothing reports whether the corruption leaves every input as it is
// (σ = 0, p = 0 or the plain autoencoder): then there is nothing to undo,
// and the field has no direction it should point in.
func (m *Model) Nothing() bool {
	c := &m.Corrupt
	return c.Off || c.Kind == Gaussian && c.Sigma == 0 || c.Kind == Mask && c.P == 0
}

// Train runs n minibatch updates (see nn.Trainer.Step) and, with
// Cfg.Average, keeps the running average of the weights after each:
// θ̄ₜ = θ̄ₜ₋₁ + (α/wₜ)(θₜ − θ̄ₜ₋₁), α = 1/Average, wₜ = 1 − (1 − α)ᵗ, the
// bias-corrected exponential average (Kingma & Ba, ICLR 2015, section 3),
// so that the first step's average is its weights. Minibatch noise keeps
// SGD's weights jittering about the optimum, and the jitter shows in the
// field as a wobble as large as the field itself on the curve; their
// average sits at the optimum (Polyak & Juditsky, SIAM J. Control Optim.
// 1992). A divergence, which puts the checkpoint back, restarts it.
func (m *Model) Train(n int) (done int, diverged bool) {
	if m.avg == m.Net {
		return m.Trainer.Step(n)
	}
	alpha := 1 / float64(m.Cfg.Average)
	for done < n {
		d, div := m.Trainer.Step(1)
		done += d
		if div {
			copy(m.avg.Params, m.Net.Params)
			m.avgW = 0
			return done, true
		}
		m.avgW = (1-alpha)*m.avgW + alpha
		f := alpha / m.avgW
		for i, v := range m.Net.Params {
			m.avg.Params[i] += f * (v - m.avg.Params[i])
		}
	}
	return done, false
}

// Eval returns the net the field is measured and drawn with: the running
// average of the weights with Cfg.Average, else the net being trained.
func (m *Model) Eval() *nn.Net { return m.avg }

// Reconstruct writes g(f(x)) for every point of pts into dst (N×2). It
// allocates nothing.
func (m *Model) Reconstruct(dst []float64, pts *data.Set) {
	m.avg.Apply(dst, len(m.avg.Sizes)-1, pts, m.eval)
}

// Field writes the reconstruction field g(f(x)) − x at every point of pts
// into dst (N×2), the green arrows of the lecture's slide.
func (m *Model) Field(dst []float64, pts *data.Set) {
	m.Reconstruct(dst, pts)
	for i, v := range pts.X {
		dst[i] -= v
	}
}

// MSE is the metric mse: (1/N) Σₙ ‖g(f(xₙ)) − xₙ‖² on the clean training
// points.
func (m *Model) MSE() float64 { return m.avg.ReconstructionError(m.Data, m.eval) }

// Probe is where the field is measured: a grid over the plot and, for each
// grid point, the nearest point of the curve; and points along the curve with
// their normals. Building one costs a nearest-point search per grid point, so
// a scene keeps it until the curve or the grid changes.
type Probe struct {
	Grid   *data.Set // n×n points over [−Half, Half]²
	Near   []float64 // nearest curve point of each grid point (N×2)
	Dist   []float64 // its distance
	On     *data.Set // points evenly spaced by arc length along the curve
	Normal []float64 // unit normal at each of them (N×2)
	Off    *data.Set // On moved by ±Offset along the normal, alternately
	Offset float64
	Half   float64
	n      int
	field  []float64 // the field on the grid, as last computed
	// near lists the grid points by distance to the curve, nearest first;
	// band and bi hold those the last Alignment averaged over
	near []int
	band *data.Set
	bi   []int
}

// probeOnCurve is how many points along the curve the metrics average over.
const probeOnCurve = 128

// NewProbe measures curve on an n×n grid over [−half, half]².
func NewProbe(curve *manifold.Curve, half float64, n int) *Probe {
	p := &Probe{Grid: data.NewSet(n*n, 2), Near: make([]float64, 2*n*n), Dist: make([]float64, n*n),
		On: data.NewSet(probeOnCurve, 2), Normal: make([]float64, 2*probeOnCurve), Off: data.NewSet(probeOnCurve, 2),
		Half: half, n: n, field: make([]float64, 2*n*n)}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			k := i*n + j
			x := -half + (float64(j)+0.5)*2*half/float64(n)
			y := -half + (float64(i)+0.5)*2*half/float64(n)
			p.Grid.X[2*k], p.Grid.X[2*k+1] = x, y
			px, py, _, _, d := curve.Nearest(x, y)
			p.Near[2*k], p.Near[2*k+1], p.Dist[k] = px, py, d
		}
	}
	p.near = make([]int, n*n)
	for k := range p.near {
		p.near[k] = k
	}
	slices.SortFunc(p.near, func(a, b int) int { return cmp.Compare(p.Dist[a], p.Dist[b]) })
	p.band = data.NewSet(n*n, 2)
	p.bi = make([]int, 0, n*n)
	for i := 0; i < probeOnCurve; i++ {
		x, y, tx, ty := curve.At((float64(i) + 0.5) / probeOnCurve * curve.Length)
		p.On.X[2*i], p.On.X[2*i+1] = x, y
		p.Normal[2*i], p.Normal[2*i+1] = -ty, tx
	}
	return p
}

// N returns the grid's side.
func (p *Probe) N() int { return p.n }

// minBand is the smallest band around the curve the alignment averages over
// (half of it, in σ units, is the band for σ below it): with σ = 0 the
// plain autoencoder still gets a measure.
const minBand = 0.2

// Alignment is the metric alignment of DESIGN.md: the mean cosine between
// the field g(f(x)) − x and the direction from x to its nearest curve point,
// over the grid points within 2σ of the curve (σ at least minBand/2); 1
// means every arrow points straight at the manifold. Points within a tenth
// of the band are left out: there the best denoiser, E[x | x̃], is pulled
// towards the curve's centre of curvature by about σ²κ/2 (Alain & Bengio,
// JMLR 2014), so its arrows need not point at the nearest curve point.
func (m *Model) Alignment(p *Probe) float64 {
	// the field is needed only within the band: gather those grid points
	p.bi = p.gatherBand(p.band.X, p.bi, m.band())
	n := len(p.bi)
	if n == 0 {
		return 0
	}
	pts := data.Set{N: n, D: 2, X: p.band.X[:2*n]}
	m.Field(p.field[:2*n], &pts)
	return p.alignment(p.bi, p.field[:2*n])
}

// band is the distance from the curve within which Alignment averages.
func (m *Model) band() float64 { return math.Max(2*m.Cfg.Noise, minBand) }

// gatherBand returns in bi (reused) the grid points Alignment averages
// over for a band of the given width, and writes their coordinates into
// dst, two a point.
func (p *Probe) gatherBand(dst []float64, bi []int, band float64) []int {
	bi = bi[:0]
	for _, k := range p.near {
		d := p.Dist[k]
		if d > band {
			break
		}
		if d >= band/10 {
			i := len(bi)
			dst[2*i], dst[2*i+1] = p.Grid.X[2*k], p.Grid.X[2*k+1]
			bi = append(bi, k)
		}
	}
	return bi
}

// alignment is the mean cosine of Alignment given the field at the grid
// points bi that gatherBand listed.
func (p *Probe) alignment(bi []int, field []float64) float64 {
	if len(bi) == 0 {
		return 0
	}
	sum := 0.0
	for i, k := range bi {
		d := p.Dist[k]
		fx, fy := field[2*i], field[2*i+1]
		nx, ny := p.Near[2*k]-p.Grid.X[2*k], p.Near[2*k+1]-p.Grid.X[2*k+1]
		if f := math.Hypot(fx, fy); f > 0 { // a zero arrow points nowhere: cosine 0
			sum += (fx*nx + fy*ny) / (f * d)
		}
	}
	return sum / float64(len(bi))
}

// FieldNormOnManifold is the metric field_norm_on_manifold: the mean
// ‖g(f(x)) − x‖ at points along the curve, where a good denoiser has
// g(f(x)) = x (the slide's "manifold points satisfy g(f(x)) = x").
func (m *Model) FieldNormOnManifold(p *Probe) float64 {
	return m.meanNorm(p.On)
}

// FieldNormAt is the mean ‖g(f(x)) − x‖ at distance d from the curve, along
// its normals on both sides alternately: the yardstick for
// FieldNormOnManifold (d = σ, where the corruption puts inputs).
func (m *Model) FieldNormAt(p *Probe, d float64) float64 {
	p.offCurve(p.Off.X, d)
	return m.meanNorm(p.Off)
}

// offCurve writes into dst the points along the curve moved by d along
// their normals, on both sides alternately.
func (p *Probe) offCurve(dst []float64, d float64) {
	for i := 0; i < probeOnCurve; i++ {
		s := d
		if i%2 == 1 {
			s = -d
		}
		dst[2*i] = p.On.X[2*i] + s*p.Normal[2*i]
		dst[2*i+1] = p.On.X[2*i+1] + s*p.Normal[2*i+1]
	}
}

func (m *Model) meanNorm(pts *data.Set) float64 {
	f := m.onFieldFor(pts)
	m.Field(f, pts)
	return meanNorm(f)
}

// meanNorm is the mean Euclidean norm of the 2-D vectors in f.
func meanNorm(f []float64) float64 {
	s := 0.0
	for i := 0; i+1 < len(f); i += 2 {
		s += math.Hypot(f[i], f[i+1])
	}
	return s / float64(len(f)/2)
}

// meanSquare is the mean squared Euclidean norm of the 2-D vectors in f.
func meanSquare(f []float64) float64 {
	s := 0.0
	for i := 0; i+1 < len(f); i += 2 {
		s += f[i]*f[i] + f[i+1]*f[i+1]
	}
	return s / float64(len(f)/2)
}

func (m *Model) onFieldFor(pts *data.Set) []float64 {
	if cap(m.out) < 2*pts.N {
		m.out = make([]float64, 2*pts.N)
	}
	return m.out[:2*pts.N]
}

// GridField computes the field on the probe's grid and returns it (N×2,
// reused by the next call).
func (m *Model) GridField(p *Probe) []float64 {
	m.Field(p.field, p.Grid)
	return p.field
}

// bandPoints returns the grid points the last Alignment averaged over.
func (p *Probe) bandPoints() int { return len(p.bi) }

// SmoothedScore writes σ²∇log p̂_σ(x) at every point of pts into dst (N×2),
// where p̂_σ is the training data smoothed by a Gaussian of width σ (a kernel
// density estimate): Σᵢ wᵢ(xᵢ − x) / Σᵢ wᵢ with wᵢ = exp(−‖x − xᵢ‖²/2σ²).
// Alain & Bengio (JMLR 2014, Theorem 1) show that a denoising autoencoder
// trained with small Gaussian noise learns r(x) − x ≈ σ² ∂log p(x)/∂x: this
// is the field it should approach, computed from the data alone.
func SmoothedScore(dst []float64, pts, train *data.Set, sigma float64) {
	inv := 1 / (2 * sigma * sigma)
	for k := 0; k < pts.N; k++ {
		x, y := pts.X[2*k], pts.X[2*k+1]
		var sw, sx, sy float64
		for i := 0; i < train.N; i++ {
			dx, dy := train.X[2*i]-x, train.X[2*i+1]-y
			w := math.Exp(-(dx*dx + dy*dy) * inv)
			sw += w
			sx += w * dx
			sy += w * dy
		}
		if sw > 1e-300 {
			dst[2*k], dst[2*k+1] = sx/sw, sy/sw
		} else {
			dst[2*k], dst[2*k+1] = 0, 0 // far from every point: no estimate
		}
	}
}

// sharpInit draws a tanh layer on 2-D inputs afresh so that its units'
// edges cross the data at many scales: unit k gets a random direction with
// norm ‖wₖ‖ log-uniform in [1, sharpness] and the bias that puts its edge
// wₖ·x + bₖ = 0 through a random training point. Xavier's initialisation
// gives the 2-64-2 net weights of about 0.2 and zero biases, edges about
// 5 data units wide through the origin: a nearly linear map that needs
// thousands of steps to grow the detail a sine's bends or a spiral's arms
// ask for (the spectral bias of Rahaman et al., "On the spectral bias of
// neural networks", ICML 2019).
func sharpInit(ly *nn.Layer, d *data.Set, sharpness float64, r *rand.Rand) {
	for k := 0; k < ly.Out; k++ {
		g := math.Exp(r.Float64() * math.Log(sharpness))
		wy, wx := math.Sincos(2 * math.Pi * r.Float64())
		wx, wy = g*wx, g*wy
		p := d.At(r.IntN(d.N))
		ly.W[2*k], ly.W[2*k+1] = wx, wy
		ly.B[k] = -(wx*p[0] + wy*p[1])
	}
}
