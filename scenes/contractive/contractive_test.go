package contractive

import (
	"math"
	"testing"

	"aelab/core/manifold"
	"aelab/core/nn"
	"aelab/scenes/param"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

var _ scene.Scene = (*Scene)(nil)

// hosted returns the scene with a Host that records what it is asked.
func hosted(t *testing.T) (s *Scene, resets, notices *[]string) {
	t.Helper()
	s = New()
	resets, notices = new([]string), new([]string)
	s.info.Host = scene.Host{
		Reset:  func(why string) { *resets = append(*resets, why) },
		Notice: func(text string, _ scene.Level) { *notices = append(*notices, text) },
	}
	s.Reset(1)
	return s, resets, notices
}

var sizes = []ui.Rect{
	{X: 0, Y: 0, W: 1200, H: 800},  // room for the insets
	{X: 10, Y: 40, W: 500, H: 700}, // narrow: the data alone
	{X: 0, Y: 0, W: 320, H: 240},
}

// drawAll lays the scene out and draws it at every size; Draw must not
// allocate.
func drawAll(t *testing.T, s *Scene, what string) {
	t.Helper()
	th := ui.Light(1)
	c := &uitest.Canvas{}
	for _, r := range sizes {
		s.Layout(r, th)
		c.Reset()
		s.Draw(c, r, th)
		if c.Shapes == 0 {
			t.Errorf("%s, %v: nothing drawn", what, r)
		}
		if a := testing.AllocsPerRun(3, func() { s.Draw(c, r, th) }); a != 0 {
			t.Errorf("%s, %v: Draw allocates %v times", what, r, a)
		}
	}
}

func checkMetrics(t *testing.T, s *Scene, what string) {
	t.Helper()
	for _, m := range s.info.Metrics {
		if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
			t.Errorf("%s: %s = %v", what, m.Name, m.Value)
		}
	}
	if math.IsNaN(s.info.Loss) || math.IsInf(s.info.Loss, 0) {
		t.Errorf("%s: loss = %v", what, s.info.Loss)
	}
}

func TestParamsBound(t *testing.T) {
	s := New()
	for i := range s.info.Params.Specs {
		sp := &s.info.Params.Specs[i]
		if !sp.Bound() {
			t.Errorf("%s is not bound", sp.Name)
		}
		if !sp.Resets && sp.Apply == nil {
			t.Errorf("%s applies live but has no Apply", sp.Name)
		}
	}
}

// TestEveryParamAtItsEnds sets each parameter to its ends, resets or
// applies it, trains, measures and draws.
func TestEveryParamAtItsEnds(t *testing.T) {
	s, _, _ := hosted(t)
	ps := s.info.Params
	for i := range ps.Specs {
		sp := &ps.Specs[i]
		lo, hi := sp.Min, sp.Max
		switch sp.Kind {
		case param.Bool:
			lo, hi = 0, 1
		case param.Choice:
			lo, hi = 0, float64(len(sp.Choices)-1)
		}
		for _, v := range []float64{lo, hi} {
			ps.SetAt(i, v)
			if sp.Resets {
				s.Reset(2)
			} else {
				sp.Apply()
			}
			s.Train(30)
			s.Measure()
			what := sp.Name + "=" + sp.Format(v)
			checkMetrics(t, s, what)
			drawAll(t, s, what)
		}
		ps.SetAt(i, sp.Default)
		if sp.Resets {
			s.Reset(1)
		} else {
			sp.Apply()
		}
	}
}

// TestLiveParams checks that λ, η and σ reach the models as they stand.
func TestLiveParams(t *testing.T) {
	s, _, _ := hosted(t)
	ps := s.info.Params
	set := func(name string, v float64) {
		i := ps.Index(name)
		ps.SetAt(i, v)
		if ps.Specs[i].Resets {
			s.Reset(1)
		} else {
			ps.Specs[i].Apply()
		}
	}
	set("view", 1)
	if s.dae == nil || !s.info.ReadoutsAtBottom {
		t.Fatal("view=compare: no comparison DAE, or the readouts not at the bottom")
	}
	model, den := s.model, s.dae
	set("lambda", 0.5)
	set("lr", 0.02)
	set("noise", 0.3)
	if s.model != model || s.dae != den {
		t.Fatal("a live parameter rebuilt a model")
	}
	if model.CAE.Lambda != 0.5 || model.Cfg.LR != 0.02 || den.Cfg.LR != 0.02 || den.Cfg.Noise != 0.3 || den.Corrupt.Sigma != 0.3 {
		t.Errorf("live values not applied: λ %v, CAE η %v, DAE η %v, σ %v/%v",
			model.CAE.Lambda, model.Cfg.LR, den.Cfg.LR, den.Cfg.Noise, den.Corrupt.Sigma)
	}
	set("act", 1)
	if s.model.CAE.Act != nn.Sigmoid {
		t.Errorf("act=sigmoid: the CAE's units are %v", s.model.CAE.Act)
	}
	if len(s.legend(nil, ui.Light(1))) != 5 {
		t.Error("side by side, the legend has no field row")
	}
	set("view", 0)
	if s.dae != nil || s.info.ReadoutsAtBottom || len(s.legend(nil, ui.Light(1))) != 4 {
		t.Error("view=cae: a DAE, readouts at the bottom, or a field row left over")
	}
}

// TestDrawnCurve draws a curve with the pointer: the Host is asked for a
// reset, and the scene then trains on the new curve.
func TestDrawnCurve(t *testing.T) {
	s, resets, notices := hosted(t)
	ps := s.info.Params
	ps.SetAt(ps.Index("data"), float64(len(manifold.Names)-1)) // drawn
	if s.cfg.Manifold != "drawn" {
		t.Fatalf("data bound to %q", s.cfg.Manifold)
	}
	s.Reset(1)
	th := ui.Light(1)
	area := ui.Rect{W: 900, H: 700}
	s.Layout(area, th)
	v := s.View()
	p := &ui.Pointer{}
	for i := 0; i <= 40; i++ {
		a := math.Pi * float64(i) / 40
		p.X, p.Y = v.Screen(1.2*math.Cos(a), 1.2*math.Sin(a))
		p.Down, p.Pressed, p.Released = i < 40, i == 0, i == 40
		held := s.Pointer(p, area)
		if held != (i < 40) {
			t.Fatalf("step %d: held = %v", i, held)
		}
	}
	if len(*resets) != 1 || len(*notices) != 0 {
		t.Fatalf("after drawing: resets %q, notices %q", *resets, *notices)
	}
	old := s.drawer.Curve
	s.Reset(1)
	if s.model.Curve != old {
		t.Error("the scene does not train on the drawn curve")
	}
	// a dot is no curve: a notice, no reset
	p.Pressed, p.Down, p.Released = true, true, false
	s.Pointer(p, area)
	p.Pressed, p.Down, p.Released = false, false, true
	s.Pointer(p, area)
	if len(*resets) != 1 || len(*notices) != 1 {
		t.Errorf("after a dot: resets %q, notices %q", *resets, *notices)
	}
	drawAll(t, s, "drawn")
}

// TestViewsShowWhatActs: the DAE's σ is offered only beside a DAE, the
// row norm only untied; the λ sweep trains in the CAE view, and side by
// side the DAE's encoder is measured as the CAE's is.
func TestViewsShowWhatActs(t *testing.T) {
	s, _, _ := hosted(t)
	ps := s.info.Params
	set := func(name string, v float64) {
		ps.SetAt(ps.Index(name), v)
		s.Reset(1)
	}
	if s.info.Uses("noise") || !s.info.Uses("rownorm") || s.sweep == nil || len(s.info.Metrics) != 6 {
		t.Errorf("view=cae: noise shown %v, rownorm shown %v, sweep %v, %d metrics",
			s.info.Uses("noise"), s.info.Uses("rownorm"), s.sweep != nil, len(s.info.Metrics))
	}
	steps := s.sweep.Steps()
	s.Train(60)
	if s.sweep.Steps() != steps && s.sweep.Models[0].Steps() != 30 {
		t.Errorf("60 steps of the model shown gave the sweep's first model %d steps, want one turn of %d", s.sweep.Models[0].Steps(), defaultSpeed)
	}
	set("tied", 1)
	if s.info.Uses("rownorm") {
		t.Error("tied: the row norm is offered")
	}
	set("view", 1)
	if !s.info.Uses("noise") || s.sweep != nil || len(s.info.Metrics) != 8 {
		t.Errorf("view=compare: noise shown %v, sweep %v, %d metrics", s.info.Uses("noise"), s.sweep != nil, len(s.info.Metrics))
	}
	for _, m := range s.info.Metrics[6:] {
		if !(m.Value > 0 && m.Value <= 1) {
			t.Errorf("view=compare: %s = %v, want in (0, 1]", m.Name, m.Value)
		}
	}
}

// TestCompareLayout: side by side, the two panels sit below the titles'
// band, do not overlap, and leave the readouts' box (placed as the App
// places it at the plot's bottom right) and the bottom-left corner free,
// at a desktop's and a projector's size.
func TestCompareLayout(t *testing.T) {
	s, _, _ := hosted(t)
	ps := s.info.Params
	ps.SetAt(ps.Index("view"), 1)
	s.Reset(1)
	for _, sc := range []float64{1, 1.5} {
		th := ui.Light(sc)
		for _, area := range []ui.Rect{{X: 0, Y: 60, W: 900, H: 700}, {X: 0, Y: 80, W: 1500, H: 950}} {
			s.Layout(area, th)
			l, r := s.lr, s.rr
			if l.Y < area.Y+th.Px(titleBand) || l.Right() > r.X || r.Right() > area.Right() || r.Bottom() > area.Bottom() {
				t.Errorf("scale %g, %v: panels %v and %v overlap, or under the titles, or out of the plot", sc, area, l, r)
			}
			if l.W < th.Px(200) {
				t.Errorf("scale %g, %v: panels only %v wide", sc, area, l.W)
			}
		}
	}
}
