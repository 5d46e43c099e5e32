package scenes

import (
	"math"

	"gonum.org/v1/gonum/blas/blas64"

	"aelab/core/undercomplete"
	"aelab/scenes/param"
	"aelab/scenes/ui"
)

// PCAScene shows the undercomplete linear autoencoder converging to PCA
// (lecture: "Undercomplete autoencoders", "Connection with PCA"): the data,
// the reconstructions g(f(x)) each joined to its point, the decoder's
// subspace and PCA's top-K subspace overlaid, in the plane (K = 1) or in a
// 3-D view turned by dragging (K = 2). The core is core/undercomplete.
type PCAScene struct {
	hosted
	info   Info
	params *param.Set
	model  *undercomplete.Model
	m      []Metric
	loss   float64

	// measured for Draw
	recon          []float64
	aeBasis, pcBas [2][3]float64 // orthonormal bases, K columns used
	aeOrigin       [3]float64
	pcOrigin       [3]float64
	tanhReach      float64    // ‖W₂‖: the tanh code reaches b₂ ± W₂
	extent         [2]float64 // half-sizes of the drawn planes, from the data's spread

	v2   View2D
	v3   View3D
	pts  []float64
	rows []LegendRow
}

// NewPCAScene returns the scene at its defaults.
func NewPCAScene() *PCAScene {
	d := undercomplete.Default
	s := &PCAScene{
		info: Info{
			ID: "pca", Tab: "Undercomplete ≡ PCA",
			Title: "Undercomplete linear autoencoder ≡ PCA",
			Text: "With one linear hidden layer and the squared error, the autoencoder projects the data " +
				"on the subspace of the first K principal components. Watch the decoder's subspace (orange) " +
				"swing onto PCA's (green): the angle between them falls to 0 and the MSE to PCA's optimum. " +
				"With a tanh encoder the code saturates: reconstructions crowd on a bounded segment.",
			Slides: "lecture: Undercomplete autoencoders · Connection with PCA",
		},
		params: param.NewSet(
			param.Spec{Name: "lr", Label: "learning rate η", Min: 1e-4, Max: 1, Default: d.LR, Log: true, Digits: 2,
				Help: "SGD step size; applies live"},
			param.Spec{Name: "aspect", Label: "data aspect σ₁/σ₂", Min: 1, Max: 10, Default: d.Aspect, Digits: 1,
				Help: "ratio of the cloud's major to minor standard deviation; reshapes the data live"},
			param.Spec{Name: "rotation", Label: "data rotation", Min: 0, Max: 180, Default: d.RotationDeg, Unit: "°",
				Help: "direction of the cloud's major axis; reshapes the data live"},
			param.Spec{Name: "noise", Label: "noise σ", Min: 0, Max: 1, Default: d.Noise, Digits: 2,
				Help: "isotropic Gaussian noise on the points; reshapes the data live"},
			param.Spec{Name: "dim", Label: "data", Kind: param.Choice, Choices: []string{"2", "3"},
				Labels: []string{"2-D, K = 1", "3-D, K = 2"}, Resets: true,
				Help: "2: a cloud in the plane, code K = 1; 3: a cloud near a plane in space, K = 2"},
			param.Spec{Name: "encoder", Label: "encoder f", Kind: param.Choice, Choices: []string{"linear", "tanh"},
				Labels: []string{"linear", "tanh"}, Resets: true,
				Help: "linear: f(x) = W₁x + b₁ (≡ PCA); tanh: f(x) = tanh(W₁x + b₁)"},
		),
		m: []Metric{
			{Name: "angle_deg", Label: "angle to PCA subspace", Unit: "°", Digits: 3},
			{Name: "mse", Label: "reconstruction MSE", Digits: 4},
			{Name: "pca_mse", Label: "PCA's MSE (optimum)", Digits: 4},
		},
		v2: View2D{Half: 3.2},
		v3: View3D{Half: 3.4, Yaw: math.Pi - 0.6, Pitch: 0.6},
	}
	return s
}

func (s *PCAScene) Info() *Info        { return &s.info }
func (s *PCAScene) Params() *param.Set { return s.params }
func (s *PCAScene) Metrics() []Metric  { return s.m }
func (s *PCAScene) Loss() float64      { return s.loss }

func (s *PCAScene) config() undercomplete.Config {
	p := s.params
	c := undercomplete.Default
	c.LR = p.Get("lr")
	c.Aspect, c.RotationDeg, c.Noise = p.Get("aspect"), p.Get("rotation"), p.Get("noise")
	c.Dim = 2
	if p.Choice("dim") == "3" {
		c.Dim = 3
	}
	c.TanhEncoder = p.Choice("encoder") == "tanh"
	return c
}

func (s *PCAScene) Reset(seed uint64) {
	c := s.config()
	s.model = undercomplete.New(c, seed)
	s.info.Formula = []string{
		"Σₙ ‖g(f(xₙ)) − xₙ‖² → min over θ",
		"f(x) = W₁x + b₁,   g(h) = W₂h + b₂",
		"x ∈ ℝᴰ,  h ∈ ℝᴷ,  K < D",
	}
	if c.TanhEncoder {
		s.info.Formula[1] = "f(x) = tanh(W₁x + b₁),   g(h) = W₂h + b₂"
	}
	s.Measure()
}

func (s *PCAScene) Changed(name string) {
	p := s.params
	switch name {
	case "lr":
		s.model.SetLR(p.Get("lr"))
	case "aspect", "rotation", "noise":
		s.model.Reshape(p.Get("aspect"), p.Get("rotation"), p.Get("noise"))
	}
}

func (s *PCAScene) Train(n int) (int, bool) { return s.model.Train(n) }

func (s *PCAScene) Floor() (float64, string) { return s.model.PCAMSE(), "PCA optimum" }

func (s *PCAScene) Measure() {
	m := s.model
	s.m[0].Value = m.AngleDeg()
	s.m[1].Value = m.MSE()
	s.m[2].Value = m.PCAMSE()
	s.loss = s.m[1].Value
	s.recon = m.Reconstruct()
	d, k := m.Cfg.Dim, m.Cfg.Code()
	orthonormalColumns(&s.pcBas, m.PCA.Vectors, d, k)
	orthonormalColumns(&s.aeBasis, m.Decoder(), d, k)
	alignBasis(&s.aeBasis, &s.pcBas, d, k)
	for j := 0; j < k; j++ {
		s.extent[j] = math.Max(0.8, math.Min(2.6, 2.5*math.Sqrt(m.PCA.Vars[j])))
	}
	copy(s.aeOrigin[:], m.DecoderBias())
	copy(s.pcOrigin[:], m.PCA.Mean)
	w := m.Decoder().Data
	s.tanhReach = math.Sqrt(dot(w, w))
}

// orthonormalColumns writes an orthonormal basis of the first k columns of
// a (d×?) into dst.
func orthonormalColumns(dst *[2][3]float64, a blas64.General, d, k int) {
	*dst = [2][3]float64{}
	for j := 0; j < k; j++ {
		for i := 0; i < d; i++ {
			dst[j][i] = a.Data[i*a.Stride+j]
		}
	}
	gramSchmidt(dst, d, k)
}

// gramSchmidt orthonormalises the first k vectors of b in place; a vector
// that vanishes is left zero.
func gramSchmidt(b *[2][3]float64, d, k int) {
	for j := 0; j < k; j++ {
		for q := 0; q < j; q++ {
			p := dot(b[j][:d], b[q][:d])
			for i := 0; i < d; i++ {
				b[j][i] -= p * b[q][i]
			}
		}
		if n := math.Sqrt(dot(b[j][:d], b[j][:d])); n > 1e-12 {
			for i := 0; i < d; i++ {
				b[j][i] /= n
			}
		} else {
			b[j] = [3]float64{}
		}
	}
}

// alignBasis replaces the orthonormal basis q of a subspace by the
// orthonormal basis of the same subspace closest to ref: the projections of
// ref's vectors, orthonormalised. Drawn with it, the decoder's plane and
// PCA's coincide on screen exactly when the subspaces do.
func alignBasis(q, ref *[2][3]float64, d, k int) {
	var p [2][3]float64
	for j := 0; j < k; j++ {
		for a := 0; a < k; a++ {
			c := dot(q[a][:d], ref[j][:d])
			for i := 0; i < d; i++ {
				p[j][i] += c * q[a][i]
			}
		}
	}
	gramSchmidt(&p, d, k)
	for j := 0; j < k; j++ {
		if dot(p[j][:d], p[j][:d]) < 0.5 {
			return // a reference vector is orthogonal to the subspace: keep q
		}
	}
	*q = p
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func (s *PCAScene) Layout(plot ui.Rect, _ *ui.Theme) {
	s.v2.Fit(plot)
	s.v3.Fit(plot)
}

func (s *PCAScene) Pointer(p *ui.Pointer, plot ui.Rect) bool {
	if s.model.Cfg.Dim != 3 {
		return false
	}
	return s.v3.Drag(p)
}

func (s *PCAScene) Draw(c ui.Canvas, plot ui.Rect, th *ui.Theme) {
	c.Clip(plot)
	if s.model.Cfg.Dim == 3 {
		s.draw3(c, plot, th)
	} else {
		s.draw2(c, plot, th)
	}
	c.Unclip()
	s.legend(c, plot, th)
}

func (s *PCAScene) draw2(c ui.Canvas, plot ui.Rect, th *ui.Theme) {
	v := &s.v2
	v.Grid(c, plot, th)
	x := s.model.Data.X
	// PCA's principal axis: a broad green band the decoder's line settles in
	v.Line(c, s.pcOrigin[0], s.pcOrigin[1], s.pcBas[0][0], s.pcBas[0][1], th.Px(12), th.Reference.Alpha(0.35))
	for n := 0; n < len(x)/2; n++ {
		x0, y0 := v.Screen(x[2*n], x[2*n+1])
		x1, y1 := v.Screen(s.recon[2*n], s.recon[2*n+1])
		c.Line(x0, y0, x1, y1, th.Px(1), th.Noise.Alpha(0.45))
	}
	for n := 0; n < len(x)/2; n++ {
		px, py := v.Screen(x[2*n], x[2*n+1])
		c.Circle(px, py, th.Px(3.2), th.Data.Alpha(0.8))
	}
	// the decoder's subspace b₂ + span W₂
	b, w := s.aeOrigin, s.aeBasis[0]
	if s.model.Cfg.TanhEncoder {
		v.Line(c, b[0], b[1], w[0], w[1], th.Px(1.5), th.Model.Alpha(0.4))
		r := s.tanhReach
		x0, y0 := v.Screen(b[0]-r*w[0], b[1]-r*w[1])
		x1, y1 := v.Screen(b[0]+r*w[0], b[1]+r*w[1])
		c.Line(x0, y0, x1, y1, th.Px(3.5), th.Model)
	} else {
		v.Line(c, b[0], b[1], w[0], w[1], th.Px(3), th.Model)
	}
	for n := 0; n < len(x)/2; n++ {
		px, py := v.Screen(s.recon[2*n], s.recon[2*n+1])
		c.Circle(px, py, th.Px(2.6), th.Recon)
	}
}

func (s *PCAScene) draw3(c ui.Canvas, plot ui.Rect, th *ui.Theme) {
	v := &s.v3
	// axes
	for i := 0; i < 3; i++ {
		var a, b [3]float64
		a[i], b[i] = -3, 3
		x0, y0, _ := v.Project(a[0], a[1], a[2])
		x1, y1, _ := v.Project(b[0], b[1], b[2])
		c.Line(x0, y0, x1, y1, th.Px(1.5), th.Axis)
	}
	s.plane(c, s.pcOrigin, s.pcBas, th.Reference, 0.16, th)
	s.plane(c, s.aeOrigin, s.aeBasis, th.Model, 0.12, th)
	x := s.model.Data.X
	for n := 0; n < len(x)/3; n++ {
		x0, y0, _ := v.Project(x[3*n], x[3*n+1], x[3*n+2])
		x1, y1, _ := v.Project(s.recon[3*n], s.recon[3*n+1], s.recon[3*n+2])
		c.Line(x0, y0, x1, y1, th.Px(1), th.Noise.Alpha(0.45))
	}
	for n := 0; n < len(x)/3; n++ {
		px, py, _ := v.Project(x[3*n], x[3*n+1], x[3*n+2])
		c.Circle(px, py, th.Px(3), th.Data.Alpha(0.8))
	}
	for n := 0; n < len(x)/3; n++ {
		px, py, _ := v.Project(s.recon[3*n], s.recon[3*n+1], s.recon[3*n+2])
		c.Circle(px, py, th.Px(2.4), th.Recon)
	}
	tag := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim}
	for i, name := range [3]string{"x₁", "x₂", "x₃"} {
		var a [3]float64
		a[i] = 3.2
		px, py, _ := v.Project(a[0], a[1], a[2])
		c.Text(name, px, py-th.Px(8), tag)
	}
	c.Text("drag to turn the view", plot.Right()-th.Px(12), plot.Bottom()-th.Px(26), ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right})
}

// plane draws the rectangle origin ± extent₁·e₁ ± extent₂·e₂, with a 5×5
// grid on it.
func (s *PCAScene) plane(c ui.Canvas, o [3]float64, e [2][3]float64, col ui.Color, fill float32, th *ui.Theme) {
	v := &s.v3
	at := func(a, b float64) (float64, float64) {
		x, y, _ := v.Project(o[0]+a*e[0][0]+b*e[1][0], o[1]+a*e[0][1]+b*e[1][1], o[2]+a*e[0][2]+b*e[1][2])
		return x, y
	}
	h, g := s.extent[0], s.extent[1]
	s.pts = s.pts[:0]
	for _, ab := range [4][2]float64{{-h, -g}, {h, -g}, {h, g}, {-h, g}} {
		x, y := at(ab[0], ab[1])
		s.pts = append(s.pts, x, y)
	}
	c.Polygon(s.pts, col.Alpha(fill))
	for i := 0; i <= 4; i++ {
		t, u := -h+float64(i)*h/2, -g+float64(i)*g/2
		w := th.Px(1)
		if i == 0 || i == 4 {
			w = th.Px(2)
		}
		x0, y0 := at(t, -g)
		x1, y1 := at(t, g)
		c.Line(x0, y0, x1, y1, w, col.Alpha(0.8))
		x0, y0 = at(-h, u)
		x1, y1 = at(h, u)
		c.Line(x0, y0, x1, y1, w, col.Alpha(0.8))
	}
}

func (s *PCAScene) legend(c ui.Canvas, plot ui.Rect, th *ui.Theme) {
	sub := "decoder subspace b₂ + span W₂ (line)"
	if s.model.Cfg.Dim == 3 {
		sub = "decoder subspace b₂ + span W₂ (plane)"
	}
	s.rows = append(s.rows[:0],
		LegendRow{SwatchDot, th.Data, "data xₙ"},
		LegendRow{SwatchDot, th.Recon, "reconstruction g(f(xₙ))"},
		LegendRow{SwatchLine, th.Model, sub},
		LegendRow{SwatchBand, th.Reference, "PCA's top-K subspace"})
	drawLegend(c, plot, th, s.rows)
}

// View returns the 2-D view as last drawn (tests).
func (s *PCAScene) View() *View2D { return &s.v2 }

// DecoderLine returns the origin b₂ and unit direction of the decoder's
// line (2-D data).
func (s *PCAScene) DecoderLine() (origin, dir [2]float64) {
	return [2]float64{s.aeOrigin[0], s.aeOrigin[1]}, [2]float64{s.aeBasis[0][0], s.aeBasis[0][1]}
}

// Points returns the training points, row-major.
func (s *PCAScene) Points() []float64 { return s.model.Data.X }
