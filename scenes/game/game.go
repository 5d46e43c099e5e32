// Package game runs the App with ebiten: it turns ebiten's mouse and touch
// input into ui.Input, draws through a gfx.Painter at the device's pixel
// density, and serialises the App between the game loop and outside callers
// (window.aelab in the browser).
package game

import (
	"image"
	"math"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"aelab/scenes"
	"aelab/scenes/gfx"
	"aelab/scenes/ui"
)

// Game is the ebiten.Game of the lab.
type Game struct {
	app     *scenes.App
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
	// OnFirstFrame runs once, after the first frame is drawn.
	OnFirstFrame func()
	// OnFrame, if set, runs after every Draw with the lock held (the
	// render test's hook).
	OnFrame func(screen *ebiten.Image)
}

// New wraps app.
func New(app *scenes.App) *Game {
	g := &Game{app: app, painter: gfx.NewPainter()}
	app.SetMeasurer(g.painter)
	return g
}

// Do runs f with the App while no frame is being computed.
func (g *Game) Do(f func(a *scenes.App)) {
	g.mu.Lock()
	defer g.mu.Unlock()
	f(g.app)
}

func (g *Game) Update() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.readPointer()
	g.app.Update(&g.input)
	return nil
}

// readPointer fills g.input.Pointer from the first finger, or else the mouse.
func (g *Game) readPointer() {
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
			return // position: where the finger left
		}
		x, y := ebiten.TouchPosition(g.touch)
		p.X, p.Y, p.Down = float64(x), float64(y), true
		return
	}
	p.Touch = false
	x, y := ebiten.CursorPosition()
	p.X, p.Y = float64(x), float64(y)
	p.Down = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	p.Pressed = inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft)
	p.Released = inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft)
	_, p.Wheel = ebiten.Wheel()
}

func (g *Game) Draw(screen *ebiten.Image) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.painter.Begin(screen)
	g.app.Draw(g.painter)
	g.painter.Flush()
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
	s := ebiten.Monitor().DeviceScaleFactor()
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
