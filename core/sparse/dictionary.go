package sparse

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"

	"aelab/core/data"
)

// eigFloor is the relative size below which an eigenvalue of WᵀW counts as
// zero in the least-squares D-step: directions of the dictionary the codes
// do not determine (to working precision) are left as they are.
const eigFloor = 1e-10

// dstep is the workspace of the D-step, D = argmin_D ‖X − WD‖² with W
// fixed (the λ‖W‖₁ term does not depend on D). Everything it needs from the
// N samples is in the sufficient statistics A = WᵀW (K×K) and B = WᵀX
// (K×Dim):
//
//	‖X − WD‖² = tr(XᵀX) − 2 Σ_k ⟨d_k, B_k⟩ + Σ_jk A_jk ⟨d_j, d_k⟩.
type dstep struct {
	k, dim int
	a, b   []float64 // A = WᵀW, B = WᵀX
	u      []float64 // Dim
	idx    []int     // nonzero indices of one code; the used atoms

	// least squares (Normalize off)
	vecs, vals []float64 // eigenvectors (up to K×K), eigenvalues of A_UU
	r, y       []float64 // K×Dim: B − AD, then Vᵀ(B − AD)
	work       []float64
}

func newDStep(k, dim int) *dstep {
	s := &dstep{
		k: k, dim: dim,
		a: make([]float64, k*k), b: make([]float64, k*dim),
		u: make([]float64, dim), idx: make([]int, 0, k),
		vecs: make([]float64, k*k), vals: make([]float64, k),
		r: make([]float64, k*dim), y: make([]float64, k*dim),
	}
	work := []float64{0}
	gonum.Implementation{}.Dsyev(lapack.EVCompute, blas.Lower, k, s.vecs, k, s.vals, work, -1)
	s.work = make([]float64, int(work[0]))
	return s
}

// stats accumulates A = WᵀW and B = WᵀX over the nonzero entries of each
// code, which costs Σₙ nnz(wₙ)·(nnz(wₙ) + Dim) instead of N·K·(K + Dim).
func (s *dstep) stats(x *data.Set, w blas64.General) {
	k, dim := s.k, s.dim
	clear(s.a)
	clear(s.b)
	for n := 0; n < x.N; n++ {
		wn, xn := row(w, n), x.At(n)
		s.idx = nonzeros(s.idx, wn)
		for _, i := range s.idx {
			wi := wn[i]
			axpy(s.b[i*dim:(i+1)*dim], wi, xn)
			ai := s.a[i*k : (i+1)*k]
			for _, j := range s.idx {
				ai[j] += wi * wn[j]
			}
		}
	}
}

// blockCoordinate runs passes of projected block-coordinate descent over
// the atoms under the constraint ‖d_k‖ ≤ 1: Mairal, Bach, Ponce & Sapiro,
// "Online learning for matrix factorization and sparse coding", JMLR 11,
// 2010, Algorithm 2. With the other atoms fixed the objective in d_k is
// A_kk‖d_k − u_k‖² + const with
//
//	u_k = (B_k − Σ_{j≠k} A_kj d_j) / A_kk,
//
// an isotropic quadratic, so its minimiser over the unit ball is the
// projection u_k / max(‖u_k‖, 1): each atom update is exact and the
// objective never rises (from a feasible D). An atom no code uses
// (A_kk = 0) does not enter the objective and is left unchanged.
func (s *dstep) blockCoordinate(d blas64.General, passes int) {
	k, dim := s.k, s.dim
	u := s.u
	for range passes {
		for i := 0; i < k; i++ {
			aii := s.a[i*k+i]
			if aii == 0 {
				continue
			}
			copy(u, s.b[i*dim:(i+1)*dim])
			for j := 0; j < k; j++ {
				if aij := s.a[i*k+j]; j != i && aij != 0 {
					axpy(u, -aij, row(d, j))
				}
			}
			scale := 1 / aii
			if n := norm(u) * scale; n > 1 {
				scale /= n
			}
			di := row(d, i)
			for c, v := range u {
				di[c] = scale * v
			}
		}
	}
}

// leastSquares sets D to the unconstrained minimiser of ‖X − WD‖², the
// slide's "K OLS regressions", from the normal equations WᵀW D = WᵀX. An
// atom no code uses (a zero column of W, so a zero row and column of
// A = WᵀW, which makes A singular) does not enter the objective and is
// left exactly as it is; there is no ridge term that would bias the
// others. For the used atoms U it solves for the change,
//
//	D_U ← D_U + A_UU⁺ (B − AD)_U,
//
// with A_UU⁺ the pseudo-inverse by eigendecomposition (eigenvalues below
// eigFloor times the largest count as zero): of all least-squares
// solutions the one closest to the current D, should codes of used atoms
// still be linearly dependent.
func (s *dstep) leastSquares(d blas64.General) {
	k, dim := s.k, s.dim
	used := s.idx[:0]
	for i := 0; i < k; i++ {
		if s.a[i*k+i] != 0 {
			used = append(used, i)
		}
	}
	s.idx = used
	m := len(used)
	if m == 0 {
		return
	}
	// r = (B − AD)_U, and A_UU in vecs (stride m)
	for p, i := range used {
		rp := s.r[p*dim : (p+1)*dim]
		copy(rp, s.b[i*dim:(i+1)*dim])
		for q, j := range used {
			aij := s.a[i*k+j]
			s.vecs[p*m+q] = aij
			if aij != 0 {
				axpy(rp, -aij, row(d, j))
			}
		}
	}
	if !(gonum.Implementation{}).Dsyev(lapack.EVCompute, blas.Lower, m, s.vecs[:m*m], m, s.vals[:m], s.work, len(s.work)) {
		return // no convergence (never seen): keep D, the objective cannot rise
	}
	// Eigenvalues ascend; eigenvector e is column e of vecs.
	floor := eigFloor * s.vals[m-1]
	// y = Λ⁺ Vᵀ r
	for e := 0; e < m; e++ {
		ye := s.y[e*dim : (e+1)*dim]
		clear(ye)
		if s.vals[e] <= floor {
			continue
		}
		for p := 0; p < m; p++ {
			if v := s.vecs[p*m+e]; v != 0 {
				axpy(ye, v, s.r[p*dim:(p+1)*dim])
			}
		}
		inv := 1 / s.vals[e]
		for c := range ye {
			ye[c] *= inv
		}
	}
	// D_U += V y
	for p, i := range used {
		di := row(d, i)
		for e := 0; e < m; e++ {
			if s.vals[e] > floor {
				axpy(di, s.vecs[p*m+e], s.y[e*dim:(e+1)*dim])
			}
		}
	}
}
