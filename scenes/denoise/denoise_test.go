package denoise_test

import (
	"math"
	"slices"
	"testing"

	dae "aelab/core/denoise"
	"aelab/scenes/denoise"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// drawOnly are the parameters that change only what is drawn.
var drawOnly = map[string]bool{"streamlines": true, "score": true}

func TestScene(t *testing.T) {
	s := denoise.New()
	var _ scene.Scene = s
	info := s.Info()
	var notices []string
	resets := 0
	info.Host = scene.Host{
		Reset:  func(why string) { resets++; s.Reset(1) },
		Notice: func(text string, _ scene.Level) { notices = append(notices, text) },
	}
	ps := info.Params
	for i := range ps.Specs {
		sp := &ps.Specs[i]
		if !sp.Bound() {
			t.Errorf("%s is not bound", sp.Name)
		}
		if !sp.Resets && sp.Apply == nil && !drawOnly[sp.Name] {
			t.Errorf("%s applies live but has no Apply", sp.Name)
		}
	}
	th := ui.Light(1)
	area := ui.Rect{X: 0, Y: 0, W: 640, H: 480}
	s.Layout(area, th)
	s.Reset(1)
	check := func(when string) {
		t.Helper()
		for _, m := range info.Metrics {
			if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
				t.Errorf("%s: %s = %v", when, m.Name, m.Value)
			}
		}
		if math.IsNaN(info.Loss) || math.IsInf(info.Loss, 0) {
			t.Errorf("%s: loss %v", when, info.Loss)
		}
	}
	check("at reset")

	set := func(i int, v float64) {
		sp := &ps.Specs[i]
		ps.SetAt(i, v)
		switch {
		case sp.Resets:
			s.Reset(1)
		case sp.Apply != nil:
			sp.Apply()
		}
		s.Measure()
	}
	for i := range ps.Specs {
		sp := ps.Specs[i]
		hi := sp.Max
		switch sp.Kind {
		case param.Bool:
			hi = 1
		case param.Choice:
			hi = float64(len(sp.Choices) - 1)
		}
		for _, v := range []float64{sp.Min, hi} {
			if sp.Name == "hidden" && v > 64 {
				v = 64 // keep the test quick
			}
			set(i, v)
			s.Train(3)
			s.Measure()
			check(sp.Name + "=" + sp.Format(v))
		}
		set(i, sp.Default)
	}

	// every feature on, trained a little, drawn at a few sizes
	ps.SetAt(ps.Index("streamlines"), 1)
	ps.SetAt(ps.Index("score"), 1)
	if d, _ := s.Train(20); d != 20 {
		t.Errorf("trained %d of 20 steps", d)
	}
	for f := 0; f < 3; f++ {
		info.MeasureFrame(f)
	}
	s.Measure()
	check("after training")
	if rows := info.Legend(nil, th); len(rows) != 7 {
		t.Errorf("%d legend rows with streamlines and score on, want 7", len(rows))
	}
	c := &uitest.Canvas{}
	for _, r := range []ui.Rect{{W: 640, H: 480}, {X: 20, Y: 40, W: 1200, H: 700}, {W: 320, H: 600}, {W: 1, H: 1}} {
		s.Layout(r, th)
		c.Reset()
		s.Draw(c, r, th)
		if c.Shapes == 0 {
			t.Errorf("%v: nothing drawn", r)
		}
		if a := testing.AllocsPerRun(5, func() { s.Draw(c, r, th) }); a != 0 {
			t.Errorf("%v: Draw allocates %.0f times", r, a)
		}
	}

	// a drawn curve becomes the data: drag across the plot
	ps.SetAt(ps.Index("data"), float64(len(ps.Spec("data").Choices)-1))
	s.Reset(1)
	s.Layout(area, th)
	v := s.View()
	drag(s, v, area, -1.5, 0.6, 1.5, 0.6)
	if resets != 1 {
		t.Errorf("%d resets after drawing a line, want 1", resets)
	}
	// a dot is refused with a notice
	drag(s, v, area, 0, 0, 0.01, 0)
	if len(notices) != 1 {
		t.Errorf("notices after a dot: %q", notices)
	}
	c.Reset()
	c.Record = true
	s.Draw(c, area, th)
	if !c.HasText("drag in the plot") {
		t.Errorf("no hint to draw in %q", c.Texts)
	}
}

// TestControlsFollowTheCorruption: σ is shown under Gaussian noise, p under
// the mask, neither for the plain autoencoder; the readouts follow (with
// nothing to undo there is no alignment to show).
func TestControlsFollowTheCorruption(t *testing.T) {
	s := denoise.New()
	info := s.Info()
	s.Reset(1)
	ps := info.Params
	for _, tc := range []struct {
		corruption, plain float64
		unused            []string
		metric            string
	}{
		{0, 0, []string{"mask"}, "alignment"},
		{1, 0, []string{"noise", "score"}, "masked_restored"},
		{0, 1, []string{"corruption", "noise", "mask", "score"}, "field_norm_max_on_manifold"},
	} {
		ps.SetAt(ps.Index("corruption"), tc.corruption)
		ps.SetAt(ps.Index("plain"), tc.plain)
		ps.Spec("plain").Apply()
		if !slices.Equal(info.Unused, tc.unused) {
			t.Errorf("corruption %v plain %v: unused %q, want %q", tc.corruption, tc.plain, info.Unused, tc.unused)
		}
		if info.Metrics[0].Name != tc.metric {
			t.Errorf("corruption %v plain %v: first readout %s, want %s", tc.corruption, tc.plain, info.Metrics[0].Name, tc.metric)
		}
	}
}

// TestManifoldDefaults: choosing a manifold moves σ, the units, the depth
// and η to its own (dae.For), however it is chosen.
func TestManifoldDefaults(t *testing.T) {
	s := denoise.New()
	info := s.Info()
	ps := info.Params
	for i, name := range ps.Spec("data").Choices {
		ps.SetAt(ps.Index("data"), float64(i))
		info.Adjust("data")
		d := dae.For(name)
		if ps.At(ps.Index("noise")) != d.Noise || ps.Int("hidden") != d.Hidden || ps.Int("depth") != d.Depth || ps.At(ps.Index("lr")) != d.LR {
			t.Errorf("%s: σ %v, %d units, %d layers, η %v; want %v, %d, %d, %v", name, ps.At(ps.Index("noise")), ps.Int("hidden"),
				ps.Int("depth"), ps.At(ps.Index("lr")), d.Noise, d.Hidden, d.Depth, d.LR)
		}
	}
}

// drag drags the pointer in a straight line from (x0, y0) to (x1, y1), data
// coordinates.
func drag(s *denoise.Scene, v *plot.View2D, area ui.Rect, x0, y0, x1, y1 float64) {
	const n = 20
	for i := 0; i <= n; i++ {
		t := float64(i) / n
		x, y := v.Screen(x0+t*(x1-x0), y0+t*(y1-y0))
		s.Pointer(&ui.Pointer{X: x, Y: y, Down: i < n, Pressed: i == 0, Released: i == n}, area)
	}
}
