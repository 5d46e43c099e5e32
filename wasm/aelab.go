//go:build js

package main

import (
	"fmt"
	"runtime/metrics"
	"strconv"
	"syscall/js"

	"aelab/scenes/app"
	"aelab/scenes/game"
)

// api is the Go half of window.aelab (DESIGN.md, "External contracts").
// The page's aelab.js is the other half: it checks every argument's type
// and range, throws TypeError and RangeError for a script's mistakes, and
// keeps these functions out of reach of anything else. So they take
// arguments as aelab.js passes them; what they can still fail at (a bug, a
// panic) comes back as the error marker aelab.js throws as an Error.
//
// The functions run synchronously on the caller's turn of the JavaScript
// event loop, with the App locked; the game loop is parked between frames
// then (Go's WebAssembly switches goroutines only where one blocks), so a
// call never waits.
type api struct {
	g     *game.Game
	funcs []js.Func // kept, as syscall/js requires, for the page's lifetime
}

func newAPI(g *game.Game) *api { return &api{g: g} }

// errorKey names the error marker, {aelab_error: "what failed"}, a value no
// function of the API returns otherwise.
const errorKey = "aelab_error"

// fn makes a JavaScript function of f. A panic in f, which would end the
// Go program and with it the page, becomes the error marker instead.
func (a *api) fn(f func(args []js.Value) any) js.Value {
	jf := js.FuncOf(func(this js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = map[string]any{errorKey: fmt.Sprint(r)}
			}
		}()
		return f(args)
	})
	a.funcs = append(a.funcs, jf)
	return jf.Value
}

// install hands the API to the page (aelabPage.install in loader.js), which
// publishes window.aelab and fires "aelab-ready"; it runs once the first
// frame is on screen.
func (a *api) install() {
	page := js.Global().Get("aelabPage")
	if page.Type() != js.TypeObject {
		js.Global().Get("console").Call("error",
			"aelab: this page did not load loader.js (no aelabPage), so window.aelab is not available")
		return
	}
	o := js.Global().Get("Object").New()
	with := func(f func(l *app.App) any) any {
		var out any
		a.g.Do(func(l *app.App) { out = f(l) })
		return out
	}
	o.Set("state", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any { return stateJS(l.State()) })
	}))
	// set(name: string, value: number | string | boolean)
	o.Set("set", a.fn(func(args []js.Value) any {
		name, value := args[0].String(), jsString(args[1])
		return with(func(l *app.App) any { return l.Set(name, value) })
	}))
	// scene(id: string)
	o.Set("scene", a.fn(func(args []js.Value) any {
		id := args[0].String()
		return with(func(l *app.App) any { return l.SwitchScene(id) })
	}))
	// train(n: a whole number in [0, maxTrain])
	o.Set("train", a.fn(func(args []js.Value) any {
		n := args[0].Int()
		if n < 0 || n > maxTrain {
			panic(fmt.Sprintf("train(%d): n outside [0, %d] (aelab.js checks this)", n, maxTrain))
		}
		return with(func(l *app.App) any { return stateJS(l.Train(n)) })
	}))
	o.Set("maxTrainSteps", maxTrain)
	o.Set("reset", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any { l.Reset(); return nil })
	}))
	o.Set("play", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any { l.SetPaused(false); return nil })
	}))
	o.Set("pause", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any { l.SetPaused(true); return nil })
	}))
	// frameStats: aelab.js adds wasm_memory_bytes, which only the page,
	// holding the WebAssembly instance, can read; the Go heap's live bytes
	// (after the last collection), its goal and all the memory the Go
	// runtime holds tell a leak (live grows) from a collector's slack
	// (goal) and fragmentation (total) when wasm_memory_bytes grows.
	heap := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}, {Name: "/memory/classes/total:bytes"}}
	o.Set("frameStats", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any {
			s := l.FrameStats()
			metrics.Read(heap)
			return map[string]any{"fps": s.FPS, "update_ms_p50": s.UpdateMsP50, "update_ms_p95": s.UpdateMsP95,
				"draw_ms_p95": s.DrawMsP95, "frame_ms_p95": s.FrameMsP95,
				"go_heap_live_bytes": heap[0].Value.Uint64(), "go_heap_goal_bytes": heap[1].Value.Uint64(),
				"go_memory_bytes": heap[2].Value.Uint64()}
		})
	}))
	o.Set("screenshot", a.fn(func([]js.Value) any {
		// The canvas keeps its last frame (loader.js asks WebGL for
		// preserveDrawingBuffer), so this is exactly what is on screen.
		// Reading pixels back through ebiten here would wait for a frame
		// that cannot come while this call holds the event loop.
		canvas := js.Global().Get("document").Call("querySelector", "canvas")
		if canvas.IsNull() {
			return js.Null()
		}
		return canvas.Call("toDataURL", "image/png")
	}))
	page.Call("install", o)
}

// jsString reads a value given to aelab.set (a number, a string or a
// boolean: aelab.js lets nothing else through) as the text a URL would
// carry, which the parameter then parses as it parses a link.
func jsString(v js.Value) string {
	switch v.Type() {
	case js.TypeNumber:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case js.TypeBoolean:
		return strconv.FormatBool(v.Bool())
	case js.TypeString:
		return v.String()
	}
	panic("set: value is not a number, a string or a boolean (aelab.js checks this)")
}

// maxTrain bounds aelab.train(n): a call runs synchronously, on the page's
// one thread, so a huge n would freeze the tab.
const maxTrain = 1000000

// stateJS is the state as aelab.state() returns it (State.Values).
func stateJS(s app.State) map[string]any { return s.Values() }
