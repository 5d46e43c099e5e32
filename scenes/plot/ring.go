package plot

// Ring keeps the last Cap values added, for the trails and histories a
// scene draws (the objective after each half-step, norms over training, a
// trade-off traced as λ moves). It allocates once, in NewRing.
type Ring[T any] struct {
	buf  []T
	n, h int
}

// NewRing returns an empty ring of capacity n.
func NewRing[T any](n int) Ring[T] { return Ring[T]{buf: make([]T, n)} }

// Add appends v, dropping the oldest value when the ring is full.
func (r *Ring[T]) Add(v T) {
	r.buf[r.h] = v
	r.h = (r.h + 1) % len(r.buf)
	r.n = min(r.n+1, len(r.buf))
}

// Len is the number of values kept.
func (r *Ring[T]) Len() int { return r.n }

// At returns the i-th value kept, oldest first.
func (r *Ring[T]) At(i int) T { return r.buf[(r.h-r.n+i+len(r.buf))%len(r.buf)] }

// Last returns the newest value; the ring must not be empty.
func (r *Ring[T]) Last() T { return r.At(r.n - 1) }

// Clear empties the ring.
func (r *Ring[T]) Clear() { r.n, r.h = 0, 0 }
