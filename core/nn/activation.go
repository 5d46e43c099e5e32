package nn

import "fmt"

// Activation is the elementwise non-linearity of a layer.
type Activation uint8

const (
	Linear  Activation = iota // a(z) = z
	Tanh                      // a(z) = tanh z
	Sigmoid                   // a(z) = 1 / (1 + e^(−z))
	ReLU                      // a(z) = max(0, z)
)

var activationNames = [...]string{"linear", "tanh", "sigmoid", "relu"}

func (a Activation) String() string {
	if int(a) < len(activationNames) {
		return activationNames[a]
	}
	return fmt.Sprintf("Activation(%d)", a)
}

// Apply replaces each z in v by a(z).
func (a Activation) Apply(v []float64) {
	switch a {
	case Linear:
	case Tanh:
		tanhSlice(v)
	case Sigmoid:
		for i, z := range v {
			v[i] = Sigmoid01(z)
		}
	case ReLU:
		for i, z := range v {
			if z < 0 {
				v[i] = 0
			}
		}
	default:
		panic("nn: unknown activation")
	}
}

// MulDeriv multiplies each g[i] by a'(z) at the point where a(z) = y[i]. All
// four activations have derivatives that are functions of their output,
// so the backward pass needs no pre-activations.
func (a Activation) MulDeriv(g, y []float64) {
	y = y[:len(g)]
	switch a {
	case Linear:
	case Tanh:
		for i, v := range y {
			g[i] *= 1 - v*v
		}
	case Sigmoid:
		for i, v := range y {
			g[i] *= v * (1 - v)
		}
	case ReLU:
		for i, v := range y {
			if v <= 0 {
				g[i] = 0
			}
		}
	default:
		panic("nn: unknown activation")
	}
}

// Deriv returns a'(z) at the point where a(z) = y.
func (a Activation) Deriv(y float64) float64 {
	switch a {
	case Tanh:
		return 1 - y*y
	case Sigmoid:
		return y * (1 - y)
	case ReLU:
		if y <= 0 {
			return 0
		}
	}
	return 1
}

// Eval returns a(z) for one value.
func (a Activation) Eval(z float64) float64 {
	switch a {
	case Tanh:
		return Tanh64(z)
	case Sigmoid:
		return Sigmoid01(z)
	case ReLU:
		return max(z, 0)
	}
	return z
}

// tanhClamp is where the rational approximation of tanh is cut off: beyond
// it tanh differs from ±1 by less than 3e-8, the approximation's own error.
const tanhClamp = 9

// Coefficients of the odd [13/6] minimax rational approximation of tanh used
// by Eigen (generic_fast_tanh_float, Eigen/src/Core/MathFunctionsImpl.h):
// tanh x ≈ x·P(x²)/Q(x²) on [−9, 9].
const (
	tp0 = 4.89352455891786e-03
	tp1 = 6.37261928875436e-04
	tp2 = 1.48572235717979e-05
	tp3 = 5.12229709037114e-08
	tp4 = -8.60467152213735e-11
	tp5 = 2.00018790482477e-13
	tp6 = -2.76076847742355e-16
	tq0 = 4.89352518554385e-03
	tq1 = 2.26843463243900e-03
	tq2 = 1.18534705686654e-04
	tq3 = 1.19825839466702e-06
)

// Tanh64 is a rational approximation of tanh, three times faster than
// math.Tanh natively and five times as WebAssembly, where math.Tanh has no
// assembly: Eigen's [13/6] rational (above), evaluated in float64 by
// Estrin's scheme (short dependency chains) and clamped to ±9. Its absolute
// error is below 3e-8, and the backward pass's 1 − y² differs from its true
// derivative by less than 1.3e-7 (TestTanh64Accuracy); the gradient checks'
// tolerance is set above that.
func Tanh64(x float64) float64 {
	x = clampTanh(x)
	p, q := tanhPQ(x * x)
	return x * p / q
}

func clampTanh(x float64) float64 {
	if x > tanhClamp {
		return tanhClamp
	} else if x < -tanhClamp {
		return -tanhClamp
	}
	return x
}

// tanhPQ evaluates P and Q at x² by Estrin's scheme.
func tanhPQ(x2 float64) (p, q float64) {
	x4 := x2 * x2
	x8 := x4 * x4
	p = (tp0 + tp1*x2) + x4*(tp2+tp3*x2) + x8*((tp4+tp5*x2)+x4*tp6)
	q = (tq0 + tq1*x2) + x4*(tq2+tq3*x2)
	return p, q
}

// Sigmoid01 is the logistic function 1/(1+e^(−z)) = (1 + tanh(z/2))/2,
// computed through Tanh64.
func Sigmoid01(z float64) float64 {
	return 0.5 + 0.5*Tanh64(0.5*z)
}

// tanhSliceGo applies Tanh64 to v four values at a time, sharing one division
// among them (1/qᵢ from 1/(q₀q₁q₂q₃) and the other three factors):
// division is the slowest operation of the rational, and the four
// independent chains keep the pipeline full. As WebAssembly the grouping
// also saves the call overhead (2.7× faster there than one at a time).
func tanhSliceGo(v []float64) {
	i := 0
	for ; i+4 <= len(v); i += 4 {
		w := v[i : i+4 : i+4]
		x0, x1, x2, x3 := clampTanh(w[0]), clampTanh(w[1]), clampTanh(w[2]), clampTanh(w[3])
		p0, q0 := tanhPQ(x0 * x0)
		p1, q1 := tanhPQ(x1 * x1)
		p2, q2 := tanhPQ(x2 * x2)
		p3, q3 := tanhPQ(x3 * x3)
		q01, q23 := q0*q1, q2*q3
		r := 1 / (q01 * q23) // q ∈ [0.0049, 1.7]: the product stays normal
		if r != r {          // a NaN input: keep it from spreading to the others
			w[0], w[1], w[2], w[3] = Tanh64(w[0]), Tanh64(w[1]), Tanh64(w[2]), Tanh64(w[3])
			continue
		}
		r01, r23 := r*q23, r*q01
		w[0] = x0 * p0 * (q1 * r01)
		w[1] = x1 * p1 * (q0 * r01)
		w[2] = x2 * p2 * (q3 * r23)
		w[3] = x3 * p3 * (q2 * r23)
	}
	for ; i < len(v); i++ {
		v[i] = Tanh64(v[i])
	}
}
