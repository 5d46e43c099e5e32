package sparse

import (
	"math"
	"math/rand/v2"

	"aelab/core/data"
	"aelab/core/nn"
)

// Image is a grey-level picture of Size×Size pixels, row-major, values in
// [0, 1].
type Image struct {
	Size int
	Pix  []float64
}

// At returns the pixel in column x, row y.
func (m *Image) At(x, y int) float64 { return m.Pix[y*m.Size+x] }

// NewImage paints a procedural picture from r, the stand-in for the natural
// images of Olshausen & Field (Nature 381, 1996) whose 8×8 patches sparse
// coding turns into oriented, localised atoms: over a smooth linear
// gradient, in random order, soft blobs (smooth gradients), half-disks
// (long straight edges), bars (rotated thin rectangles) and disks, each of
// a random grey, anti-aliased over one pixel. The numbers of shapes scale
// with the area, so any size has the same density (those below are for
// 128×128).
func NewImage(r *rand.Rand, size int) *Image {
	m := &Image{Size: size, Pix: make([]float64, size*size)}
	s := float64(size)
	// background: a + b·(position along a random direction)
	gs, gc := math.Sincos(2 * math.Pi * r.Float64())
	a, b := 0.3+0.4*r.Float64(), 0.4*(r.Float64()-0.5)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			m.Pix[y*size+x] = a + b*(gc*float64(x)+gs*float64(y))/s
		}
	}
	area := s * s / (128 * 128)
	kinds := make([]int, 0, 64)
	for kind, count := range [...]int{4, 12, 24, 20} {
		for range int(math.Round(float64(count) * area)) {
			kinds = append(kinds, kind)
		}
	}
	r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	for _, kind := range kinds {
		cx, cy := s*r.Float64(), s*r.Float64()
		sn, cs := math.Sincos(math.Pi * r.Float64())
		grey := r.Float64()
		var reach, soft float64
		var sd func(u, v float64) float64 // signed distance in the shape's frame
		switch kind {
		case 0: // soft blob
			rad := s * (0.1 + 0.15*r.Float64())
			reach, soft = 2*rad, rad
			sd = func(u, v float64) float64 { return math.Hypot(u, v) - rad }
		case 1: // half-disk: a straight edge through its centre
			rad := s * (0.06 + 0.14*r.Float64())
			reach, soft = rad+1, 1
			sd = func(u, v float64) float64 { return max(math.Hypot(u, v)-rad, -v) }
		case 2: // bar
			half := s * (0.04 + 0.2*r.Float64())
			width := 0.75 + 1.5*r.Float64()
			reach, soft = half+width+1, 1
			sd = func(u, v float64) float64 { return max(math.Abs(u)-half, math.Abs(v)-width) }
		default: // disk
			rad := 2 + s*0.08*r.Float64()
			reach, soft = rad+1, 1
			sd = func(u, v float64) float64 { return math.Hypot(u, v) - rad }
		}
		x0, x1 := max(0, int(cx-reach)), min(size-1, int(cx+reach)+1)
		y0, y1 := max(0, int(cy-reach)), min(size-1, int(cy+reach)+1)
		for y := y0; y <= y1; y++ {
			for x := x0; x <= x1; x++ {
				dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
				u, v := cs*dx+sn*dy, -sn*dx+cs*dy
				alpha := min(max(0.5-sd(u, v)/soft, 0), 1)
				if alpha > 0 {
					p := &m.Pix[y*size+x]
					*p += alpha * (grey - *p)
				}
			}
		}
	}
	return m
}

// Patches fills x (N×p², p = √x.D) with p×p patches of img cut at
// positions drawn from r, each flattened row by row and with its mean
// removed: the mean (the patch's brightness) carries no structure for the
// atoms to learn, and removing it is the usual preprocessing of sparse
// coding on image patches. All patches are then scaled by one common
// factor so that their mean squared norm is 1, which makes λ mean the
// same on the patches as on the 2-D data (whose points have norms of
// about 1).
func Patches(x *data.Set, img *Image, r *rand.Rand) {
	p := int(math.Round(math.Sqrt(float64(x.D))))
	if p*p != x.D || p > img.Size {
		panic("sparse: Patches needs x.D = p² with p ≤ the image size")
	}
	total := 0.0
	for n := 0; n < x.N; n++ {
		px, py := r.IntN(img.Size-p+1), r.IntN(img.Size-p+1)
		xn := x.At(n)
		for y := 0; y < p; y++ {
			copy(xn[y*p:(y+1)*p], img.Pix[(py+y)*img.Size+px:])
		}
		mean := 0.0
		for _, v := range xn {
			mean += v
		}
		mean /= float64(x.D)
		for i := range xn {
			xn[i] -= mean
		}
		total += nn.Dot(xn, xn)
	}
	if total > 0 {
		scale := 1 / math.Sqrt(total/float64(x.N))
		for i := range x.X {
			x.X[i] *= scale
		}
	}
}
