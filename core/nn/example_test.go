package nn_test

import (
	"fmt"

	"aelab/core/data"
	"aelab/core/nn"
	"aelab/core/rng"
)

// Greedy layer-wise pretraining on the 8×8 digits (the lecture's slide
// "Unsupervized pretraining"; Bengio et al. 2007): train a shallow
// autoencoder, train a second one on its codes, stack the two encoders and
// the two decoders into a deep autoencoder and fine-tune it, then freeze the
// encoder and train a classifier head on its codes.
func Example_greedyPretraining() {
	digits, err := data.Load("digits", nil)
	if err != nil {
		panic(err)
	}
	train, test := digits.Split(0.25, rng.New(1, rng.StreamData))
	sig := []nn.Activation{nn.Sigmoid, nn.Sigmoid}
	fit := func(obj nn.Objective, x *data.Set, labels []int, steps int) {
		tr := nn.NewTrainer(obj, nn.NewAdam(0.01), x, 64, rng.New(1, rng.StreamBatches))
		tr.Labels = labels
		tr.Step(steps)
	}
	// Stage 1: 64 → 32 → 64, sigmoid units with the cross-entropy score.
	ae1 := nn.New([]int{64, 32, 64}, sig)
	ae1.Init(rng.New(1, rng.StreamWeights))
	fit(&nn.Autoencoder{Net: ae1, Loss: nn.CrossEntropy}, train.X, nil, 600)
	// Stage 2: 32 → 8 → 32 on the codes of stage 1.
	codes := data.NewSet(train.N(), 32)
	ae1.Apply(codes.X, 1, train.X, ae1.NewBatch(64))
	ae2 := nn.New([]int{32, 8, 32}, sig)
	ae2.Init(rng.New(2, rng.StreamWeights))
	fit(&nn.Autoencoder{Net: ae2, Loss: nn.CrossEntropy}, codes, nil, 600)
	// Unroll into 64 → 32 → 8 → 32 → 64 and fine-tune the whole stack.
	deep := nn.Stack(&ae1.Layers[0], &ae2.Layers[0], &ae2.Layers[1], &ae1.Layers[1])
	b := deep.NewBatch(64)
	before := deep.ReconstructionError(test.X, b)
	fit(&nn.Autoencoder{Net: deep, Loss: nn.CrossEntropy}, train.X, nil, 600)
	after := deep.ReconstructionError(test.X, b)
	fmt.Println("fine-tuning lowers the test error:", after < before)
	// A classifier head on the frozen 8-unit code.
	head := nn.New([]int{8, 10}, []nn.Activation{nn.Linear})
	head.Init(rng.New(3, rng.StreamWeights))
	clf := nn.Stack(&deep.Layers[0], &deep.Layers[1], &head.Layers[0])
	clf.Layers[0].Frozen, clf.Layers[1].Frozen = true, true
	fit(nn.NewClassifier(clf), train.X, train.Labels, 1500)
	acc := clf.Accuracy(test.X.X, test.Labels, clf.NewBatch(64))
	fmt.Println("test accuracy from the 8 pretrained features ≥ 80%:", acc >= 0.8)
	// Output:
	// fine-tuning lowers the test error: true
	// test accuracy from the 8 pretrained features ≥ 80%: true
}
