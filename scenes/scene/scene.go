// Package scene is the contract between Autoencoder Lab's shell (package
// app) and its scenes, one per claim of the lecture
// (shared/lecture/autoencoders-lecture.txt): a small Scene interface, and
// what the shell reads about a scene as data on its Info, in the manner of
// ebiten's examples/blocks scene manager, which knows scenes only through
// their interface.
//
// A scene owns its data and model; the App owns the seed, the step count,
// the controls, the readouts, the legend and the notices. Draw only reads
// state.
package scene

import (
	"math"

	"aelab/core/data"
	"aelab/scenes/param"
	"aelab/scenes/plot"
	"aelab/scenes/ui"
)

// Scene makes one claim of the lecture visible and measurable.
type Scene interface {
	// Info is what the App reads about the scene: its texts, parameters,
	// metrics, loss and optional features. The App sets Info().Host.
	Info() *Info
	// Reset builds data and weights from seed with the current parameters
	// (their bound fields).
	Reset(seed uint64)
	// Train runs up to n training steps; it reports how many ran and whether
	// training diverged, in which case the scene holds its last sane
	// weights and Info's Restored says from which step.
	Train(n int) (done int, diverged bool)
	// Measure recomputes Info's Metrics, Loss and Floor from the model as it
	// stands.
	Measure()
	// Layout tells the scene where its plot is, when that changes: views
	// and anything sized to the plot are set here, not in Draw.
	Layout(plot ui.Rect, th *ui.Theme)
	// Pointer handles the pointer inside the plot (rotate a 3-D view, pick
	// a point, draw a curve); it returns true while it owns the pointer.
	Pointer(p *ui.Pointer, plot ui.Rect) bool
	// Draw draws the plot. The App draws the readouts and the legend over
	// it.
	Draw(c ui.Canvas, plot ui.Rect, th *ui.Theme)
}

// Info describes a scene for the tabs, the explanation, the panel and the
// readouts, and holds what it measured. Fields after Params are the
// scene's to update (in Reset or Measure); the App only reads them.
type Info struct {
	ID    string // scene id of DESIGN.md: pca, denoise, contractive, sparse
	Tab   string // short title for the scene tabs
	Title string // heading of the explanation
	// Formula is the lecture's formula for the scene, one line per entry.
	Formula []string
	// Text says what to watch, in two or three sentences.
	Text string
	// Slides names the lecture slides the scene draws, as shown.
	Slides string
	// Params are the scene's declared parameters, each bound to the field
	// it drives (param.Bind); the App sets values, then resets the scene
	// (Spec.Resets) or calls the Spec's Apply.
	Params *param.Set

	// Metrics are the readouts shown now (DESIGN.md fixes their names).
	Metrics []Metric
	// Loss is the training objective on the whole training set.
	Loss float64
	// Restored is, after Train reported a divergence, the step (counted
	// from the last Reset, as the App counts) whose weights the scene went
	// back to: the App's notice names it.
	Restored int
	// Floor is a reference level for the loss curve (the optimum, when the
	// scene knows it) and FloorTag its label; 0 for none.
	Floor    float64
	FloorTag string

	// Speed is the scene's opening steps per frame, where its step is far
	// heavier or lighter than a minibatch of a small net (the sparse
	// scene's step is a whole alternation); 0 for the App's default.
	Speed int
	// ReadoutsAtBottom asks for the readouts, the legend and the insets in
	// a strip below the plot rather than in a column beside it: for a plot
	// that needs its width (two panels side by side under their titles).
	// The App never draws them over the plot (issue 10).
	ReadoutsAtBottom bool
	// Insets asks the App for room for the scene's small plots, the
	// evidence beside the main picture (the objective after each step,
	// code bars, a histogram): the App reserves it beside or below the
	// plot, with the readouts and the legend, at every screen size and in
	// presenter mode, and sets InsetRects before each call of Layout.
	Insets InsetRoom
	// InsetRects are where the App put the Insets.N small plots, in
	// device pixels, outside the plot given to Layout; the App sets them.
	InsetRects []ui.Rect
	// Actions are buttons under the transport controls, such as the sparse
	// scene's separate W-step and D-step (as GAN Lab steps its
	// discriminator and generator apart).
	Actions []Action
	// Unused names the parameters that do nothing in what is shown (a
	// view's other settings); the panel leaves them out.
	Unused []string
	// Undefined names the metrics that mean nothing as the scene stands
	// (another view's, or not measurable yet): they are NaN, shown as "—"
	// and null in aelab.state(). Every other metric is a finite number.
	Undefined []string
	// Legend appends the legend's rows for what is drawn; the App draws
	// them at the plot's bottom-left unless the legend is hidden.
	Legend func(rows []plot.LegendRow, th *ui.Theme) []plot.LegendRow
	// MeasureFrame, when set, replaces Measure during runs of training
	// (frames of play, the pieces of a Train call) for a scene whose
	// metrics cost more than a frame can spare: it spreads them over as
	// many calls as it needs, each within a few milliseconds at every
	// setting. The end of a Train call, Reset and set Measure in full.
	MeasureFrame func(frame int)
	// Adjust, when set, moves the parameters that follow the named one to
	// the values it implies (the sparse scene's number of atoms follows its
	// view). It runs however the parameter is changed — a control,
	// aelab.set, a link, a guided-lecture stop — before the reset that the
	// change causes; a link or a stop that gives a following parameter too
	// keeps the value it gives.
	Adjust func(changed string)

	// Waiting says the scene waits for its data (a data set on its way,
	// data.Pending): the App measures it every frame, playing or paused,
	// so that it can take the data as soon as they arrive and show its
	// progress until then.
	Waiting bool

	// Host is what only the App can do; the App sets it.
	Host Host
}

// Unmeasured makes every metric and the loss undefined (NaN) and drops
// the loss's floor: what a scene shows while its data are on their way.
func (i *Info) Unmeasured() {
	for k := range i.Metrics {
		i.Metrics[k].Value = math.NaN()
	}
	i.Loss, i.Floor = math.NaN(), 0
}

// Undefine makes metric k undefined as the scene stands: NaN, and named in
// Undefined (which the scene empties before it copies its metrics).
func (i *Info) Undefine(k int) {
	i.Metrics[k].Value = math.NaN()
	i.Undefined = append(i.Undefined, i.Metrics[k].Name)
}

// Defined reports whether the named metric means something as the scene
// stands: not one of Undefined.
func (i *Info) Defined(metric string) bool {
	for _, u := range i.Undefined {
		if u == metric {
			return false
		}
	}
	return true
}

// Uses reports whether the named parameter acts in what is shown.
func (i *Info) Uses(name string) bool {
	for _, u := range i.Unused {
		if u == name {
			return false
		}
	}
	return true
}

// Host lets a scene ask the App for what the App owns: a restart of
// training (new data from a drawn curve) and notices on screen.
type Host struct {
	// Reset restarts training from the seed, as the Reset button does, and
	// says why.
	Reset func(why string)
	// Notice shows a message over the plot.
	Notice func(text string, l Level)
	// Set sets one of the scene's parameters as its control would (the
	// control, the link and a reset or Apply follow): a value picked in
	// the plot, such as a point dragged along a curve.
	Set func(name string, value float64)
}

// Level of a notice.
type Level uint8

const (
	Note    Level = iota // goes away by itself
	Warning              // stays until dismissed
	Failure              // stays until dismissed or training resumes
)

// Action is a button a scene adds under the transport controls.
type Action struct {
	Label string
	Run   func()
}

// Metric is one readout: DESIGN.md fixes the names per scene.
type Metric struct {
	Name   string // state().metrics key: "angle_deg"
	Label  string // on screen: "angle to PCA subspace"
	Unit   string
	Digits int // significant digits shown
	Value  float64
}

// InsetRoom is the room a scene asks for its small plots: N of them, each
// at least MinH and at most MaxH logical pixels high (Theme.Px), about
// InsetWidth wide. The App gives each at least MinH wherever the screen
// has that room (it moves the explanation aside for it), and never drops
// one: on a screen too small it gives them less.
type InsetRoom struct {
	N          int
	MinH, MaxH float64
}

// InsetWidth is the width of a small plot, in logical pixels.
const InsetWidth = 300

// PollDigits polls *p, the digits on their way (data.Start), for a scene
// whose "data" parameter offers them beside data of its own. It returns
// the images once they are here and nil while they are not. When loading
// failed it forgets *p (the next Reset starts again), shows a notice that
// says so and names fallback, the data shown instead, sets "data" to its
// first choice (which the caller's bound field then holds) and reports
// failed.
func (i *Info) PollDigits(p **data.Pending, fallback string) (im *data.Images, failed bool) {
	im, err := (*p).Poll()
	if err == nil {
		return im, false
	}
	*p = nil
	if i.Host.Notice != nil {
		i.Host.Notice("The digits could not be loaded: "+err.Error()+". Showing "+fallback+"; press Reset to try again.", Warning)
	}
	i.Params.SetAt(i.Params.Index("data"), 0)
	return nil, true
}
