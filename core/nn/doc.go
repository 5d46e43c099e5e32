// Package nn holds the neural networks the lab trains live, from the 2-D toys
// to deep autoencoders on 28×28 images: dense layers with linear, tanh,
// sigmoid or ReLU units, stacked into an MLP whose forward and backward
// passes run over a whole minibatch; the losses (squared error,
// cross-entropy for sigmoid outputs, softmax cross-entropy for a classifier
// head); SGD with momentum and Adam; and a Trainer that steps an Objective n
// minibatches at a time without allocating.
//
// Layout. All weights and biases of a Net live in one flat slice (Params),
// its gradient in another (Grads) of the same layout, so that optimizers,
// snapshots and finiteness checks are single loops. A Batch stores its
// activations feature-major: feature i of sample s is A[i*Cap+s]. Every inner
// loop then runs over the samples of the batch, which is long and contiguous
// even when a layer is one unit wide (the code of a 2-32-1-32-2 autoencoder),
// and needs no loop-carried dependency (see kernels.go).
//
// Kernels. A layer's three products over a minibatch, Z = WA + b, Wᵀδ and
// δAᵀ, are one matrix product, gemm (gemm.go): tiles of 4 rows × 8 columns
// in AVX2 assembly on amd64 (gemm_amd64.s), tiles of 2 × 4 in plain Go
// elsewhere, WebAssembly included (one thread, no SIMD from Go). Layers of
// one or two inputs keep straight passes over the samples. Each kernel
// matches a plain loop to 1e-12 (kernels_test.go). Measured on the 2-core
// machine of DESIGN.md, before → after (samples/s, native / WebAssembly in
// node): BenchmarkTrainDeep (64-32-16-2-16-32-64) 186k → 810k / 77k → 105k,
// BenchmarkTrainDeepMNIST (784-128-32-2-32-128-784) 4.7k → 29k / 2.1k →
// 3.7k; BenchmarkTrainAE unchanged (≈3M / ≈850k).
//
// What the lecture's models need:
//
//   - units per layer (Activation) and the losses MSE, CrossEntropy
//     ("sigmoidal units, cross-entropy score") and SoftmaxCrossEntropy with
//     the Classifier objective and Trainer.Labels;
//   - Layer.Noise, Gaussian noise before a layer's non-linearity, which
//     drives sigmoid codes to binary values (semantic hashing);
//   - VAE, the reparameterised Gaussian code and its KL term (the
//     stochastic autoencoder, Kingma & Welling 2014), with Gaussian and
//     Bernoulli decoders (Likelihood) and the importance-weighted estimate
//     of log p(x) (LogPx; Burda et al. 2016);
//   - Layer.Frozen and Stack: greedy layer-wise pretraining of shallow
//     autoencoders, unrolled into a deep one and fine-tuned, or topped by a
//     classifier (Hinton & Salakhutdinov 2006; Bengio et al. 2007);
//   - SGD (with momentum) and Adam.
//
// Every gradient is checked against gonum's finite differences
// (nn_test.go, layers_test.go).
//
// The lecture's optimisation task, Σₙ L(g(f(xₙ)), xₙ) → min over θ,
// "trained with backpropagation using minibatches" (its introduction), is
// Trainer.Step on an Autoencoder objective; other objectives (contractive,
// sparse, classifier, VAE) implement Objective and train the same way.
package nn
