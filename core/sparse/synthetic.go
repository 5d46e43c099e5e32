package sparse

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/data"
)

// RandomDict returns k atoms of dimension dim drawn uniformly on the unit
// sphere (normalised standard Gaussian vectors), as the rows of a k×dim
// matrix.
func RandomDict(r *rand.Rand, k, dim int) blas64.General {
	d := newMatrix(k, dim)
	for i := 0; i < k; i++ {
		di := row(d, i)
		for {
			for c := range di {
				di[c] = r.NormFloat64()
			}
			if n := norm(di); n > 1e-8 {
				for c := range di {
					di[c] /= n
				}
				break
			}
		}
	}
	return d
}

// Synthetic draws n points from a known dictionary (K×Dim): x = wᵀD + ε,
// each code w with exactly nnz nonzeros at distinct atoms chosen uniformly,
// each nonzero of random sign and magnitude uniform in [0.5, 1.5] (bounded
// away from 0 so that every used atom is visible above the noise), ε
// Gaussian with standard deviation noise per coordinate. It returns the
// points and their true codes (n×K). This is the recovery experiment of
// Aharon, Elad & Bruckstein ("K-SVD", IEEE Trans. Signal Process. 54(11),
// 2006, section V, synthetic experiments): a learner is judged by how many
// true atoms it finds.
func Synthetic(r *rand.Rand, dict blas64.General, n, nnz int, noise float64) (*data.Set, blas64.General) {
	if nnz > dict.Rows {
		panic("sparse: Synthetic: nnz > K")
	}
	x := data.NewSet(n, dict.Cols)
	w := newMatrix(n, dict.Rows)
	for s := 0; s < n; s++ {
		ws := row(w, s)
		for range nnz {
			k := r.IntN(dict.Rows)
			for ws[k] != 0 {
				k = r.IntN(dict.Rows)
			}
			v := 0.5 + r.Float64()
			if r.IntN(2) == 0 {
				v = -v
			}
			ws[k] = v
		}
		synthesize(x.At(s), ws, dict, noise, r)
	}
	return x, w
}

// Star2D draws n points in the plane from an overcomplete dictionary of
// atoms > 2 unit vectors spread evenly around the circle (the first at
// 90°): each point is c·a_i for one atom a_i, or with probability pairFrac
// c·a_i + c'·a_j for two distinct atoms, with coefficients uniform in
// [0.2, 1.2], plus Gaussian noise of standard deviation noise. The points
// form a star of rays along the atoms (filled in between by the pairs), so
// that a learned dictionary drawn as arrows is seen to line up with the
// rays. It returns the points and the true dictionary (atoms×2).
func Star2D(r *rand.Rand, atoms, n int, pairFrac, noise float64) (*data.Set, blas64.General) {
	dict := newMatrix(atoms, 2)
	for i := 0; i < atoms; i++ {
		s, c := math.Sincos(math.Pi/2 + 2*math.Pi*float64(i)/float64(atoms))
		dict.Data[2*i], dict.Data[2*i+1] = c, s
	}
	x := data.NewSet(n, 2)
	w := make([]float64, atoms)
	for s := 0; s < n; s++ {
		clear(w)
		i := r.IntN(atoms)
		w[i] = 0.2 + r.Float64()
		if r.Float64() < pairFrac && atoms > 1 {
			j := (i + 1 + r.IntN(atoms-1)) % atoms
			w[j] = 0.2 + r.Float64()
		}
		synthesize(x.At(s), w, dict, noise, r)
	}
	return x, dict
}

// synthesize sets x = wᵀD + noise·ε.
func synthesize(x, w []float64, dict blas64.General, noise float64, r *rand.Rand) {
	for c := range x {
		x[c] = noise * r.NormFloat64()
	}
	for k, v := range w {
		if v != 0 {
			axpy(x, v, row(dict, k))
		}
	}
}
