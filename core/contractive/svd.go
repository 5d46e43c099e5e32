package contractive

import "math"

// SVD2 is the singular value decomposition J = UΣVᵀ of a matrix with two
// columns, without U: its two singular values and right singular vectors.
// ‖Jv‖ is largest, S1, for the unit vector v = V1 and smallest, S2, for
// v = V2: for a Jacobian J_f(x), V1 is the direction in which the code
// moves most and V2 the one it is most contracted along (the axes of the
// ellipse J_f(x) maps the unit circle to, seen from the input side).
type SVD2 struct {
	S1, S2 float64    // singular values, S1 ≥ S2 ≥ 0
	V1, V2 [2]float64 // unit right singular vectors, orthogonal; V1[0] ≥ 0 and V2 = V1 turned by +90°
}

// SVDGram returns the SVD2 of any J whose Gram matrix JᵀJ is
// [[a, b], [b, d]], in closed form: the eigenvalues of JᵀJ are
// m ± √(((a−d)/2)² + b²), m = (a+d)/2, the squares of the singular values,
// and its eigenvector of the larger one is at the angle ½·atan2(2b, a−d).
// When S1 = S2 every direction is singular and V1 is (1, 0).
func SVDGram(a, b, d float64) SVD2 {
	m := (a + d) / 2
	r := math.Hypot((a-d)/2, b)
	th := 0.5 * math.Atan2(2*b, a-d) // in [−π/2, π/2]
	sin, cos := math.Sincos(th)
	if cos < 0 { // th = ±π/2 exactly: keep V1[0] ≥ 0
		sin, cos = -sin, -cos
	}
	return SVD2{
		S1: math.Sqrt(m + r),
		S2: math.Sqrt(math.Max(m-r, 0)), // rounding may take m − r below 0
		V1: [2]float64{cos, sin},
		V2: [2]float64{-sin, cos},
	}
}

// SVD returns the SVD2 of the n×2 row-major matrix j (len(j) = 2n), such as
// a Jacobian from CAE.Jacobian.
func SVD(j []float64) SVD2 {
	if len(j)%2 != 0 {
		panic("contractive: SVD needs an n×2 matrix")
	}
	var a, b, d float64
	for i := 0; i+1 < len(j); i += 2 {
		a += j[i] * j[i]
		b += j[i] * j[i+1]
		d += j[i+1] * j[i+1]
	}
	return SVDGram(a, b, d)
}
