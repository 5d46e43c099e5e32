// Package nn holds the small neural networks the lab trains live: dense
// layers with linear, tanh, sigmoid or ReLU activations, stacked into an MLP
// whose forward and backward passes run over a whole minibatch, the mean
// squared error, SGD with momentum and Adam, and a Trainer that steps an
// autoencoder n minibatches at a time without allocating.
//
// Layout. All weights and biases of a Net live in one flat slice (Params),
// its gradient in another (Grads) of the same layout, so that optimizers,
// snapshots and finiteness checks are single loops. A Batch stores its
// activations feature-major: feature i of sample s is A[i*Cap+s]. Every inner
// loop then runs over the samples of the batch, which is long and contiguous
// even when a layer is one unit wide (the code of a 2-32-1-32-2 autoencoder),
// and needs no loop-carried dependency (see kernels.go).
//
// The lecture's optimisation task, Σₙ L(g(f(xₙ)), xₙ) → min over θ,
// "trained with backpropagation using minibatches" (slide "Details"), is
// Trainer.Step on an Autoencoder objective; other objectives (contractive,
// sparse) implement Objective and train the same way.
package nn
