//go:build !amd64

package nn

// Only amd64 has the assembly kernel; elsewhere useAVX2 is false and gemm
// never calls it.
func gemmAVX2(c *float64, ldc int, a *float64, lda int, b *float64, ldb int, m, n, k int) {
	panic("nn: no assembly gemm on this architecture")
}
