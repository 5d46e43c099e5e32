package contractive

// NormTrace records the encoder's and decoder's weight norms, ‖W‖_F and
// ‖V‖_F, over a whole training run, for the scene's plot of the caveat
// (f → εf, g → g/ε shows as one curve falling and the other rising).
//
// It holds at most Cap points and always covers the run from step 0: a
// point is kept every Every steps, and when the trace is full every other
// point is dropped and Every doubles. Model.Train records into it at the
// right steps however many steps one call runs, so aelab.train(4000) and
// 4000 frames of one step draw the same curve. It never allocates after
// NewNormTrace.
type NormTrace struct {
	Step     []int     // training step of each point, increasing
	Enc, Dec []float64 // ‖W‖_F and ‖V‖_F at those steps
	Every    int       // steps between points, a power of two
	cap      int
}

// NewNormTrace returns an empty trace of at most cap points (at least 2,
// rounded down to even).
func NewNormTrace(cap int) *NormTrace {
	cap = max(2, cap&^1)
	return &NormTrace{Step: make([]int, 0, cap), Enc: make([]float64, 0, cap),
		Dec: make([]float64, 0, cap), Every: 1, cap: cap}
}

// Cap returns the most points the trace holds.
func (t *NormTrace) Cap() int { return t.cap }

// Len returns the number of points.
func (t *NormTrace) Len() int { return len(t.Step) }

// Reset empties the trace.
func (t *NormTrace) Reset() {
	t.Step, t.Enc, t.Dec = t.Step[:0], t.Enc[:0], t.Dec[:0]
	t.Every = 1
}

// Next returns the step at which the trace wants its next point: 0 when
// empty, else the last point's step plus Every.
func (t *NormTrace) Next() int {
	if len(t.Step) == 0 {
		return 0
	}
	return t.Step[len(t.Step)-1] + t.Every
}

// Add records the norms at a step; steps before Next are ignored.
func (t *NormTrace) Add(step int, enc, dec float64) {
	if step < t.Next() {
		return
	}
	if len(t.Step) == t.cap {
		// keep points 0, 2, 4, …: step 0 stays, the spacing doubles
		for i := 0; i < t.cap/2; i++ {
			t.Step[i], t.Enc[i], t.Dec[i] = t.Step[2*i], t.Enc[2*i], t.Dec[2*i]
		}
		t.Step, t.Enc, t.Dec = t.Step[:t.cap/2], t.Enc[:t.cap/2], t.Dec[:t.cap/2]
		t.Every *= 2
		if step < t.Next() {
			return
		}
	}
	t.Step = append(t.Step, step)
	t.Enc = append(t.Enc, enc)
	t.Dec = append(t.Dec, dec)
}
