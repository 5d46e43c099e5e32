package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// KV is one name=value of a URL query or a command-line flag.
type KV struct{ Name, Value string }

// Options configure an App.
type Options struct {
	// Query holds the parameters of the URL query or the native flags, in
	// the order given: scene, seed, paused, speed and the scene's own.
	Query []KV
	// Scenes are the scenes to show, in the tabs' order: the registry's
	// (package scenes), which the App does not import.
	Scenes []scene.Scene
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

// The App's own parameters, beside each scene's.
const (
	nameScene     = "scene"
	nameSeed      = "seed"
	namePaused    = "paused"
	nameSpeed     = "speed"
	namePresenter = "presenter"
	namePanels    = "panels"
	nameTour      = "tour"
)

// historyPoints is the resolution of the loss curve.
const historyPoints = 400

// State is what aelab.state() returns (DESIGN.md).
type State struct {
	Scene    string             `json:"scene"`
	Step     int                `json:"step"`
	Paused   bool               `json:"paused"`
	Loss     float64            `json:"loss"`
	Params   map[string]any     `json:"params"`
	Metrics  map[string]float64 `json:"metrics"`
	Warnings []string           `json:"warnings"`
}

// App shows one scene at a time with its controls. It is driven by
// Update(input) and Draw(canvas) once a frame; the methods below them are
// what window.aelab and the native flags call.
type App struct {
	scenes []scene.Scene
	cur    int
	// shortcuts is the help overlay's list of keys (Shortcuts)
	shortcuts []Shortcut
	app       *param.Set
	step      int
	history   *ui.History
	notices   Notices
	warns     []string
	now       func() time.Time
	clock     frameClock
	dirty     bool

	th       *ui.Theme
	measurer ui.Measurer
	w, h     float64
	tabs     *ui.Segments
	play     *ui.Button
	stepBtn  *ui.Button
	resetBtn *ui.Button
	seedBtn  *ui.Button
	actions  []*ui.Button // the scene's own buttons
	speed    *ui.Slider
	widgets  []ui.ParamWidget // one per parameter of the scene
	params   paramList        // those the panel shows
	lossPlot ui.LossPlot
	legend   []plot.LegendRow // scratch: the scene's legend rows
	capture  ui.Capture
	ptr      ui.Pointer // this frame's pointer
	frame    int        // frames measured while training
	pace     pacer      // sizes the pieces of a frame's or a Train call's steps
	// measureCost is what the last measure of each kind took (full, and a
	// frame's part); measuredAt is when the last one ended: runs measure
	// as often as measureShare allows
	measureCost, partCost time.Duration
	measuredAt            time.Time
	partial               bool      // the last measure was one frame\'s part
	speeds                []float64 // steps per frame of each scene
	// explainVersion changes whenever the explanation may have (a reset,
	// a new layout); explainKey names its cached picture, explainDraw
	// draws it (both made outside Draw, which must not allocate)
	explainVersion int
	explainKey     any
	explainDraw    func(ui.Canvas)
	plotOwner      int // capture token of the scene's plot (not zero-size: distinct address)

	// layout, in device pixels
	top, plot, explain, panel ui.Rect
	readouts                  readoutBox
	legendR                   ui.Rect   // the legend's box, beside or below the plot
	legendRows                int       // the rows it was sized for
	insets                    []ui.Rect // the scene's small plots (Info.Insets)
	noticeR                   ui.Rect   // where notices stack: over no plot
	side                      sideNeeds // what the room beside the plot holds
	page                      bool      // the parts stand on a page that scrolls
	pageH                     float64   // where that page ends
	viewH                     float64   // the height of the canvas on screen (0: all)
	explainLines              ui.Wrapped
	explainFit                explainFit
	titleLines                []string // scratch: the explanation's title, one line
	buf                       []byte

	// the classroom (classroom.go)
	Platform   Platform        // what the browser or the desktop can do
	device     float64         // device pixels per CSS pixel
	hidden     map[string]bool // parts and controls a link hides (name_hide)
	version    int             // changes of what a link carries
	help       bool            // the help overlay is open
	focusList  []ui.Focusable  // scratch: the controls Tab reaches
	topButtons []*ui.Button    // lecture, share, PNG, help: right of the tabs
	share      shareDialog     // the share dialog (share.go)
	live       liveText        // the canvas's text alternative (live.go)
	tourBack   *ui.Button
	tourNext   *ui.Button
	tourClose  *ui.Button

	// lastDivergence is how the last training run ended, for Diverged.
	lastDivergence divergence
	// unusedWas is the scene's Info.Unused before a live change, kept to
	// tell whether the change showed or hid a control.
	unusedWas []string
}

// New returns the App with the query applied; bad values become warnings.
func New(o Options) *App {
	if len(o.Scenes) == 0 {
		panic("app: Options.Scenes is empty")
	}
	a := &App{scenes: o.Scenes, now: o.Now, history: ui.NewHistory(historyPoints), shortcuts: Shortcuts(len(o.Scenes))}
	if a.now == nil {
		a.now = time.Now
	}
	ids := make([]string, len(a.scenes))
	tabs := make([]string, len(a.scenes))
	for i, s := range a.scenes {
		ids[i], tabs[i] = s.Info().ID, s.Info().Tab
	}
	a.app = param.NewSet(
		param.Spec{Name: nameScene, Label: "scene", Kind: param.Choice, Choices: ids, Labels: tabs,
			Help: "the scene shown: " + strings.Join(ids, ", ")},
		param.Spec{Name: nameSeed, Label: "seed", Kind: param.Int, Min: 0, Max: 1<<31 - 1, Default: 1,
			Help: "seed of the data and the initial weights"},
		param.Spec{Name: namePaused, Label: "paused", Kind: param.Bool, Default: 0,
			Help: "start paused"},
		param.Spec{Name: nameSpeed, Label: "steps / frame", Kind: param.Int, Min: 1, Max: 1000, Default: 10, Log: true, Digits: 3,
			Help: "training steps per frame, within a 5 ms budget"},
		param.Spec{Name: namePresenter, Label: "presenter mode", Kind: param.Bool,
			Help: "full screen, larger type and thicker lines, high contrast (key F)"},
		param.Spec{Name: namePanels, Label: "panels", Kind: param.Bool, Default: 1,
			Help: "show the control panel and the explanation (key H hides them)"},
		param.Spec{Name: nameTour, Label: "guided lecture", Kind: param.Int, Min: 0, Max: float64(len(Tour)),
			Help: "stop of the guided lecture shown (0: none; key G starts it)"},
	)
	a.th = ui.Light(1)
	a.speeds = make([]float64, len(a.scenes))
	for i, s := range a.scenes {
		a.speeds[i] = a.app.Spec(nameSpeed).Default
		if sp := s.Info().Speed; sp > 0 {
			a.speeds[i] = float64(sp)
		}
	}
	a.app.SetAt(a.app.Index(nameSpeed), a.speeds[0])
	a.explainDraw = a.drawExplainStrip
	a.play = &ui.Button{Primary: true, OnClick: func() { a.SetPaused(!a.Paused()) }}
	a.stepBtn = &ui.Button{Label: "Step", Icon: ui.IconStep, OnClick: func() { a.SetPaused(true); a.Train(1) }}
	a.resetBtn = &ui.Button{Label: "Reset", Icon: ui.IconReset, OnClick: a.Reset}
	a.seedBtn = &ui.Button{Label: "New seed", Size: ui.SizeSmall, OnClick: func() {
		a.Set(nameSeed, strconv.Itoa(a.app.Int(nameSeed)+1))
	}}
	a.lossPlot.History = a.history
	a.topButtons = []*ui.Button{
		{Label: "Guided lecture", Size: ui.SizeSmall, OnClick: func() {
			if a.TourStop() > 0 {
				a.endTour()
			} else {
				a.tourStep(0)
			}
		}},
		{Label: shareLabel, Size: ui.SizeSmall, OnClick: a.openShare},
		{Label: "PNG", Size: ui.SizeSmall, OnClick: a.export},
		{Label: helpButtonLabel, Size: ui.SizeSmall, OnClick: func() { a.help = true }},
	}
	a.tourBack = &ui.Button{Label: "‹ Back", Size: ui.SizeSmall, OnClick: func() { a.tourStep(-1) }}
	a.tourNext = &ui.Button{Label: "Next ›", Size: ui.SizeSmall, Primary: true, OnClick: func() { a.tourStep(1) }}
	a.tourClose = &ui.Button{Label: "End", Size: ui.SizeSmall, OnClick: a.endTour}
	for _, s := range a.scenes {
		info := s.Info()
		s.Info().Host = scene.Host{
			Reset: func(why string) {
				a.resetScene()
				if why != "" {
					a.notices.Add(why, scene.Note)
				}
			},
			Notice: a.notices.Add,
			Set: func(name string, v float64) {
				if i := info.Params.Index(name); i >= 0 && a.Scene() == s {
					a.setSceneParam(i, v)
				}
			},
		}
	}

	a.live.age, a.live.dirty = liveEvery, true // the first frame says what is shown
	a.applyQuery(o.Query)
	a.bindWidgets()
	return a
}

// applyQuery sets what a URL or the flags give, in any order and without
// the side effects of Set (a reset and a notice per parameter): the scene
// first, then a stop of the guided lecture (which sets its own scene and
// parameters), then every other value; then training starts once.
func (a *App) applyQuery(q []KV) {
	for _, kv := range q {
		if kv.Name == nameScene {
			i := a.app.Index(nameScene)
			v, w := a.app.Specs[i].Parse(kv.Value)
			if w != "" {
				a.warn(w)
			}
			a.cur = int(a.app.SetAt(i, v))
			a.app.SetAt(a.app.Index(nameSpeed), a.speeds[a.cur])
		}
	}
	for _, kv := range q {
		if kv.Name == nameTour {
			a.Set(kv.Name, kv.Value)
		}
	}
	ps := a.Scene().Info().Params
	var given []given1
	for _, kv := range q {
		if kv.Name == nameScene || kv.Name == nameTour {
			continue
		}
		if base, ok := strings.CutSuffix(kv.Name, "_hide"); ok {
			if !a.setHidden(base, kv.Value) {
				a.warn(fmt.Sprintf("%s: there is no part or parameter %q to hide (parts: %s)",
					kv.Name, base, strings.Join(hideable, ", ")))
			}
			continue
		}
		set, i := a.app, a.app.Index(kv.Name)
		if i < 0 {
			set, i = ps, ps.Index(kv.Name)
		}
		if i < 0 {
			a.warn(fmt.Sprintf("unknown parameter %q for scene %s (it has %s)", kv.Name, a.Scene().Info().ID, a.paramNames()))
			continue
		}
		v, w := set.Specs[i].Parse(kv.Value)
		if w != "" {
			a.warn(w)
		}
		if set == ps {
			given = append(given, given1{i, v})
			continue
		}
		set.SetAt(i, v)
	}
	a.setGiven(a.Scene().Info(), given)
	a.speeds[a.cur] = a.app.At(a.app.Index(nameSpeed))
	a.resetScene()
	a.bindWidgets()
	a.restyle()
}

// given1 is a scene parameter's value as a link or a guided-lecture stop
// gives it: the index in the scene's Params and the parsed value.
type given1 struct {
	i int
	v float64
}

// setGiven sets the scene parameters a link or a stop gives, so that they
// open the scene as its controls would: the parameters that follow a given
// one (Info.Adjust: the sparse scene's number of atoms follows its view)
// take the values it implies, unless they are given too.
func (a *App) setGiven(info *scene.Info, given []given1) {
	ps := info.Params
	for _, g := range given {
		ps.SetAt(g.i, g.v)
	}
	if info.Adjust == nil {
		return
	}
	for _, g := range given {
		info.Adjust(ps.Specs[g.i].Name)
	}
	for _, g := range given {
		ps.SetAt(g.i, g.v) // what is given wins over what follows
	}
}

// Scene returns the scene shown.
func (a *App) Scene() scene.Scene { return a.scenes[a.cur] }

// Paused reports whether training is paused.
func (a *App) Paused() bool { return a.app.Bool(namePaused) }

// SetPaused pauses or resumes training.
func (a *App) SetPaused(p bool) {
	a.app.SetAt(a.app.Index(namePaused), ui.B2F(p))
	a.liveChanged()
	if p && a.partial {
		a.measure() // the frames measured a part each: now all of it
	}
	if !p {
		a.notices.Dismiss(scene.Failure)
	}
}

// Step returns the number of training steps since the last reset.
func (a *App) Step() int { return a.step }

// Warnings returns what was wrong with the query or with set calls.
func (a *App) Warnings() []string { return a.warns }

// Warn lists w among the warnings and shows it (the browser glue's bad
// arguments).
func (a *App) Warn(w string) { a.warn(w) }

// warn lists w, shortened as a notice is (a 100 kB bad value must not be
// copied by every state() call), and shows it.
func (a *App) warn(w string) {
	w = Shorten(w)
	a.warns = append(a.warns, w)
	if len(a.warns) > 50 {
		a.warns = a.warns[len(a.warns)-50:]
	}
	a.notices.Add(w, scene.Warning)
}

// Set applies name=value exactly as moving that control does and returns
// the value applied, as state().params shows it. An unknown name or a bad
// value gives a warning (listed in Warnings and shown), never a failure.
func (a *App) Set(name, value string) any {
	if i := a.app.Index(name); i >= 0 {
		return a.applyApp(i, value)
	}
	ps := a.Scene().Info().Params
	i := ps.Index(name)
	if i < 0 {
		a.warn(fmt.Sprintf("unknown parameter %q for scene %s (it has %s)", name, a.Scene().Info().ID, a.paramNames()))
		return nil
	}
	sp := &ps.Specs[i]
	v, w := sp.ParseOr(value, ps.At(i))
	if w != "" {
		a.warn(w)
	}
	a.setSceneParam(i, v)
	return sp.Value(ps.At(i))
}

func (a *App) paramNames() string {
	var names []string
	for _, s := range a.app.Specs {
		names = append(names, s.Name)
	}
	for _, s := range a.Scene().Info().Params.Specs {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}

// setSceneParam sets parameter i of the current scene to v (parsed) and
// applies it: live, or by a reset that is announced.
func (a *App) setSceneParam(i int, v float64) {
	ps := a.Scene().Info().Params
	sp := &ps.Specs[i]
	old := ps.At(i)
	applied := ps.SetAt(i, v)
	for _, w := range a.widgets {
		if w.Spec() == sp {
			w.Sync(applied)
		}
	}
	if applied == old {
		return
	}
	a.changed()
	if sp.Resets {
		if adjust := a.Scene().Info().Adjust; adjust != nil {
			adjust(sp.Name)
		}
		a.resetScene()
		a.notices.Add(fmt.Sprintf("%s → %s: a new data set or architecture, so training restarted from new weights.",
			sp.Label, sp.ChoiceLabelOrValue(applied)), scene.Note)
		return
	}
	a.unusedWas = append(a.unusedWas[:0], a.Scene().Info().Unused...)
	if sp.Apply != nil {
		sp.Apply()
	}
	if !sameStrings(a.Scene().Info().Unused, a.unusedWas) {
		a.layout() // a live change showed or hid controls (the denoiser's corruption)
	}
	a.measure()
}

// sameStrings reports whether a and b hold the same strings in order.
func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (a *App) applyApp(i int, value string) any {
	sp := &a.app.Specs[i]
	v, w := sp.ParseOr(value, a.app.At(i))
	if w != "" {
		a.warn(w)
	}
	old := a.app.At(i)
	applied := a.app.SetAt(i, v)
	if applied != old {
		a.changed()
	}
	switch sp.Name {
	case nameScene:
		if applied != old {
			// each scene keeps its own steps per frame
			si := a.app.Index(nameSpeed)
			a.speeds[int(old)] = a.app.At(si)
			a.cur = int(applied)
			a.app.SetAt(si, a.speeds[a.cur])
			a.resetScene()
			a.bindWidgets()
		}
	case nameSeed:
		if applied != old {
			a.resetScene()
		}
	case namePaused:
		a.SetPaused(applied != 0)
	case nameSpeed:
		if a.speed != nil {
			a.speed.Sync(applied)
		}
	case namePresenter:
		a.restyle()
		if a.Platform.Fullscreen != nil && applied != old {
			a.Platform.Fullscreen(applied != 0)
		}
	case namePanels:
		a.layout()
	case nameTour:
		switch {
		case applied != old && applied > 0:
			a.goToStop(int(applied))
		case applied == 0 && old > 0:
			a.endTour()
		}
	}
	if a.tabs != nil && sp.Name == nameScene {
		a.tabs.Sync(applied)
	}
	return sp.Value(applied)
}

// SwitchScene shows the scene with the given id; the current parameters of
// each scene are kept.
func (a *App) SwitchScene(id string) any { return a.Set(nameScene, id) }

// Reset draws new weights (and data) from the seed, keeping the parameters.
func (a *App) Reset() {
	a.resetScene()
}

func (a *App) resetScene() {
	a.Scene().Reset(uint64(a.app.Int(nameSeed)))
	// A reset may change what the scene shows: its buttons, its readouts'
	// place, even a parameter's value (a view's own default); show them.
	ps := a.Scene().Info().Params
	for _, w := range a.widgets {
		if i := ps.Index(w.Spec().Name); i >= 0 && &ps.Specs[i] == w.Spec() {
			w.Sync(ps.At(i))
		}
	}
	if a.tabs != nil {
		a.bindActions()
	}
	a.layout()
	a.step = 0
	a.history.Reset()
	a.notices.Dismiss(scene.Failure)
	a.measure()
}

// measure recomputes every metric and adds a point to the loss curve.
func (a *App) measure() {
	t0 := a.now()
	s := a.Scene()
	s.Measure()
	a.history.Add(a.step, s.Info().Loss)
	a.liveChanged()
	a.dirty, a.partial = false, false
	a.measuredAt = a.now()
	a.measureCost = a.measuredAt.Sub(t0)
}

// measureFrame is measure for runs of training (frames of play, the
// pieces of a Train call): the scene's MeasureFrame, a part of the metrics
// at a bounded cost, when it has one, else the whole measure; either only
// once the time since the last measure is measureShare times its cost, so
// that an expensive measure takes a bounded share of the run.
func (a *App) measureFrame() {
	mf := a.Scene().Info().MeasureFrame
	cost := a.measureCost
	if mf != nil {
		cost = a.partCost
	}
	if a.now().Sub(a.measuredAt) < measureShare*cost {
		a.dirty, a.partial = false, true // the readouts lag a little
		return
	}
	if mf == nil {
		a.measure()
		return
	}
	t0 := a.now()
	a.frame++
	mf(a.frame)
	a.history.Add(a.step, a.Scene().Info().Loss)
	a.liveChanged()
	a.dirty, a.partial = false, true
	a.measuredAt = a.now()
	a.partCost = a.measuredAt.Sub(t0)
}

// trainChunks is how many pieces Train splits a long run into, for the
// loss curve.
const trainChunks = 200

// Train runs up to n training steps now, whether paused or not, records
// the loss curve along the way and returns the state; it stops early if
// training diverges.
//
// DESIGN.md has aelab.train(n) run n steps "now, synchronously". A call
// blocks the page (Go's WebAssembly has one thread), so Train also stops
// once it has spent trainTime(n) of wall time, 10 ms per step asked for
// (2 s for train(200)), after at least one step, keeping time for its last
// measure: state().step shows how many ran and a warning says so. Steps
// at every scene's default settings are far cheaper than that, so there
// it runs them all; the budget binds where a step is heavy (a deep wide
// net, a large dictionary). Natively the same budget holds and, steps
// being about three times faster, about three times as many run.
func (a *App) Train(n int) State {
	chunk := max(1, n/trainChunks)
	// keep time for the last measure, and for the part of one that follows
	// each piece (MeasureFrame), which the pacer's cost per step leaves out
	a.pace.begin(a.now, trainTime(n), a.measureCost+a.partCost, chunk, chunk)
	ran := a.train(n, &a.pace, a.measureFrame)
	a.measure()
	if a.pace.stopped {
		a.warn(fmt.Sprintf("train(%d) stopped after %d steps to keep the page responsive: "+
			"a step takes about %s with these settings. Call it again to train on.",
			n, ran, roundCost(a.pace.perStep)))
	}
	return a.State()
}

// train runs up to n steps in the pieces p plans, calling after each
// piece, and returns how many ran; a divergence pauses training and ends
// the run.
func (a *App) train(n int, p *pacer, after func()) (ran int) {
	a.lastDivergence = divergence{}
	for ran < n {
		k := p.next(n - ran)
		if k == 0 {
			return ran
		}
		done, diverged := a.Scene().Train(k)
		p.done(done)
		a.step += done
		ran += done
		if diverged {
			a.diverged()
			return ran
		}
		if done == 0 {
			return ran // a scene that cannot step
		}
		after()
	}
	return ran
}

// divergence is where a training run diverged: the step it reached and
// the step whose weights the scene went back to.
type divergence struct {
	ok           bool
	at, restored int
}

// Diverged reports whether the last training run (a Train call or a
// frame's) ended in a divergence, at which step, and the step whose weights
// the scene went back to: the native -steps report says so.
func (a *App) Diverged() (at, restored int, ok bool) {
	d := a.lastDivergence
	return d.at, d.restored, d.ok
}

// diverged pauses training after the scene reported a divergence (it holds
// its last sane weights now) and tells the class, in plain words, what
// happened, what was done and what to do: a too-large learning rate is a
// demonstration a lecture gives and takes back.
func (a *App) diverged() {
	a.SetPaused(true)
	info := a.Scene().Info()
	a.lastDivergence = divergence{ok: true, at: a.step, restored: min(info.Restored, a.step)}
	why, todo := "the numbers grew without bound", "Change a setting, then press play, or press Reset."
	if ps := info.Params; ps.Index("lr") >= 0 && info.Uses("lr") {
		sp := ps.Spec("lr")
		why = fmt.Sprintf("with %s = %s the steps were too large and the loss shot up", sp.Label, sp.Format(ps.Get("lr")))
		todo = "Lower the learning rate, then press play."
	}
	a.notices.Add(fmt.Sprintf("Training diverged at step %d: %s. Paused and went back to the weights of step %d. %s",
		a.step, why, a.lastDivergence.restored, todo), scene.Failure)
	// the readouts and the loss curve show the weights put back at once,
	// all of them (a frame's measure may cover only a part)
	a.measure()
}

// State returns the plain object of aelab.state().
func (a *App) State() State {
	s := a.Scene()
	st := State{
		Scene:    s.Info().ID,
		Step:     a.step,
		Paused:   a.Paused(),
		Loss:     s.Info().Loss,
		Params:   s.Info().Params.Values(),
		Metrics:  map[string]float64{},
		Warnings: append([]string{}, a.warns...),
	}
	st.Params[nameSeed] = a.app.Int(nameSeed)
	st.Params[nameSpeed] = a.app.Int(nameSpeed)
	for _, m := range s.Info().Metrics {
		st.Metrics[m.Name] = m.Value
	}
	return st
}

// Values returns the state as aelab.state() hands it to scripts, in the
// types js.ValueOf takes: a metric undefined for now (NaN or infinite) is
// nil, JSON's null, never NaN (docs/scripting.md).
func (s State) Values() map[string]any {
	metrics := make(map[string]any, len(s.Metrics))
	for k, v := range s.Metrics {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			metrics[k] = nil
			continue
		}
		metrics[k] = v
	}
	warnings := make([]any, len(s.Warnings))
	for i, w := range s.Warnings {
		warnings[i] = w
	}
	return map[string]any{
		"scene": s.Scene, "step": s.Step, "paused": s.Paused, "loss": s.Loss,
		"params": s.Params, "metrics": metrics, "warnings": warnings,
	}
}

// FrameStats returns the frame timings of the last two seconds.
func (a *App) FrameStats() FrameStats { return a.clock.stats(a.now()) }

// Query returns the state as URL parameters: scene, seed and every
// parameter of the scene shown (for links and flags).
func (a *App) Query() []KV {
	q := []KV{{nameScene, a.Scene().Info().ID}, {nameSeed, strconv.Itoa(a.app.Int(nameSeed))}}
	ps := a.Scene().Info().Params
	for i := range ps.Specs {
		q = append(q, KV{ps.Specs[i].Name, ps.Specs[i].Format(ps.At(i))})
	}
	return q
}

// AppSpecs returns the App's own parameters (scene, seed, paused, …).
func (a *App) AppSpecs() []param.Spec { return a.app.Specs }

// Scenes returns the scenes, in the tabs' order.
func (a *App) Scenes() []scene.Scene { return a.scenes }

// ParamSpecs returns every parameter name the app accepts, the App's and
// each scene's (for the native flags), the first declaration of each name.
func (a *App) ParamSpecs() []param.Spec {
	seen := map[string]bool{}
	var out []param.Spec
	add := func(ps *param.Set) {
		for _, s := range ps.Specs {
			if !seen[s.Name] {
				seen[s.Name] = true
				out = append(out, s)
			}
		}
	}
	add(a.app)
	for _, s := range a.scenes {
		add(s.Info().Params)
	}
	return out
}
