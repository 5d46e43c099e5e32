//go:build js

package main

import (
	"fmt"
	"math"
	"strconv"
	"syscall/js"

	"aelab/scenes/app"
	"aelab/scenes/game"
)

// api is window.aelab (DESIGN.md, "External contracts"). Its functions run
// synchronously on the caller's turn of the JavaScript event loop, with the
// App locked; the game loop is parked between frames then (Go's WebAssembly
// switches goroutines only where one blocks), so a call never waits.
type api struct {
	g     *game.Game
	funcs []js.Func // kept, as syscall/js requires, for the page's lifetime
}

func newAPI(g *game.Game) *api { return &api{g: g} }

// fn makes a JavaScript function of f. A panic in f, which would end the
// Go program and with it the page, becomes a JavaScript exception instead.
func (a *api) fn(f func(args []js.Value) any) js.Value {
	jf := js.FuncOf(func(this js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				js.Global().Get("console").Call("error", fmt.Sprintf("aelab: %v", r))
				out = js.Null()
			}
		}()
		return f(args)
	})
	a.funcs = append(a.funcs, jf)
	return jf.Value
}

// install publishes window.aelab once the first frame is on screen, and
// fires the "aelab-ready" event for the loader page.
func (a *api) install() {
	o := js.Global().Get("Object").New()
	with := func(f func(l *app.App) any) any {
		var out any
		a.g.Do(func(l *app.App) { out = f(l) })
		return out
	}
	o.Set("state", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any { return stateJS(l.State()) })
	}))
	o.Set("set", a.fn(func(args []js.Value) any {
		if len(args) < 1 {
			return js.Null()
		}
		name, value := args[0].String(), ""
		if len(args) > 1 {
			value = jsString(args[1])
		}
		return with(func(l *app.App) any { return l.Set(name, value) })
	}))
	o.Set("scene", a.fn(func(args []js.Value) any {
		if len(args) < 1 {
			return js.Null()
		}
		id := args[0].String()
		return with(func(l *app.App) any { return l.SwitchScene(id) })
	}))
	o.Set("train", a.fn(func(args []js.Value) any {
		n, warn := 1, ""
		if len(args) > 0 {
			switch {
			case args[0].Type() != js.TypeNumber || math.IsNaN(args[0].Float()):
				warn = "aelab.train(n): n must be a number of steps; training 1"
			case args[0].Float() > maxTrain:
				n, warn = maxTrain, fmt.Sprintf("aelab.train(n): at most %d steps a call; training that many", maxTrain)
			default:
				n = max(0, int(args[0].Float()))
			}
		}
		return with(func(l *app.App) any {
			if warn != "" {
				l.Warn(warn)
			}
			return stateJS(l.Train(n))
		})
	}))
	o.Set("reset", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any { l.Reset(); return nil })
	}))
	o.Set("play", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any { l.SetPaused(false); return nil })
	}))
	o.Set("pause", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any { l.SetPaused(true); return nil })
	}))
	o.Set("frameStats", a.fn(func([]js.Value) any {
		return with(func(l *app.App) any {
			s := l.FrameStats()
			return map[string]any{"fps": s.FPS, "update_ms_p50": s.UpdateMsP50, "update_ms_p95": s.UpdateMsP95,
				"draw_ms_p95": s.DrawMsP95, "frame_ms_p95": s.FrameMsP95}
		})
	}))
	o.Set("screenshot", a.fn(func([]js.Value) any {
		// The canvas keeps its last frame (index.html asks WebGL for
		// preserveDrawingBuffer), so this is exactly what is on screen.
		// Reading pixels back through ebiten here would wait for a frame
		// that cannot come while this call holds the event loop.
		canvas := js.Global().Get("document").Call("querySelector", "canvas")
		if canvas.IsNull() {
			return js.Null()
		}
		return canvas.Call("toDataURL", "image/png")
	}))
	o.Set("ready", true)
	js.Global().Set("aelab", o)
	// The event goes out on a later turn of the event loop: install runs
	// inside a frame, with the App locked, and a listener that called aelab
	// at once would wait on that lock forever.
	js.Global().Call("setTimeout", js.Global().Get("Function").New(`dispatchEvent(new Event("aelab-ready"))`), 0)
}

// jsString reads a value given to aelab.set as the text a URL would carry;
// undefined and null read as nothing, which the parameter then rejects
// with a warning.
func jsString(v js.Value) string {
	switch v.Type() {
	case js.TypeNumber:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case js.TypeBoolean:
		return strconv.FormatBool(v.Bool())
	case js.TypeString:
		return v.String()
	case js.TypeUndefined, js.TypeNull:
		return ""
	}
	return js.Global().Call("String", v).String()
}

// maxTrain bounds aelab.train(n): a call runs synchronously, on the page's
// one thread, so a huge n would freeze the tab.
const maxTrain = 1000000

func stateJS(s app.State) map[string]any {
	metrics := make(map[string]any, len(s.Metrics))
	for k, v := range s.Metrics {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			metrics[k] = nil // undefined for now (JSON's null), never NaN
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
