package data

import (
	"math"
	"math/rand/v2"
)

// Base holds the standard normal draws a cloud is built from. Keeping them
// lets a scene reshape its cloud live (stretch, rotate, add noise) without
// new randomness: the same seed always gives the same points.
type Base struct {
	N, D int
	Z    []float64 // N×D shape draws
	E    []float64 // N×D noise draws
}

// NewBase draws n points of dimension d from r.
func NewBase(r *rand.Rand, n, d int) *Base {
	b := &Base{N: n, D: d, Z: make([]float64, n*d), E: make([]float64, n*d)}
	for i := range b.Z {
		b.Z[i] = r.NormFloat64()
	}
	for i := range b.E {
		b.E[i] = r.NormFloat64()
	}
	return b
}

// Anisotropic2D fills dst (N×2) with an anisotropic Gaussian cloud in the
// plane: standard deviation 1 along the major axis, 1/aspect along the minor
// axis, the major axis at rotationDeg degrees from the x axis, plus isotropic
// Gaussian noise of standard deviation noise. Its principal axis is the
// major axis, which is what the linear autoencoder must find.
func Anisotropic2D(dst *Set, b *Base, aspect, rotationDeg, noise float64) {
	if dst.D != 2 || b.D != 2 || dst.N != b.N {
		panic("data: Anisotropic2D needs 2-D sets of equal size")
	}
	s, c := math.Sincos(rotationDeg * math.Pi / 180)
	minor := 1 / aspect
	for n := 0; n < b.N; n++ {
		u, v := b.Z[2*n], b.Z[2*n+1]*minor
		dst.X[2*n] = c*u - s*v + noise*b.E[2*n]
		dst.X[2*n+1] = s*u + c*v + noise*b.E[2*n+1]
	}
}

// planeTilt is the angle by which NearPlane3D tilts its plane out of the
// horizontal, so that the plane is seen obliquely in the default view.
const planeTilt = 30 * math.Pi / 180

// NearPlane3D fills dst (N×3) with a cloud near a plane in space: inside the
// plane, standard deviation 1 along one axis and 1/aspect along the other,
// the first axis at rotationDeg degrees about the plane's normal; the plane
// is tilted by 30° about the x axis; isotropic Gaussian noise of standard
// deviation noise moves the points off the plane. Its top-2 principal
// subspace is the plane.
func NearPlane3D(dst *Set, b *Base, aspect, rotationDeg, noise float64) {
	if dst.D != 3 || b.D != 3 || dst.N != b.N {
		panic("data: NearPlane3D needs 3-D sets of equal size")
	}
	s, c := math.Sincos(rotationDeg * math.Pi / 180)
	st, ct := math.Sincos(planeTilt)
	minor := 1 / aspect
	for n := 0; n < b.N; n++ {
		u, v := b.Z[3*n], b.Z[3*n+1]*minor
		// rotate inside the plane z=0
		x, y := c*u-s*v, s*u+c*v
		// tilt about the x axis
		y, z := ct*y, st*y
		e := b.E[3*n : 3*n+3]
		dst.X[3*n] = x + noise*e[0]
		dst.X[3*n+1] = y + noise*e[1]
		dst.X[3*n+2] = z + noise*e[2]
	}
}
