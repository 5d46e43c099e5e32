package undercomplete_test

import (
	"fmt"

	"aelab/core/undercomplete"
)

// A linear autoencoder 2-1-2 trained on an elongated cloud finds the cloud's
// principal axis: the angle between its decoder's line and PCA's first
// component goes to zero, and its error to PCA's.
func Example() {
	m := undercomplete.New(undercomplete.Default, 1)
	fmt.Printf("before: angle %.0f°\n", m.AngleDeg())
	m.Train(4000)
	fmt.Printf("after 4000 steps: angle < 1°: %v, mse/pca_mse < 1.01: %v\n", m.AngleDeg() < 1, m.MSE()/m.PCAMSE() < 1.01)
	// Output:
	// before: angle 36°
	// after 4000 steps: angle < 1°: true, mse/pca_mse < 1.01: true
}
