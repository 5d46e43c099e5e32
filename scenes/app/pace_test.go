package app

import (
	"testing"
	"time"
)

// runPaced runs want steps through p as train does, each step advancing
// the clock by cost (a slower step from the slow-th on), and returns the
// pieces planned.
func runPaced(p *pacer, clock *fakeClock, want int, cost func(step int) time.Duration) (pieces []int) {
	ran := 0
	for ran < want {
		k := p.next(want - ran)
		if k == 0 {
			break
		}
		pieces = append(pieces, k)
		for i := 0; i < k; i++ {
			clock.advance(cost(ran + i))
		}
		p.done(k)
		ran += k
	}
	return pieces
}

func sum(v []int) int {
	s := 0
	for _, x := range v {
		s += x
	}
	return s
}

// TestPacer: a frame's run is one step to time the cost, then as many as
// fit what is left of the budget, and ends within it (by at most a step);
// a step longer than the whole budget still runs, once; steps too fast for
// the clock double the piece until they show; a step that turns slow
// mid-piece (which no parameter change does within a run) cannot be
// caught inside that piece, but the run stops at the next one.
func TestPacer(t *testing.T) {
	const budget = 5 * time.Millisecond
	for _, tc := range []struct {
		name    string
		cost    func(int) time.Duration
		want    int   // steps asked
		steps   int   // steps run
		pieces  []int // as planned, when given
		elapsed time.Duration
		slow    bool // the cost changed mid-piece: bounded by that piece
	}{
		{"cheap steps: all of them", func(int) time.Duration { return time.Microsecond }, 1000, 1000, []int{1, 999}, 1000 * time.Microsecond, false},
		{"fill the budget", func(int) time.Duration { return 100 * time.Microsecond }, 1000, 50, []int{1, 49}, budget, false},
		{"one heavy step", func(int) time.Duration { return 30 * time.Millisecond }, 1000, 1, []int{1}, 30 * time.Millisecond, false},
		{"too fast for the clock", func(int) time.Duration { return 0 }, 100, 100, []int{1, 2, 4, 8, 16, 32, 37}, 0, false},
		{"turns slow", func(i int) time.Duration {
			if i < 11 {
				return 100 * time.Microsecond
			}
			return 10 * time.Millisecond
		}, 1000, 50, []int{1, 49}, 11*100*time.Microsecond + 39*10*time.Millisecond, true},
	} {
		clock := &fakeClock{t: time.Unix(0, 0)}
		var p pacer
		p.begin(clock.now, budget, 0, 1, tc.want)
		pieces := runPaced(&p, clock, tc.want, tc.cost)
		elapsed := clock.now().Sub(time.Unix(0, 0))
		if tc.pieces != nil {
			if len(pieces) != len(tc.pieces) {
				t.Errorf("%s: pieces %v, want %v", tc.name, pieces, tc.pieces)
			} else {
				for i := range pieces {
					if pieces[i] != tc.pieces[i] {
						t.Errorf("%s: pieces %v, want %v", tc.name, pieces, tc.pieces)
						break
					}
				}
			}
			if sum(pieces) != tc.steps || elapsed != tc.elapsed {
				t.Errorf("%s: %d steps in %v, want %d in %v", tc.name, sum(pieces), elapsed, tc.steps, tc.elapsed)
			}
		}
		// never more than one step past the budget, and at least one step
		if sum(pieces) < 1 {
			t.Errorf("%s: no step", tc.name)
		}
		last := tc.cost(sum(pieces) - 1)
		if !tc.slow && elapsed > budget+last {
			t.Errorf("%s: %v for %d steps, more than the budget %v and one step %v", tc.name, elapsed, sum(pieces), budget, last)
		}
		if p.stopped != (sum(pieces) < tc.want) {
			t.Errorf("%s: stopped %v after %d of %d steps", tc.name, p.stopped, sum(pieces), tc.want)
		}
	}
}

// TestPacerReserve: a Train call's run keeps its reserve (the last
// measure) out of the budget, and its pieces stay within its chunks.
func TestPacerReserve(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	var p pacer
	p.begin(clock.now, 2*time.Second, 500*time.Millisecond, 10, 10)
	pieces := runPaced(&p, clock, 10000, func(int) time.Duration { return 10 * time.Millisecond })
	for _, k := range pieces {
		if k > 10 {
			t.Fatalf("a piece of %d steps, chunks of 10", k)
		}
	}
	if n := sum(pieces); n != 150 {
		t.Errorf("%d steps of 10 ms in 2 s keeping 0.5 s, want 150", n)
	}
	if !p.stopped {
		t.Error("the run ended on its budget but does not say so")
	}
}

func TestTrainTime(t *testing.T) {
	if got := trainTime(200); got != 2*time.Second {
		t.Errorf("trainTime(200) = %v, want 2 s", got)
	}
	if got := trainTime(1 << 62); got <= 0 {
		t.Errorf("trainTime of a huge n = %v, want the largest duration", got)
	}
}
