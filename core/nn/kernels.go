package nn

// The kernels below are the whole inner loop of training. They work on
// feature-major batches (feature i of sample s at i*cap+s), so each runs
// over the n samples of a batch, with several samples per iteration held in
// registers: Go does not vectorise, and as WebAssembly the loop overhead and
// bounds checks of a one-at-a-time loop cost as much as the arithmetic
// (measured: 3.8 ns per multiply-add one at a time, 1.1 ns four at a time).
// Layers wider than two units go through gemm (gemm.go).

// linearForward computes a layer's pre-activations for the n samples of a
// batch, z = Wa + b:
//
//	dst[r*cap+s] = bias[r] + Σ_c w[r*cols+c] · src[c*cap+s]   (r < rows, c < cols)
//
// One- and two-input layers (2-D data, 1-D codes: most layers of the lab's
// toy nets) take a straight pass over the samples; wider ones go through
// gemm after the biases are set.
func linearForward(dst, w, bias, src []float64, rows, cols, cap, n int) {
	if cols <= 2 {
		affineNarrow(dst, w, bias, src, rows, cols, cols, 1, cap, n)
		return
	}
	for r := 0; r < rows; r++ {
		out := dst[r*cap : r*cap+n]
		for s := range out {
			out[s] = bias[r]
		}
	}
	gemm(dst, cap, w, cols, src, cap, rows, n, cols)
}

// inputGrad computes the gradient with respect to a layer's inputs from
// delta, the gradient with respect to its pre-activations: g = Wᵀδ,
//
//	dst[c*cap+s] = Σ_r w[r*cols+c] · delta[r*cap+s]   (c < cols, r < rows).
//
// work is scratch of at least rows·cols numbers for Wᵀ.
func inputGrad(dst, w, delta []float64, rows, cols, cap, n int, work []float64) {
	if rows <= 2 {
		affineNarrow(dst, w, nil, delta, cols, rows, 1, cols, cap, n)
		return
	}
	wt := work[:rows*cols]
	transpose(wt, rows, w, cols, rows, cols)
	for c := 0; c < cols; c++ {
		clear(dst[c*cap : c*cap+n])
	}
	gemm(dst, cap, wt, rows, delta, cap, cols, n, rows)
}

// weightGrad accumulates a layer's weight and bias gradients,
//
//	gw[r*cols+c] += Σ_s delta[r*cap+s] · src[c*cap+s],  gb[r] += Σ_s delta[r*cap+s],
//
// as the product Δ·Aᵀ after transposing the inputs into work (at least
// n·cols numbers). Layers of fewer than 8 inputs, too narrow for gemm's
// tiles, sum over the samples directly (outerAcc).
func weightGrad(gw, gb, delta, src []float64, rows, cols, cap, n int, work []float64) {
	if cols < 8 {
		outerAcc(gw, gb, delta, src, rows, cols, cap, n)
		return
	}
	for r := 0; r < rows; r++ {
		gb[r] += sum(delta[r*cap : r*cap+n])
	}
	at := work[:n*cols]
	transpose(at, cols, src, cap, cols, n)
	gemm(gw, cols, delta, cap, at, cols, rows, cols, n)
}

// affineNarrow computes, for r < rows and s < n,
//
//	dst[r*cap+s] = bias[r] + Σ_c w[r*rs+c*cs] · src[c*cap+s]   (c < cols ≤ 2)
//
// bias may be nil (zero). With rs = cols, cs = 1 it is a forward pass; with
// rs = 1, cs = rows the backward pass through the weights.
func affineNarrow(dst, w, bias, src []float64, rows, cols, rs, cs, cap, n int) {
	for r := 0; r < rows; r++ {
		b := 0.0
		if bias != nil {
			b = bias[r]
		}
		out := dst[r*cap : r*cap+n]
		switch cols {
		case 1:
			affine1(out, b, w[r*rs], src[:n])
		case 2:
			affine2(out, b, w[r*rs], src[:n], w[r*rs+cs], src[cap:cap+n])
		default:
			panic("nn: affineNarrow needs 1 or 2 columns")
		}
	}
}

// affine1 sets out[s] = b + w·a[s].
func affine1(out []float64, b, w float64, a []float64) {
	a = a[:len(out)]
	s := 0
	for ; s+4 <= len(out); s += 4 {
		o, x := out[s:s+4:s+4], a[s:s+4:s+4]
		o[0] = b + w*x[0]
		o[1] = b + w*x[1]
		o[2] = b + w*x[2]
		o[3] = b + w*x[3]
	}
	for ; s < len(out); s++ {
		out[s] = b + w*a[s]
	}
}

// affine2 sets out[s] = b + w·a[s] + v·c[s].
func affine2(out []float64, b, w float64, a []float64, v float64, c []float64) {
	a, c = a[:len(out)], c[:len(out)]
	s := 0
	for ; s+4 <= len(out); s += 4 {
		o, x, y := out[s:s+4:s+4], a[s:s+4:s+4], c[s:s+4:s+4]
		o[0] = b + w*x[0] + v*y[0]
		o[1] = b + w*x[1] + v*y[1]
		o[2] = b + w*x[2] + v*y[2]
		o[3] = b + w*x[3] + v*y[3]
	}
	for ; s < len(out); s++ {
		out[s] = b + w*a[s] + v*c[s]
	}
}

// outerAcc accumulates the weight and bias gradients of a layer:
//
//	gw[r*cols+c] += Σ_s delta[r*cap+s] · src[c*cap+s],  gb[r] += Σ_s delta[r*cap+s]
//
// over the n samples of the batch, four columns per pass over delta: the
// weight gradient of layers too narrow for gemm.
func outerAcc(gw, gb, delta, src []float64, rows, cols, cap, n int) {
	for r := 0; r < rows; r++ {
		d := delta[r*cap : r*cap+n]
		gb[r] += sum(d)
		g := gw[r*cols : (r+1)*cols]
		c := 0
		for ; c+4 <= cols; c += 4 {
			a0 := src[c*cap : c*cap+n]
			a1 := src[(c+1)*cap : (c+1)*cap+n]
			a2 := src[(c+2)*cap : (c+2)*cap+n]
			a3 := src[(c+3)*cap : (c+3)*cap+n]
			var s0, s1, s2, s3 float64
			for s, v := range d {
				s0 += v * a0[s]
				s1 += v * a1[s]
				s2 += v * a2[s]
				s3 += v * a3[s]
			}
			g[c] += s0
			g[c+1] += s1
			g[c+2] += s2
			g[c+3] += s3
		}
		for ; c < cols; c++ {
			g[c] += Dot(d, src[c*cap:c*cap+n])
		}
	}
}

// Dot returns Σ x[i]·y[i] with four independent accumulators.
func Dot(x, y []float64) float64 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		s0 += x[i] * y[i]
		s1 += x[i+1] * y[i+1]
		s2 += x[i+2] * y[i+2]
		s3 += x[i+3] * y[i+3]
	}
	for ; i < len(x); i++ {
		s0 += x[i] * y[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// sum returns Σ x[i] with four independent accumulators.
func sum(x []float64) float64 {
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		s0 += x[i]
		s1 += x[i+1]
		s2 += x[i+2]
		s3 += x[i+3]
	}
	for ; i < len(x); i++ {
		s0 += x[i]
	}
	return (s0 + s1) + (s2 + s3)
}
