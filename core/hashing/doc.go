// Package hashing is semantic hashing (Salakhutdinov & Hinton, "Semantic
// hashing", International Journal of Approximate Reasoning 50(7), 2009;
// the lecture's slides "Semantic hashing" and "Binarization of
// representation"): an autoencoder whose code layer is K logistic units,
// with Gaussian noise added to the code's pre-activations during training
// ("before this non-linearity add noise"), so that to get its message
// through the noise the encoder makes the pre-activations very large or
// very small and the sigmoid saturates: the codes become bits. An example
// is then stored at the address given by its K bits, and similar examples
// are found by probing the addresses within a small Hamming distance of a
// query's.
//
// Codes and retrieval (codes.go): Pack rounds real-valued codes into
// K-bit words; BinaryFraction and Entropy measure how binary and how
// spread the codes are; a Ranker scores Hamming retrieval against class
// labels: precision and recall within a Hamming radius, and the average
// precision of the Hamming ranking.
//
// Baselines (project.go): random-projection locality-sensitive hashing
// (Charikar, "Similarity estimation techniques from rounding algorithms",
// STOC 2002) and PCA projections thresholded at their medians (the
// "PCAH" baseline of Weiss, Torralba & Fergus, "Spectral hashing", NIPS
// 2008), computed on the same data.
//
// The model (model.go) trains the autoencoder on the 8×8 digits and
// measures all of it on held-out queries.
package hashing
