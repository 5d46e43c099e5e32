package hashing

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"aelab/core/data"
)

func TestPackHammingProbes(t *testing.T) {
	w := make([]uint32, 2)
	Pack(w, []float64{0.9, 0.1, 0.5, 0.49, 0, 1, 1, 0}, 4)
	if w[0] != 0b0101 || w[1] != 0b0110 {
		t.Errorf("Pack = %04b %04b, want 0101 0110", w[0], w[1])
	}
	if d := Hamming(w[0], w[1]); d != 2 {
		t.Errorf("Hamming = %d, want 2", d)
	}
	bitsOf := make([]float64, 4)
	Unpack(bitsOf, w[1])
	if !slices.Equal(bitsOf, []float64{0, 1, 1, 0}) {
		t.Errorf("Unpack = %v, want [0 1 1 0]", bitsOf)
	}
	for _, c := range []struct{ k, r, want int }{
		{16, 0, 1}, {16, 1, 17}, {16, 2, 137}, {8, 8, 256}, {8, 20, 256}, {4, 2, 11},
	} {
		if got := Probes(c.k, c.r); got != c.want {
			t.Errorf("Probes(%d, %d) = %d, want %d", c.k, c.r, got, c.want)
		}
	}
}

func TestBinaryFractionAndEntropy(t *testing.T) {
	if f := BinaryFraction([]float64{0.05, 0.5, 0.95, 0.2}); f != 0.5 {
		t.Errorf("BinaryFraction = %v, want 0.5", f)
	}
	scratch := make([]uint32, 8)
	for _, c := range []struct {
		words []uint32
		want  float64
	}{
		{[]uint32{3, 3, 3, 3}, 0},
		{[]uint32{1, 2, 3, 4}, 2},
		{[]uint32{7, 1, 7, 1}, 1},
		{[]uint32{0, 0, 0, 1, 1, 2, 2, 2}, -(3.0/8*math.Log2(3.0/8)*2 + 2.0/8*math.Log2(2.0/8))},
	} {
		if h := Entropy(c.words, scratch); math.Abs(h-c.want) > 1e-12 {
			t.Errorf("Entropy(%v) = %v, want %v", c.words, h, c.want)
		}
	}
}

// TestRankerMatchesSortedRanking: Query's average precision and counts,
// computed in one pass without sorting, equal those of the database
// stably sorted by Hamming distance, and Curve's precision and recall at
// every radius equal the counts of a direct scan.
func TestRankerMatchesSortedRanking(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	const k, n = 8, 300
	db, labels := make([]uint32, n), make([]int, n)
	for i := range db {
		db[i], labels[i] = uint32(r.IntN(1<<k)), r.IntN(4)
	}
	var rk Ranker
	for trial := 0; trial < 20; trial++ {
		q, label := uint32(r.IntN(1<<k)), r.IntN(4)
		ap := rk.Query(q, label, db, labels)
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return Hamming(q, db[a]) - Hamming(q, db[b]) })
		hits, sum := 0, 0.0
		for pos, i := range order {
			if labels[i] == label {
				hits++
				sum += float64(hits) / float64(pos+1)
			}
		}
		if want := sum / float64(hits); math.Abs(ap-want) > 1e-12 {
			t.Errorf("trial %d: average precision %v, sorted ranking gives %v", trial, ap, want)
		}
		for rad := 0; rad <= k; rad++ {
			got, rel := rk.Within(rad)
			wantGot, wantRel := 0, 0
			for i, w := range db {
				if Hamming(q, w) <= rad {
					wantGot++
					if labels[i] == label {
						wantRel++
					}
				}
			}
			if got != wantGot || rel != wantRel {
				t.Errorf("trial %d radius %d: Within = %d, %d; scan gives %d, %d", trial, rad, got, rel, wantGot, wantRel)
			}
			var c Curve
			c.Reset(k)
			c.Add(&rk)
			c.Finish(1)
			if wantGot > 0 && math.Abs(c.Precision[rad]-float64(wantRel)/float64(wantGot)) > 1e-12 ||
				math.Abs(c.Recall[rad]-float64(wantRel)/float64(hits)) > 1e-12 {
				t.Errorf("trial %d radius %d: curve P %v R %v", trial, rad, c.Precision[rad], c.Recall[rad])
			}
		}
	}
}

// TestPCAMedianSplitsInHalf: every bit of the PCA baseline is set for half
// of the data it was fitted on (the median threshold).
func TestPCAMedianSplitsInHalf(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	x := data.NewSet(201, 6)
	for i := range x.X {
		x.X[i] = r.NormFloat64() * float64(1+i%6)
	}
	p := NewPCAMedian(x, 4)
	w := make([]uint32, x.N)
	p.Hash(w, x)
	for j := 0; j < 4; j++ {
		set := 0
		for _, a := range w {
			set += int(a >> j & 1)
		}
		if set != 100 { // 201 points: the median itself is not above
			t.Errorf("bit %d is set for %d of 201 points, want 100", j, set)
		}
	}
}

// TestLSHBitsDifferWithTheAngle: a random-projection bit of two points
// differs with probability θ/π (Charikar 2002, from Goemans &
// Williamson's rounding), θ the angle between them (about their mean).
func TestLSHBitsDifferWithTheAngle(t *testing.T) {
	y := data.NewSet(3, 3)
	c, si := math.Cos(math.Pi/3), math.Sin(math.Pi/3)
	copy(y.X, []float64{1, 0, 0, c, si, 0, -1 - c, -si, 0}) // mean 0: θ(a, b) = π/3
	r := rand.New(rand.NewPCG(3, 3))
	differ, total := 0, 0
	w := make([]uint32, 3)
	for trial := 0; trial < 300; trial++ {
		p := NewLSH(y, 32, r)
		p.Hash(w, y)
		differ += Hamming(w[0], w[1])
		total += 32
	}
	if f := float64(differ) / float64(total); math.Abs(f-1.0/3) > 0.02 { // θ/π = 1/3; 9600 bits: sd 0.005
		t.Errorf("bits of points 60° apart differ with frequency %.3f, want 1/3", f)
	}
}
