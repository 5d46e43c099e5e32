//go:build js

package main

import (
	"strconv"
	"syscall/js"

	"aelab/scenes"
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

func (a *api) fn(f func(args []js.Value) any) js.Value {
	jf := js.FuncOf(func(this js.Value, args []js.Value) any { return f(args) })
	a.funcs = append(a.funcs, jf)
	return jf.Value
}

// install publishes window.aelab once the first frame is on screen, and
// fires the "aelab-ready" event for the loader page.
func (a *api) install() {
	o := js.Global().Get("Object").New()
	with := func(f func(app *scenes.App) any) any {
		var out any
		a.g.Do(func(app *scenes.App) { out = f(app) })
		return out
	}
	o.Set("state", a.fn(func([]js.Value) any {
		return with(func(app *scenes.App) any { return stateJS(app.State()) })
	}))
	o.Set("set", a.fn(func(args []js.Value) any {
		if len(args) < 1 {
			return js.Null()
		}
		name, value := args[0].String(), ""
		if len(args) > 1 {
			value = jsString(args[1])
		}
		return with(func(app *scenes.App) any { return app.Set(name, value) })
	}))
	o.Set("scene", a.fn(func(args []js.Value) any {
		if len(args) < 1 {
			return js.Null()
		}
		id := args[0].String()
		return with(func(app *scenes.App) any { return app.SwitchScene(id) })
	}))
	o.Set("train", a.fn(func(args []js.Value) any {
		n := 1
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			n = max(0, args[0].Int())
		}
		return with(func(app *scenes.App) any { return stateJS(app.Train(n)) })
	}))
	o.Set("reset", a.fn(func([]js.Value) any {
		return with(func(app *scenes.App) any { app.Reset(); return nil })
	}))
	o.Set("play", a.fn(func([]js.Value) any {
		return with(func(app *scenes.App) any { app.SetPaused(false); return nil })
	}))
	o.Set("pause", a.fn(func([]js.Value) any {
		return with(func(app *scenes.App) any { app.SetPaused(true); return nil })
	}))
	o.Set("frameStats", a.fn(func([]js.Value) any {
		return with(func(app *scenes.App) any {
			s := app.FrameStats()
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
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("aelab-ready"))
}

// jsString reads a value given to aelab.set as the text a URL would carry.
func jsString(v js.Value) string {
	switch v.Type() {
	case js.TypeNumber:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case js.TypeBoolean:
		return strconv.FormatBool(v.Bool())
	case js.TypeString:
		return v.String()
	}
	return v.Call("toString").String()
}

func stateJS(s scenes.State) map[string]any {
	metrics := make(map[string]any, len(s.Metrics))
	for k, v := range s.Metrics {
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
