// Package game runs the App with ebiten: it turns ebiten's mouse and touch
// input into ui.Input, draws through a gfx.Painter at the device's pixel
// density, and serialises the App between the game loop and outside callers
// (window.aelab in the browser).
package game

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"aelab/scenes/app"
	"aelab/scenes/gfx"
	"aelab/scenes/ui"
)

// Game is the ebiten.Game of the lab.
type Game struct {
	app     *app.App
	painter *gfx.Painter
	input   ui.Input

	// The App is used by the game loop and, in the browser, by aelab's
	// callbacks. Go's WebAssembly runs one goroutine at a time and switches
	// only where one blocks, so the lock is never contended there; it
	// documents the rule and guards the native build.
	mu sync.Mutex

	touches   []ebiten.TouchID
	touch     ebiten.TouchID
	touching  bool
	firstDone bool
	keys      []ebiten.Key
	chars     []rune
	idle      bool
	version   int
	ticks     int // Updates since the last Draw
	// pending figure: the plot is read from the screen after the next Draw
	figure     ui.Rect
	figureTo   string
	figureDone func(path string, err error)
	// Scale, if above 0, is the device pixels per point instead of the
	// monitor's (the desktop's -scale: a figure for print).
	Scale float64
	// OnFirstFrame runs once, after the first frame is drawn.
	OnFirstFrame func()
	// OnFrame, if set, runs after every Draw with the lock held (the
	// render test's hook).
	OnFrame func(screen *ebiten.Image)
	// OnChange, if set, runs with the App's link (its URL query) whenever
	// what a link carries has changed (the browser rewrites its address).
	OnChange func(query string)
	// OnUpdate, if set, runs after every Update with the App and the lock
	// held (the browser sizes its page to the App's PageHeight).
	OnUpdate func(a *app.App)
	// offX, offY are where the screen shows the canvas's top-left corner
	// from, in device pixels: the page's scroll (SetScroll).
	offX, offY float64
	// Quit, set, ends the game after the frame (the native -screenshot).
	Quit bool
}

// New wraps the App a.
func New(a *app.App) *Game {
	g := &Game{app: a, painter: gfx.NewPainter()}
	a.SetMeasurer(g.painter)
	return g
}

// Do runs f with the App while no frame is being computed, then asks for
// a frame (an idle lab draws only when something happens).
func (g *Game) Do(f func(a *app.App)) {
	g.mu.Lock()
	defer g.mu.Unlock()
	f(g.app)
	g.afterChange()
	ebiten.ScheduleFrame() //lint:ignore SA1019 frames on request in FPSModeVsyncOffMinimum (see Update)
}

func (g *Game) Update() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.Quit {
		return ebiten.Termination
	}
	g.readPointer()
	g.readKeys()
	g.input.CatchUp = g.ticks > 0
	g.ticks++
	g.app.Update(&g.input)
	if g.OnUpdate != nil {
		g.OnUpdate(g.app)
	}
	g.afterChange()
	// Battery: paused and untouched, the lab stops redrawing; ebiten then
	// runs a frame only on input or ScheduleFrame. ebiten deprecates this
	// mode for skipping Draw (examples/skipdraw), which keeps the loop
	// running at the display's rate: tried here, headless Chromium then
	// dropped key presses shorter than its slow frames (TestBrowserShortcuts
	// failed) and an idle page kept presenting frames. So the mode stays.
	if idle := g.app.Idle() && g.firstDone && g.figureTo == ""; idle != g.idle {
		g.idle = idle
		if idle {
			ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum) //lint:ignore SA1019 see above
		} else {
			ebiten.SetFPSMode(ebiten.FPSModeVsyncOn) //lint:ignore SA1019 see above
		}
	}
	return nil
}

// afterChange tells OnChange about a new link.
func (g *Game) afterChange() {
	if v := g.app.Version(); v != g.version {
		g.version = v
		if g.OnChange != nil {
			g.OnChange(g.app.ShareQuery())
		}
	}
}

// keyNames are the names of the special keys in ui.Input.Keys; printable
// keys come as their characters, and the space bar as "space". Characters
// are queued, so a key tapped faster than a frame still counts.
var keyNames = map[ebiten.Key]string{
	ebiten.KeyArrowLeft: "left", ebiten.KeyArrowRight: "right",
	ebiten.KeyTab: "tab", ebiten.KeyEscape: "escape", ebiten.KeyPageUp: "pageup", ebiten.KeyPageDown: "pagedown",
	ebiten.KeyEnter: "enter", ebiten.KeyNumpadEnter: "enter",
}

// readKeys fills g.input.Keys with this frame's key presses.
func (g *Game) readKeys() {
	g.input.Keys = g.input.Keys[:0]
	g.keys = inpututil.AppendJustPressedKeys(g.keys[:0])
	for _, k := range g.keys {
		name, ok := keyNames[k]
		if !ok {
			continue
		}
		if k == ebiten.KeyTab && ebiten.IsKeyPressed(ebiten.KeyShift) {
			name = "shift+tab"
		}
		g.input.Keys = append(g.input.Keys, name)
	}
	g.chars = ebiten.AppendInputChars(g.chars[:0])
	for _, r := range g.chars {
		if r == ' ' {
			g.input.Keys = append(g.input.Keys, "space")
		} else if r > ' ' {
			g.input.Keys = append(g.input.Keys, strings.ToLower(string(r)))
		}
	}
}

// SetScroll tells the game how far the page around the canvas is
// scrolled, in device pixels: ebiten reports positions in the window, the
// App wants them on the canvas.
func (g *Game) SetScroll(x, y float64) {
	g.mu.Lock()
	g.offX, g.offY = x, y
	g.mu.Unlock()
}

// WantsTouch reports whether a finger put down at (x, y), device pixels
// in the window, is the lab's (App.WantsTouch); if not, the page may
// scroll under it.
func (g *Game) WantsTouch(x, y float64) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.app.WantsTouch(x+g.offX, y+g.offY)
}

// readPointer fills g.input.Pointer from the first finger, or else the mouse.
func (g *Game) readPointer() {
	if g.readPointerIn() {
		p := &g.input.Pointer
		p.X += g.offX
		p.Y += g.offY
	}
}

// readPointerIn reads the pointer in window coordinates and reports
// whether it read a new position.
func (g *Game) readPointerIn() bool {
	p := &g.input.Pointer
	p.Pressed, p.Released, p.Wheel = false, false, 0
	g.touches = inpututil.AppendJustPressedTouchIDs(g.touches[:0])
	if !g.touching && len(g.touches) > 0 {
		g.touch, g.touching = g.touches[0], true
		p.Pressed = true
	}
	if g.touching {
		p.Touch = true
		if inpututil.IsTouchJustReleased(g.touch) {
			g.touching = false
			p.Down, p.Released = false, true
			return false // position: where the finger left
		}
		x, y := ebiten.TouchPosition(g.touch)
		p.X, p.Y, p.Down = float64(x), float64(y), true
		return true
	}
	p.Touch = false
	x, y := ebiten.CursorPosition()
	p.X, p.Y = float64(x), float64(y)
	p.Down = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	p.Pressed = inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft)
	p.Released = inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft)
	_, p.Wheel = ebiten.Wheel()
	return true
}

func (g *Game) Draw(screen *ebiten.Image) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.ticks = 0
	g.painter.Begin(screen)
	g.app.Draw(g.painter)
	g.painter.Flush()
	if g.figureTo != "" {
		g.saveFigure(screen)
	}
	if g.OnFrame != nil {
		g.OnFrame(screen)
	}
	if !g.firstDone {
		g.firstDone = true
		if g.OnFirstFrame != nil {
			g.OnFirstFrame()
		}
	}
}

// Layout is never called: LayoutF is.
func (g *Game) Layout(w, h int) (int, int) { panic("game: Layout called instead of LayoutF") }

// LayoutF makes the screen as many pixels as the device has (crisp on
// high-DPI screens) and tells the App the scale.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	s := g.Scale
	if s <= 0 {
		s = ebiten.Monitor().DeviceScaleFactor()
	}
	if s <= 0 || math.IsNaN(s) {
		s = 1
	}
	pw, ph := math.Ceil(w*s), math.Ceil(h*s)
	g.mu.Lock()
	g.app.Resize(pw, ph, s)
	g.mu.Unlock()
	return pw, ph
}

// Capture draws the App into a new image and returns its pixels. It must
// not run inside Update or Draw (it takes the lock).
func (g *Game) Capture() *image.RGBA {
	g.mu.Lock()
	defer g.mu.Unlock()
	w, h := g.app.Size()
	img := ebiten.NewImage(int(w), int(h))
	defer img.Deallocate()
	g.painter.Begin(img)
	g.app.Draw(g.painter)
	g.painter.Flush()
	rgba := image.NewRGBA(image.Rect(0, 0, int(w), int(h)))
	img.ReadPixels(rgba.Pix)
	return rgba
}

// SaveFigure saves the plot, as the next frame draws it, as a PNG file,
// then calls done (the desktop's export and -screenshot). It takes the lock.
func (g *Game) SaveFigure(path string, done func(path string, err error)) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.saveFigureLocked(path, done)
}

// SaveFigureAfterFrame is SaveFigure for callers that already hold the
// lock (OnFirstFrame runs inside Draw).
func (g *Game) SaveFigureAfterFrame(path string, done func(path string, err error)) {
	g.saveFigureLocked(path, done)
}

func (g *Game) saveFigureLocked(path string, done func(path string, err error)) {
	g.figure, g.figureTo, g.figureDone = g.app.PlotRect(), path, done
	ebiten.ScheduleFrame() //lint:ignore SA1019 frames on request in FPSModeVsyncOffMinimum (see Update)
}

// saveFigure reads the plot from the screen just drawn and writes it.
func (g *Game) saveFigure(screen *ebiten.Image) {
	path, done := g.figureTo, g.figureDone
	g.figureTo, g.figureDone = "", nil
	r := g.figure
	rect := image.Rect(int(r.X), int(r.Y), int(r.Right()), int(r.Bottom())).Intersect(screen.Bounds())
	img := image.NewRGBA(image.Rect(0, 0, rect.Dx(), rect.Dy()))
	screen.SubImage(rect).(*ebiten.Image).ReadPixels(img.Pix)
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	if err == nil {
		err = os.WriteFile(path, buf.Bytes(), 0o644)
	}
	if done != nil {
		done(path, err)
	}
}

// ExportFile is the desktop's export of the plot: a file in the working
// directory named after the scene and the step.
func (g *Game) ExportFile(r ui.Rect) string {
	st := g.app.State()
	path := fmt.Sprintf("aelab-%s-step%d.png", st.Scene, st.Step)
	g.saveFigureLocked(path, func(path string, err error) {
		if err != nil {
			g.app.Notify("Could not save the plot: " + err.Error())
			return
		}
		g.app.Notify("Saved the plot as " + path + ".")
	})
	return "Saving the plot as " + path + "…"
}
