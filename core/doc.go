// Package core is the mathematics of Autoencoder Lab, kept free of any
// drawing code so that it runs and is tested anywhere, natively and as
// WebAssembly under node.
//
// Its sub-packages are named after the concepts of the lecture
// (shared/lecture/autoencoders-lecture.txt):
//
//   - nn: dense layers, activations, an MLP with forward and backward passes
//     over a minibatch on blocked kernels (AVX2 natively), the MSE,
//     cross-entropy and softmax losses, layer noise, frozen layers and
//     stacking for pretraining, the VAE with Gaussian and Bernoulli
//     decoders and its importance-sampled log p(x), SGD with momentum and
//     Adam, and a Trainer that steps an objective n minibatches at a time.
//   - pca: principal component analysis and principal angles between
//     subspaces, the yardstick of the undercomplete linear autoencoder.
//   - data: seeded data sets (an anisotropic Gaussian cloud in the plane, a
//     cloud near a plane in space) and the shipped images, the UCI digits
//     8×8 and an MNIST subset 28×28 (Load: embedded natively, fetched in
//     the browser), with a stratified seeded train/test split.
//   - manifold: 1-D curves in the plane (circle, sine, spiral, two arcs,
//     drawn), with sampling, nearest points and tangents.
//   - undercomplete: the linear autoencoder ≡ PCA experiment.
//   - denoise: corruption processes and the denoising autoencoder's field.
//   - contractive: the contractive autoencoder and its Jacobian penalty.
//   - sparse: LASSO, dictionary learning, the sparse autoencoder and PSD.
//   - stochastic: the stochastic autoencoder (a VAE with a 2-D code) on
//     points in the plane and on the digits, its bound, log p(x), active
//     units and sample quality, with a plain autoencoder beside it.
//   - rng: the seeded random streams.
//
// A test (imports_test.go) fails if ebiten reaches any package under core.
package core
