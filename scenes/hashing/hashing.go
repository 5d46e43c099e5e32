// Package hashing is the scene of semantic hashing (the lecture's slides
// "Semantic hashing" and "Binarization of representation"; Salakhutdinov
// & Hinton, "Semantic hashing", 2009): an autoencoder on the 8×8 digits
// whose code is K logistic units with Gaussian noise σ added before their
// sigmoid during training. It draws the histogram of the code activations
// (piling up at 0 and 1 as σ rises), a held-out query with its code as
// bars and as bits, the database examples found at Hamming distance 0, 1,
// 2, … up to a radius, the precision–recall curve over the radius against
// random-projection LSH and median-thresholded PCA codes, and, for K = 8,
// the address space itself. The model is core/hashing.
package hashing

import (
	"math"
	"strconv"

	"aelab/core/data"
	"aelab/core/hashing"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// Views.
const (
	viewRetrieval = "retrieval"
	viewAddresses = "addresses"
)

// Scene is the hashing scene.
type Scene struct {
	info    scene.Info
	cfg     hashing.Config // bound to the parameters
	view    string
	radius  int
	query   int
	model   *hashing.Model
	pending *data.Pending
	loadErr error // why the digits did not load
	seed    uint64

	// measured for Draw (show copies them from the model)
	hist      [hashing.HistBins]int
	histMax   int
	qCode     [hashing.MaxK]float64 // the query's real-valued code
	qBits     [hashing.MaxK]float64
	qAddr     uint32
	rows      [maxRadius + 1][]int // database examples found at each distance (up to maxThumbs)
	rank      hashing.Ranker       // the query's counts per distance
	curve     [3]hashing.Curve     // autoencoder, LSH, PCA
	cells     []float64            // mean image of each cell of the grid: the first gridBits() bits of the address
	cellCount []int
	measured  int

	loading, buf []byte
	pts          []float64

	// layout
	area       ui.Rect
	histR, prR ui.Rect
}

// maxRadius is the largest Hamming radius of the slider; maxThumbs the
// most examples a row of the retrieval shows; gridMaxK the most bits the
// address grid shows (2^8 = 256 cells): all of a K = 8 address, the first
// 8 bits of a longer one.
const (
	maxRadius = 5
	maxThumbs = 40
	gridMaxK  = 8
)

// speed is the scene's steps per frame: a minibatch step of the default
// 64-64-16-64-64 net takes about 0.13 ms natively, so 6 a frame leave
// room for a measure part and the drawing, and in the browser (3–5×
// slower) still fit the frame's training budget; ~1 000 steps in 180
// frames, where σ = 4 has made the codes binary (core/hashing's tests).
const speed = 6

// New returns the scene at its defaults.
func New() *Scene {
	s := &Scene{cfg: hashing.Default, view: viewRetrieval, radius: 2}
	c := &s.cfg
	for d := range s.rows {
		s.rows[d] = make([]int, 0, maxThumbs)
	}
	s.info = scene.Info{
		ID: "hashing", Tab: "Hashing",
		Title:  "Semantic hashing: noise makes the code binary",
		Slides: "lecture: Semantic hashing; Binarization of representation",
		Formula: []string{
			"h = σ(W₂ a(W₁x) + b + ε),  ε ~ N(0, σ²I) while training",
			"address = [h ≥ ½] ∈ {0,1}ᴷ;  search: Hamming distance ≤ r",
		},
		Text: "Each digit's code h is K sigmoid units, and its address is the code rounded to bits. With noise σ added " +
			"before the sigmoid the decoder can read the code only if the encoder pushes it far from ½: the histogram " +
			"piles up at 0 and 1. Then digits with the same address are alike, and a query finds its neighbours by " +
			"probing the addresses a few flipped bits away (blue frame: same digit). The curve compares precision and " +
			"recall over the radius with random projections (LSH) and PCA codes cut at the median.",
		Params: param.NewSet(
			param.Bind(param.Spec{Name: "noise", Label: "noise σ", Min: 0, Max: 10, Default: c.Noise, Digits: 2,
				Help: "standard deviation of the Gaussian noise added to the code's pre-activations while training; applies live"}, &c.Noise).Live(func() {
				if s.model != nil {
					s.model.SetNoise(c.Noise)
				}
			}),
			param.Bind(param.Spec{Name: "bits", Label: "code bits K", Kind: param.Int, Min: 8, Max: 16, Default: float64(c.K), Resets: true,
				Help: "logistic units of the code: the address has K bits, 2^K addresses"}, &c.K),
			param.Bind(param.Spec{Name: "radius", Label: "Hamming radius r", Kind: param.Int, Min: 0, Max: maxRadius, Default: 2,
				Help: "retrieve the database digits whose address differs from the query's in at most r bits"}, &s.radius).Live(s.pick),
			param.Bind(param.Spec{Name: "query", Label: "query digit", Kind: param.Int, Min: 0, Max: hashing.NTest - 1, Default: 0, Digits: 3,
				Help: "which of the held-out digits is the query"}, &s.query).Live(s.pick),
			param.Pick(param.Spec{Name: "view", Label: "view", Kind: param.Choice, Choices: []string{viewRetrieval, viewAddresses},
				Labels: []string{"retrieval by address", "address grid"},
				Help:   "retrieval: the query, its bits and what it finds; addresses: the 2^K cells (K = 8; the first 8 bits of a longer code), each with the mean of the digits stored there"}, &s.view, viewRetrieval, viewAddresses),
			param.Bind(param.Spec{Name: "lr", Label: "learning rate η", Min: 1e-4, Max: 0.05, Default: c.LR, Log: true, Digits: 2,
				Help: "Adam's step size; applies live"}, &c.LR).Live(func() {
				if s.model != nil {
					s.model.SetLR(c.LR)
				}
			}),
		),
		Metrics: []scene.Metric{
			{Name: "binary_fraction", Label: "codes < 0.1 or > 0.9", Digits: 3},
			{Name: "bits_used", Label: "bits used (entropy)", Digits: 3},
			{Name: "precision_r", Label: "precision at r", Digits: 3},
			{Name: "recall_r", Label: "recall at r", Digits: 3},
			{Name: "map", Label: "MAP, autoencoder", Digits: 3},
			{Name: "map_lsh", Label: "MAP, LSH", Digits: 3},
			{Name: "map_pca", Label: "MAP, PCA median", Digits: 3},
			{Name: "rounding_cost", Label: "error rounded / real h", Digits: 3},
		},
		Speed:  speed,
		Insets: scene.InsetRoom{N: 2, MinH: 90, MaxH: 170},
		Legend: s.legend,
		Actions: []scene.Action{
			{Label: "another query", Run: func() {
				if set := s.info.Host.Set; set != nil {
					set("query", float64((s.query+37)%hashing.NTest))
				}
			}},
		},
		MeasureFrame: s.measureFrame,
	}
	return s
}

// Metric indices.
const (
	mBinary = iota
	mBits
	mPrecision
	mRecall
	mMAP
	mLSH
	mPCA
	mRounding
)

func (s *Scene) Info() *scene.Info { return &s.info }

func (s *Scene) Reset(seed uint64) {
	s.seed = seed
	s.model = nil
	if s.pending == nil {
		s.pending, s.loadErr = data.Start("digits"), nil
	}
	s.start()
}

// start builds the model once the digits are here; until then the scene
// waits (Info.Waiting) and the App measures it every frame, which calls
// start again.
func (s *Scene) start() {
	defer func() { s.info.Waiting = s.model == nil }()
	if s.pending == nil {
		return // the load failed: Reset starts it again
	}
	im, err := s.pending.Poll()
	if err != nil {
		s.pending, s.loadErr = nil, err
		if s.info.Host.Notice != nil {
			s.info.Host.Notice("The digits could not be loaded: "+err.Error()+". Press Reset to try again.", scene.Warning)
		}
		return
	}
	if im == nil {
		return
	}
	s.model = hashing.New(s.cfg, s.seed, im)
	s.cells, s.cellCount = make([]float64, (1<<gridMaxK)*s.model.Train.D), make([]int, 1<<gridMaxK)
	s.measured = 0
	s.show()
}

func (s *Scene) Train(n int) (int, bool) {
	if s.model == nil {
		s.start()
		if s.model == nil {
			return 0, false
		}
	}
	done, diverged := s.model.Step(n)
	if diverged {
		s.info.Restored = s.model.Trainer.Restored
	}
	return done, diverged
}

// measureFrame spreads the measurements over frames of play, a part a
// frame (core/hashing.Parts), showing them once all are fresh.
func (s *Scene) measureFrame(frame int) {
	if s.model == nil {
		return
	}
	s.model.MeasurePart(s.measured % hashing.Parts)
	s.measured++
	if s.measured%hashing.Parts == 0 {
		s.show()
	}
}

func (s *Scene) Measure() {
	if s.model == nil {
		s.start()
		if s.model != nil {
			return
		}
		s.info.Unmeasured()
		return
	}
	s.model.Measure()
	s.measured = 0
	s.show()
}

// show copies the model's measurements to the readouts and what Draw
// reads.
func (s *Scene) show() {
	m, ms := s.model, s.info.Metrics
	s.curve = [3]hashing.Curve{m.Curve, m.CurveLSH, m.CurvePCA}
	ms[mBinary].Value, ms[mBits].Value = m.BinaryFraction, m.BitsUsed
	ms[mMAP].Value, ms[mLSH].Value, ms[mPCA].Value = m.MAP, m.MAPLSH, m.MAPPCA
	ms[mRounding].Value = m.ReconRounded / math.Max(m.ReconReal, 1e-12)
	s.info.Loss = m.Trainer.Smooth
	if m.Trainer.Steps == 0 {
		s.info.Loss = m.Trainer.Next() // the first minibatch's, at the weights drawn
	}
	s.hist, s.histMax = m.Hist, 1
	for _, h := range s.hist {
		s.histMax = max(s.histMax, h)
	}
	{
		d, mask := m.Train.D, uint32(1)<<s.gridBits()-1
		clear(s.cells)
		clear(s.cellCount)
		for n, a := range m.Addr {
			a &= mask
			s.cellCount[a]++
			cell := s.cells[int(a)*d : int(a+1)*d]
			for i, v := range m.Train.At(n) {
				cell[i] += v
			}
		}
		for a, c := range s.cellCount {
			if c > 1 {
				cell := s.cells[a*d : (a+1)*d]
				for i := range cell {
					cell[i] /= float64(c)
				}
			}
		}
	}
	s.pick()
}

// pick ranks the database for the picked query and finds the rows of the
// retrieval, and sets precision and recall at the radius.
func (s *Scene) pick() {
	m := s.model
	if m == nil {
		return
	}
	k, q := s.cfg.K, min(max(s.query, 0), hashing.NTest-1)
	copy(s.qCode[:k], m.TestCodes[q*k:(q+1)*k])
	s.qAddr = m.TestAddr[q]
	hashing.Unpack(s.qBits[:k], s.qAddr)
	s.rank.Query(s.qAddr, m.TestLabels[q], m.Addr, m.TrainLabels)
	for d := range s.rows {
		s.rows[d] = s.rows[d][:0]
	}
	for i, a := range m.Addr {
		if d := hashing.Hamming(s.qAddr, a); d <= maxRadius && len(s.rows[d]) < maxThumbs {
			s.rows[d] = append(s.rows[d], i)
		}
	}
	r := min(s.radius, k)
	ms := s.info.Metrics
	ms[mPrecision].Value, ms[mRecall].Value = s.curve[0].Precision[r], s.curve[0].Recall[r]
}

func (s *Scene) Layout(r ui.Rect, th *ui.Theme) {
	s.area = r
	s.histR, s.prR = ui.Rect{}, ui.Rect{}
	if len(s.info.InsetRects) > 1 {
		s.histR, s.prR = s.info.InsetRects[0], s.info.InsetRects[1]
	}
}

func (s *Scene) Pointer(p *ui.Pointer, area ui.Rect) bool { return false }

func (s *Scene) Draw(c ui.Canvas, area ui.Rect, th *ui.Theme) {
	if s.model == nil {
		if s.loadErr != nil {
			c.Text("The digits did not load: press Reset to try again.", area.X+area.W/2, area.Y+area.H/2,
				ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.TextDim, Align: ui.Center})
			return
		}
		plot.Loading(c, area, th, "the digits", s.pending, &s.loading)
		return
	}
	c.Clip(area)
	if s.view == viewAddresses {
		s.drawGrid(c, area.Inset(th.Px(10)), th)
	} else {
		s.drawRetrieval(c, area.Inset(th.Px(10)), th)
	}
	c.Unclip()
	if s.histR.W > 0 {
		s.drawHistogram(c, th)
	}
	if s.prR.W > 0 {
		s.drawPR(c, th)
	}
}

// relevantColor and otherColor frame a retrieved digit of the query's
// class and of another: blue and orange stay apart for colour-blind eyes.
func relevantColor(th *ui.Theme) ui.Color { return th.Data }
func otherColor(th *ui.Theme) ui.Color    { return th.Recon }

// drawRetrieval draws the query with its code as bars over its bits, then
// the database digits found at each Hamming distance up to the radius.
func (s *Scene) drawRetrieval(c ui.Canvas, r ui.Rect, th *ui.Theme) {
	m, k := s.model, s.cfg.K
	q := min(max(s.query, 0), hashing.NTest-1)
	small := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim}
	body := ui.TextStyle{Size: th.Font(ui.SizeBody), Color: th.Text}
	lineH := small.Size * 1.35

	// the query and its code
	topH := math.Min(r.H*0.36, th.Px(170))
	top, rest := r.CutTop(topH)
	compact := r.H < th.Px(320) // a phone: captions go, labels share the thumbnails' line
	s.buf = append(s.buf[:0], "query: held-out digit #"...)
	if compact {
		s.buf = append(s.buf[:0], "query #"...)
	}
	s.buf = strconv.AppendInt(s.buf, int64(q), 10)
	s.buf = append(s.buf, " (a "...)
	s.buf = strconv.AppendInt(s.buf, int64(m.TestLabels[q]), 10)
	s.buf = append(s.buf, ')')
	c.TextBytes(s.buf, top.X, top.Y, body)
	inner := ui.Rect{X: top.X, Y: top.Y + body.Size*1.5, W: top.W, H: top.H - body.Size*1.5 - th.Px(6)}
	side := math.Min(inner.H, inner.W*0.28)
	plot.Gray(c, ui.Rect{X: inner.X, Y: inner.Y, W: side, H: side}, m.Test.At(q), 0, 1, th)
	codeR := ui.Rect{X: inner.X + side + th.Px(12), Y: inner.Y, W: inner.W - side - th.Px(12), H: inner.H}
	cw := codeR.W / float64(k)
	bitH := math.Min(cw*0.9, th.Px(24))
	caption := lineH
	if compact {
		caption = 0
	}
	barsH := codeR.H - bitH - caption - th.Px(4)
	if barsH > th.Px(10) {
		if !compact {
			c.Text(plot.Fit(c, codeR.W, small.Size, "code h (bars) and address bits [h ≥ ½]", "h and bits"), codeR.X, codeR.Y, small)
		}
		bars := ui.Rect{X: codeR.X, Y: codeR.Y + caption, W: codeR.W, H: barsH}
		c.StrokeRect(bars, th.Px(1), th.Line)
		half := bars.Y + bars.H/2
		c.Line(bars.X, half, bars.Right(), half, th.Px(1), th.Axis)
		for j := 0; j < k; j++ {
			x := bars.X + float64(j)*cw
			h := s.qCode[j] * bars.H
			c.FillRect(ui.Rect{X: x + cw*0.15, Y: bars.Bottom() - h, W: cw * 0.7, H: h}, th.Model)
			b := ui.Rect{X: x + cw*0.08, Y: bars.Bottom() + th.Px(4), W: cw * 0.84, H: bitH}
			if s.qBits[j] == 1 {
				c.FillRect(b, th.Text)
			} else {
				c.StrokeRect(b, th.Px(1.5), th.Text)
			}
			if bitH >= small.Size*1.1 {
				col := th.Text
				digit := "0"
				if s.qBits[j] == 1 {
					col, digit = th.Bg, "1"
				}
				c.Text(digit, b.X+b.W/2, b.Y+(b.H-small.Size*1.2)/2, ui.TextStyle{Size: small.Size, Color: col, Align: ui.Center})
			}
		}
	}

	// what the radius finds
	rad := min(s.radius, k)
	got, rel := s.rank.Within(rad)
	s.buf = append(s.buf[:0], "r = "...)
	s.buf = strconv.AppendInt(s.buf, int64(rad), 10)
	s.buf = append(s.buf, ": "...)
	s.buf = strconv.AppendInt(s.buf, int64(hashing.Probes(k, rad)), 10)
	s.buf = append(s.buf, " addresses probed, "...)
	s.buf = strconv.AppendInt(s.buf, int64(got), 10)
	s.buf = append(s.buf, " digits found, "...)
	s.buf = strconv.AppendInt(s.buf, int64(rel), 10)
	s.buf = append(s.buf, " of them a "...)
	s.buf = strconv.AppendInt(s.buf, int64(m.TestLabels[q]), 10)
	y := rest.Y + th.Px(4)
	if c.TextWidth("r = 5: 9999 addresses probed, 1497 digits found, 1497 of them a 9", body.Size, false) > rest.W {
		s.buf = append(s.buf[:0], "r = "...)
		s.buf = strconv.AppendInt(s.buf, int64(rad), 10)
		s.buf = append(s.buf, ": "...)
		s.buf = strconv.AppendInt(s.buf, int64(hashing.Probes(k, rad)), 10)
		s.buf = append(s.buf, " addr., "...)
		s.buf = strconv.AppendInt(s.buf, int64(rel), 10)
		s.buf = append(s.buf, '/')
		s.buf = strconv.AppendInt(s.buf, int64(got), 10)
		s.buf = append(s.buf, " right"...)
	}
	c.TextBytes(s.buf, rest.X, y, body)
	y += body.Size * 1.6
	rowsH := rest.Bottom() - y
	rowH := rowsH / float64(rad+1)
	label := lineH // the row's label above its thumbnails
	if compact {
		label = 0
	}
	thumb := math.Min(th.Px(44), rowH-label-th.Px(6))
	if thumb < th.Px(8) {
		thumb = 0
	}
	for d := 0; d <= rad; d++ {
		ry := y + float64(d)*rowH
		x0 := rest.X
		if compact {
			// "d=1: 38" beside the thumbnails
			s.buf = append(s.buf[:0], "d="...)
			s.buf = strconv.AppendInt(s.buf, int64(d), 10)
			s.buf = append(s.buf, ": "...)
			s.buf = strconv.AppendInt(s.buf, int64(s.rank.Count[d]), 10)
			c.TextBytes(s.buf, rest.X, ry+math.Max(0, thumb/2-small.Size*0.6), small)
			x0 += c.TextWidth("d=0: 999", small.Size, false) + th.Px(6)
		} else {
			s.buf = append(s.buf[:0], "distance "...)
			s.buf = strconv.AppendInt(s.buf, int64(d), 10)
			s.buf = append(s.buf, ": "...)
			s.buf = strconv.AppendInt(s.buf, int64(hashing.Probes(k, d)-hashing.Probes(k, d-1)), 10)
			s.buf = append(s.buf, " addr., "...)
			s.buf = strconv.AppendInt(s.buf, int64(s.rank.Count[d]), 10)
			s.buf = append(s.buf, " found"...)
			c.TextBytes(s.buf, rest.X, ry, small)
		}
		if thumb == 0 {
			continue
		}
		gap := thumb * 0.18
		fitN := int((rest.Right() - x0 - c.TextWidth("+999", small.Size, false) + gap) / (thumb + gap))
		n := len(s.rows[d])
		shown := min(n, fitN)
		more := s.rank.Count[d] - shown
		ty := ry + label
		for i := 0; i < shown; i++ {
			e := s.rows[d][i]
			tr := ui.Rect{X: x0 + float64(i)*(thumb+gap), Y: ty, W: thumb, H: thumb}
			plot.Gray(c, tr, m.Train.At(e), 0, 1, th)
			col := otherColor(th)
			if m.TrainLabels[e] == m.TestLabels[q] {
				col = relevantColor(th)
			}
			c.StrokeRect(tr.Inset(-th.Px(1.5)), th.Px(3), col)
		}
		if more > 0 {
			s.buf = append(s.buf[:0], '+')
			s.buf = strconv.AppendInt(s.buf, int64(more), 10)
			c.TextBytes(s.buf, x0+float64(shown)*(thumb+gap)+th.Px(2), ty+thumb/2-small.Size*0.6, small)
		}
	}
}

// drawGrid draws the address space of K = 8 bits as a 16×16 grid in
// Gray-code order (neighbouring cells differ in one bit), each cell with
// the mean of the database digits stored at that address, the query's
// address ringed and the addresses within the radius framed.
func (s *Scene) drawGrid(c ui.Canvas, r ui.Rect, th *ui.Theme) {
	m, k := s.model, s.cfg.K
	small := ui.TextStyle{Size: th.Font(ui.SizeSmall), Color: th.TextDim}
	g := s.gridBits()
	rb := g / 2
	cb := g - rb
	rowsN, colsN := 1<<rb, 1<<cb
	if g == k {
		c.Text(plot.Fit(c, r.W, small.Size, "each cell: an address (neighbours differ in 1 bit), the mean of its digits", "cell = address: mean of its digits"), r.X, r.Y, small)
	} else {
		s.buf = append(s.buf[:0], "each cell: the first 8 of the "...)
		s.buf = strconv.AppendInt(s.buf, int64(k), 10)
		s.buf = append(s.buf, " bits, the mean of its digits"...)
		if c.TextWidth("each cell: the first 8 of the 16 bits, the mean of its digits", small.Size, false) > r.W {
			s.buf = append(s.buf[:0], "cell = first 8 bits: mean"...)
		}
		c.TextBytes(s.buf, r.X, r.Y, small)
	}
	top := r.Y + small.Size*1.5
	cell := math.Min(r.W/float64(colsN), (r.Bottom()-top)/float64(rowsN))
	x0 := r.X + (r.W-cell*float64(colsN))/2
	rad := min(s.radius, k)
	if g < k {
		rad = 0 // a cell holds many addresses: only the query's is ringed
	}
	d, q := m.Train.D, s.qAddr&(uint32(1)<<g-1)
	for i := 0; i < rowsN; i++ {
		for j := 0; j < colsN; j++ {
			a := uint32(gray(i))<<cb | uint32(gray(j))
			cr := ui.Rect{X: x0 + float64(j)*cell, Y: top + float64(i)*cell, W: cell, H: cell}.Inset(cell * 0.06)
			if s.cellCount[a] > 0 {
				plot.Gray(c, cr, s.cells[int(a)*d:int(a+1)*d], 0, 1, th)
			} else {
				c.FillRect(cr, th.Panel)
			}
			if hd := hashing.Hamming(a, q); hd == 0 {
				c.StrokeRect(cr.Inset(-cell*0.04), th.Px(3), th.Model)
			} else if hd <= rad {
				c.StrokeRect(cr.Inset(-cell*0.02), th.Px(1.5), th.Model.Alpha(0.6))
			}
		}
	}
}

// gridBits is the number of the address's bits the grid shows.
func (s *Scene) gridBits() int { return min(s.cfg.K, gridMaxK) }

// gray is the reflected binary (Gray) code of i: consecutive values
// differ in one bit.
func gray(i int) int { return i ^ i>>1 }

// drawHistogram draws the histogram of the database's code activations,
// with the bands that count as binary.
func (s *Scene) drawHistogram(c ui.Canvas, th *ui.Theme) {
	a := plot.Inset(c, s.histR, th, "code activations h of the database")
	if a.W < 10 || a.H < 10 {
		return
	}
	small := ui.TextStyle{Size: th.Font(ui.SizeFloor), Color: th.TextDim, Align: ui.Center}
	plotA := ui.Rect{X: a.X, Y: a.Y, W: a.W, H: a.H - small.Size*1.2}
	c.FillRect(ui.Rect{X: plotA.X, Y: plotA.Y, W: plotA.W * hashing.Binary, H: plotA.H}, th.Reference.Alpha(0.15))
	c.FillRect(ui.Rect{X: plotA.Right() - plotA.W*hashing.Binary, Y: plotA.Y, W: plotA.W * hashing.Binary, H: plotA.H}, th.Reference.Alpha(0.15))
	bw := plotA.W / hashing.HistBins
	for i, n := range s.hist {
		h := plotA.H * float64(n) / float64(s.histMax)
		c.FillRect(ui.Rect{X: plotA.X + float64(i)*bw + bw*0.1, Y: plotA.Bottom() - h, W: bw * 0.8, H: h}, th.Model)
	}
	c.Line(plotA.X, plotA.Bottom(), plotA.Right(), plotA.Bottom(), th.Px(1), th.Axis)
	for _, t := range [3]struct {
		x   float64
		lab string
	}{{0, "0"}, {0.5, "½"}, {1, "1"}} {
		c.Text(t.lab, plotA.X+t.x*plotA.W, plotA.Bottom()+th.Px(1), small)
	}
}

// drawPR draws precision against recall over the radius 0…K for the
// autoencoder's codes and the two baselines, the current radius marked.
func (s *Scene) drawPR(c ui.Canvas, th *ui.Theme) {
	a := plot.Inset(c, s.prR, th, "precision ↑ vs recall → over radius 0…K")
	if a.W < 10 || a.H < 10 {
		return
	}
	tick := ui.TextStyle{Size: th.Font(ui.SizeFloor), Color: th.TextDim, Align: ui.Right}
	tw := c.TextWidth("0", tick.Size, false) + th.Px(4)
	a = ui.Rect{X: a.X + tw, Y: a.Y, W: a.W - tw, H: a.H - tick.Size*1.2}
	c.StrokeRect(a, th.Px(1), th.Line)
	c.Text("1", a.X-th.Px(3), a.Y-tick.Size*0.5, tick)
	c.Text("0", a.X-th.Px(3), a.Bottom()-tick.Size*0.6, tick)
	c.Text("1", a.Right(), a.Bottom()+th.Px(1), tick)
	k, rad := s.cfg.K, min(s.radius, s.cfg.K)
	cols := [3]ui.Color{th.Model, th.Noise, th.Reference}
	for i := 2; i >= 0; i-- {
		cv := &s.curve[i]
		s.pts = s.pts[:0]
		for d := 0; d <= k; d++ {
			s.pts = append(s.pts, a.X+a.W*cv.Recall[d], a.Bottom()-a.H*cv.Precision[d])
		}
		w := th.Px(2)
		if i == 0 {
			w = th.Px(3)
		}
		c.Polyline(s.pts, w, cols[i])
		c.Circle(s.pts[2*rad], s.pts[2*rad+1], th.Px(4.5), cols[i])
	}
}

func (s *Scene) legend(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow {
	if s.view == viewRetrieval {
		rows = append(rows,
			plot.LegendRow{Swatch: plot.SwatchBand, Color: relevantColor(th), Text: "found: the query's digit"},
			plot.LegendRow{Swatch: plot.SwatchBand, Color: otherColor(th), Text: "found: another digit"})
	}
	if s.view == viewAddresses {
		text := "query's address (thick), within r (thin)"
		if s.gridBits() < s.cfg.K {
			text = "the query's cell"
		}
		rows = append(rows, plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Model, Text: text})
	}
	return append(rows,
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Model, Text: "autoencoder codes"},
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Noise, Text: "LSH, random projections"},
		plot.LegendRow{Swatch: plot.SwatchLine, Color: th.Reference, Text: "PCA codes, median cut"})
}

// Model returns the model being trained (tests); nil while the digits load.
func (s *Scene) Model() *hashing.Model { return s.model }
