package app

import (
	"math"
	"strconv"
	"time"
)

// Wall-time budgets. Go's WebAssembly has one thread: training runs inside
// Update and aelab.train(n) on the page's event loop, so a run of steps
// that outlasts its budget freezes the tab. The budgets are in wall time
// on whatever runs the App; a browser runs the same steps about three
// times slower than native code, so the same budget gives it about a
// third of the steps.
const (
	// trainBudget caps the training time per frame, so a high steps/frame
	// setting, or a scene whose steps are heavy (a wide deep net, a large
	// dictionary), slows training instead of the frame rate. A frame runs
	// at least one step however long it takes (training never stalls): the
	// scenes keep a step within a few milliseconds at every setting.
	trainBudget = 5 * time.Millisecond
	// trainTimePerStep is what a Train call may spend per step asked for:
	// train(200) gets 2 s, the longest a lecture hall should watch a frozen
	// page; a call for steps cheap enough (every scene at its defaults)
	// runs them all.
	trainTimePerStep = 10 * time.Millisecond
	// measureShare: a run measures (for the loss curve and the readouts)
	// only once the time since its last measure is this many times that
	// measure's cost, so measuring takes at most about a fifth of the run
	// whatever it costs (a cheap measure still runs after every piece).
	measureShare = 4
)

// trainTime is the wall-time budget of a Train call for n steps.
func trainTime(n int) time.Duration {
	if n > math.MaxInt64/int(trainTimePerStep) {
		return math.MaxInt64
	}
	return time.Duration(n) * trainTimePerStep
}

// A pacer splits a run of training steps (a frame's, or a Train call's)
// into pieces that end it within a wall-time budget: it times each piece
// and sizes the next from the cost per step it saw last, so the run stops
// when one more step would not fit. The first piece of a run is a single
// few steps, timed afresh: a step's cost changes with the parameters (a
// wider net, a smaller λ makes each LASSO longer) and as training goes
// (warm starts get cheaper). A frame's first piece is one step, the most
// it may overshoot by; a Train call's is one of its chunks, which cannot
// overshoot its budget unless a step takes seconds. Every run makes at
// least one step.
type pacer struct {
	now      func() time.Time
	start    time.Time     // when the run began
	budget   time.Duration // what the run may take, with the reserve
	reserve  time.Duration // kept for what follows the steps
	first    int           // the size of the first piece
	maxPiece int           // the longest piece (Train measures between pieces)

	pieceAt  time.Time     // when the current piece began
	perStep  time.Duration // the cost of a step in the last piece; 0: too fast to time
	ran      int           // steps run so far in this run
	stopped  bool          // the run ended on its budget with steps left
	pieces   int           // pieces planned in this run
	lastSize int           // the last piece's size
}

// begin starts a run timed by now that may take budget, keeping reserve of
// it for what follows the steps, in pieces of first steps, then of at most
// maxPiece.
func (p *pacer) begin(now func() time.Time, budget, reserve time.Duration, first, maxPiece int) {
	p.now = now
	p.start = now()
	p.budget, p.reserve = budget, reserve
	p.maxPiece = max(1, maxPiece)
	p.first = min(max(1, first), p.maxPiece)
	p.ran, p.stopped, p.pieces, p.lastSize = 0, false, 0, 0
}

// next returns the size of the next piece for left steps still wanted, or
// 0 when the run must stop.
func (p *pacer) next(left int) int {
	if left <= 0 {
		return 0
	}
	now := p.now()
	k := p.first
	switch {
	case p.pieces == 0:
		// the first piece, to time
	case p.perStep == 0:
		// too fast for the clock to see (a browser's is coarse): double
		k = 2 * p.lastSize
	default:
		room := p.budget - p.reserve - now.Sub(p.start)
		k = int(room / p.perStep)
		if k < 1 {
			p.stopped = true
			return 0
		}
	}
	if p.pieces > 0 && now.Sub(p.start) >= p.budget-p.reserve {
		p.stopped = true
		return 0
	}
	k = min(k, left, p.maxPiece)
	p.pieceAt, p.lastSize = now, k
	p.pieces++
	return k
}

// done records that the piece just planned made steps steps.
func (p *pacer) done(steps int) {
	p.ran += steps
	if steps > 0 {
		p.perStep = p.now().Sub(p.pieceAt) / time.Duration(steps)
	}
}

// roundCost writes the cost of a step for a message: "0.3 ms", "42 ms".
func roundCost(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	if ms < 10 {
		return strconv.FormatFloat(ms, 'f', 1, 64) + " ms"
	}
	return strconv.FormatFloat(ms, 'f', 0, 64) + " ms"
}
