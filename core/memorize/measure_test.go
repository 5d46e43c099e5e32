package memorize

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"aelab/core/data"
)

// TestMeasureTable prints the measurements of the caveat over settings
// (MEMORIZE_MEASURE=1 go test -run MeasureTable -v): the figures behind
// the tour's claims and the closing note.
func TestMeasureTable(t *testing.T) {
	if os.Getenv("MEMORIZE_MEASURE") == "" {
		t.Skip("set MEMORIZE_MEASURE=1")
	}
	steps, _ := strconv.Atoi(os.Getenv("STEPS"))
	if steps == 0 {
		steps = 5000
	}
	var im *data.Images
	set := os.Getenv("SET")
	if set == "" {
		set = Gauss
	}
	if set == Digits {
		var err error
		if im, err = data.Load("digits", nil); err != nil {
			t.Fatal(err)
		}
	}
	lr, _ := strconv.ParseFloat(os.Getenv("LR"), 64)
	if lr == 0 {
		lr = Default.LR
	}
	n, _ := strconv.Atoi(os.Getenv("N"))
	if n == 0 {
		n = 32
	}
	w, _ := strconv.Atoi(os.Getenv("W"))
	if w == 0 {
		w = 64
	}
	depths := []int{0, 1, 2, 3, 4}
	if d := os.Getenv("DEPTHS"); d != "" {
		depths = depths[:0]
		for _, f := range strings.Split(d, ",") {
			v, _ := strconv.Atoi(f)
			depths = append(depths, v)
		}
	}
	for _, depth := range depths {
		for seed := uint64(1); seed <= 3; seed++ {
			m := New(Config{Data: set, NTrain: n, Depth: depth, Width: w, LR: lr}, seed, im)
			t0 := time.Now()
			at := []int{}
			for done := 0; done < steps; {
				k := min(steps-done, 250)
				m.Step(k)
				done += k
				if done == 500 || done == 750 || done == 1000 || done%2000 == 0 || done == steps {
					at = append(at, done)
					m.Measure()
					t.Logf("%s N=%d depth=%d w=%d seed=%d step %5d: train %.4g test %.4g (pca %.4g/%.4g) mem %.2f (pca %.2f) knn %.2f rank %.2f  %.2fs",
						set, n, depth, w, seed, done, m.TrainMSE, m.TestMSE, m.PCATrainMSE, m.PCATestMSE, m.Memorized, m.PCAMemorized, m.KNNPreserved, m.CodeRankCorr, time.Since(t0).Seconds())
				}
			}
		}
	}
}
