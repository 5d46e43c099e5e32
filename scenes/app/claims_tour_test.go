package app

import (
	"fmt"
	"strconv"
	"testing"

	"aelab/scenes/ui"
)

// TestTourClaims runs every guided-lecture stop that states a claim
// (an "expect" line of assets/tour.txt) as a class meets it: the tour
// arrives at the stop, play runs the claim's frames through the App's own
// frame loop at the stop's speed, and the claim is checked on the metrics
// then shown, on three seeds. A stop whose text and numbers disagree fails
// here (DESIGN.md, "Claims as data"; issue 10).
func TestTourClaims(t *testing.T) {
	claims := 0
	for n, st := range Tour {
		for _, c := range st.Expect {
			claims++
			for _, seed := range []int{1, 2, 3} {
				// each run its own App: side by side on the machine's cores
				t.Run(fmt.Sprintf("stop%02d/seed%d", n+1, seed), func(t *testing.T) {
					t.Parallel()
					a := newApp(t, "scene=pca&paused=1&seed="+strconv.Itoa(seed))
					a.goToStop(n + 1)
					for _, name := range c.Metrics() {
						if _, ok := a.State().Metrics[name]; !ok {
							t.Fatalf("stop %d: the claim %q reads %s, which scene %s does not measure", n+1, c.Source, name, st.Scene)
						}
					}
					a.SetPaused(false)
					in := &ui.Input{}
					for f := 0; f < c.Frames; f++ {
						a.Update(in)
					}
					a.SetPaused(true) // measures in full what the frames spread
					if ok, why := c.Check(a.State().Metrics); !ok {
						t.Errorf("stop %d (%.50s…), seed %d, step %d: %q fails: %s", n+1, st.Say, seed, a.Step(), c.Source, why)
					}
				})
			}
		}
	}
	if claims < 10 {
		t.Errorf("only %d claims in the guided lecture", claims)
	}
}
