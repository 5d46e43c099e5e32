package nn

// MSE returns the lecture's squared-error loss L(x̂, x) = ‖x̂ − x‖² averaged
// over the b.N samples of a batch after Forward,
//
//	(1/N) Σ_s ‖y_s − t_s‖²,
//
// with outputs y in b.A[last] and targets t in b.T, and writes its gradient
// 2(y − t)/N into b.G[last], ready for Backward.
func MSE(b *Batch) float64 {
	last := len(b.A) - 1
	y, g := b.A[last], b.G[last]
	dim := len(y) / b.Cap
	scale := 2 / float64(b.N)
	b.OutputDelta = false
	total := 0.0
	for i := 0; i < dim; i++ {
		row := i * b.Cap
		ys, ts, gs := y[row:row+b.N], b.T[row:row+b.N], g[row:row+b.N]
		for s, v := range ys {
			d := v - ts[s]
			total += d * d
			gs[s] = scale * d
		}
	}
	return total / float64(b.N)
}
