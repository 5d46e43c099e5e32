// Package sparse is the mathematics of the lab's "sparse" scene: sparse
// coding and the regularized autoencoders of the lecture's slides
// "Regularized autoencoders", "Sparse coding: definition / estimation /
// encoder & decoder" and "Non-linear analogue".
//
// Notation is the lecture's: data X ∈ ℝ^{N×Dim} (rows are points), a
// dictionary D ∈ ℝ^{K×Dim} whose rows are the atoms, codes W ∈ ℝ^{N×K}
// (row n codes point n), X ≈ WD, and the objective
//
//	‖X − WD‖²₂ + λ‖W‖₁ → min over D, W.
//
// Matrices are gonum's blas64.General, row-major.
//
//   - Lasso (lasso.go) is the encoder x → w: one LASSO regression by
//     coordinate descent on the Gram matrix DDᵀ, exact to rounding;
//     KKTViolation checks a code's optimality conditions.
//   - Model (model.go) learns D and W by alternation, the slide's
//     estimation algorithm: WStep (N LASSO regressions, warm-started) and
//     DStep (dictionary.go: projected block-coordinate descent under
//     ‖d_k‖ ≤ 1, or plain least squares to show why atoms are normalised).
//     Alternate is the scene's guarded alternation, which puts back the
//     last finite D and W should the unconstrained D-step diverge. Its
//     metrics are the scene's: Objective, Sparsity, MSE, AtomNorm.
//   - Data: Star2D (points along a few directions in the plane), patches
//     of a procedural image (NewImage, Patches), and Synthetic points from
//     a known dictionary for the recovery experiment.
//   - Autoencoder (autoencoder.go) is the sparse autoencoder, an L1 penalty
//     on a ReLU or sigmoid code, trained by core/nn's Trainer; Measure
//     gives its objective and metrics, Atoms its decoder's columns.
//   - PSD (psd.go) is predictive sparse decomposition: a dictionary and a
//     fast encoder trained to predict the sparse codes, with Closeness
//     measuring how near its predictions come to the LASSO codes, Decode
//     its decoder Dᵀh.
//
// Nothing that a scene calls every frame allocates: the workspaces live in
// the types.
package sparse
