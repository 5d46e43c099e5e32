package app

import (
	"bytes"
	"strconv"

	"aelab/scenes/scene"
	"aelab/scenes/ui"
)

// The canvas's text alternative: a screen reader cannot read a picture,
// so the App says in words what the picture shows — the scene, its claim
// and its readouts with their current values — and the browser puts it in
// an aria-live region (wasm/live.go), which a screen reader speaks when it
// changes. Natively nothing reads it.

// liveEvery is the least number of frames between two updates of the
// text: a second at 60 frames a second. A live region that changes faster
// is spoken over itself; frames, not the wall clock, keep tests
// deterministic.
const liveEvery = 60

// liveText is the text alternative and when it changes.
type liveText struct {
	text, next []byte // the text said last; scratch for the next one
	age        int    // frames since the text was last made
	dirty      bool   // something shown changed since then
	forced     bool   // the A key: say it now, even unchanged
	said       int    // how many times the text was handed to Announce
}

// LiveText is the canvas's text alternative as last made: "Undercomplete
// ≡ PCA. Undercomplete linear autoencoder ≡ PCA. Step 300, paused. angle
// to PCA subspace 1.00°, reconstruction MSE 0.122, …".
func (a *App) LiveText() string { return string(a.live.text) }

// liveChanged notes that what the text says may have changed: metrics
// measured, a setting or the pause changed.
func (a *App) liveChanged() { a.live.dirty = true }

// updateLive runs once a frame: the text is made again when something
// changed and liveEvery frames have passed since it was last made — or,
// paused with no drag going on, on the frame of the change (a paused lab
// runs frames only when something happens: waiting would keep it from
// resting) — or at once on the A key; it is handed to Platform.Announce
// when it differs (or is asked for). Made into reused buffers, it
// allocates nothing.
func (a *App) updateLive() {
	l := &a.live
	if l.age < liveEvery {
		l.age++
	}
	l.dirty = l.dirty || !a.Paused() // training moves the step, if not yet the readouts
	resting := a.Paused() && a.capture.Owner() == nil && !a.ptr.Down
	if !l.forced && !(l.dirty && (l.age >= liveEvery || resting)) {
		return
	}
	l.next = a.appendLive(l.next[:0])
	l.age, l.dirty = 0, false
	if !l.forced && bytes.Equal(l.next, l.text) {
		return
	}
	l.forced = false
	l.text, l.next = l.next, l.text
	l.said++
	if a.Platform.Announce != nil {
		a.Platform.Announce(ui.BytesString(l.text))
	}
}

// LiveReadout is how the text alternative says a readout: its label and
// its value as the readout box shows it ("angle to PCA subspace 1.00°").
func LiveReadout(m scene.Metric) string { return string(appendLiveReadout(nil, m)) }

func appendLiveReadout(b []byte, m scene.Metric) []byte {
	b = append(b, m.Label...)
	b = append(b, ' ')
	b = appendMetric(b, m.Value, m.Digits)
	return append(b, m.Unit...)
}

// appendLive appends the text alternative to b: the scene's tab, its
// claim (the explanation's title), the step and whether it trains, and
// each readout as its label and value, as the readout box shows them.
func (a *App) appendLive(b []byte) []byte {
	info := a.Scene().Info()
	b = append(b, info.Tab...)
	b = append(b, ". "...)
	b = append(b, info.Title...)
	b = append(b, ". Step "...)
	b = strconv.AppendInt(b, int64(a.step), 10)
	if a.Paused() {
		b = append(b, ", paused"...)
	} else {
		b = append(b, ", training"...)
	}
	for i, m := range info.Metrics {
		if i == 0 {
			b = append(b, ". "...)
		} else {
			b = append(b, ", "...)
		}
		b = appendLiveReadout(b, m)
	}
	return append(b, '.')
}

// OpenPaused returns q with paused=1 unless q says paused itself: for a
// reader who asked the system for less motion (prefers-reduced-motion),
// the lab opens still and moves when asked (space, Play); a link's
// paused=0 still starts it.
func OpenPaused(q []KV) []KV {
	for _, kv := range q {
		if kv.Name == namePaused {
			return q
		}
	}
	return append(q[:len(q):len(q)], KV{namePaused, "1"})
}
