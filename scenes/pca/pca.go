// Package pca is the scene of the undercomplete linear autoencoder
// converging to PCA (lecture: "Undercomplete autoencoders", "Connection with
// PCA"): the data, the reconstructions g(f(x)) each joined to its point, the
// decoder's subspace and PCA's top-K subspace overlaid, in the plane (K = 1)
// or in a 3-D view turned by dragging (K = 2). The model is
// core/undercomplete.
package pca

import (
	"math"

	"aelab/core/nn"
	"aelab/core/undercomplete"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// Scene is the pca scene.
type Scene struct {
	info  scene.Info
	cfg   undercomplete.Config // bound to the parameters
	model *undercomplete.Model

	// measured for Draw
	recon          []float64
	aeBasis, pcBas undercomplete.Basis
	aeOrigin       [3]float64
	pcOrigin       [3]float64
	tanhReach      float64    // ‖W₂‖: the tanh code reaches b₂ ± W₂
	extent         [2]float64 // half-sizes of the drawn planes, from the data's spread

	v2  plot.View2D
	v3  plot.View3D
	pts []float64
}

// New returns the scene at its defaults.
func New() *Scene {
	s := &Scene{
		cfg: undercomplete.Default,
		v2:  plot.View2D{Half: 3.2},
		v3:  plot.View3D{Half: 3.4, Yaw: math.Pi - 0.6, Pitch: 0.6},
	}
	c := &s.cfg
	reshape := func() { s.model.Reshape(c.Aspect, c.RotationDeg, c.Noise) }
	s.info = scene.Info{
		ID: "pca", Tab: "Undercomplete ≡ PCA",
		Title: "Undercomplete linear autoencoder ≡ PCA",
		Text: "With one linear hidden layer and the squared error, the autoencoder projects the data " +
			"on the subspace of the first K principal components. Watch the decoder's subspace (orange) " +
			"swing onto PCA's (green): the angle between them falls to 0 and the MSE to PCA's optimum. " +
			"With a tanh encoder the code saturates: reconstructions crowd on a bounded segment.",
		Slides: "lecture: Undercomplete autoencoders · Connection with PCA",
		Params: param.NewSet(
			param.Bind(param.Spec{Name: "lr", Label: "learning rate η", Min: 1e-4, Max: 1, Default: c.LR, Log: true, Digits: 2,
				Help: "SGD step size; applies live"}, &c.LR).Live(func() { s.model.SetLR(c.LR) }),
			param.Bind(param.Spec{Name: "aspect", Label: "data aspect σ₁/σ₂", Min: 1, Max: 10, Default: c.Aspect, Digits: 1,
				Help: "ratio of the cloud's major to minor standard deviation; reshapes the data live"}, &c.Aspect).Live(reshape),
			param.Bind(param.Spec{Name: "rotation", Label: "data rotation", Min: 0, Max: 180, Default: c.RotationDeg, Unit: "°",
				Help: "direction of the cloud's major axis; reshapes the data live"}, &c.RotationDeg).Live(reshape),
			param.Bind(param.Spec{Name: "noise", Label: "noise σ", Min: 0, Max: 1, Default: c.Noise, Digits: 2,
				Help: "isotropic Gaussian noise on the points; reshapes the data live"}, &c.Noise).Live(reshape),
			param.Pick(param.Spec{Name: "dim", Label: "data", Kind: param.Choice, Choices: []string{"2", "3"},
				Labels: []string{"2-D, K = 1", "3-D, K = 2"}, Resets: true,
				Help: "2: a cloud in the plane, code K = 1; 3: a cloud near a plane in space, K = 2"}, &c.Dim, 2, 3),
			param.Pick(param.Spec{Name: "encoder", Label: "encoder f", Kind: param.Choice, Choices: []string{"linear", "tanh"},
				Labels: []string{"linear", "tanh"}, Resets: true,
				Help: "linear: f(x) = W₁x + b₁ (≡ PCA); tanh: f(x) = tanh(W₁x + b₁)"}, &c.TanhEncoder, false, true),
		),
		Metrics: []scene.Metric{
			{Name: "angle_deg", Label: "angle to PCA subspace", Unit: "°", Digits: 3},
			{Name: "mse", Label: "reconstruction MSE", Digits: 4},
			{Name: "pca_mse", Label: "PCA's MSE (optimum)", Digits: 4},
		},
		FloorTag: "PCA optimum",
		Legend:   s.legend,
		Adjust:   s.adjust,
	}
	return s
}

// adjust gives the 3-D experiment its own learning rate when the data's
// dimension changes (undercomplete.DefaultFor: the plane's gap is eight
// times smaller than the line's, so SGD needs a larger step).
func (s *Scene) adjust(changed string) {
	if changed != "dim" {
		return
	}
	ps := s.info.Params
	ps.SetAt(ps.Index("lr"), undercomplete.DefaultFor(s.cfg.Dim).LR)
}

func (s *Scene) Info() *scene.Info { return &s.info }

func (s *Scene) Reset(seed uint64) {
	s.cfg.BatchSize = undercomplete.DefaultFor(s.cfg.Dim).BatchSize
	s.model = undercomplete.New(s.cfg, seed)
	s.info.Formula = []string{
		"Σₙ ‖g(f(xₙ)) − xₙ‖² → min over θ",
		"f(x) = W₁x + b₁,   g(h) = W₂h + b₂",
		"x ∈ ℝᴰ,  h ∈ ℝᴷ,  K < D",
	}
	if s.cfg.TanhEncoder {
		s.info.Formula[1] = "f(x) = tanh(W₁x + b₁),   g(h) = W₂h + b₂"
	}
	s.Measure()
}

func (s *Scene) Train(n int) (int, bool) {
	done, diverged := s.model.Train(n)
	if diverged {
		s.info.Restored = s.model.Trainer.Restored
	}
	return done, diverged
}

func (s *Scene) Measure() {
	m, ms := s.model, s.info.Metrics
	ms[0].Value = m.AngleDeg()
	ms[1].Value = m.MSE()
	ms[2].Value = m.PCAMSE()
	s.info.Loss, s.info.Floor = ms[1].Value, ms[2].Value
	s.recon = m.Reconstruct()
	s.aeBasis, s.pcBas = m.Subspaces()
	for j := 0; j < m.Cfg.Code(); j++ {
		s.extent[j] = math.Max(0.8, math.Min(2.6, 2.5*math.Sqrt(m.PCA.Vars[j])))
	}
	copy(s.aeOrigin[:], m.DecoderBias())
	copy(s.pcOrigin[:], m.PCA.Mean)
	w := m.Decoder().Data
	s.tanhReach = math.Sqrt(nn.Dot(w, w))
}

func (s *Scene) Layout(r ui.Rect, _ *ui.Theme) {
	s.v2.Fit(r)
	s.v3.Fit(r)
}

func (s *Scene) Pointer(p *ui.Pointer, area ui.Rect) bool {
	if s.model.Cfg.Dim != 3 {
		return false
	}
	return s.v3.Drag(p)
}

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	c.Clip(area)
	if s.model.Cfg.Dim == 3 {
		s.draw3(c, area, th)
	} else {
		s.draw2(c, area, th)
	}
	c.Unclip()
}

func (s *Scene) draw2(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	v := &s.v2
	v.Grid(c, area, th)
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

func (s *Scene) draw3(c ui.Canvas, area ui.Rect, th *ui.Theme) {
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
	c.Text("drag to turn the view", area.Right()-th.Px(12), area.Bottom()-th.Px(26), ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim, Align: ui.Right})
}

// plane draws the rectangle origin ± extent₁·e₁ ± extent₂·e₂, with a 5×5
// grid on it.
func (s *Scene) plane(c ui.Canvas, o [3]float64, e [2][3]float64, col ui.Color, fill float32, th *ui.Theme) {
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

func (s *Scene) legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow {
	sub := "decoder subspace b₂ + span W₂ (line)"
	if s.model.Cfg.Dim == 3 {
		sub = "decoder subspace b₂ + span W₂ (plane)"
	}
	return append(rows,
		plot.LegendRow{Swatch: plot.SwatchDot, Color: th.Data, Text: "data xₙ"},
		plot.LegendRow{Swatch: plot.SwatchDot, Color: th.Recon, Text: "reconstruction g(f(xₙ))"},
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Model, Text: sub},
		plot.LegendRow{Swatch: plot.SwatchBand, Color: th.Reference, Text: "PCA's top-K subspace"})
}

// View returns the 2-D view as last drawn (tests).
func (s *Scene) View() *plot.View2D { return &s.v2 }

// DecoderLine returns the origin b₂ and unit direction of the decoder's
// line (2-D data).
func (s *Scene) DecoderLine() (origin, dir [2]float64) {
	return [2]float64{s.aeOrigin[0], s.aeOrigin[1]}, [2]float64{s.aeBasis[0][0], s.aeBasis[0][1]}
}

// Points returns the training points, row-major.
func (s *Scene) Points() []float64 { return s.model.Data.X }

// View3D returns the 3-D view (tests).
func (s *Scene) View3D() *plot.View3D { return &s.v3 }
