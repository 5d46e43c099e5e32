package game

import (
	"image"
	"image/color"
	"math"
	"testing"

	"aelab/scenes"
	"aelab/scenes/app"
	"aelab/scenes/contractive"
	"aelab/scenes/denoise"
	"aelab/scenes/pca"
	"aelab/scenes/sparse"
	"aelab/scenes/ui"
)

// TestRenderPCA draws the pca scene after training and checks pixels where
// the model says things are: the decoder's line in the model colour along
// b₂ + t·w, the data points in the data colour.
func TestRenderPCA(t *testing.T) {
	g := newGame("scene=pca&seed=1&paused=1")
	frame(t, g, 2)
	var s *pca.Scene
	g.Do(func(a *app.App) {
		a.Train(4000)
		s = a.Scene().(*pca.Scene)
	})
	img := frame(t, g, 2)
	save(t, img, "render-pca.png")

	th := ui.Light(1)
	model, data := rgb(th.Model), rgb(th.Data)
	var onLine, checked, onData, dataChecked int
	g.Do(func(a *app.App) {
		v := s.View()
		plot := a.PlotRect()
		b, w := s.DecoderLine()
		// Sample the line every 0.25 data units, inside the plot and clear
		// of the legend in its top-left corner.
		for tt := -3.0; tt <= 3; tt += 0.25 {
			x, y := v.Screen(b[0]+tt*w[0], b[1]+tt*w[1])
			if !plot.Inset(4).Contains(x, y) || (x < plot.X+420 && y > plot.Bottom()-130) {
				continue
			}
			checked++
			if near(rgb(img.At(int(x), int(y))), model, 40) {
				onLine++
			}
		}
		// Data points far from the line (large residual) are drawn in the
		// data colour over the connectors.
		pts := s.Points()
		for n := 0; n < len(pts)/2 && dataChecked < 40; n++ {
			px, py := pts[2*n], pts[2*n+1]
			if dist := math.Abs((px-b[0])*w[1] - (py-b[1])*w[0]); dist < 0.5 {
				continue
			}
			x, y := v.Screen(px, py)
			if !plot.Inset(4).Contains(x, y) || (x < plot.X+420 && y > plot.Bottom()-130) {
				continue
			}
			dataChecked++
			c := rgb(img.At(int(x), int(y)))
			// blended with white at alpha 0.8, or with a neighbour
			if c.B > c.R+30 && near(c, blend(data, 0.8), 60) {
				onData++
			}
		}
	})
	if checked < 10 || float64(onLine) < 0.9*float64(checked) {
		t.Errorf("decoder line: %d of %d sampled pixels have the model colour %v", onLine, checked, model)
	}
	if dataChecked < 10 || float64(onData) < 0.8*float64(dataChecked) {
		t.Errorf("data points: %d of %d have the data colour %v", onData, dataChecked, data)
	}
	t.Logf("line %d/%d, data %d/%d", onLine, checked, onData, dataChecked)
}

// count is the number of pixels in r (sampled every 2 pixels) that ok
// accepts.
func count(img image.Image, r ui.Rect, ok func(color.RGBA) bool) int {
	n := 0
	for y := int(r.Y); y < int(r.Bottom()); y += 2 {
		for x := int(r.X); x < int(r.Right()); x += 2 {
			if ok(rgb(img.At(x, y))) {
				n++
			}
		}
	}
	return n
}

// newGame is the Game of an App opened with query.
func newGame(query string) *Game {
	return New(app.New(app.Options{Scenes: scenes.All(), Query: app.ParseQuery(query)}))
}

func blend(c color.RGBA, a float64) color.RGBA {
	f := func(v uint8) uint8 { return uint8(float64(v)*a + 255*(1-a)) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), 255}
}

// TestRender3D saves the 3-D view for a person to look at and checks that
// a drag in the plot turns it: the picture changes, the readouts do not.
func TestRender3D(t *testing.T) {
	g := newGame("scene=pca&seed=1&dim=3&paused=1&lr=0.02")
	frame(t, g, 2)
	g.Do(func(a *app.App) { a.Train(3000) })
	before := frame(t, g, 2)
	save(t, before, "render-pca-3d.png")
	var plot ui.Rect
	g.Do(func(a *app.App) {
		plot = a.PlotRect()
		cx, cy := plot.X+plot.W/3, plot.Y+plot.H/2
		a.Update(&ui.Input{Pointer: ui.Pointer{X: cx, Y: cy, Down: true, Pressed: true}})
		a.Update(&ui.Input{Pointer: ui.Pointer{X: cx + 150, Y: cy + 40, Down: true}})
		a.Update(&ui.Input{Pointer: ui.Pointer{X: cx + 150, Y: cy + 40, Released: true}})
	})
	after := frame(t, g, 2)
	save(t, after, "render-pca-3d-turned.png")
	changed := 0
	for y := int(plot.Y); y < int(plot.Bottom()); y += 4 {
		for x := int(plot.X); x < int(plot.X+plot.W/2); x += 4 {
			if before.At(x, y) != after.At(x, y) {
				changed++
			}
		}
	}
	if changed < 100 {
		t.Errorf("dragging in the 3-D plot changed %d sampled pixels of its left half: it did not turn", changed)
	}
}

// TestRenderDenoise draws the denoise scene after training and checks that
// the manifold is drawn where the curve is: pixels on the circle of radius 1
// are dark (the curve's ink) at most sampled angles.
func TestRenderDenoise(t *testing.T) {
	g := newGame("scene=denoise&seed=1&paused=1")
	frame(t, g, 2)
	g.Do(func(a *app.App) { a.Train(5000) })
	img := frame(t, g, 2)
	save(t, img, "render-denoise.png")
	var dark, checked int
	g.Do(func(a *app.App) {
		s := a.Scene().(*denoise.Scene)
		v := s.View()
		for k := 0; k < 72; k++ {
			th := float64(k) * math.Pi / 36
			x, y := v.Screen(math.Cos(th), math.Sin(th))
			c := rgb(img.At(int(math.Round(x)), int(math.Round(y))))
			checked++
			// the curve's ink, or a red training cross on it
			if int(c.R)+int(c.G)+int(c.B) < 3*110 || (c.R > 180 && c.G < 150 && c.B < 130) {
				dark++
			}
		}
	})
	if dark < checked*3/4 {
		t.Errorf("the manifold: %d of %d pixels on the unit circle are dark", dark, checked)
	}
	var plot ui.Rect
	g.Do(func(a *app.App) { a.Set("score", "1"); plot = a.PlotRect() })
	score := frame(t, g, 2)
	save(t, score, "render-denoise-score.png")
	// the score's arrows: translucent purple (0x8e44ad at α 0.35) over the plot
	purple := count(score, plot, func(c color.RGBA) bool { return c.R > c.G+25 && c.B > c.G+25 })
	if purple < 300 {
		t.Errorf("score on: %d purple pixels of σ²∇log p̂ arrows, want ≥ 300", purple)
	}
	g.Do(func(a *app.App) {
		a.Set("score", "0")
		a.Set("streamlines", "1")
		a.Set("data", "spiral")
		a.Set("depth", "2")
		a.Train(8000)
	})
	spiral := frame(t, g, 2)
	save(t, spiral, "render-denoise-spiral.png")
	// the streamlines' end dots and paths, in the theme's info colour
	info := rgb(ui.Light(1).Info)
	if n := count(spiral, plot, func(c color.RGBA) bool { return near(c, info, 40) }); n < 200 {
		t.Errorf("streamlines on: %d pixels in their colour %v, want ≥ 200", n, info)
	}
}

// TestRenderContractive saves the contractive scene alone, untied, and side
// by side with the denoiser, and checks that the Jacobian ellipses on the
// circle are drawn in a colour of the alignment scale.
func TestRenderContractive(t *testing.T) {
	g := newGame("scene=contractive&seed=1&paused=1")
	frame(t, g, 2)
	g.Do(func(a *app.App) { a.Train(5000) })
	img := frame(t, g, 2)
	save(t, img, "render-contractive.png")
	th := ui.Light(1)
	green := rgb(th.Reference)
	var hits, checked int
	g.Do(func(a *app.App) {
		v := a.Scene().(*contractive.Scene).View()
		// the ellipses' long axes lie along the circle: sample just off
		// the curve's ink, a little along the tangent from the centre of
		// each of the 12 ellipses (the circle's length 2π over their
		// spacing 0.5)
		const n = 12
		for i := 0; i < n; i++ {
			th := 2 * math.Pi * (float64(i) + 0.5) / n
			ax, ay := math.Cos(th), math.Sin(th)
			x, y := v.Screen(ax-0.06*ay, ay+0.06*ax)
			checked++
			if near(rgb(img.At(int(math.Round(x)), int(math.Round(y)))), green, 60) {
				hits++
			}
		}
	})
	if hits < checked/2 {
		t.Errorf("Jacobian ellipses along the circle: %d of %d sampled pixels in the aligned green", hits, checked)
	}
	var right ui.Rect
	g.Do(func(a *app.App) {
		a.Set("tied", "0")
		a.Set("rownorm", "0")
		a.Set("lambda", "0.1")
		a.Train(3000)
		if r := a.Scene().Info().InsetRects; len(r) == 2 {
			right = r[1]
		}
	})
	untied := frame(t, g, 2)
	save(t, untied, "render-contractive-untied.png")
	// the norms' inset, where the App kept room for it beside the plot:
	// two curves, ‖W_enc‖ in the data colour and ‖W_dec‖ in the model colour
	if right.Empty() {
		t.Fatal("the contractive scene has no room for its norms' inset")
	}
	th0 := ui.Light(1)
	for _, c := range []ui.Color{th0.Data, th0.Model} {
		want := rgb(c)
		if n := count(untied, right, func(c color.RGBA) bool { return near(c, want, 40) }); n < 40 {
			t.Errorf("untied: %d pixels of %v in the norms' inset, want ≥ 40 (one curve per weight matrix)", n, want)
		}
	}
	var plot ui.Rect
	g.Do(func(a *app.App) { a.Set("tied", "1"); a.Set("view", "compare"); a.Train(5000); plot = a.PlotRect() })
	compare := frame(t, g, 2)
	save(t, compare, "render-contractive-compare.png")
	// side by side: the DAE's field arrows in the field's greens on the
	// right half, none on the left (the CAE alone draws no field there
	// but its own)
	half := ui.Rect{X: plot.X + plot.W/2 + 4, Y: plot.Y + 40, W: plot.W/2 - 8, H: plot.H - 80}
	greens := count(compare, half, func(c color.RGBA) bool { return c.G > c.R+30 && c.G > c.B+10 })
	if greens < 300 {
		t.Errorf("CAE | DAE: %d green field pixels on the DAE's half, want ≥ 300", greens)
	}
}

// TestRenderSparse saves every view of the sparse scene and checks that
// the 2-D view draws each atom's arrow, near its tip, in the atom's colour.
func TestRenderSparse(t *testing.T) {
	g := newGame("scene=sparse&seed=1&paused=1")
	frame(t, g, 2)
	g.Do(func(a *app.App) { a.Train(60) })
	img := frame(t, g, 2)
	save(t, img, "render-sparse-2d.png")
	g.Do(func(a *app.App) {
		s := a.Scene().(*sparse.Scene)
		d := s.Dictionary()
		for k := 0; k < d.Rows; k++ {
			// a little short of the tip, on the arrow's shaft
			x, y := s.View().Screen(0.8*d.Data[2*k], 0.8*d.Data[2*k+1])
			want := rgb(sparse.AtomColor(k))
			found := false
			for dx := -2; dx <= 2 && !found; dx++ {
				for dy := -2; dy <= 2 && !found; dy++ {
					found = near(rgb(img.At(int(x)+dx, int(y)+dy)), want, 50)
				}
			}
			if !found {
				t.Errorf("atom %d: no pixel of its colour %v on its arrow at (%.0f, %.0f)", k, want, x, y)
			}
		}
	})
	for _, view := range []string{"patches", "sae", "psd"} {
		var plot ui.Rect
		g.Do(func(a *app.App) {
			a.Set("view", view)
			a.Train(map[string]int{"patches": 30, "sae": 3000, "psd": 500}[view])
			plot = a.PlotRect()
		})
		img := frame(t, g, 2)
		save(t, img, "render-sparse-"+view+".png")
		// the atoms and patches are grey tiles: many mid-grey pixels
		// (R = G = B, neither white nor black) on the plot's left part
		left := ui.Rect{X: plot.X, Y: plot.Y, W: plot.W - 340, H: plot.H}
		grey := count(img, left, func(c color.RGBA) bool {
			return c.R == c.G && c.G == c.B && c.R > 40 && c.R < 215
		})
		if grey < 2000 {
			t.Errorf("%s view: %d grey tile pixels, want ≥ 2000 (atoms and patches drawn as images)", view, grey)
		}
	}
}
