package contractive

import "aelab/core/manifold"

// SweepLambdas are the λ values of a Sweep: from a penalty too weak to
// matter to one that collapses the code, three to a decade.
var SweepLambdas = []float64{1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3}

// SweepSteps is how long each model of a Sweep trains: long enough that
// its point in the (‖J_f‖_F, MSE) plane has settled (Default's measures
// change by a few per cent after it, model_test.go).
const SweepSteps = 3000

// Sweep is the slide's "λ controls tradeoff between reconstruction error
// and robustness" computed rather than asserted: one model for each λ of
// SweepLambdas, on the same data and from the same initial weights as the
// model shown, trained SweepSteps steps, and where each has got to in mean
// ‖J_f‖_F (robustness) and MSE (reconstruction). Train spreads the work
// over calls so that a frame spends on the sweep no more steps than on the
// model shown; every model is measured as it goes.
type Sweep struct {
	Lambdas []float64
	Models  []*Model
	// JacobianFro and MSE of each model, as last measured (Measure).
	JacobianFro, MSE []float64
	next             int // the model the next steps go to (round robin)
}

// NewSweep returns the sweep for cfg (its Lambda ignored) on curve from
// seed: the models New would make for each λ of SweepLambdas, measured at
// step 0.
func NewSweep(cfg Config, curve *manifold.Curve, seed uint64) *Sweep {
	n := len(SweepLambdas)
	s := &Sweep{Lambdas: SweepLambdas, Models: make([]*Model, n), JacobianFro: make([]float64, n), MSE: make([]float64, n)}
	for i, lam := range SweepLambdas {
		c := cfg
		c.Lambda = lam
		s.Models[i] = NewOn(c, curve, seed)
	}
	for i := range s.Models {
		s.measure(i)
	}
	return s
}

// Done reports whether every model has trained SweepSteps steps.
func (s *Sweep) Done() bool {
	for _, m := range s.Models {
		if m.Steps() < SweepSteps {
			return false
		}
	}
	return true
}

// Steps returns the fewest steps any model of the sweep has trained.
func (s *Sweep) Steps() int {
	least := SweepSteps
	for _, m := range s.Models {
		least = min(least, m.Steps())
	}
	return least
}

// sweepMeasureEvery is how often a model of the sweep is measured, in its
// steps: a measure costs about as much as 20 steps, so this keeps it under
// a tenth of the sweep's work.
const sweepMeasureEvery = 250

// Train runs n steps in all, in turns of up to turn steps per model, each
// model up to SweepSteps, and measures each model every sweepMeasureEvery
// of its steps and when it is done. A model that
// diverges keeps its restored weights and is measured there.
func (s *Sweep) Train(n, turn int) {
	turn = max(turn, 1)
	for n > 0 && !s.Done() {
		m := s.Models[s.next]
		if k := min(n, turn, SweepSteps-m.Steps()); k > 0 {
			before := m.Steps()
			m.Train(k)
			if m.Steps()/sweepMeasureEvery != before/sweepMeasureEvery || m.Steps() >= SweepSteps {
				s.measure(s.next)
			}
			n -= k
		}
		s.next = (s.next + 1) % len(s.Models)
	}
}

func (s *Sweep) measure(i int) {
	m := s.Models[i]
	s.JacobianFro[i], s.MSE[i] = m.JacobianFro(), m.MSE()
}
