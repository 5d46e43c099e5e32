package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"aelab/core/data"
	"aelab/core/rng"
)

var central = &fd.Settings{Formula: fd.Central, Step: fdStep}

// lossOf returns the batch loss as a function of the net's parameters, for
// finite differences; before each evaluation it calls prepare (which may
// reseed the batch's noise so that every evaluation sees the same draws).
func lossOf(net *Net, b *Batch, loss LossFunc, prepare func()) func([]float64) float64 {
	return func(p []float64) float64 {
		saved := append([]float64(nil), net.Params...)
		copy(net.Params, p)
		if prepare != nil {
			prepare()
		}
		net.Forward(b)
		l := loss(b)
		copy(net.Params, saved)
		return l
	}
}

// checkGrad runs Forward, loss and Backward once and compares the parameter
// gradient and the input gradient of sample 2 with central differences.
func checkGrad(t *testing.T, name string, net *Net, b *Batch, loss LossFunc, prepare func()) {
	t.Helper()
	if prepare != nil {
		prepare()
	}
	b.InputGrad = true
	net.Forward(b)
	loss(b)
	net.ZeroGrad()
	net.Backward(b)
	got := append([]float64(nil), net.Grads...)
	want := fd.Gradient(nil, lossOf(net, b, loss, prepare), net.Params, central)
	if e := relErr(got, want); e > gradTol {
		t.Errorf("%s: parameter gradient relative error %g > %g", name, e, gradTol)
	}
	const s = 2
	x0 := make([]float64, net.In())
	b.Activation(x0, 0, s)
	gotIn := make([]float64, net.In())
	for i := range gotIn {
		gotIn[i] = b.G[0][i*b.Cap+s]
	}
	wantIn := fd.Gradient(nil, func(x []float64) float64 {
		b.SetInput(s, x)
		if prepare != nil {
			prepare()
		}
		net.Forward(b)
		l := loss(b)
		b.SetInput(s, x0)
		return l
	}, x0, central)
	if e := relErr(gotIn, wantIn); e > gradTol {
		t.Errorf("%s: input gradient relative error %g > %g", name, e, gradTol)
	}
}

func newRandomNet(r *rand.Rand, sizes []int, acts []Activation) *Net {
	net := New(sizes, acts)
	net.Init(r)
	for i := range net.Layers {
		for k := range net.Layers[i].B {
			net.Layers[i].B[k] = 0.1 * r.NormFloat64()
		}
	}
	return net
}

func TestLossesMatchFiniteDifferences(t *testing.T) {
	r := rng.New(21, 0)
	// Every unit in a hidden layer and every loss at the output, on widths
	// that take the narrow and the tiled kernels.
	for _, hidden := range []Activation{Linear, Tanh, Sigmoid, ReLU} {
		for _, tc := range []struct {
			name    string
			out     Activation
			loss    LossFunc
			targets func(b *Batch)
		}{
			{"mse", Tanh, MSE, nil},
			{"cross-entropy", Sigmoid, CrossEntropy, func(b *Batch) {
				for i := range b.T {
					b.T[i] = r.Float64() // intensities in [0, 1]
				}
			}},
			{"softmax one-hot", Linear, SoftmaxCrossEntropy, func(b *Batch) {
				for s := 0; s < b.N; s++ {
					b.SetLabel(s, r.IntN(5))
				}
			}},
			{"softmax soft targets", Linear, SoftmaxCrossEntropy, func(b *Batch) {
				for i := range b.T {
					b.T[i] = r.Float64() // not normalised: the general gradient
				}
			}},
		} {
			net := newRandomNet(r, []int{9, 12, 2, 5}, []Activation{hidden, hidden, tc.out})
			b := randomBatch(net, 11, r)
			if tc.targets != nil {
				tc.targets(b)
			}
			checkGrad(t, hidden.String()+" hidden, "+tc.name, net, b, tc.loss, nil)
		}
	}
}

func TestLossValues(t *testing.T) {
	// One sample, hand-computed values.
	net := New([]int{1, 2}, []Activation{Sigmoid})
	net.Layers[0].W[0], net.Layers[0].W[1] = 0, 0 // outputs σ(0) = ½
	b := net.NewBatch(1)
	b.N = 1
	b.SetTarget(0, []float64{1, 0.25})
	net.Forward(b)
	if got, want := CrossEntropy(b), 2*math.Log(2); math.Abs(got-want) > 1e-12 {
		t.Errorf("CrossEntropy at y = ½ = %g, want 2 log 2 = %g", got, want)
	}
	clf := New([]int{1, 3}, []Activation{Linear})
	clf.Layers[0].B[0], clf.Layers[0].B[1], clf.Layers[0].B[2] = 1000, 1000, 0 // large logits
	bc := clf.NewBatch(1)
	bc.N = 1
	bc.SetLabel(0, 1)
	clf.Forward(bc)
	if got, want := SoftmaxCrossEntropy(bc), math.Log(2); math.Abs(got-want) > 1e-12 {
		t.Errorf("SoftmaxCrossEntropy of logits (1000, 1000, 0) at class 1 = %g, want log 2 = %g", got, want)
	}
	p := make([]float64, 3)
	Softmax(p, []float64{1000, 1000, 0})
	if math.Abs(p[0]-0.5) > 1e-15 || p[2] != 0 {
		t.Errorf("Softmax(1000, 1000, 0) = %v, want (½, ½, 0)", p)
	}
}

func TestLossesCheckOutputLayer(t *testing.T) {
	for _, tc := range []struct {
		name string
		act  Activation
		loss LossFunc
	}{{"cross-entropy on tanh", Tanh, CrossEntropy}, {"softmax on sigmoid", Sigmoid, SoftmaxCrossEntropy}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", tc.name)
				}
			}()
			net := New([]int{2, 2}, []Activation{tc.act})
			b := net.NewBatch(1)
			b.N = 1
			net.Forward(b)
			tc.loss(b)
		}()
	}
}

func TestNoiseBeforeNonlinearity(t *testing.T) {
	r := rng.New(22, 0)
	net := newRandomNet(r, []int{6, 8, 3, 8, 6}, []Activation{Tanh, Sigmoid, Tanh, Linear})
	net.Layers[1].Noise = 0.7 // the sigmoid code layer of semantic hashing
	b := randomBatch(net, 9, r)
	// The same draws at every evaluation: the gradient is that of the loss
	// given the noise, which is what a training step follows.
	reseed := func() { b.Rand = rng.New(5, 9) }
	checkGrad(t, "noisy sigmoid code", net, b, MSE, reseed)

	// The code is σ(z + 0.7ε) with ε the batch's draws, and nothing is
	// added when the batch has no random source.
	reseed()
	net.Forward(b)
	noisy := append([]float64(nil), b.A[2]...)
	b.Rand = nil
	net.Forward(b)
	clean := append([]float64(nil), b.A[2]...)
	draws := rng.New(5, 9)
	for k := 0; k < 3; k++ {
		for s := 0; s < b.N; s++ {
			z := math.Log(clean[k*b.Cap+s] / (1 - clean[k*b.Cap+s])) // σ⁻¹
			want := Sigmoid01(z + 0.7*draws.NormFloat64())
			if got := noisy[k*b.Cap+s]; math.Abs(got-want) > 1e-7 {
				t.Fatalf("noisy code (%d, %d) = %g, want σ(z + 0.7ε) = %g", k, s, got, want)
			}
		}
	}
}

func TestFrozenLayers(t *testing.T) {
	r := rng.New(23, 0)
	net := newRandomNet(r, []int{5, 7, 3, 7, 5}, []Activation{Tanh, Tanh, Tanh, Linear})
	b := randomBatch(net, 10, r)
	net.Forward(b)
	MSE(b)
	net.ZeroGrad()
	net.Backward(b)
	full := append([]float64(nil), net.Grads...)

	net.Layers[0].Frozen, net.Layers[1].Frozen = true, true
	for i := range b.G[1] {
		b.G[1][i] = 42 // Backward must not need to touch it now
	}
	net.Forward(b)
	MSE(b)
	net.ZeroGrad()
	net.Backward(b)
	off := 0
	for l, ly := range net.Layers {
		n := len(ly.W) + len(ly.B)
		for i := off; i < off+n; i++ {
			want := full[i]
			if ly.Frozen {
				want = 0
			}
			if net.Grads[i] != want {
				t.Fatalf("layer %d (frozen %v): gradient %d = %g, want %g", l, ly.Frozen, i-off, net.Grads[i], want)
			}
		}
		off += n
	}
	if b.G[1][0] != 42 {
		t.Errorf("Backward computed ∂loss/∂A[1] below the lowest trainable layer")
	}

	// Training moves only the layers that are not frozen.
	x := data.NewSet(40, 5)
	for i := range x.X {
		x.X[i] = r.NormFloat64()
	}
	before := append([]float64(nil), net.Params...)
	tr := NewTrainer(NewAutoencoder(net), NewAdam(0.01), x, 8, r)
	tr.Step(20)
	off = 0
	for l, ly := range net.Layers {
		n := len(ly.W) + len(ly.B)
		moved := false
		for i := off; i < off+n; i++ {
			moved = moved || net.Params[i] != before[i]
		}
		if moved == ly.Frozen {
			t.Errorf("layer %d: frozen %v but moved %v after 20 steps", l, ly.Frozen, moved)
		}
		off += n
	}
}

func TestStackComposesLayers(t *testing.T) {
	r := rng.New(24, 0)
	ae1 := newRandomNet(r, []int{6, 4, 6}, []Activation{Sigmoid, Linear})
	ae2 := newRandomNet(r, []int{4, 2, 4}, []Activation{Tanh, Sigmoid})
	ae2.Layers[0].Noise, ae1.Layers[0].Frozen = 0.3, true
	deep := Stack(&ae1.Layers[0], &ae2.Layers[0], &ae2.Layers[1], &ae1.Layers[1])
	if got := deep.Sizes; len(got) != 5 || got[0] != 6 || got[2] != 2 || got[4] != 6 {
		t.Fatalf("Stack sizes %v, want [6 4 2 4 6]", got)
	}
	if !deep.Layers[0].Frozen || deep.Layers[1].Noise != 0.3 {
		t.Errorf("Stack lost Frozen or Noise")
	}
	x := []float64{0.3, -1, 2, 0.5, 0, -0.7}
	scratch := make([]float64, 12)
	h1, h2, y, want := make([]float64, 4), make([]float64, 4), make([]float64, 6), make([]float64, 6)
	// encoder of stage 1, then autoencoder of stage 2, then decoder of stage 1
	enc1 := Stack(&ae1.Layers[0])
	dec1 := Stack(&ae1.Layers[1])
	enc1.Eval(h1, x, scratch)
	ae2.Eval(h2, h1, scratch)
	dec1.Eval(want, h2, scratch)
	deep.Eval(y, x, scratch)
	for i := range y {
		if math.Abs(y[i]-want[i]) > 1e-14 {
			t.Fatalf("stacked net %v, composition %v", y, want)
		}
	}
	// Copies: training the stack leaves the shallow nets alone.
	deep.Layers[1].W[0] += 1
	if ae2.Layers[0].W[0] == deep.Layers[1].W[0] {
		t.Error("Stack shares weights with its sources")
	}
}

func TestClassifierTrainsOnLabels(t *testing.T) {
	r := rng.New(25, 0)
	// Three Gaussian blobs in the plane, 60 points each.
	x := data.NewSet(180, 2)
	labels := make([]int, x.N)
	for n := range labels {
		c := n % 3
		labels[n] = c
		a := 2 * math.Pi * float64(c) / 3
		x.X[2*n] = 2*math.Cos(a) + 0.4*r.NormFloat64()
		x.X[2*n+1] = 2*math.Sin(a) + 0.4*r.NormFloat64()
	}
	net := newRandomNet(r, []int{2, 8, 3}, []Activation{ReLU, Linear})
	clf := NewClassifier(net)
	clf.WeightDecay = 1e-3
	tr := NewTrainer(clf, &SGD{LR: 0.1, Momentum: 0.9}, x, 32, rng.New(25, rng.StreamBatches))
	tr.Labels = labels
	tr.Step(1)
	// The objective's gradient, weight decay included, against fd on the
	// minibatch it just saw.
	b := clf.Batch()
	obj := func(p []float64) float64 {
		saved := append([]float64(nil), net.Params...)
		copy(net.Params, p)
		net.Forward(b)
		l := SoftmaxCrossEntropy(b)
		for _, ly := range net.Layers {
			for _, w := range ly.W {
				l += 1e-3 * w * w
			}
		}
		copy(net.Params, saved)
		return l
	}
	clf.LossGrad(tr.Minibatch())
	if e := relErr(net.Grads, fd.Gradient(nil, obj, net.Params, central)); e > gradTol {
		t.Errorf("classifier gradient: relative error %g > %g", e, gradTol)
	}
	tr.Step(300)
	if acc := net.Accuracy(x.X, labels, net.NewBatch(64)); acc < 0.95 {
		t.Errorf("accuracy on three separated blobs after 300 steps = %g, want ≥ 0.95", acc)
	}
}

func TestVAEGradient(t *testing.T) {
	r := rng.New(26, 0)
	for _, tc := range []struct {
		name string
		out  Activation
		loss LossFunc
		beta float64
	}{{"gaussian decoder", Linear, MSE, 1}, {"bernoulli decoder, β = 0.5", Sigmoid, CrossEntropy, 0.5}} {
		v := NewVAE([]int{7, 9, 4}, []Activation{Tanh, Linear}, []int{2, 9, 7}, []Activation{Tanh, tc.out}, r)
		v.Init(r)
		v.Loss, v.Beta = tc.loss, tc.beta
		const n = 6
		mb := &Minibatch{N: n, Cap: n + 2, Dim: 7, In: make([]float64, 7*(n+2))}
		for i := range mb.In {
			mb.In[i] = r.Float64()
		}
		mb.Target = mb.In
		v.LossGrad(mb) // draws ε, kept by lossGrad below
		got := append([]float64(nil), v.grads...)
		want := fd.Gradient(nil, func(p []float64) float64 {
			saved := append([]float64(nil), v.params...)
			copy(v.params, p)
			l := v.lossGrad(mb)
			copy(v.params, saved)
			return l
		}, v.params, central)
		if e := relErr(got, want); e > gradTol {
			t.Errorf("%s: gradient relative error %g > %g", tc.name, e, gradTol)
		}
		// KL from its definition, from the encoder's outputs.
		be, _ := v.Batches()
		v.lossGrad(mb)
		h := be.A[len(be.A)-1]
		kl := 0.0
		for k := 0; k < 2; k++ {
			for s := 0; s < n; s++ {
				mu, lv := h[k*be.Cap+s], h[(2+k)*be.Cap+s]
				kl += 0.5 * (mu*mu + math.Exp(lv) - lv - 1)
			}
		}
		if math.Abs(v.KL-kl/n) > 1e-12 {
			t.Errorf("%s: KL = %g, want %g", tc.name, v.KL, kl/n)
		}
	}
}

// TestDeepTrainingDoesNotAllocate: after the first step (which sizes the
// workspaces and the optimizer's state), training a deep net with noise
// and frozen layers, a classifier and a VAE allocates nothing per step
// (DESIGN.md: no allocation in the training inner loop).
func TestDeepTrainingDoesNotAllocate(t *testing.T) {
	r := rng.New(27, 0)
	x := data.NewSet(200, 64)
	labels := make([]int, x.N)
	for i := range x.X {
		x.X[i] = r.Float64()
	}
	for n := range labels {
		labels[n] = n % 10
	}
	deep := newRandomNet(r, []int{64, 32, 16, 2, 16, 32, 64}, []Activation{Tanh, Tanh, Sigmoid, Tanh, Tanh, Linear})
	deep.Layers[2].Noise, deep.Layers[0].Frozen = 0.5, true
	clf := newRandomNet(r, []int{64, 20, 10}, []Activation{ReLU, Linear})
	vae := NewVAE([]int{64, 16, 4}, []Activation{Tanh, Linear}, []int{2, 16, 64}, []Activation{Tanh, Sigmoid}, r)
	vae.Init(r)
	vae.Loss = CrossEntropy
	trainers := []*Trainer{
		NewTrainer(&Autoencoder{Net: deep, Noise: rng.New(1, 5), WeightDecay: 1e-4}, &SGD{LR: 0.01, Momentum: 0.9}, x, 64, r),
		NewTrainer(NewClassifier(clf), NewAdam(0.01), x, 64, r),
		NewTrainer(vae, NewAdam(0.01), x, 64, r),
	}
	trainers[1].Labels = labels
	for _, tr := range trainers {
		tr.Step(1)
	}
	if a := testing.AllocsPerRun(5, func() {
		for _, tr := range trainers {
			tr.Step(3)
		}
	}); a != 0 {
		t.Errorf("deep, classifier and VAE steps allocate %v times per run, want 0", a)
	}
}

// TestSliceSharesParameters: the encoder and decoder slices of a net
// compose to the net, and a change to the net's parameters reaches them.
func TestSliceSharesParameters(t *testing.T) {
	n := New([]int{2, 5, 1, 4, 2}, []Activation{Tanh, Linear, Tanh, Linear})
	n.Init(rand.New(rand.NewPCG(1, 1)))
	enc, dec := n.Slice(0, 2), n.Slice(2, 4)
	for pass := 0; pass < 2; pass++ {
		x := []float64{0.3, -0.7}
		scratch := make([]float64, 16)
		want, h, got := make([]float64, 2), make([]float64, 1), make([]float64, 2)
		n.Eval(want, x, scratch)
		enc.Eval(h, x, scratch)
		dec.Eval(got, h, scratch)
		for i := range want {
			if math.Abs(got[i]-want[i]) > 1e-12 {
				t.Fatalf("pass %d: g(f(x))[%d] = %v through the slices, %v through the net", pass, i, got[i], want[i])
			}
		}
		n.Params[len(n.Params)-1] += 0.5 // the output's last bias
	}
}
