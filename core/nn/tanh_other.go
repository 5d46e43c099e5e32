//go:build !amd64

package nn

func tanhSlice(v []float64) { tanhSliceGo(v) }
