package sparse_test

import (
	"fmt"

	"aelab/core/sparse"
)

// Sparse coding of points made of five directions in the plane: by
// alternating LASSO codes (W-step) and atom updates (D-step), the learned
// atoms become the five directions, so that a point on one of them is
// coded by one atom alone, its coefficient shrunk by λ/2.
func Example() {
	m := sparse.New(sparse.Default2D, 1) // λ = 0.1, K = 5 atoms
	fmt.Printf("objective %.4f\n", m.Objective())
	m.Train(100)
	fmt.Printf("after 100 alternations: objective %.4f, sparsity %.2f, atom_norm %.2f\n", m.Objective(), m.Sparsity(), m.AtomNorm())
	w := make([]float64, 5)
	m.Encode(w, []float64{0, 0.8}) // a point on the vertical ray
	fmt.Printf("code of (0, 0.8): %.2f\n", w)
	// Output:
	// objective 0.6250
	// after 100 alternations: objective 0.0711, sparsity 0.33, atom_norm 1.00
	// code of (0, 0.8): [0.00 0.75 0.00 0.00 0.00]
}
