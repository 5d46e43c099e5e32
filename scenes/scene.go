// Package scenes is Autoencoder Lab itself: one scene per claim of the
// lecture (shared/lecture/autoencoders-lecture.txt), and the App that shows
// one of them with its parameter panel, the play/pause/step/reset controls,
// the live loss curve, the readouts of the scene's metrics and the
// explanation with the lecture's formula.
//
// Everything here draws through ui.Canvas and reads input from ui.Input,
// so App and the scenes are tested without a display; package game runs
// them with ebiten, natively and in the browser.
package scenes

import (
	"aelab/scenes/param"
	"aelab/scenes/ui"
)

// Scene makes one claim of the lecture visible and measurable. A scene owns
// its data and model; the App owns the seed, the step count and the
// controls. Draw only reads state.
type Scene interface {
	Info() *Info
	// Params are the scene's declared parameters and their values; the App
	// sets values and then calls Changed or Reset.
	Params() *param.Set
	// Reset builds data and weights from seed with the current parameters.
	Reset(seed uint64)
	// Changed applies a live parameter (Spec.Resets false) to the model as
	// it stands, without resetting it.
	Changed(name string)
	// Train runs up to n training steps; it reports how many ran and whether
	// training diverged, in which case the scene holds its last finite
	// weights.
	Train(n int) (done int, diverged bool)
	// Measure recomputes the metrics and the loss from the model as it
	// stands; Metrics and Loss return what it computed.
	Measure()
	Metrics() []Metric
	// Loss is the training objective on the whole training set.
	Loss() float64
	// Floor is a reference level for the loss curve (the optimum, when the
	// scene knows it) and its label; 0 for none.
	Floor() (float64, string)
	// Layout tells the scene where its plot is, when that changes: views
	// and anything sized to the plot are set here, not in Draw.
	Layout(plot ui.Rect, th *ui.Theme)
	// Pointer handles the pointer inside the plot (rotate a 3-D view, pick
	// a point); it returns true while it owns the pointer.
	Pointer(p *ui.Pointer, plot ui.Rect) bool
	Draw(c ui.Canvas, plot ui.Rect, th *ui.Theme)
	// SetCallbacks gives the scene what only the App can do.
	SetCallbacks(cb Callbacks)
}

// Callbacks let a scene ask the App for what the App owns: a restart of
// training (new data from a drawn curve) and notices on screen.
type Callbacks struct {
	// Reset restarts training from the seed, as the Reset button does, and
	// says why.
	Reset func(why string)
	// Notice shows a message over the plot.
	Notice func(text string, l Level)
}

// Action is a button a scene adds under the transport controls, such as
// the sparse scene's separate W-step and D-step (as GAN Lab steps its
// discriminator and generator apart).
type Action struct {
	Label string
	Run   func()
}

// frameMeasurer is implemented by a scene whose metrics cost more than a
// frame can spare: while training runs, the App calls MeasureFrame once a
// frame instead of Measure, and the scene may spread its metrics over a few
// frames (the readouts then refresh at a fraction of the frame rate). Train,
// Reset and set always measure in full.
type frameMeasurer interface{ MeasureFrame(frame int) }

// speeder is implemented by a scene whose training step is far heavier or
// lighter than a minibatch of a small net (the sparse scene's step is a
// whole alternation over the data): it opens with DefaultSpeed steps a
// frame. The App keeps each scene's steps per frame apart.
type speeder interface{ DefaultSpeed() int }

// adjuster is implemented by a scene some of whose parameters follow
// another when the user changes it (the sparse scene's number of atoms
// follows its view): Adjust runs before the reset a change of that
// parameter causes, and not for a URL's values, which are taken as given.
type adjuster interface{ Adjust(changed string) }

// actor is implemented by scenes with Actions.
type actor interface{ Actions() []Action }

// hosted is embedded by scenes to keep their Callbacks.
type hosted struct{ cb Callbacks }

func (h *hosted) SetCallbacks(cb Callbacks) { h.cb = cb }

// Info describes a scene for the tabs and the explanation panel.
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
}

// Metric is one readout: DESIGN.md fixes the names per scene.
type Metric struct {
	Name   string // state().metrics key: "angle_deg"
	Label  string // on screen: "angle to PCA subspace"
	Unit   string
	Digits int // significant digits shown
	Value  float64
}
