package nn

// gemmAVX2 is gemm over m&^3 rows and n&^7 columns with AVX2 and FMA
// (gemm_amd64.s); gemm checks the bounds and passes the rest to gemmGo.
//
//go:noescape
func gemmAVX2(c *float64, ldc int, a *float64, lda int, b *float64, ldb int, m, n, k int)
