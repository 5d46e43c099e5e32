package game

import (
	"errors"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"aelab/scenes/app"
)

// The render tests run the real Game in an ebiten window, under Xvfb on a
// machine without a display (DESIGN.md, testing layer 3): TestMain hands the
// main thread to ebiten and runs the tests beside it.

var (
	current atomic.Pointer[Game]
	done    atomic.Bool
)

type harness struct{}

func (harness) Update() error {
	if done.Load() {
		return ebiten.Termination
	}
	if g := current.Load(); g != nil {
		return g.Update()
	}
	return nil
}

func (harness) Draw(screen *ebiten.Image) {
	if g := current.Load(); g != nil {
		g.Draw(screen)
	}
}

func (harness) Layout(w, h int) (int, int) { return w, h }

func (harness) LayoutF(w, h float64) (float64, float64) {
	if g := current.Load(); g != nil {
		return g.LayoutF(w, h)
	}
	return w, h
}

func TestMain(m *testing.M) {
	code := 0
	go func() {
		code = m.Run()
		done.Store(true)
		ebiten.ScheduleFrame() //lint:ignore SA1019 an idle lab draws no frame by itself: one more ends the run
	}()
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetWindowTitle("aelab render test")
	if err := ebiten.RunGame(harness{}); err != nil && !errors.Is(err, ebiten.Termination) {
		panic(err)
	}
	os.Exit(code)
}

// frame runs g until it has drawn n more frames and returns the last screen.
// A paused lab is idle and draws only on request, so each frame asks for the
// next.
func frame(t *testing.T, g *Game, n int) *image.RGBA {
	t.Helper()
	shot := make(chan *image.RGBA, 1)
	count := 0
	g.Do(func(*app.App) {
		g.OnFrame = func(screen *ebiten.Image) {
			count++
			if count == n {
				b := screen.Bounds()
				img := image.NewRGBA(b)
				screen.ReadPixels(img.Pix)
				g.OnFrame = nil
				shot <- img
				return
			}
			ebiten.ScheduleFrame() //lint:ignore SA1019 the lab is idle: ask for each frame
		}
	})
	current.Store(g)
	ebiten.ScheduleFrame() //lint:ignore SA1019 frames on request in FPSModeVsyncOffMinimum (see Update)
	return <-shot
}

// outDir is where the tests leave their screenshots for a person to look at.
func outDir(t *testing.T) string {
	dir := filepath.Join("..", "..", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func save(t *testing.T, img image.Image, name string) {
	t.Helper()
	f, err := os.Create(filepath.Join(outDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

func near(c color.RGBA, want color.RGBA, tol int) bool {
	d := func(a, b uint8) int { return int(math.Abs(float64(int(a) - int(b)))) }
	return d(c.R, want.R) <= tol && d(c.G, want.G) <= tol && d(c.B, want.B) <= tol
}

func rgb(c interface{ RGBA() (r, g, b, a uint32) }) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// shotAt draws the App at w×h device pixels (scale 1) into an offscreen
// image during the game's next frame, whatever the window's size, and
// gives the App the window's size back.
func shotAt(t *testing.T, g *Game, w, h int) *image.RGBA {
	t.Helper()
	shot := make(chan *image.RGBA, 1)
	g.Do(func(*app.App) {
		g.OnFrame = func(*ebiten.Image) {
			g.OnFrame = nil
			ow, oh := g.app.Size()
			g.app.Resize(float64(w), float64(h), 1)
			img := ebiten.NewImage(w, h)
			g.painter.Begin(img)
			g.app.Draw(g.painter)
			g.painter.Flush()
			rgba := image.NewRGBA(image.Rect(0, 0, w, h))
			img.ReadPixels(rgba.Pix)
			img.Deallocate()
			g.app.Resize(ow, oh, 1)
			shot <- rgba
		}
	})
	current.Store(g)
	ebiten.ScheduleFrame() //lint:ignore SA1019 the lab is idle: ask for the frame
	return <-shot
}
