package hashing

import (
	"math"
	"math/bits"
	"slices"
)

// MaxK is the most code bits a word holds here.
const MaxK = 32

// Pack rounds each K-dimensional code in codes (row-major, values in
// [0, 1]) at 0.5 into a word whose bit j is unit j: the example's address.
func Pack(dst []uint32, codes []float64, k int) {
	if k < 1 || k > MaxK || len(codes) != len(dst)*k {
		panic("hashing: Pack needs len(codes) == len(dst)·K, 1 ≤ K ≤ 32")
	}
	for n := range dst {
		var w uint32
		for j, c := range codes[n*k : (n+1)*k] {
			if c >= 0.5 {
				w |= 1 << j
			}
		}
		dst[n] = w
	}
}

// Unpack writes the bits of w as 0s and 1s into dst (K = len(dst)).
func Unpack(dst []float64, w uint32) {
	for j := range dst {
		dst[j] = float64(w >> j & 1)
	}
}

// Hamming is the number of bits in which a and b differ.
func Hamming(a, b uint32) int { return bits.OnesCount32(a ^ b) }

// Binary is how close to 0 or 1 a code value must be to count as a bit in
// BinaryFraction (the 0.1).
const Binary = 0.1

// BinaryFraction returns the share of code values below Binary or above
// 1 − Binary: near 0 for codes piled around 0.5, 1 for bits.
func BinaryFraction(codes []float64) float64 {
	if len(codes) == 0 {
		return 0
	}
	n := 0
	for _, c := range codes {
		if c < Binary || c > 1-Binary {
			n++
		}
	}
	return float64(n) / float64(len(codes))
}

// Entropy returns the entropy in bits of the empirical distribution of the
// words, −Σ p log₂ p over the distinct addresses: K when N ≥ 2^K examples
// spread evenly over all addresses, log₂ N when every example has one of
// its own, 0 when all share one. It sorts scratch (len(words)), allocating
// nothing.
func Entropy(words, scratch []uint32) float64 {
	if len(words) == 0 {
		return 0
	}
	s := scratch[:len(words)]
	copy(s, words)
	slices.Sort(s)
	n := float64(len(s))
	h := 0.0
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j] == s[i] {
			j++
		}
		p := float64(j-i) / n
		h -= p * math.Log2(p)
		i = j
	}
	return h
}

// Probes returns the number of addresses within Hamming distance r of an
// address of K bits, Σ_{d ≤ r} C(K, d): what retrieval at radius r looks
// up.
func Probes(k, r int) int {
	total, c := 0, 1
	for d := 0; d <= min(r, k); d++ {
		total += c
		c = c * (k - d) / (d + 1)
	}
	return total
}

// Ranker scores Hamming retrieval of a query in a database of addresses
// with class labels; an example is relevant when it has the query's class
// (the paper's measure for labelled documents, section 4). It keeps its
// counts per distance, so that one pass over the database gives the
// precision and recall at every radius and the average precision of the
// ranking by distance. The zero Ranker is ready; it allocates nothing
// after its first query.
type Ranker struct {
	// Count[d] and Relevant[d] are the number of database examples at
	// Hamming distance d from the last query, and how many of them are
	// relevant.
	Count, Relevant [MaxK + 1]int
	dist            []uint8
}

// Query ranks the database db (labels its classes) by Hamming distance
// from address q of class label, fills Count and Relevant and returns the
// average precision of the ranking (Manning, Raghavan & Schütze,
// Introduction to Information Retrieval, 2008, section 8.4): the mean,
// over the relevant examples, of the precision of the ranking cut just
// after each. Examples at equal distance are ranked in database order; a
// database in random order makes that a random tie-break. With no
// relevant example it returns 0.
func (r *Ranker) Query(q uint32, label int, db []uint32, labels []int) float64 {
	if len(labels) != len(db) {
		panic("hashing: Query needs a label for each address")
	}
	if cap(r.dist) < len(db) {
		r.dist = make([]uint8, len(db))
	}
	dist := r.dist[:len(db)]
	r.Count, r.Relevant = [MaxK + 1]int{}, [MaxK + 1]int{}
	for n, w := range db {
		d := bits.OnesCount32(q ^ w)
		dist[n] = uint8(d)
		r.Count[d]++
		if labels[n] == label {
			r.Relevant[d]++
		}
	}
	// rank and relevant count at the start of each distance's block
	var start, relStart [MaxK + 1]int
	total, rel := 0, 0
	for d := range r.Count {
		start[d], relStart[d] = total, rel
		total += r.Count[d]
		rel += r.Relevant[d]
	}
	if rel == 0 {
		return 0
	}
	sum := 0.0
	for n, d := range dist {
		start[d]++
		if labels[n] == label {
			relStart[d]++
			sum += float64(relStart[d]) / float64(start[d])
		}
	}
	return sum / float64(rel)
}

// Within returns the examples retrieved at radius rad by the last query
// and how many of them are relevant: the counts at distances 0…rad.
func (r *Ranker) Within(rad int) (retrieved, relevant int) {
	for d := 0; d <= min(rad, MaxK); d++ {
		retrieved += r.Count[d]
		relevant += r.Relevant[d]
	}
	return retrieved, relevant
}

// Curve accumulates precision and recall over queries at every radius
// 0…K: precision is averaged over the queries that retrieve something at
// that radius (a query whose ball is empty has no precision), recall over
// all queries.
type Curve struct {
	K                 int
	precSum, recSum   [MaxK + 1]float64
	nPrec, nRec       [MaxK + 1]int
	Precision, Recall [MaxK + 1]float64 // after Finish
	Retrieved         [MaxK + 1]float64 // mean examples retrieved per query, after Finish
	retrievedSum      [MaxK + 1]float64
}

// Reset empties the curve for codes of K bits.
func (c *Curve) Reset(k int) { *c = Curve{K: k} }

// Add adds the last query of r.
func (c *Curve) Add(r *Ranker) {
	totalRel := 0
	for d := 0; d <= c.K; d++ {
		totalRel += r.Relevant[d]
	}
	got, rel := 0, 0
	for d := 0; d <= c.K; d++ {
		got += r.Count[d]
		rel += r.Relevant[d]
		if got > 0 {
			c.precSum[d] += float64(rel) / float64(got)
			c.nPrec[d]++
		}
		if totalRel > 0 {
			c.recSum[d] += float64(rel) / float64(totalRel)
			c.nRec[d]++
		}
		c.retrievedSum[d] += float64(got)
	}
}

// Finish computes Precision, Recall and Retrieved from what was added. A
// radius at which no query retrieved anything has precision 0 (nothing
// found).
func (c *Curve) Finish(queries int) {
	for d := 0; d <= c.K; d++ {
		c.Precision[d], c.Recall[d], c.Retrieved[d] = 0, 0, 0
		if c.nPrec[d] > 0 {
			c.Precision[d] = c.precSum[d] / float64(c.nPrec[d])
		}
		if c.nRec[d] > 0 {
			c.Recall[d] = c.recSum[d] / float64(c.nRec[d])
		}
		if queries > 0 {
			c.Retrieved[d] = c.retrievedSum[d] / float64(queries)
		}
	}
}
