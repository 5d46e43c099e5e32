// Package data makes the lab's seeded data sets, points in the plane or in
// space stored row by row, and gives the image data sets the lab ships:
//
//   - "digits": the UCI optical recognition of handwritten digits test set,
//     1797 images of 8×8 pixels, 10 classes (Alpaydin & Kaynak 1998;
//     CC BY 4.0);
//   - "mnist": the first 2000 images of the MNIST test set, 28×28 pixels,
//     10 classes (LeCun & Cortes; CC BY-SA 3.0).
//
// Load returns them as Images (pixels scaled to [0, 1], labels), and
// Images.Split divides them into stratified training and test sets from a
// seeded source. Natively the files are embedded in the binary; in the
// browser they are fetched from data/ beside the page when first needed,
// with progress. The files, their licences and SHA256SUMS are in files/;
// cmd/datagen (`make data`) rebuilds them from their sources.
package data

// Set is N points of dimension D, stored row-major: point n is
// X[n*D : (n+1)*D].
type Set struct {
	N, D int
	X    []float64
}

// NewSet returns a zeroed set of n points of dimension d.
func NewSet(n, d int) *Set {
	return &Set{N: n, D: d, X: make([]float64, n*d)}
}

// At returns point n as a slice into the set (no copy).
func (s *Set) At(n int) []float64 {
	return s.X[n*s.D : (n+1)*s.D : (n+1)*s.D]
}

// Mean writes the mean point into dst (allocated when nil) and returns it.
func (s *Set) Mean(dst []float64) []float64 {
	if dst == nil {
		dst = make([]float64, s.D)
	}
	clear(dst)
	for n := 0; n < s.N; n++ {
		for d, v := range s.At(n) {
			dst[d] += v
		}
	}
	for d := range dst {
		dst[d] /= float64(s.N)
	}
	return dst
}
