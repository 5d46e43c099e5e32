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

// tanhSlice applies Tanh64 to v two values at a time, sharing one division
// between them (x·p/q and y·r/s from 1/(q·s)): division is the slowest
// operation of the rational, and as WebAssembly the pairing also saves the
// call overhead (2.7× faster there).
func tanhSlice(v []float64) {
	i := 0
	for ; i+2 <= len(v); i += 2 {
		x, y := clampTanh(v[i]), clampTanh(v[i+1])
		px, qx := tanhPQ(x * x)
		py, qy := tanhPQ(y * y)
		r := 1 / (qx * qy)
		v[i] = x * px * qy * r
		v[i+1] = y * py * qx * r
	}
	if i < len(v) {
		v[i] = Tanh64(v[i])
	}
}
