// Package orbit computes the lecture's first example of a manifold: "1-D
// manifold obtained by vertically translating image, in space of first 2
// principal components, with tangent line (gray image)" (slide "Example of
// manifold"; Goodfellow, Bengio & Courville, Deep Learning, 2016, Fig.
// 14.6). One image moved continuously by an amount t — shifted up or
// right by t pixels, or turned by t degrees — traces a curve {I(t)} in
// pixel space, its orbit under the transformation.
//
// The image is smoothed by a Gaussian first (Simard, LeCun & Denker,
// "Efficient pattern recognition using a new transformation distance",
// NIPS 1992, and Simard et al., "Transformation invariance in pattern
// recognition — tangent distance and tangent propagation", 1998, section
// 3: smoothing makes the image differentiable at the scale of a pixel),
// then read between pixels by Keys' cubic convolution (IEEE Trans.
// ASSP 29(6), 1981, a = −1/2), which has a continuous derivative. The
// tangent image ∂I/∂t is then exact by the chain rule,
//
//	I(t)(p) = B(q(p, t)),   ∂I/∂t(p) = ∇B(q) · ∂q/∂t,
//
// with B the interpolated blurred image and q the source point of pixel p;
// Orbit.Tangent computes it, Orbit.FiniteTangent the central difference of
// the orbit for comparison, and Analyse the orbit's principal components
// (core/pca), the explained variance and the curve in the plane of the
// first two.
package orbit

import (
	"math"
)

// Kind is the transformation that moves the image.
type Kind uint8

const (
	Vertical   Kind = iota // shift up by t pixels
	Horizontal             // shift right by t pixels
	Rotate                 // turn counter-clockwise by t degrees about the centre
)

// Image is a W×H grey image, row-major: pixel (x, y) is Pix[y*W+x], its
// centre at (x, y), y growing downwards.
type Image struct {
	W, H int
	Pix  []float64
}

// Blur writes the image src (w×h) smoothed by a Gaussian of standard
// deviation sigma pixels into dst, zero outside the image, separably with
// the kernel cut at 3σ and normalised; sigma ≤ 0 copies. tmp holds w·h
// values.
func Blur(dst, src, tmp []float64, w, h int, sigma float64) {
	if len(dst) < w*h || len(src) < w*h || len(tmp) < w*h {
		panic("orbit: Blur needs w·h values in dst, src and tmp")
	}
	if sigma <= 0 {
		copy(dst[:w*h], src[:w*h])
		return
	}
	r := int(math.Ceil(3 * sigma))
	var kbuf [64]float64
	k := kbuf[:0]
	if 2*r+1 > len(kbuf) {
		k = make([]float64, 0, 2*r+1)
	}
	sum := 0.0
	for i := -r; i <= r; i++ {
		v := math.Exp(-float64(i*i) / (2 * sigma * sigma))
		k = append(k, v)
		sum += v
	}
	for i := range k {
		k[i] /= sum
	}
	// rows, then columns
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			s := 0.0
			for i := max(-r, -x); i <= min(r, w-1-x); i++ {
				s += k[i+r] * src[y*w+x+i]
			}
			tmp[y*w+x] = s
		}
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			s := 0.0
			for i := max(-r, -y); i <= min(r, h-1-y); i++ {
				s += k[i+r] * tmp[(y+i)*w+x]
			}
			dst[y*w+x] = s
		}
	}
}

// keysA is the free parameter of Keys' kernel: −1/2 makes the
// interpolation third-order accurate (Keys 1981, section III).
const keysA = -0.5

// keys returns Keys' cubic convolution kernel u(s) and its derivative
// u'(s): u is C¹, so an image read through it has a continuous gradient.
func keys(s float64) (u, du float64) {
	sign := 1.0
	if s < 0 {
		s, sign = -s, -1
	}
	const a = keysA
	switch {
	case s <= 1:
		return ((a+2)*s-(a+3))*s*s + 1, sign * (3*(a+2)*s - 2*(a+3)) * s
	case s < 2:
		return ((a*s-5*a)*s+8*a)*s - 4*a, sign * ((3*a*s-10*a)*s + 8*a)
	}
	return 0, 0
}

// At returns the image's value at the point (x, y) read by cubic
// convolution, and its gradient (∂/∂x, ∂/∂y); pixels outside the image
// are 0.
func (im *Image) At(x, y float64) (v, gx, gy float64) {
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	if x0 < -2 || y0 < -2 || x0 > im.W || y0 > im.H {
		return 0, 0, 0
	}
	var kx, dkx [4]float64
	for i := 0; i < 4; i++ {
		kx[i], dkx[i] = keys(x - float64(x0-1+i))
	}
	for j := 0; j < 4; j++ {
		row := y0 - 1 + j
		if row < 0 || row >= im.H {
			continue
		}
		ky, dky := keys(y - float64(row))
		s, ds := 0.0, 0.0
		for i := 0; i < 4; i++ {
			col := x0 - 1 + i
			if col < 0 || col >= im.W {
				continue
			}
			p := im.Pix[row*im.W+col]
			s += p * kx[i]
			ds += p * dkx[i]
		}
		v += s * ky
		gx += ds * ky
		gy += s * dky
	}
	return v, gx, gy
}

// Orbit is the curve t ↦ I(t) of an image under a transformation.
type Orbit struct {
	Src  Image // the (blurred) image at t = 0
	Kind Kind
}

// source returns the point q of the source image that pixel (x, y) shows
// at t, and ∂q/∂t.
func (o *Orbit) source(x, y, t float64) (qx, qy, dx, dy float64) {
	switch o.Kind {
	case Vertical: // I(t)(x, y) = B(x, y + t): the picture moves up
		return x, y + t, 0, 1
	case Horizontal: // I(t)(x, y) = B(x − t, y): it moves right
		return x - t, y, -1, 0
	}
	// Turned counter-clockwise by θ on screen: pixel (u, v) about the
	// centre, v upwards, shows the source's R(−θ)(u, v) = (u', v'), and
	// d(u', v')/dθ = (v', −u').
	cx, cy := float64(o.Src.W-1)/2, float64(o.Src.H-1)/2
	th := t * math.Pi / 180
	c, s := math.Cos(th), math.Sin(th)
	u, v := x-cx, cy-y
	u1, v1 := u*c+v*s, -u*s+v*c
	const perDeg = math.Pi / 180
	return cx + u1, cy - v1, v1 * perDeg, u1 * perDeg
}

// At writes the image I(t) into dst (W·H values).
func (o *Orbit) At(dst []float64, t float64) {
	w := o.Src.W
	for y := 0; y < o.Src.H; y++ {
		for x := 0; x < w; x++ {
			qx, qy, _, _ := o.source(float64(x), float64(y), t)
			dst[y*w+x], _, _ = o.Src.At(qx, qy)
		}
	}
}

// Tangent writes the tangent image ∂I/∂t at t into dst: the image gradient
// at each pixel's source point times how fast that point moves,
// ∇B(q)·∂q/∂t (the chain rule through the interpolation).
func (o *Orbit) Tangent(dst []float64, t float64) {
	w := o.Src.W
	for y := 0; y < o.Src.H; y++ {
		for x := 0; x < w; x++ {
			qx, qy, dx, dy := o.source(float64(x), float64(y), t)
			_, gx, gy := o.Src.At(qx, qy)
			dst[y*w+x] = gx*dx + gy*dy
		}
	}
}

// FiniteTangent writes the central difference of the orbit,
// (I(t + h) − I(t − h)) / 2h, into dst, with scratch (W·H values).
func (o *Orbit) FiniteTangent(dst, scratch []float64, t, h float64) {
	o.At(dst, t+h)
	o.At(scratch, t-h)
	for i := range dst[:o.Src.W*o.Src.H] {
		dst[i] = (dst[i] - scratch[i]) / (2 * h)
	}
}

// AbsCos returns |cos| of the angle between a and b, 0 when either is 0.
func AbsCos(a, b []float64) float64 {
	ab, aa, bb := 0.0, 0.0, 0.0
	for i, v := range a {
		ab += v * b[i]
		aa += v * v
		bb += b[i] * b[i]
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return math.Min(1, math.Abs(ab)/math.Sqrt(aa*bb))
}
