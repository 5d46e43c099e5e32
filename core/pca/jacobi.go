package pca

import (
	"math"

	"gonum.org/v1/gonum/blas/blas64"
)

// jacobi is the singular value decomposition of small dense matrices by
// one-sided Jacobi rotations (Hestenes 1958; Demmel & Veselić, "Jacobi's
// method is more accurate than QR", SIAM J. Matrix Anal. Appl. 13(4), 1992):
// rotations of column pairs make the columns of a tall matrix orthogonal,
// after which their norms are the singular values. Its few dozen lines
// replace LAPACK's Dgesvd here, whose bidiagonalisation and QR iteration
// ran cold on the lab's first frame in WebAssembly: the pca scene's first
// PCA took 150 ms there, nearly all of it code run for the first time
// (issue 12), where these loops take a millisecond.
//
// A matrix much taller than wide (an image orbit: 784 pixels by some sixty
// points) is first reduced to its triangular factor R by Householder QR,
// and the rotations act on R's short columns; U is then Q times R's
// (Drmač & Veselić, "New fast and accurate Jacobi SVD algorithm",
// SIAM J. Matrix Anal. Appl. 29(4), 2008, preconditioning by QR).
type jacobi struct {
	t, v []float64 // the tall copy, the rotations accumulated
	r    []float64 // R of t = QR, when t is reduced first
	beta []float64 // the Householder reflectors' factors,
	head []float64 // and their vectors' first entries (the rest stay in t)
}

// maxSweeps bounds the sweeps over all column pairs; the method converges
// quadratically, in under ten sweeps for the lab's matrices.
const maxSweeps = 60

// svd sets s to the min(m, n) singular values of the m×n matrix a,
// descending, and, when u.Data is not nil, u's first min(m, n) columns to
// the matching left singular vectors (u is m×min(m, n) or wider). a is
// left unchanged. A zero singular value's vector is any unit vector
// orthogonal to the others.
func (j *jacobi) svd(a, u blas64.General, s []float64) {
	m, n := a.Rows, a.Cols
	k := min(m, n)
	if k == 0 {
		return
	}
	// Rotate the columns of a tall matrix: a itself, or aᵀ when a is wide.
	// The left singular vectors of a are then the normalised columns (tall),
	// or the accumulated rotations (wide: aᵀ = U'ΣV'ᵀ gives a = V'ΣU'ᵀ).
	rows, cols := m, n
	if m < n {
		rows, cols = n, m
	}
	j.t = grow(j.t, rows*cols)
	for r := 0; r < m; r++ {
		for c := 0; c < n; c++ {
			if m >= n {
				j.t[r*cols+c] = a.Data[r*a.Stride+c]
			} else {
				j.t[c*cols+r] = a.Data[r*a.Stride+c]
			}
		}
	}
	wantV := m < n && u.Data != nil
	if wantV {
		j.v = grow(j.v, cols*cols)
		for i := range cols {
			j.v[i*cols+i] = 1
		}
	}
	// The matrix rotated: t itself, or R (cols×cols) of t = QR.
	work, wrows := j.t, rows
	reduced := rows >= 2*cols && cols > 1
	if reduced {
		j.householder(rows, cols)
		j.r = grow(j.r, cols*cols)
		for r := 0; r < cols; r++ {
			copy(j.r[r*cols+r:(r+1)*cols], j.t[r*cols+r:(r+1)*cols])
		}
		work, wrows = j.r, cols
	}
	for range maxSweeps {
		rotated := false
		for p := 0; p < cols-1; p++ {
			for q := p + 1; q < cols; q++ {
				var alpha, beta, gamma float64
				for r := 0; r < wrows; r++ {
					x, y := work[r*cols+p], work[r*cols+q]
					alpha += x * x
					beta += y * y
					gamma += x * y
				}
				// Columns orthogonal to working precision (or zero): no rotation.
				if gamma == 0 || math.Abs(gamma) <= 1e-15*math.Sqrt(alpha)*math.Sqrt(beta) {
					continue
				}
				rotated = true
				zeta := (beta - alpha) / (2 * gamma)
				tan := math.Copysign(1, zeta) / (math.Abs(zeta) + math.Hypot(1, zeta))
				c := 1 / math.Hypot(1, tan)
				sn := c * tan
				for r := 0; r < wrows; r++ {
					x, y := work[r*cols+p], work[r*cols+q]
					work[r*cols+p], work[r*cols+q] = c*x-sn*y, sn*x+c*y
				}
				if wantV {
					for r := 0; r < cols; r++ {
						x, y := j.v[r*cols+p], j.v[r*cols+q]
						j.v[r*cols+p], j.v[r*cols+q] = c*x-sn*y, sn*x+c*y
					}
				}
			}
		}
		if !rotated {
			break
		}
	}
	// Singular values are the column norms; sort descending, columns along.
	for c := 0; c < k; c++ {
		norm := 0.0
		for r := 0; r < wrows; r++ {
			norm += work[r*cols+c] * work[r*cols+c]
		}
		s[c] = math.Sqrt(norm)
	}
	for c := 0; c < k; c++ {
		best := c
		for d := c + 1; d < k; d++ {
			if s[d] > s[best] {
				best = d
			}
		}
		if best != c {
			s[c], s[best] = s[best], s[c]
			swapCols(work, wrows, cols, c, best)
			if wantV {
				swapCols(j.v, cols, cols, c, best)
			}
		}
	}
	if u.Data == nil {
		return
	}
	for c := 0; c < k; c++ {
		if m < n {
			for r := 0; r < m; r++ {
				u.Data[r*u.Stride+c] = j.v[r*cols+c]
			}
			continue
		}
		for r := 0; r < m; r++ {
			u.Data[r*u.Stride+c] = 0
		}
		if s[c] > 0 {
			for r := 0; r < wrows; r++ {
				u.Data[r*u.Stride+c] = work[r*cols+c] / s[c]
			}
		}
	}
	if m >= n && reduced {
		j.applyQ(u, rows, cols, k)
	}
	if m >= n {
		for c := 0; c < k; c++ {
			if s[c] == 0 {
				completeColumn(u, c)
			}
		}
	}
}

// householder factors the rows×cols matrix in j.t as QR in place
// (Golub & Van Loan, Matrix Computations, 4th ed., algorithm 5.2.1): R on
// and above the diagonal; below it the reflectors' vectors vₖ, whose first
// entries are in j.head, with Hₖ = I − βₖvₖvₖᵀ and Q = H₀H₁⋯.
func (j *jacobi) householder(rows, cols int) {
	t := j.t
	j.beta = grow(j.beta, cols)
	j.head = grow(j.head, cols)
	for k := 0; k < cols; k++ {
		norm := 0.0
		for r := k; r < rows; r++ {
			norm += t[r*cols+k] * t[r*cols+k]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue // β = 0: Hₖ = I
		}
		x0 := t[k*cols+k]
		alpha := -math.Copysign(norm, x0)
		v0 := x0 - alpha // v = x − αe₁, vᵀv = 2(‖x‖² − αx₀)
		beta := 2 / (2 * (norm*norm - alpha*x0))
		j.head[k], j.beta[k] = v0, beta
		for c := k + 1; c < cols; c++ {
			w := v0 * t[k*cols+c]
			for r := k + 1; r < rows; r++ {
				w += t[r*cols+k] * t[r*cols+c]
			}
			w *= beta
			t[k*cols+c] -= w * v0
			for r := k + 1; r < rows; r++ {
				t[r*cols+c] -= w * t[r*cols+k]
			}
		}
		t[k*cols+k] = alpha
	}
}

// applyQ sets u's first k columns, which hold R's left singular vectors in
// their first cols rows (zero below), to Q times them: the left singular
// vectors of the matrix householder factored.
func (j *jacobi) applyQ(u blas64.General, rows, cols, k int) {
	t := j.t
	for h := cols - 1; h >= 0; h-- {
		beta, v0 := j.beta[h], j.head[h]
		if beta == 0 {
			continue
		}
		for c := 0; c < k; c++ {
			w := v0 * u.Data[h*u.Stride+c]
			for r := h + 1; r < rows; r++ {
				w += t[r*cols+h] * u.Data[r*u.Stride+c]
			}
			w *= beta
			u.Data[h*u.Stride+c] -= w * v0
			for r := h + 1; r < rows; r++ {
				u.Data[r*u.Stride+c] -= w * t[r*cols+h]
			}
		}
	}
}

// completeColumn makes column c of u a unit vector orthogonal to columns
// 0…c−1 (which are orthonormal): the unit axis that keeps the most after
// Gram–Schmidt against them (at least 1/rows of its squared length; the
// first that keeps half, which is most often the first tried), the
// projection done twice for accuracy.
func completeColumn(u blas64.General, c int) {
	project := func(axis int) float64 {
		for r := 0; r < u.Rows; r++ {
			u.Data[r*u.Stride+c] = 0
		}
		u.Data[axis*u.Stride+c] = 1
		for range 2 {
			for d := 0; d < c; d++ {
				dot := 0.0
				for r := 0; r < u.Rows; r++ {
					dot += u.Data[r*u.Stride+d] * u.Data[r*u.Stride+c]
				}
				for r := 0; r < u.Rows; r++ {
					u.Data[r*u.Stride+c] -= dot * u.Data[r*u.Stride+d]
				}
			}
		}
		norm := 0.0
		for r := 0; r < u.Rows; r++ {
			norm += u.Data[r*u.Stride+c] * u.Data[r*u.Stride+c]
		}
		return norm
	}
	best, bestNorm := 0, -1.0
	for axis := 0; axis < u.Rows; axis++ {
		n := project(axis)
		if n >= 0.5 {
			normalize(u, c, n)
			return
		}
		if n > bestNorm {
			best, bestNorm = axis, n
		}
	}
	normalize(u, c, project(best))
}

// normalize divides column c of u by the square root of norm2.
func normalize(u blas64.General, c int, norm2 float64) {
	norm := math.Sqrt(norm2)
	for r := 0; r < u.Rows; r++ {
		u.Data[r*u.Stride+c] /= norm
	}
}

func swapCols(x []float64, rows, cols, a, b int) {
	for r := 0; r < rows; r++ {
		x[r*cols+a], x[r*cols+b] = x[r*cols+b], x[r*cols+a]
	}
}

// grow returns a zeroed slice of n, reusing buf's storage when it can.
func grow(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}
