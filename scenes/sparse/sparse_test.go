package sparse

import (
	"math"
	"slices"
	"testing"
	"time"

	"aelab/scenes/param"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

var views = []string{"2d", "patches", "sae", "psd"}

// setView sets the parameter "view" as the App does: the value, Adjust,
// then a reset.
func setView(s *Scene, name string) {
	ps := s.info.Params
	ps.SetAt(ps.Index("view"), float64(slices.Index(views, name)))
	s.info.Adjust("view")
	s.Reset(1)
}

func checkFinite(t *testing.T, s *Scene, when string) {
	t.Helper()
	for _, m := range s.info.Metrics {
		// lasso_gap is NaN when every LASSO code is 0 (λ large enough)
		if math.IsInf(m.Value, 0) || math.IsNaN(m.Value) && !(m.Name == "lasso_gap" && s.cfg.Lambda > 0.5) {
			t.Errorf("%s: %s = %v", when, m.Name, m.Value)
		}
	}
	if math.IsNaN(s.info.Loss) || math.IsInf(s.info.Loss, 0) {
		t.Errorf("%s: loss %v", when, s.info.Loss)
	}
}

// TestParams: every parameter is bound, every live one applies to the
// model, and each view resets, trains and measures at every parameter's
// extremes.
func TestParams(t *testing.T) {
	start := time.Now()
	s := New()
	var _ scene.Scene = s
	ps := s.info.Params
	for i := range ps.Specs {
		sp := &ps.Specs[i]
		if !sp.Bound() {
			t.Errorf("%s is not bound", sp.Name)
		}
		if !sp.Resets && sp.Apply == nil {
			t.Errorf("%s applies live but has no Apply", sp.Name)
		}
	}
	th := ui.Light(1)
	s.Layout(ui.Rect{W: 1000, H: 700}, th)
	for _, v := range views {
		setView(s, v)
		checkFinite(t, s, v+" at reset")
		for i := range ps.Specs {
			sp := ps.Specs[i]
			if sp.Name == "view" {
				continue
			}
			hi := sp.Max
			switch sp.Kind {
			case param.Bool, param.Choice:
				hi = 1
			}
			if sp.Name == "k" && v != "2d" {
				hi = 64 // keep the test quick
			}
			for _, x := range []float64{sp.Min, hi} {
				ps.SetAt(i, x)
				if sp.Resets {
					s.Reset(1)
				} else {
					sp.Apply()
				}
				s.Measure()
				s.Train(2)
				s.Measure()
				checkFinite(t, s, v+" "+sp.Name+"="+sp.Format(x))
			}
			ps.SetAt(i, sp.Default)
			if sp.Resets {
				s.Reset(1)
			} else {
				sp.Apply()
			}
		}
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestViews: what each view puts on Info, K following the view, the
// buttons, training, picking and drawing without allocating.
func TestViews(t *testing.T) {
	s := New()
	th := ui.Light(1)
	area := ui.Rect{W: 1280, H: 800}
	// the App keeps the small plots beside the plot (Info.Insets): here
	// a column at the right of a 1280 × 800 screen
	insets := []ui.Rect{{X: 1300, Y: 0, W: 300, H: 150}, {X: 1300, Y: 160, W: 300, H: 150}, {X: 1300, Y: 320, W: 300, H: 150}}
	s.Layout(area, th)
	want := map[string]struct {
		k, metrics, actions int
		unused              []string
		legend              bool
	}{
		"2d":      {5, 5, 2, []string{"code", "gamma", "lr"}, true},
		"patches": {32, 5, 2, []string{"code", "gamma", "lr"}, false},
		"sae":     {32, 4, 0, []string{"normalize", "gamma"}, false},
		"psd":     {32, 5, 0, []string{"normalize", "code"}, false},
	}
	if s.info.Speed != 2 {
		t.Errorf("Speed %d, want 2", s.info.Speed)
	}
	for _, v := range views {
		w := want[v]
		setView(s, v)
		i := &s.info
		if s.cfg.K != w.k || len(i.Metrics) != w.metrics || len(i.Actions) != w.actions ||
			!slices.Equal(i.Unused, w.unused) || (i.Legend != nil) != w.legend {
			t.Errorf("%s: K %d, %d metrics, %d actions, unused %v, legend %v; want %+v",
				v, s.cfg.K, len(i.Metrics), len(i.Actions), i.Unused, i.Legend != nil, w)
		}
		if i.Title == "" || len(i.Formula) != 3 || i.Text == "" {
			t.Errorf("%s: no texts", v)
		}
		if done, diverged := s.Train(3); done != 3 || diverged {
			t.Errorf("%s: trained %d of 3, diverged %v", v, done, diverged)
		}
		for _, a := range i.Actions {
			a.Run()
		}
		s.Measure()
		checkFinite(t, s, v)
		if w.actions > 0 && s.Dictionary().Rows != s.cfg.K {
			t.Errorf("%s: dictionary of %d atoms, K = %d", v, s.Dictionary().Rows, s.cfg.K)
		}
		if w.legend && len(i.Legend(nil, th)) != 3 {
			t.Errorf("%s: legend rows %d, want 3", v, len(i.Legend(nil, th)))
		}

		// pick: a point of the plane, or the strip's fifth patch
		var px, py float64
		if v == "2d" {
			px, py = s.View().Screen(s.x.X[2*7], s.x.X[2*7+1])
		} else {
			r := s.stripTile(4)
			px, py = r.X+r.W/2, r.Y+r.H/2
		}
		s.Pointer(&ui.Pointer{X: px, Y: py, Pressed: true, Down: true}, area)
		if v != "2d" && s.sel != 4 {
			t.Errorf("%s: picked %d, want 4", v, s.sel)
		}
		if v == "2d" && math.Hypot(s.x.X[2*s.sel]-s.x.X[14], s.x.X[2*s.sel+1]-s.x.X[15]) > 0.05 {
			t.Errorf("2d: picked point %d, far from point 7", s.sel)
		}

		c := &uitest.Canvas{Record: true}
		for _, r := range []ui.Rect{area, {X: 20, Y: 40, W: 700, H: 500}, {W: 320, H: 600}, {W: 1, H: 1}} {
			s.info.InsetRects = nil
			if r == area {
				s.info.InsetRects = insets
			}
			s.Layout(r, th)
			c.Reset()
			s.Draw(c, r, th)
			if c.Shapes == 0 {
				t.Errorf("%s %v: nothing drawn", v, r)
			}
			if r == area && !c.HasText("its code:") {
				t.Errorf("%s: no code bars", v)
			}
			c.Record = false
			if a := testing.AllocsPerRun(5, func() { s.Draw(c, r, th) }); a != 0 {
				t.Errorf("%s %v: Draw allocates %.0f times", v, r, a)
			}
			c.Record = true
		}
		s.Layout(area, th)
	}
	if AtomColor(0) == AtomColor(1) || AtomColor(0) != AtomColor(len(atomColors)) {
		t.Error("AtomColor does not cycle through distinct colours")
	}
}

// TestDivergenceKeepsLastDictionary: an alternation that makes the
// dictionary non-finite is undone, and the insets keep no trace of it.
// Forced here by moving a point to (1e200, 1e200).
func TestDivergenceKeepsLastDictionary(t *testing.T) {
	s := New()
	s.Reset(1)
	s.Train(3)
	d := slices.Clone(s.Dictionary().Data)
	plane := s.view.(*plane)
	n := plane.hist.Len()
	s.x.X[0], s.x.X[1] = 1e200, 1e200
	if done, diverged := s.Train(5); done != 0 || !diverged {
		t.Fatalf("trained %d, diverged %v; want 0, true", done, diverged)
	}
	if !slices.Equal(s.Dictionary().Data, d) || plane.hist.Len() != n {
		t.Error("the diverged alternation left its mark")
	}
}

// TestInsetsKept: every view asks the App for room for each of its
// evidence plots and the code bars (Info.Insets) and draws them where the
// App puts them (Info.InsetRects), whatever the screen — the App keeps
// them at every size and in presenter mode (scenes/app TestInsetsAreKept;
// issue 10: presenter mode dropped them).
func TestInsetsKept(t *testing.T) {
	th := ui.Presenter(1.5)
	area := ui.Rect{Y: 83, W: 1344, H: 646}
	rects := []ui.Rect{{X: 1400, Y: 90, W: 300, H: 150}, {X: 1400, Y: 260, W: 300, H: 150}, {X: 1400, Y: 430, W: 300, H: 150}}
	s := New()
	for _, v := range views {
		setView(s, v)
		want := []*ui.Rect{&s.obj, &s.codeR}
		if v == "2d" || v == "patches" {
			want = []*ui.Rect{&s.obj, &s.deg, &s.codeR}
		}
		if n := s.info.Insets.N; n != len(want) || s.info.Insets.MinH < insetMin {
			t.Errorf("%s: asks for %d small plots of at least %g px, want %d of at least %d", v, n, s.info.Insets.MinH, len(want), insetMin)
		}
		s.info.InsetRects = rects[:len(want)]
		s.Layout(area, th)
		for i, r := range want {
			if *r != rects[i] {
				t.Errorf("%s: small plot %d at %+v, want the App's %+v", v, i, *r, rects[i])
			}
		}
		if overlap(s.dataR, rects[0]) || s.dataR != area {
			t.Errorf("%s: the data at %+v, want the whole plot %+v", v, s.dataR, area)
		}
	}
}

func overlap(a, b ui.Rect) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}

// TestNeitherStepRaises: over 150 alternations on each data set, no W-step
// and no D-step raises the objective (the metric max_rise stays at 0 up to
// rounding), and the steps do lower it.
func TestNeitherStepRaises(t *testing.T) {
	for _, v := range []string{"2d", "patches"} {
		s := New()
		s.Layout(ui.Rect{W: 1280, H: 800}, ui.Light(1))
		setView(s, v)
		before := s.metrics[mObjective].Value
		s.Train(150)
		s.Measure()
		if r := s.metrics[mMaxRise].Value; r > 1e-12 {
			t.Errorf("%s: max_rise %g after 150 alternations, want ≤ 1e-12", v, r)
		}
		if after := s.metrics[mObjective].Value; !(after < before) {
			t.Errorf("%s: objective %g → %g, want it lower", v, before, after)
		}
	}
}

// TestZerosReadout: the SAE histogram's "exactly 0 in X%" is 1 − the
// metric sparsity (nonzero codes), as stop 17 reads them side by side; with
// ReLU units many codes are exactly 0, with sigmoid units none.
func TestZerosReadout(t *testing.T) {
	for _, code := range []string{"relu", "sigmoid"} {
		s := New()
		s.Layout(ui.Rect{W: 1280, H: 800}, ui.Light(1))
		ps := s.info.Params
		ps.SetAt(ps.Index("code"), float64(slices.Index([]string{"relu", "sigmoid"}, code)))
		setView(s, "sae")
		s.Train(300)
		s.Measure()
		a := s.view.(*autoencoder)
		zeros := float64(a.codes.zeros) / float64(a.codes.total)
		if sp := s.metrics[mSparsity].Value; math.Abs(zeros-(1-sp)) > 1e-12 {
			t.Errorf("%s: histogram's zeros %.4f, 1 − nonzero codes %.4f", code, zeros, 1-sp)
		}
		if code == "relu" && zeros < 0.3 || code == "sigmoid" && zeros != 0 {
			t.Errorf("%s: exactly 0 in %.1f%% of the codes", code, 100*zeros)
		}
	}
}
