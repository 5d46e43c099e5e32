package contractive_test

import (
	"fmt"
	"math"

	"aelab/core/contractive"
)

// A tied contractive autoencoder trained on points near the unit circle:
// its code becomes most sensitive along the circle (the tangent) and
// contracted across it. Untied, the penalty is dodged instead: the encoder
// shrinks and the decoder grows.
func Example() {
	m, _ := contractive.New(contractive.Tied16, 1)
	fmt.Printf("before: tangent_alignment %.2f\n", m.TangentAlignment())
	m.Train(10000)
	fmt.Printf("after 10000 steps: tangent_alignment > 0.99: %v\n", m.TangentAlignment() > 0.99)
	s := m.CAE.JacobianSVD([]float64{1, 0}) // the tangent at (1, 0) is (0, ±1)
	fmt.Printf("at (1, 0): top direction within 10° of the tangent: %v, S2/S1 < 0.8: %v\n", math.Abs(s.V1[1]) > math.Cos(10*math.Pi/180), s.S2/s.S1 < 0.8)

	u, _ := contractive.New(contractive.Caveat, 1)
	enc, dec := u.EncNorm(), u.DecNorm()
	u.Train(3000)
	fmt.Printf("untied, 3000 steps: enc_norm ×%.1f, dec_norm ×%.0f\n", u.EncNorm()/enc, u.DecNorm()/dec)
	// Output:
	// before: tangent_alignment 0.71
	// after 10000 steps: tangent_alignment > 0.99: true
	// at (1, 0): top direction within 10° of the tangent: true, S2/S1 < 0.8: true
	// untied, 3000 steps: enc_norm ×0.1, dec_norm ×5
}
