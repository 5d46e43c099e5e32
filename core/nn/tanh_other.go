//go:build !amd64

package nn

// useAVX2 is false off amd64: the Go kernels run (WebAssembly included).
const useAVX2 = false

func tanhSlice(v []float64) { tanhSliceGo(v) }
