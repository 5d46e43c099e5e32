package ui_test

import (
	"testing"

	"aelab/scenes/param"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// TestSegmentsLabelsFit: on a phone's width the scene tabs' labels, set
// no smaller than the text floor, are broken into two lines where one does
// not fit, and every line lies within its segment (issue 10: "Undercomplete
// ≡ PCA" and "Sparse coding" ran past their tabs at 390 px).
func TestSegmentsLabelsFit(t *testing.T) {
	sp := &param.Spec{Name: "scene", Kind: param.Choice, Choices: []string{"pca", "sparse", "denoise", "contractive"},
		Labels: []string{"Undercomplete ≡ PCA", "Sparse coding", "Denoising", "Contractive"}}
	th := ui.Light(1)
	s := ui.NewParamWidget(sp, 1, nil).(*ui.Segments)
	s.NoLabel = true
	bar := ui.Rect{X: 8, Y: 0, W: 374, H: s.Height(th)}
	s.SetBounds(bar)
	c := &uitest.Canvas{Record: true}
	s.Draw(c, th)
	lines := map[string]bool{}
	for i, txt := range c.Texts {
		lines[txt] = true
		if b := c.Boxes[i]; b.X < bar.X || b.Right() > bar.Right() || b.Y < bar.Y || b.Bottom() > bar.Bottom()+1 {
			t.Errorf("%q at %+v leaves the bar %+v", txt, b, bar)
		}
		if c.Sizes[i] < th.Font(ui.SizeFloor)-1e-9 {
			t.Errorf("%q set at %.1f px, under the floor %.1f", txt, c.Sizes[i], th.Font(ui.SizeFloor))
		}
	}
	if !lines["Undercomplete"] || !lines["≡ PCA"] {
		t.Errorf("the long tab is not broken in two: %q", c.Texts)
	}
	// each segment's lines within the segment: no label overlaps its
	// neighbour's
	for i := range c.Boxes {
		for j := i + 1; j < len(c.Boxes); j++ {
			a, b := c.Boxes[i], c.Boxes[j]
			if a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom() {
				t.Errorf("%q %+v and %q %+v overlap", c.Texts[i], a, c.Texts[j], b)
			}
		}
	}
}

// wideCanvas measures text as DejaVu Sans Bold sets it, wider than
// uitest's 0.55 em: 0.66 em bold, 0.6 em regular.
type wideCanvas struct{ uitest.Canvas }

func (c *wideCanvas) TextWidth(s string, size float64, bold bool) float64 {
	k := 0.6 / 0.55
	if bold {
		k = 0.66 / 0.55
	}
	return k * c.Canvas.TextWidth(s, size, bold)
}

// TestSegmentsLabelsFitWideType: with type as wide as the real font's, and
// each tab selected (bold) in turn, no tab label on a phone runs into its
// neighbour or off the bar ("Denoising" ran into "Contractive" when the
// shares were set by "Undercomplete ≡ PCA" on one line).
func TestSegmentsLabelsFitWideType(t *testing.T) {
	sp := &param.Spec{Name: "scene", Kind: param.Choice, Choices: []string{"pca", "sparse", "denoise", "contractive"},
		Labels: []string{"Undercomplete ≡ PCA", "Sparse coding", "Denoising", "Contractive"}}
	for _, u := range []float64{1, 3} {
		th := ui.Light(u)
		for sel := range sp.Choices {
			s := ui.NewParamWidget(sp, float64(sel), nil).(*ui.Segments)
			s.NoLabel = true
			bar := ui.Rect{X: 8 * u, Y: 0, W: 374 * u, H: s.Height(th)}
			s.SetBounds(bar)
			c := &wideCanvas{uitest.Canvas{Record: true}}
			s.Draw(c, th)
			boxes := make([]ui.Rect, len(c.Texts))
			for i, txt := range c.Texts {
				b := c.Boxes[i]
				w := c.TextWidth(txt, c.Sizes[i], c.Bold[i])
				boxes[i] = ui.Rect{X: b.X + b.W/2 - w/2, Y: b.Y, W: w, H: b.H}
				if boxes[i].X < bar.X || boxes[i].Right() > bar.Right() {
					t.Errorf("scale %g, tab %d selected: %q at %+v leaves the bar %+v", u, sel, txt, boxes[i], bar)
				}
			}
			for i := range boxes {
				for j := i + 1; j < len(boxes); j++ {
					a, b := boxes[i], boxes[j]
					if a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom() {
						t.Errorf("scale %g, tab %d selected: %q and %q overlap", u, sel, c.Texts[i], c.Texts[j])
					}
				}
			}
		}
	}
}

// TestCompactSliderLabelFits: a compact slider's label stops short of its
// track, set smaller where it would run into it but not below the floor
// (presenter mode's "encoder row norm a" ran into its knob).
func TestCompactSliderLabelFits(t *testing.T) {
	sp := &param.Spec{Name: "rownorm", Label: "encoder row norm a", Min: 0, Max: 12, Default: 6, Digits: 1}
	for _, u := range []float64{1, 1.5, 2} {
		th := ui.Presenter(u)
		s := ui.NewParamWidget(sp, 6, nil).(*ui.Slider)
		s.Compact = true
		s.SetBounds(ui.Rect{X: 0, Y: 0, W: u * 300, H: s.Height(th)})
		c := &uitest.Canvas{Record: true}
		s.Draw(c, th)
		if c.Texts[0] != sp.Label {
			t.Fatalf("first text %q, want the label", c.Texts[0])
		}
		if b := c.Boxes[0]; b.Right() > s.Track().X {
			t.Errorf("scale %g: the label ends at %.0f, past the track's start %.0f", u, b.Right(), s.Track().X)
		}
		if c.Sizes[0] < th.Font(ui.SizeFloor)-1e-9 {
			t.Errorf("scale %g: the label is set at %.1f px, under the floor", u, c.Sizes[0])
		}
	}
}
