package nn

import "unsafe"

// gemm is the matrix product behind every dense layer of a width worth a
// blocked loop (see Net.Forward and Net.Backward):
//
//	c[i*ldc+j] += Σ_{p<k} a[i*lda+p] · b[p*ldb+j]   for i < m, j < n.
//
// The three products of a layer over a feature-major batch all take this
// form with contiguous rows of a and b: the forward pass Z = W·A (a = W),
// the input gradient G = Wᵀ·Δ (a = Wᵀ, transposed once per step) and the
// weight gradient ∇W = Δ·Aᵀ (b = Aᵀ, transposed once per step). A transpose
// moves k·m or k·n numbers for the k·m·n multiply-adds of the product, 1/64
// of the work at the lab's batch of 64.
//
// On amd64 with AVX2 and FMA, tiles of 4 rows × 8 columns go to an assembly
// kernel (gemm_amd64.s) and the edges to gemmGo; elsewhere (WebAssembly)
// gemmGo does it all.
func gemm(c []float64, ldc int, a []float64, lda int, b []float64, ldb int, m, n, k int) {
	if m <= 0 || n <= 0 || k <= 0 {
		return
	}
	// One bounds check for the whole product; the assembly relies on it.
	_ = c[(m-1)*ldc+n-1]
	_ = a[(m-1)*lda+k-1]
	_ = b[(k-1)*ldb+n-1]
	m4, n8 := 0, 0
	if useAVX2 {
		m4, n8 = m&^3, n&^7
		if m4 > 0 && n8 > 0 {
			gemmAVX2(&c[0], ldc, &a[0], lda, &b[0], ldb, m4, n8, k)
			if n8 < n { // right edge of the tiled rows
				gemmGo(c[n8:], ldc, a, lda, b[n8:], ldb, m4, n-n8, k)
			}
		} else {
			m4 = 0
		}
	}
	if m4 < m {
		gemmGo(c[m4*ldc:], ldc, a[m4*lda:], lda, b, ldb, m-m4, n, k)
	}
}

// gemmGo is gemm in plain Go: tiles of 2 rows × 4 columns, four steps of p
// per iteration, and gemmRows for the edges. Of the register tilings
// measured as WebAssembly in node (1×8, 1×12, 2×4, 2×5, 2×6, 3×3, 3×4,
// 4×2, 4×3 and 4×4, with one, two, four or eight steps per iteration, with
// and without packed rows of a), it is fastest, 7–8% less CPU time than
// 1×8 with two steps for TrainDeep and TrainDeepMNIST; tiles of more than
// about 12 sums are slower, because Go's WebAssembly port has 16 float
// registers and spills the rest to linear memory. As WebAssembly, every
// load costs an address computation and every loop iteration a jump through
// the function's dispatch table, so the tile maximises multiply-adds per
// load (8 per 6) and per iteration (32).
//
// The tile's loop reads through unsafe pointers: the bounds of all of a, b
// and c are checked once at the top, and the per-iteration slice checks it
// saves made training 15–18% faster as WebAssembly (CPU time, interleaved
// runs). The offsets, not the pointers, move, so that every pointer formed
// stays inside its slice (Go's rules for unsafe.Pointer). Natively the
// assembly kernel takes the tiles, and gemmGo only the edges.
func gemmGo(c []float64, ldc int, a []float64, lda int, b []float64, ldb int, m, n, k int) {
	m2, n4, k4 := m&^1, n&^3, k&^3
	if m2 == 0 || n4 == 0 || k4 == 0 {
		gemmRows(c, ldc, a, lda, b, ldb, m, n, k)
		return
	}
	_ = c[(m-1)*ldc+n-1]
	_ = a[(m-1)*lda+k-1]
	_ = b[(k-1)*ldb+n-1]
	stride := uintptr(ldb) * 8 // bytes from b[p*ldb+j] to b[(p+1)*ldb+j]
	for i := 0; i < m2; i += 2 {
		a0, a1 := unsafe.Pointer(&a[i*lda]), unsafe.Pointer(&a[(i+1)*lda])
		for j := 0; j < n4; j += 4 {
			var s00, s01, s02, s03, s10, s11, s12, s13 float64
			bj := unsafe.Pointer(&b[j])
			bo, ao := uintptr(0), uintptr(0)
			for p := 0; p < k4; p += 4 {
				x := (*[4]float64)(unsafe.Add(bj, bo))
				u, v := *(*float64)(unsafe.Add(a0, ao)), *(*float64)(unsafe.Add(a1, ao))
				s00 += u * x[0]
				s10 += v * x[0]
				s01 += u * x[1]
				s11 += v * x[1]
				s02 += u * x[2]
				s12 += v * x[2]
				s03 += u * x[3]
				s13 += v * x[3]
				x = (*[4]float64)(unsafe.Add(bj, bo+stride))
				u, v = *(*float64)(unsafe.Add(a0, ao+8)), *(*float64)(unsafe.Add(a1, ao+8))
				s00 += u * x[0]
				s10 += v * x[0]
				s01 += u * x[1]
				s11 += v * x[1]
				s02 += u * x[2]
				s12 += v * x[2]
				s03 += u * x[3]
				s13 += v * x[3]
				x = (*[4]float64)(unsafe.Add(bj, bo+2*stride))
				u, v = *(*float64)(unsafe.Add(a0, ao+16)), *(*float64)(unsafe.Add(a1, ao+16))
				s00 += u * x[0]
				s10 += v * x[0]
				s01 += u * x[1]
				s11 += v * x[1]
				s02 += u * x[2]
				s12 += v * x[2]
				s03 += u * x[3]
				s13 += v * x[3]
				x = (*[4]float64)(unsafe.Add(bj, bo+3*stride))
				u, v = *(*float64)(unsafe.Add(a0, ao+24)), *(*float64)(unsafe.Add(a1, ao+24))
				s00 += u * x[0]
				s10 += v * x[0]
				s01 += u * x[1]
				s11 += v * x[1]
				s02 += u * x[2]
				s12 += v * x[2]
				s03 += u * x[3]
				s13 += v * x[3]
				bo += 4 * stride
				ao += 32
			}
			o := (*[4]float64)(c[i*ldc+j : i*ldc+j+4])
			o[0] += s00
			o[1] += s01
			o[2] += s02
			o[3] += s03
			o = (*[4]float64)(c[(i+1)*ldc+j : (i+1)*ldc+j+4])
			o[0] += s10
			o[1] += s11
			o[2] += s12
			o[3] += s13
		}
	}
	if k4 < k { // the last k%4 steps of the tiled block
		gemmRows(c, ldc, a[k4:], lda, b[k4*ldb:], ldb, m2, n4, k-k4)
	}
	if n4 < n {
		gemmRows(c[n4:], ldc, a, lda, b[n4:], ldb, m2, n-n4, k)
	}
	if m2 < m {
		gemmRows(c[m2*ldc:], ldc, a[m2*lda:], lda, b, ldb, m-m2, n, k)
	}
}

// gemmRows is gemm one row of c at a time, eight columns per tile with two
// steps of p per iteration, then four columns, then one: gemmGo's edges.
func gemmRows(c []float64, ldc int, a []float64, lda int, b []float64, ldb int, m, n, k int) {
	if m <= 0 || n <= 0 || k <= 0 {
		return
	}
	_ = c[(m-1)*ldc+n-1]
	_ = a[(m-1)*lda+k-1]
	_ = b[(k-1)*ldb+n-1]
	stride := uintptr(ldb) * 8 // bytes from b[p*ldb+j] to b[(p+1)*ldb+j]
	n8 := n &^ 7
	for i := 0; i < m; i++ {
		ai := a[i*lda : i*lda+k]
		for j := 0; j < n8; j += 8 {
			var z0, z1, z2, z3, z4, z5, z6, z7 float64
			// Offsets rather than moving pointers: every pointer formed
			// stays inside b and a (Go's rules for unsafe.Pointer).
			bj, ai0 := unsafe.Pointer(&b[j]), unsafe.Pointer(&ai[0])
			bo, wo, p := uintptr(0), uintptr(0), 0
			for ; p+2 <= k; p += 2 {
				x := (*[8]float64)(unsafe.Add(bj, bo))
				y := (*[8]float64)(unsafe.Add(bj, bo+stride))
				w, v := *(*float64)(unsafe.Add(ai0, wo)), *(*float64)(unsafe.Add(ai0, wo+8))
				z0 += w*x[0] + v*y[0]
				z1 += w*x[1] + v*y[1]
				z2 += w*x[2] + v*y[2]
				z3 += w*x[3] + v*y[3]
				z4 += w*x[4] + v*y[4]
				z5 += w*x[5] + v*y[5]
				z6 += w*x[6] + v*y[6]
				z7 += w*x[7] + v*y[7]
				bo += 2 * stride
				wo += 16
			}
			if p < k {
				x := (*[8]float64)(unsafe.Add(bj, bo))
				w := ai[p]
				z0 += w * x[0]
				z1 += w * x[1]
				z2 += w * x[2]
				z3 += w * x[3]
				z4 += w * x[4]
				z5 += w * x[5]
				z6 += w * x[6]
				z7 += w * x[7]
			}
			o := (*[8]float64)(c[i*ldc+j : i*ldc+j+8])
			o[0] += z0
			o[1] += z1
			o[2] += z2
			o[3] += z3
			o[4] += z4
			o[5] += z5
			o[6] += z6
			o[7] += z7
		}
		ci := c[i*ldc : i*ldc+n]
		j := n8
		for ; j+4 <= n; j += 4 {
			var z0, z1, z2, z3 float64
			bo := j
			for _, w := range ai {
				x := b[bo : bo+4 : bo+4]
				z0 += w * x[0]
				z1 += w * x[1]
				z2 += w * x[2]
				z3 += w * x[3]
				bo += ldb
			}
			o := ci[j : j+4 : j+4]
			o[0] += z0
			o[1] += z1
			o[2] += z2
			o[3] += z3
		}
		for ; j < n; j++ {
			z, bo := 0.0, j
			for _, w := range ai {
				z += w * b[bo]
				bo += ldb
			}
			ci[j] += z
		}
	}
}

// transpose writes the rows×cols matrix src (row stride lds) into dst as
// cols×rows (row stride ldd): dst[c*ldd+r] = src[r*lds+c]. Four rows of src
// at a time, so that each row of dst gets four neighbouring stores.
func transpose(dst []float64, ldd int, src []float64, lds int, rows, cols int) {
	if rows <= 0 || cols <= 0 {
		return
	}
	_ = dst[(cols-1)*ldd+rows-1]
	_ = src[(rows-1)*lds+cols-1]
	r := 0
	for ; r+4 <= rows; r += 4 {
		s0 := src[r*lds : r*lds+cols]
		s1 := src[(r+1)*lds : (r+1)*lds+cols]
		s2 := src[(r+2)*lds : (r+2)*lds+cols]
		s3 := src[(r+3)*lds : (r+3)*lds+cols]
		for c := range s0 {
			d := dst[c*ldd+r : c*ldd+r+4 : c*ldd+r+4]
			d[0], d[1], d[2], d[3] = s0[c], s1[c], s2[c], s3[c]
		}
	}
	for ; r < rows; r++ {
		for c, v := range src[r*lds : r*lds+cols] {
			dst[c*ldd+r] = v
		}
	}
}
