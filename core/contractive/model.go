package contractive

import (
	"fmt"
	"math"

	"aelab/core/data"
	"aelab/core/manifold"
	"aelab/core/nn"
	"aelab/core/rng"
)

// Config is an experiment: the data, the architecture and the optimizer.
// Lambda and LR apply live (SetLambda, SetLR); every other field needs a New
// model.
type Config struct {
	Manifold string        // curve of manifold.Named: "circle", "sine", "spiral", "arcs" (a drawn curve: NewOn)
	Points   int           // training set size
	Jitter   float64       // standard deviation of the training points' Gaussian offset from the curve
	Hidden   int           // H, hidden units
	Act      nn.Activation // nn.Sigmoid or nn.Tanh
	Tied     bool          // decoder V = Wᵀ (the slide's way out of the caveat)
	// RowNorm, when > 0 and the weights are untied, holds each encoder row
	// W_k at norm RowNorm: after every update it is scaled back onto that
	// sphere (a projected gradient step). It is the other way out of the
	// caveat, whose f → εf needs ‖W‖ → 0; see Default for what it does to
	// the contraction.
	RowNorm   float64
	Lambda    float64 // λ, weight of the contractive penalty
	LR        float64 // Adam's step size α
	BatchSize int
}

// Default is the experiment the contractive scene opens with: an untied
// tanh CAE with 32 hidden units whose encoder rows are held at norm
// RowNorm = 6, λ = 0.003, on 500 points within 0.05 of the curve, trained
// by Adam at α = 0.01 (5400 steps are the scene's 180 frames at its 30
// steps a frame).
//
// Why not the slide's tied weights (Tied16, the previous default): with
// r = Wᵀs(Wx + b) one matrix sets both the code's sensitivity and the
// reconstruction's gain, so a unit cannot be sharp (a large ‖W_k‖, active
// only near its line W_k·x + b_k = 0) without multiplying the gain by
// ‖W_k‖²; the units stay broad, many overlap at each point with directions
// spread around the tangent, and S2/S1 settles at ≈ 0.71 on the circle for
// every λ from 0.01 to 0.1, 16 or 64 units, sigmoid or tanh, α up to 0.01
// and 9000 steps (measured, seeds 1–3); the sine's tangent is followed at
// 0.5–0.75 only. Holding each encoder row at a norm a (the "norm
// constraint" that also rules out the caveat's f → εf, which needs ‖W‖ → 0)
// and letting a separate decoder V set the gain makes the units sharp
// ridges: the penalty Σ_k s'(z_k)² a² then leaves active at a point only the
// few units whose line crosses the curve there along its normal, W_k along
// the tangent. Measured after 5400 steps, seeds 1–3 (S2/S1, |cos|): circle
// 0.10–0.15, 0.99; spiral 0.23–0.26, 0.94–0.97; arcs 0.22–0.27, 0.87–0.91;
// sine 0.28–0.29, 0.79–0.85. What limits it: a ridge unit's width is 1/a
// (0.17 here) while the sine's crests turn with a radius of curvature of
// 0.11, so there the active units' directions spread and the top direction
// leaves the tangent; a = 12 with 64 units brings S2/S1 to 0.05–0.13 on
// every curve but the sine still stays at 0.75–0.80 and the spiral's
// reconstruction error grows tenfold.
var Default = Config{
	Manifold: "circle", Points: 500, Jitter: 0.05,
	Hidden: 32, Act: nn.Tanh, Tied: false, RowNorm: 6,
	Lambda: 0.003, LR: 0.01, BatchSize: 32,
}

// Tied16 is the slide's tied CAE, the scene's previous default: 16 tied
// tanh units, λ = 0.01, α = 0.003, no norm constraint.
//
// Why these values (measured, model_test.go):
//   - tanh, not the sigmoid: a unit the penalty switches off has w → 0 and
//     then outputs tanh(b) ≈ 0, so it stays off; a switched-off sigmoid unit
//     still outputs σ(b) ≠ 0, the decoder keeps using it, and after about
//     10⁴ steps such units come back as features outside the circle and the
//     alignment falls from 0.996 to about 0.86 (16 units, λ = 0.03).
//   - λ = 0.01 and α = 0.003: over 16 seeds tangent_alignment is ≥ 0.99
//     from 5000 steps on and stays ≥ 0.997 to 10⁵ steps; with α = 0.01 one
//     seed in 16 drops to a two-unit solution (0.90) after 3·10⁴ steps.
//     λ ≥ 0.03 moves towards that coarser solution; λ ≈ 1 collapses the
//     code (everything is contracted, mse ≈ 0.5).
var Tied16 = Config{
	Manifold: "circle", Points: 500, Jitter: 0.05,
	Hidden: 16, Act: nn.Tanh, Tied: true,
	Lambda: 0.01, LR: 0.003, BatchSize: 32,
}

// Caveat is the experiment of the slide "Caveat": Tied16 with untied
// weights and λ = 0.1, and no norm constraint. The penalty shrinks the
// encoder while the decoder grows to make up for it, f → εf, g → g/ε,
// steadily and without end: measured with seed 1, ‖W‖_F goes 1.85 → 0.22
// and ‖V‖_F 1.73 → 9.0 in 3000 steps, 0.10 and 19 after 10⁴, and
// tangent_alignment falls to chance (0.64) as the code becomes a linear map
// of x. With Tied set, the same run settles at ‖W‖_F ≈ 1.56 within 3000
// steps and stays there.
var Caveat = func() Config {
	c := Tied16
	c.Tied = false
	c.Lambda = 0.1
	return c
}()

// AlignmentPoints is the number of points along the curve, evenly spaced
// by arc length, over which tangent_alignment is averaged.
const AlignmentPoints = 256

// normTracePoints is the resolution of the weight-norm trace.
const normTracePoints = 400

// Model is a CAE being trained on points near a curve.
type Model struct {
	Cfg     Config
	Curve   *manifold.Curve
	Data    *data.Set
	CAE     *CAE
	Trainer *nn.Trainer
	// Norms is ‖W‖_F and ‖V‖_F over training since New, recorded by Train.
	Norms *NormTrace

	rec [2]float64
}

// New builds the training points on the curve cfg.Manifold names and the
// initial weights from seed. It returns an error only for a name that
// manifold.Named does not know; other fields out of range are programmer
// errors and panic.
func New(cfg Config, seed uint64) (*Model, error) {
	curve, err := manifold.Named(cfg.Manifold)
	if err != nil {
		return nil, err
	}
	return NewOn(cfg, curve, seed), nil
}

// NewOn is New on a given curve (a drawn one, say); cfg.Manifold is only
// a label then.
func NewOn(cfg Config, curve *manifold.Curve, seed uint64) *Model {
	if cfg.Points < 1 || cfg.BatchSize < 1 || cfg.Hidden < 1 {
		panic(fmt.Sprintf("contractive: Points %d, BatchSize %d, Hidden %d: each must be ≥ 1", cfg.Points, cfg.BatchSize, cfg.Hidden))
	}
	m := &Model{Cfg: cfg, Curve: curve, Data: data.NewSet(cfg.Points, 2), Norms: NewNormTrace(normTracePoints)}
	curve.Sample(m.Data, rng.New(seed, rng.StreamData), cfg.Jitter)
	m.CAE = NewCAE(2, cfg.Hidden, cfg.Act, cfg.Tied)
	m.CAE.Lambda = cfg.Lambda
	m.CAE.Init(rng.New(seed, rng.StreamWeights))
	var opt nn.Optimizer = nn.NewAdam(cfg.LR)
	if cfg.RowNorm > 0 && !cfg.Tied {
		rn := &rowNorm{Optimizer: opt, c: m.CAE, a: cfg.RowNorm}
		rn.project()
		// Init's zero biases put every unit's line W_k·x + b_k = 0 through
		// the origin: on the circle these are radial lines, each normal to
		// the curve where it crosses it, and sharp units at norm a make the
		// untrained code follow the circle's tangent already (|cos| 0.99 at
		// step 0; S2/S1 is what training brings down there). Random offsets
		// of the lines were tried and contract less: |b_k|/a ≤ 0.3 gives
		// spiral S2/S1 0.26–0.31, ≤ 1.5 gives 0.37–0.48 and |cos| 0.84.
		opt = rn
	}
	m.Trainer = nn.NewTrainer(m.CAE, opt, m.Data, cfg.BatchSize, rng.New(seed, rng.StreamBatches))
	// the minibatch workspace now, so that no call of Train allocates (a
	// Sweep's models first train many frames after they are made)
	m.CAE.workspace(m.Trainer.Minibatch().Cap)
	m.record()
	return m
}

// SetLambda sets λ from the next step on.
func (m *Model) SetLambda(lambda float64) {
	m.Cfg.Lambda = lambda
	m.CAE.Lambda = lambda
}

// SetLR sets the learning rate from the next step on.
func (m *Model) SetLR(lr float64) {
	m.Cfg.LR = lr
	m.Trainer.Opt.SetLR(lr)
}

// Steps returns the training steps since New.
func (m *Model) Steps() int { return m.Trainer.Steps }

// Train runs n minibatch updates (see nn.Trainer.Step) and records the
// weight norms into Norms at the steps it asks for.
func (m *Model) Train(n int) (done int, diverged bool) {
	for done < n {
		chunk := min(n-done, max(1, m.Norms.Next()-m.Trainer.Steps))
		d, div := m.Trainer.Step(chunk)
		done += d
		m.record()
		if div {
			return done, true
		}
	}
	return done, false
}

func (m *Model) record() {
	if m.Trainer.Steps >= m.Norms.Next() {
		m.Norms.Add(m.Trainer.Steps, m.CAE.EncNorm(), m.CAE.DecNorm())
	}
}

// EncNorm is the metric enc_norm, ‖W‖_F.
func (m *Model) EncNorm() float64 { return m.CAE.EncNorm() }

// DecNorm is the metric dec_norm, ‖V‖_F (= enc_norm when tied).
func (m *Model) DecNorm() float64 { return m.CAE.DecNorm() }

// MSE is the metric mse: (1/N) Σₙ ‖r(xₙ) − xₙ‖² over the training set.
func (m *Model) MSE() float64 {
	total := 0.0
	for n := 0; n < m.Data.N; n++ {
		x := m.Data.At(n)
		m.CAE.Reconstruct(m.rec[:], x)
		dx, dy := m.rec[0]-x[0], m.rec[1]-x[1]
		total += dx*dx + dy*dy
	}
	return total / float64(m.Data.N)
}

// JacobianFro is the metric jacobian_fro: the mean of ‖J_f(xₙ)‖_F over
// the training set (the norm, not its square: the penalty is λ times the
// mean square, Penalty).
func (m *Model) JacobianFro() float64 {
	total := 0.0
	for n := 0; n < m.Data.N; n++ {
		total += math.Sqrt(m.CAE.JacobianFro2(m.Data.At(n)))
	}
	return total / float64(m.Data.N)
}

// Penalty returns (1/N) Σₙ ‖J_f(xₙ)‖²_F over the training set, the
// objective's second term before the factor λ.
func (m *Model) Penalty() float64 {
	total := 0.0
	for n := 0; n < m.Data.N; n++ {
		total += m.CAE.JacobianFro2(m.Data.At(n))
	}
	return total / float64(m.Data.N)
}

// Loss returns the training objective over the whole training set,
// MSE + λ·Penalty.
func (m *Model) Loss() float64 { return m.MSE() + m.CAE.Lambda*m.Penalty() }

// TangentAlignment is the metric tangent_alignment (DESIGN.md): the mean
// over AlignmentPoints points of the curve, evenly spaced by arc length, of
// |cos| of the angle between the top right-singular vector of J_f there and
// the curve's unit tangent. 1 when the direction the code is most sensitive
// to is the tangent everywhere; 2/π ≈ 0.64 on average for directions
// unrelated to the curve.
func (m *Model) TangentAlignment() float64 {
	return TangentAlignment(m.CAE, m.Curve, AlignmentPoints)
}

// ContractionRatio is the mean over the same points of S2/S1, the ratio of
// J_f's smallest to largest singular value: 1 when the code is as sensitive
// across the curve as along it, smaller the more the CAE contracts the
// direction off the manifold. It is not one of DESIGN.md's metrics; it
// shows what the penalty adds on the circle, where a plain tied
// autoencoder (λ = 0) already has tangent_alignment ≈ 1 but a ratio ≈ 0.93
// against ≈ 0.71 with Default's λ.
func (m *Model) ContractionRatio() float64 {
	total := 0.0
	for i := 0; i < AlignmentPoints; i++ {
		x, y, _, _ := m.Curve.At(m.Curve.Length * (float64(i) + 0.5) / AlignmentPoints)
		p := [2]float64{x, y}
		s := m.CAE.JacobianSVD(p[:])
		if s.S1 > 0 {
			total += s.S2 / s.S1
		} else {
			total++ // J = 0: no direction is preferred
		}
	}
	return total / AlignmentPoints
}

// TangentAlignment returns the mean |cos| between the top right-singular
// vector of c's J_f and the unit tangent of curve at n points evenly spaced
// by arc length (the midpoints of n equal pieces, so a closed curve's start
// is not counted twice).
func TangentAlignment(c *CAE, curve *manifold.Curve, n int) float64 {
	total := 0.0
	for i := 0; i < n; i++ {
		x, y, tx, ty := curve.At(curve.Length * (float64(i) + 0.5) / float64(n))
		p := [2]float64{x, y}
		v := c.JacobianSVD(p[:]).V1
		total += math.Abs(v[0]*tx + v[1]*ty)
	}
	return total / float64(n)
}

// Measures are the metrics of the contractive scene, all at once.
type Measures struct {
	TangentAlignment, Contraction float64 // along the curve
	MSE, JacobianFro, Penalty     float64 // over the training set
	EncNorm, DecNorm              float64
}

// Measure computes every metric with one pass over the training set and
// one along the curve (the separate methods each make their own pass).
func (m *Model) Measure() Measures {
	var r Measures
	for n := 0; n < m.Data.N; n++ {
		x := m.Data.At(n)
		m.CAE.Reconstruct(m.rec[:], x)
		dx, dy := m.rec[0]-x[0], m.rec[1]-x[1]
		r.MSE += dx*dx + dy*dy
		j2 := m.CAE.JacobianFro2(x)
		r.Penalty += j2
		r.JacobianFro += math.Sqrt(j2)
	}
	inv := 1 / float64(m.Data.N)
	r.MSE, r.Penalty, r.JacobianFro = r.MSE*inv, r.Penalty*inv, r.JacobianFro*inv
	for i := 0; i < AlignmentPoints; i++ {
		x, y, tx, ty := m.Curve.At(m.Curve.Length * (float64(i) + 0.5) / AlignmentPoints)
		p := [2]float64{x, y}
		s := m.CAE.JacobianSVD(p[:])
		r.TangentAlignment += math.Abs(s.V1[0]*tx + s.V1[1]*ty)
		if s.S1 > 0 {
			r.Contraction += s.S2 / s.S1
		} else {
			r.Contraction++
		}
	}
	r.TangentAlignment /= AlignmentPoints
	r.Contraction /= AlignmentPoints
	r.EncNorm, r.DecNorm = m.EncNorm(), m.DecNorm()
	return r
}

// rowNorm is an optimizer followed by the projection of each encoder row
// onto the sphere ‖W_k‖ = a (Config.RowNorm): projected gradient descent.
// The projection runs inside Step, before the Trainer evaluates the next
// minibatch, so every loss it judges is at constrained weights.
type rowNorm struct {
	nn.Optimizer
	c *CAE
	a float64
}

func (r *rowNorm) Step(params, grads []float64) {
	r.Optimizer.Step(params, grads)
	r.project()
}

func (r *rowNorm) project() {
	c := r.c
	for k := 0; k < c.H; k++ {
		w := c.W[k*c.D : (k+1)*c.D]
		if n := norm(w); n > 0 {
			f := r.a / n
			for j := range w {
				w[j] *= f
			}
		}
	}
}
