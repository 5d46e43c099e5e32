// Package contractive is the lecture's contractive autoencoder (slides
// "Contractive autoencoders", "Contractive autoencoders and manifolds",
// "Contractive vs. denoising autoencoders" and "Caveat"), the mathematics
// behind the lab's contractive scene.
//
// The model (CAE) is one hidden layer on points of the plane,
//
//	h = f(x) = s(Wx + b),   r = g(h) = Vh + c,
//
// with s the logistic sigmoid or tanh, H hidden units and a linear output;
// V = Wᵀ when the weights are tied (the default) and a matrix of its own
// otherwise. It is trained on
//
//	(1/N) Σₙ ‖r(xₙ) − xₙ‖² + λ (1/N) Σₙ ‖J_f(xₙ)‖²_F,
//
// where J_f(x) = ∂f/∂x = diag(s'(z)) W, so that the penalty has the closed
// form ‖J_f(x)‖²_F = Σ_k s'(z_k)² ‖W_k‖² (W_k the k-th row of W) of Rifai,
// Vincent, Muller, Glorot & Bengio, "Contractive auto-encoders: explicit
// invariance during feature extraction", ICML 2011, who give it and its
// gradient for a sigmoid layer; tanh differs only in s' and s″. CAE is an
// nn.Objective, so nn.Trainer trains it like any other autoencoder.
//
// What the scene shows. The penalty makes f insensitive to every direction;
// the reconstruction term keeps it sensitive to the directions it needs to
// tell training points apart: along the data manifold. At a point x of the
// manifold the leading right-singular vector of J_f(x) (the direction Δx in
// which ‖J_f(x)Δx‖ is largest) then follows the manifold's tangent and the
// trailing one, across the manifold, is contracted: the slide's "directions
// with large ‖J_f(x)Δx‖ are tangent to the manifold, with small ‖J_f(x)Δx‖
// perpendicular" (Rifai et al. look at the same thing through the singular
// value spectrum of J_f). Model trains the CAE on points near a
// manifold.Curve and measures the first half as tangent_alignment and the
// second as ContractionRatio (S2/S1); a larger λ contracts more (smaller
// jacobian_fro) at the price of a larger mse. On the circle centred at the
// origin, reconstruction alone (λ = 0) already makes the tangent the most
// sensitive direction; what the penalty adds is the contraction across it
// (S2/S1 0.93 without, 0.71 with Tied16's λ).
//
// The caveat. With untied weights the objective has a trivial way down:
// f → εf (W → εW) with g → g/ε (V → V/ε). The penalty falls as ε² while
// the decoder makes up for the encoder's smaller code, so training shrinks
// the encoder and inflates the decoder without end (enc_norm falls,
// dec_norm rises) and the code degenerates into a linear map of x. With tied
// weights the same W scales both f and g and the path is closed (slide
// "Caveat": "use tied weights"). Holding each encoder row at a fixed norm
// (Config.RowNorm) closes it too, and lets the decoder set the gain apart
// from the code's sensitivity: that is Default, which contracts far more
// than a tied CAE can (S2/S1 ≈ 0.1–0.3 against ≈ 0.71). Model.Norms records the two norms over
// training for the scene to plot; Caveat is a configuration where the
// runaway is plain.
//
// Contractive and denoising autoencoders. Alain & Bengio, "What regularized
// auto-encoders learn from the data-generating distribution", JMLR 15, 2014
// (ICLR 2013), show that for small Gaussian corruption of variance σ² the
// denoising criterion is, to first order, the reconstruction error plus
// σ² ‖J_r(x)‖²_F: a contractive penalty on the whole reconstruction r = g∘f
// rather than on f, the slide "Contractive vs. denoising autoencoders".
// This package penalises f, as Rifai et al. and the slide "Contractive
// autoencoders" do.
package contractive
