package nn

import "math"

// Optimizer updates parameters from their gradient, in place.
type Optimizer interface {
	// Step moves params against grads (same length) by one update.
	Step(params, grads []float64)
	// Reset forgets the optimizer's state (velocities, moments), as after
	// new weights or a restore.
	Reset()
	// SetLR sets the learning rate; it applies from the next Step.
	SetLR(lr float64)
}

// SGD is stochastic gradient descent with (heavy-ball) momentum:
// v ← μv − η∇, θ ← θ + v (Polyak 1964; Sutskever et al., ICML 2013, eq. 1).
// Momentum 0 is plain SGD.
type SGD struct {
	LR, Momentum float64
	v            []float64
}

func (o *SGD) SetLR(lr float64) { o.LR = lr }
func (o *SGD) Reset()           { clear(o.v) }

func (o *SGD) Step(params, grads []float64) {
	grads = grads[:len(params)]
	if o.Momentum == 0 {
		for i, g := range grads {
			params[i] -= o.LR * g
		}
		return
	}
	if len(o.v) != len(params) {
		o.v = make([]float64, len(params))
	}
	v := o.v[:len(params)]
	for i, g := range grads {
		v[i] = o.Momentum*v[i] - o.LR*g
		params[i] += v[i]
	}
}

// Adam is Kingma & Ba's adaptive moment estimation (ICLR 2015, Algorithm 1)
// with bias-corrected first and second moments.
type Adam struct {
	LR, Beta1, Beta2, Eps float64
	m, v                  []float64
	t                     int
}

// NewAdam returns Adam with the paper's defaults β₁=0.9, β₂=0.999, ε=1e-8.
func NewAdam(lr float64) *Adam { return &Adam{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8} }

func (o *Adam) SetLR(lr float64) { o.LR = lr }
func (o *Adam) Reset()           { clear(o.m); clear(o.v); o.t = 0 }

// prepare allocates the moments of n parameters.
func (o *Adam) prepare(n int) {
	if len(o.m) != n {
		o.m, o.v, o.t = make([]float64, n), make([]float64, n), 0
	}
}

func (o *Adam) Step(params, grads []float64) {
	o.prepare(len(params))
	o.t++
	b1, b2 := o.Beta1, o.Beta2
	c1 := 1 - math.Pow(b1, float64(o.t))
	c2 := 1 - math.Pow(b2, float64(o.t))
	step := o.LR * math.Sqrt(c2) / c1
	eps := o.Eps * math.Sqrt(c2)
	grads = grads[:len(params)]
	m, v := o.m[:len(params)], o.v[:len(params)]
	for i, g := range grads {
		m[i] = b1*m[i] + (1-b1)*g
		v[i] = b2*v[i] + (1-b2)*g*g
		params[i] -= step * m[i] / (math.Sqrt(v[i]) + eps)
	}
}
