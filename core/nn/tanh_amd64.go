package nn

// On amd64 with AVX2 and FMA, tanhSlice runs four values per instruction
// (tanh_amd64.s): the activation is two fifths of training time in Go's
// scalar code, and the native budget (DESIGN.md: ≥ 2M samples/s for
// BenchmarkTrainAE) needs it vectorised.

//go:noescape
func tanhAVX2(v []float64)

func cpuHasAVX2FMA() bool

var useAVX2 = cpuHasAVX2FMA()

func tanhSlice(v []float64) {
	if useAVX2 {
		n := len(v) &^ 3
		tanhAVX2(v[:n])
		tanhSliceGo(v[n:])
		return
	}
	tanhSliceGo(v)
}
