package orbit

import (
	"math"

	"aelab/core/data"
	"aelab/core/pca"
)

// Analysis is an orbit sampled at N evenly spaced t over [Lo, Hi], and its
// principal components: the lecture's picture of the curve "in space of
// first 2 principal components".
type Analysis struct {
	Orbit  *Orbit
	Lo, Hi float64
	T      []float64 // the samples' t, ascending
	X      *data.Set // sample n is I(T[n])
	PCA    *pca.PCA
	// Coords are the samples' coordinates on PC1 and PC2, (c₁, c₂) per
	// sample: the curve drawn.
	Coords []float64
}

// Analyse samples the orbit at n ≥ 3 evenly spaced t over [lo, hi] and
// computes its principal components.
func Analyse(o *Orbit, lo, hi float64, n int) *Analysis {
	if n < 3 || !(hi > lo) {
		panic("orbit: Analyse needs n ≥ 3 samples over lo < hi")
	}
	d := o.Src.W * o.Src.H
	a := &Analysis{Orbit: o, Lo: lo, Hi: hi, T: make([]float64, n), X: data.NewSet(n, d)}
	for i := range a.T {
		a.T[i] = lo + (hi-lo)*float64(i)/float64(n-1)
		o.At(a.X.At(i), a.T[i])
	}
	a.PCA = pca.FitThin(a.X)
	a.Coords = make([]float64, 2*n)
	for i := 0; i < n; i++ {
		a.Coords[2*i], a.Coords[2*i+1] = a.Project(a.X.At(i))
	}
	return a
}

// Spacing is the step in t between neighbouring samples.
func (a *Analysis) Spacing() float64 { return (a.Hi - a.Lo) / float64(len(a.T)-1) }

// Project returns the coordinates of image x on PC1 and PC2 (centred on
// the orbit's mean).
func (a *Analysis) Project(x []float64) (c1, c2 float64) {
	v, mu := a.PCA.Vectors, a.PCA.Mean
	for i, xi := range x {
		d := xi - mu[i]
		c1 += d * v.Data[i*v.Stride]
		c2 += d * v.Data[i*v.Stride+1]
	}
	return c1, c2
}

// ProjectDir returns the coordinates of a direction (a tangent image) on
// PC1 and PC2: the mean does not enter.
func (a *Analysis) ProjectDir(x []float64) (c1, c2 float64) {
	v := a.PCA.Vectors
	for i, xi := range x {
		c1 += xi * v.Data[i*v.Stride]
		c2 += xi * v.Data[i*v.Stride+1]
	}
	return c1, c2
}

// Total returns the orbit's total variance, Σ of the PCA's variances.
func (a *Analysis) Total() float64 {
	s := 0.0
	for _, v := range a.PCA.Vars {
		s += v
	}
	return s
}

// Explained returns the fraction of the orbit's variance on the first k
// principal components (1 for an orbit that does not move).
func (a *Analysis) Explained(k int) float64 {
	total := a.Total()
	if total <= 0 {
		return 1
	}
	return 1 - a.PCA.ReconstructionError(k)/total
}

// Marker is the orbit at one t: the image, its tangent analytically and by
// central differences, and their projections. It keeps its buffers, so
// moving it allocates nothing.
type Marker struct {
	T       float64
	Image   []float64 // I(t)
	Tangent []float64 // ∂I/∂t by the chain rule
	Finite  []float64 // (I(t+h) − I(t−h)) / 2h
	H       float64   // the difference step h

	// Where the marker is in the PC plane, the projected tangent, and the
	// curve's direction there: the chord between the orbit at t ± the
	// sample spacing, as the curve through the samples is drawn.
	C1, C2   float64
	Dir      [2]float64 // P·∂I/∂t
	CurveDir [2]float64

	TangentCos   float64 // |cos| between Tangent and Finite
	TangentPCCos float64 // |cos| between Dir and CurveDir

	scratch, scratch2 []float64
}

// Move puts the marker at t, with difference step h for Finite.
func (m *Marker) Move(a *Analysis, t, h float64) {
	d := a.X.D
	if len(m.Image) != d {
		m.Image, m.Tangent, m.Finite = make([]float64, d), make([]float64, d), make([]float64, d)
		m.scratch, m.scratch2 = make([]float64, d), make([]float64, d)
	}
	o := a.Orbit
	m.T, m.H = t, h
	o.At(m.Image, t)
	o.Tangent(m.Tangent, t)
	o.FiniteTangent(m.Finite, m.scratch, t, h)
	m.TangentCos = AbsCos(m.Tangent, m.Finite)
	m.C1, m.C2 = a.Project(m.Image)
	m.Dir[0], m.Dir[1] = a.ProjectDir(m.Tangent)
	s := a.Spacing()
	o.At(m.scratch, t+s)
	o.At(m.scratch2, t-s)
	for i := range m.scratch {
		m.scratch[i] -= m.scratch2[i]
	}
	m.CurveDir[0], m.CurveDir[1] = a.ProjectDir(m.scratch)
	m.TangentPCCos = AbsCos(m.Dir[:], m.CurveDir[:])
	if math.IsNaN(m.TangentPCCos) {
		m.TangentPCCos = 0
	}
}
