package app

import (
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"aelab/scenes"
	"aelab/scenes/pca"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// newApp opens the App at 1280×800 with query; without a scene in it, on
// the pca scene (the tests below are about the pca scene's parameters,
// whichever scene the registry lists first).
func newApp(t *testing.T, query string) *App {
	t.Helper()
	if !strings.Contains(query, "scene=") {
		query = "scene=pca&" + query
	}
	a := New(Options{Scenes: scenes.All(), Query: ParseQuery(query), Now: frozen})
	a.Resize(1280, 800, 1)
	return a
}

// frozen is the clock of newApp's App: time stands still, so the
// wall-time budgets (pace.go) never cut a test's run short however busy
// the machine — a test gets the steps it asks for; the budgets are tested
// with clocks of their own.
func frozen() time.Time { return time.Unix(0, 0) }

// press and release the pointer at (x, y) over two frames.
func click(a *App, x, y float64) {
	a.Update(&ui.Input{Pointer: ui.Pointer{X: x, Y: y, Down: true, Pressed: true}})
	a.Update(&ui.Input{Pointer: ui.Pointer{X: x, Y: y, Released: true}})
}

func widget(t *testing.T, a *App, name string) ui.ParamWidget {
	t.Helper()
	for _, w := range a.Widgets() {
		if w.Spec().Name == name {
			return w
		}
	}
	t.Fatalf("no widget for %s", name)
	return nil
}

func TestQueryAppliesAndWarns(t *testing.T) {
	a := newApp(t, "scene=pca&seed=7&lr=0.05&noise=5&dim=4&zzz=1&paused")
	s := a.State()
	if s.Scene != "pca" || s.Params["seed"] != 7 || s.Params["lr"] != 0.05 || !s.Paused {
		t.Errorf("state after query: %+v", s)
	}
	if s.Params["noise"] != 1.0 || s.Params["dim"] != "2" {
		t.Errorf("bad values not clamped or defaulted: noise %v dim %v", s.Params["noise"], s.Params["dim"])
	}
	if len(s.Warnings) != 3 {
		t.Errorf("warnings = %q, want 3 (noise, dim, zzz)", s.Warnings)
	}
	for _, w := range []string{"noise=5", "dim=\"4\"", "zzz"} {
		if !strings.Contains(strings.Join(s.Warnings, "|"), w) {
			t.Errorf("no warning about %s in %q", w, s.Warnings)
		}
	}
}

func TestSetLiveDoesNotReset(t *testing.T) {
	a := newApp(t, "paused=1")
	a.Train(200)
	before := a.State()
	if got := a.Set("lr", "0.03"); got != 0.03 {
		t.Errorf("Set(lr, 0.03) = %v", got)
	}
	if got := a.Set("rotation", "100"); got != 100.0 {
		t.Errorf("Set(rotation, 100) = %v", got)
	}
	after := a.State()
	if after.Step != before.Step {
		t.Errorf("a live parameter reset training: step %d → %d", before.Step, after.Step)
	}
	if after.Metrics["angle_deg"] < 45 {
		t.Errorf("rotating the data by 70° left angle_deg at %.1f; the PCA did not follow the data", after.Metrics["angle_deg"])
	}
	if w := widget(t, a, "lr").(*ui.Slider); w.Value != 0.03 {
		t.Errorf("the lr slider shows %v after Set, want 0.03", w.Value)
	}
}

func TestSetResettingParameterResetsAndSaysSo(t *testing.T) {
	a := newApp(t, "paused=1")
	a.Train(100)
	if got := a.Set("dim", "3"); got != "3" {
		t.Fatalf("Set(dim, 3) = %v", got)
	}
	if s := a.State(); s.Step != 0 {
		t.Errorf("changing the data dimension kept step %d, want a reset to 0", s.Step)
	}
	found := false
	for _, n := range a.notices.List {
		if strings.Contains(n.Text, "restarted") {
			found = true
		}
	}
	if !found {
		t.Error("no notice says that training restarted")
	}
}

func TestResetReproducesTheSeed(t *testing.T) {
	a := newApp(t, "paused=1&seed=3")
	a.Train(300)
	m1 := a.State().Metrics["mse"]
	a.Reset()
	if a.Step() != 0 {
		t.Fatalf("step %d after reset", a.Step())
	}
	a.Train(300)
	if m2 := a.State().Metrics["mse"]; m1 != m2 {
		t.Errorf("same seed, same steps, different mse: %v then %v", m1, m2)
	}
}

func TestDivergencePausesRestoresAndSays(t *testing.T) {
	a := newApp(t, "lr=1&aspect=1&noise=1")
	for i := 0; i < 200 && !a.Paused(); i++ {
		a.Update(&ui.Input{})
	}
	if !a.Paused() {
		t.Fatal("learning rate 1 did not diverge and pause within 200 frames")
	}
	s := a.State()
	if math.IsNaN(s.Loss) || math.IsInf(s.Loss, 0) {
		t.Errorf("loss on screen after divergence: %v", s.Loss)
	}
	for k, v := range s.Metrics {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("metric %s = %v after divergence", k, v)
		}
	}
	if len(a.notices.List) == 0 || !strings.Contains(a.notices.List[len(a.notices.List)-1].Text, "diverged") {
		t.Error("no notice of the divergence")
	}
	// Playing again dismisses the failure notice.
	a.SetPaused(false)
	for _, n := range a.notices.List {
		if n.Level == scene.Failure {
			t.Error("the divergence notice stays after play")
		}
	}
}

func TestButtonsByPointer(t *testing.T) {
	a := newApp(t, "")
	if a.Paused() {
		t.Fatal("paused on load without paused=1")
	}
	r := a.play.Bounds()
	click(a, r.X+r.W/2, r.Y+r.H/2)
	if !a.Paused() {
		t.Error("clicking Pause did not pause")
	}
	step := a.Step()
	r = a.stepBtn.Bounds()
	click(a, r.X+r.W/2, r.Y+r.H/2)
	if a.Step() != step+1 {
		t.Errorf("Step: step %d → %d, want +1", step, a.Step())
	}
	r = a.resetBtn.Bounds()
	click(a, r.X+r.W/2, r.Y+r.H/2)
	if a.Step() != 0 {
		t.Errorf("Reset: step %d, want 0", a.Step())
	}
	r = a.seedBtn.Bounds()
	click(a, r.X+r.W/2, r.Y+r.H/2)
	if got := a.State().Params["seed"]; got != 2 {
		t.Errorf("New seed: seed %v, want 2", got)
	}
}

func TestSliderDragAppliesLive(t *testing.T) {
	a := newApp(t, "paused=1")
	w := widget(t, a, "noise").(*ui.Slider)
	tr := w.Track()
	y := tr.Y + tr.H/2
	a.Update(&ui.Input{Pointer: ui.Pointer{X: tr.X, Y: y, Down: true, Pressed: true}})
	// dragging past the end clamps to the maximum
	a.Update(&ui.Input{Pointer: ui.Pointer{X: tr.Right() + 200, Y: y + 100, Down: true}})
	if got := a.State().Params["noise"]; got != 1.0 {
		t.Errorf("noise = %v while dragged past the end, want 1", got)
	}
	a.Update(&ui.Input{Pointer: ui.Pointer{X: tr.X + tr.W/2, Y: y + 100, Down: true}})
	a.Update(&ui.Input{Pointer: ui.Pointer{X: tr.X + tr.W/2, Y: y + 100, Released: true}})
	if got := a.State().Params["noise"]; got != 0.5 {
		t.Errorf("noise = %v after dragging to the middle, want 0.5", got)
	}
	// a later press elsewhere does not move it
	a.Update(&ui.Input{Pointer: ui.Pointer{X: tr.X, Y: y + 300, Down: true, Pressed: true}})
	a.Update(&ui.Input{Pointer: ui.Pointer{X: tr.X, Y: y + 300, Released: true}})
	if got := a.State().Params["noise"]; got != 0.5 {
		t.Errorf("noise = %v after a click outside the slider, want 0.5", got)
	}
}

func TestSegmentsSwitchDimension(t *testing.T) {
	a := newApp(t, "paused=1")
	w := widget(t, a, "dim")
	r := w.Bounds()
	click(a, r.Right()-5, r.Y+r.H/2) // the second segment: 3-D
	if got := a.State().Params["dim"]; got != "3" {
		t.Errorf("dim = %v after clicking its second segment, want 3", got)
	}
}

func TestPlotDragTurns3DView(t *testing.T) {
	a := newApp(t, "paused=1&dim=3")
	s := a.Scene().(*pca.Scene)
	yaw := s.View3D().Yaw
	p := a.PlotRect()
	cx, cy := p.X+p.W/2, p.Y+p.H/2
	a.Update(&ui.Input{Pointer: ui.Pointer{X: cx, Y: cy, Down: true, Pressed: true}})
	a.Update(&ui.Input{Pointer: ui.Pointer{X: cx + 100, Y: cy, Down: true}})
	a.Update(&ui.Input{Pointer: ui.Pointer{X: cx + 100, Y: cy, Released: true}})
	if s.View3D().Yaw == yaw {
		t.Error("dragging in the plot did not turn the 3-D view")
	}
}

func TestTrainingRespectsFrameBudget(t *testing.T) {
	// A clock that advances 1 ms per reading: the frame's budget of 5 ms
	// stops training long before 1000 steps.
	now := time.Unix(0, 0)
	a := New(Options{Scenes: scenes.All(), Query: ParseQuery("scene=pca&speed=1000"), Now: func() time.Time { now = now.Add(time.Millisecond); return now }})
	a.Resize(1280, 800, 1)
	a.Update(&ui.Input{})
	if a.Step() >= 1000 || a.Step() == 0 {
		t.Errorf("one frame at 1000 steps/frame with a 5 ms budget ran %d steps", a.Step())
	}
}

func TestDrawShowsStateAndDoesNotAllocate(t *testing.T) {
	for _, q := range []string{"paused=1", "paused=1&dim=3", "paused=1&encoder=tanh"} {
		a := newApp(t, q)
		a.Train(500)
		a.Update(&ui.Input{})
		c := &uitest.Canvas{Record: true}
		a.Draw(c)
		for _, want := range []string{"Autoencoder Lab", "angle to PCA subspace", "learning rate η", "step 500", "Σₙ ‖g(f(xₙ)) − xₙ‖² → min over θ"} {
			if !c.HasText(want) {
				t.Errorf("%s: nothing drawn contains %q", q, want)
			}
		}
		c.Record = false
		a.Draw(c) // warm up caches (wrapped lines)
		if n := testing.AllocsPerRun(10, func() { a.Draw(c) }); n != 0 {
			t.Errorf("%s: Draw allocates %v times per frame, want 0", q, n)
		}
	}
}

func TestAppendMetric(t *testing.T) {
	for _, tc := range []struct {
		v      float64
		digits int
		want   string
	}{
		{0.12913, 3, "0.129"},
		{36.14, 3, "36.1"},
		{0.116034, 4, "0.1160"},
		{1.5e-5, 3, "1.50e-5"},
		{0, 3, "0.00"},
		{math.NaN(), 3, "—"},
		{math.Inf(1), 3, "—"},
	} {
		if got := string(appendMetric(nil, tc.v, tc.digits)); got != tc.want {
			t.Errorf("appendMetric(%v, %d) = %q, want %q", tc.v, tc.digits, got, tc.want)
		}
	}
}

// TestNoMemoryGrowth checks DESIGN.md's steady-state budget, no memory
// growth over 10⁶ training steps, for every scene through the App (training,
// metrics, loss curve). make test runs 2·10⁴ steps per scene (a leak of 13 bytes a step would show); make bench sets
// AELAB_MEMORY_STEPS=1000000 for the budget's full count.
func TestNoMemoryGrowth(t *testing.T) {
	steps := 20000
	if v, err := strconv.Atoi(os.Getenv("AELAB_MEMORY_STEPS")); err == nil && v > 0 {
		steps = v
	}
	for _, sc := range scenes.All() {
		a := New(Options{Scenes: []scene.Scene{sc}, Query: []KV{{"paused", "1"}}})
		a.Resize(1280, 800, 1)
		a.Train(10000)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := 0; i < 100; i++ {
			a.Train(steps / 100)
			a.Update(&ui.Input{})
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		grow := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		t.Logf("%s: heap %d → %d bytes over %d steps", sc.Info().ID, before.HeapAlloc, after.HeapAlloc, steps)
		if grow > 256<<10 {
			t.Errorf("%s: the heap grew by %d bytes over %d steps", sc.Info().ID, grow, steps)
		}
	}
}

// TestEverySceneDrawsWithoutAllocating: after a frame has warmed the caches,
// drawing any scene in any of its views allocates nothing (DESIGN.md: keep
// allocation out of Draw), and neither does its training.
func TestEverySceneDrawsWithoutAllocating(t *testing.T) {
	for _, q := range []string{
		"scene=pca", "scene=pca&dim=3",
		"scene=denoise", "scene=denoise&streamlines=1&score=1", "scene=denoise&corruption=mask",
		"scene=contractive", "scene=contractive&view=compare", "scene=contractive&tied=0",
		"scene=sparse", "scene=sparse&view=patches", "scene=sparse&view=sae", "scene=sparse&view=psd",
		"scene=pca&tour=6", "scene=pca&presenter=1&panels=0",
	} {
		a := newApp(t, q)
		sc := a.Scene()
		c := &uitest.Canvas{}
		a.Update(&ui.Input{})
		a.Draw(c)
		if n := testing.AllocsPerRun(10, func() { a.Draw(c) }); n != 0 {
			t.Errorf("%s: Draw allocates %v times per frame", q, n)
		}
		if n := testing.AllocsPerRun(10, func() { sc.Train(10) }); n != 0 {
			t.Errorf("%s: Train allocates %v times per call", q, n)
		}
	}
}

// TestParamsScrollOnShortScreens: a scene with more parameters than fit
// keeps a loss curve, scrolls its list with the wheel, and a hidden row
// takes no press.
func TestParamsScrollOnShortScreens(t *testing.T) {
	a := New(Options{Scenes: scenes.All(), Query: ParseQuery("scene=denoise&paused=1")})
	a.Resize(1280, 600, 1)
	if !a.params.scrolls() {
		t.Fatalf("denoise's %d parameters fit in %.0f pixels; the test needs a short screen", len(a.widgets), a.params.r.H)
	}
	if h := a.lossPlot.Bounds().H; h < 150 {
		t.Errorf("the loss curve is %.0f pixels high, want at least 150", h)
	}
	last := a.widgets[len(a.widgets)-1]
	name := last.Spec().Name // an on/off switch at the end of the list
	if last.Bounds().Y < a.params.r.Bottom() {
		t.Fatalf("the last parameter is visible before scrolling")
	}
	// a press where the hidden last row would be does nothing
	r := last.Bounds()
	click(a, r.X+r.W/2, r.Y+r.H/2)
	if a.State().Params[name] != false {
		t.Errorf("a press below the parameter list toggled the hidden %s switch", name)
	}
	// the wheel brings it into view
	for i := 0; i < 20; i++ {
		a.Update(&ui.Input{Pointer: ui.Pointer{X: a.params.r.X + 20, Y: a.params.r.Y + 20, Wheel: -1}})
	}
	r = last.Bounds()
	if r.Bottom() > a.params.r.Bottom()+1 {
		t.Fatalf("after scrolling down the last parameter ends at %.0f, below the list's %.0f", r.Bottom(), a.params.r.Bottom())
	}
	click(a, r.X+10, r.Y+r.H/2)
	if a.State().Params[name] != true {
		t.Errorf("clicking the scrolled-in %s switch did not turn it on", name)
	}
}

// TestSpeedPerScene: each scene keeps its own steps per frame, and the
// sparse scene, whose step is a whole alternation, opens with fewer.
func TestSpeedPerScene(t *testing.T) {
	a := newApp(t, "scene=pca&speed=40")
	if got := a.State().Params["speed"]; got != 40 {
		t.Fatalf("speed = %v, want 40 from the URL", got)
	}
	a.Set("scene", "sparse")
	if got := a.State().Params["speed"]; got != 2 {
		t.Errorf("the sparse scene opened at %v steps per frame, want its own 2", got)
	}
	a.Set("scene", "pca")
	if got := a.State().Params["speed"]; got != 40 {
		t.Errorf("back on pca, speed = %v, want the 40 it had", got)
	}
}

// TestQueryOrderAndQuietLoad: a link's values hold whatever their order,
// and loading one announces no restart.
func TestQueryOrderAndQuietLoad(t *testing.T) {
	a := newApp(t, "scene=sparse&k=50&view=patches")
	if s := a.State(); s.Params["k"] != 50 || s.Params["view"] != "patches" {
		t.Errorf("k=50 before view=patches gave k %v, view %v", s.Params["k"], s.Params["view"])
	}
	b := newApp(t, "dim=3&encoder=tanh")
	if len(b.notices.List) != 0 {
		t.Errorf("loading a link shows notices: %q", b.notices.List[0].Text)
	}
	// changing the view by hand gives it its own K
	a.Set("view", "2d")
	if got := a.State().Params["k"]; got != 5 {
		t.Errorf("switching to the 2-D view by hand: K = %v, want its default 5", got)
	}
}

// TestRuntimeBadValueKeepsCurrent: aelab.set with a value that is not one
// keeps what was there (a load falls back to the default instead).
func TestRuntimeBadValueKeepsCurrent(t *testing.T) {
	a := newApp(t, "scene=denoise&data=spiral&noise=0.3")
	if got := a.Set("scene", "bogus"); got != "denoise" {
		t.Errorf(`Set("scene", "bogus") = %v, want denoise kept`, got)
	}
	if got := a.Set("data", "bogus"); got != "spiral" {
		t.Errorf(`Set("data", "bogus") = %v, want spiral kept`, got)
	}
	if got := a.Set("noise", "abc"); got != 0.3 {
		t.Errorf(`Set("noise", "abc") = %v, want 0.3 kept`, got)
	}
	if got := a.Set("noise", "5"); got != 0.8 {
		t.Errorf(`Set("noise", "5") = %v, want the maximum 0.8`, got)
	}
	if n := len(a.Warnings()); n != 4 {
		t.Errorf("%d warnings, want 4: %q", n, a.Warnings())
	}
}

// TestResetKeepsParameters: reset() draws new weights from the seed and
// keeps every parameter (DESIGN.md).
func TestResetKeepsParameters(t *testing.T) {
	a := newApp(t, "scene=contractive&lambda=0.2&tied=0&hidden=8&seed=4")
	before := a.State().Params
	a.Train(100)
	a.Reset()
	after := a.State().Params
	for k, v := range before {
		if after[k] != v {
			t.Errorf("reset changed %s: %v → %v", k, v, after[k])
		}
	}
	if a.Step() != 0 {
		t.Errorf("step %d after reset", a.Step())
	}
}

// TestPauseMeasuresInFull: the denoise scene measures a part of its metrics
// a frame while playing; pausing leaves them all of the current model.
func TestPauseMeasuresInFull(t *testing.T) {
	a := newApp(t, "scene=denoise")
	for range 10 {
		a.Update(&ui.Input{})
	}
	a.SetPaused(true)
	got := a.State().Metrics
	a.Scene().Measure()
	for _, m := range a.Scene().Info().Metrics {
		if got[m.Name] != m.Value {
			t.Errorf("after pausing %s = %v, the model as it stands gives %v", m.Name, got[m.Name], m.Value)
		}
	}
}

// TestTinyWindow: a window too short for a plot draws without hanging.
func TestTinyWindow(t *testing.T) {
	for _, sc := range scenes.All() {
		a := New(Options{Scenes: []scene.Scene{sc}})
		for _, sz := range [][2]float64{{1280, 50}, {1280, 1}, {30, 800}, {1, 1}} {
			a.Resize(sz[0], sz[1], 1)
			a.Update(&ui.Input{})
			a.Draw(&uitest.Canvas{})
		}
	}
}
