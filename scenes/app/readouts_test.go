package app

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// TestAppendMetricExtremes: huge and tiny numbers in e-notation without
// Go's "+" and zero padding, so they fit a readout.
func TestAppendMetricExtremes(t *testing.T) {
	for _, tc := range []struct {
		v      float64
		digits int
		want   string
	}{
		{5.816068491348015e170, 4, "5.82e170"},
		{5.816068491348015e170, 2, "5.8e170"},
		{-1.5e308, 3, "-1.50e308"},
		{math.MaxFloat64, 2, "1.8e308"},
		{5e-324, 3, "4.94e-324"},
		{3.612737e-6, 3, "3.61e-6"},
		{0.0004, 3, "4.00e-4"},
		{1e6, 1, "1e6"},
		{999.5, 3, "1000"}, // fixed, rounded
		{0.11600853, 4, "0.1160"},
		{26.5534, 3, "26.6"},
		{0, 3, "0.00"},
		{math.NaN(), 3, "—"},
		{math.Inf(-1), 3, "—"},
	} {
		if got := string(appendMetric(nil, tc.v, tc.digits)); got != tc.want {
			t.Errorf("appendMetric(%g, %d) = %q, want %q", tc.v, tc.digits, got, tc.want)
		}
	}
	if got := string(appendMetricSig(nil, 5.816e170, 4, 1)); got != "6e170" {
		t.Errorf("one significant digit: %q", got)
	}
}

// sizeCanvas is a uitest canvas that keeps each text's size as well.
type sizeCanvas struct {
	uitest.Canvas
	sizes []float64
}

func (c *sizeCanvas) Text(s string, x, y float64, st ui.TextStyle) {
	c.Canvas.Text(s, x, y, st)
	c.sizes = append(c.sizes, st.Size)
}

func (c *sizeCanvas) TextBytes(b []byte, x, y float64, st ui.TextStyle) {
	c.Canvas.TextBytes(b, x, y, st)
	c.sizes = append(c.sizes, st.Size)
}

// TestReadoutsFitTheirBox sets every readout of every scene and view to
// the numbers a diverging or converged run can show (5.8e170 was written
// 5.816e+170 and ran over its label) and wants each label and value to
// share the box's width, measured as the uitest canvas measures (0.55 em a
// character), on a 390-pixel phone (three device pixels a pixel) and at
// 1280 × 800, in presenter mode too.
func TestReadoutsFitTheirBox(t *testing.T) {
	values := []float64{5.816068491348015e170, -1.5e308, math.MaxFloat64, 5e-324, -3.6e-6,
		123456.789, -98765.4321, 0.000999, 1e6, 0, math.NaN(), math.Inf(1)}
	for _, q := range []string{"scene=pca", "scene=pca&dim=3", "scene=denoise", "scene=contractive",
		"scene=contractive&view=compare", "scene=sparse", "scene=sparse&view=patches",
		"scene=sparse&view=sae", "scene=sparse&view=psd"} {
		for _, sz := range []struct {
			name      string
			w, h, dpr float64
			presenter bool
		}{
			{"phone", 390, 844, 3, false},
			{"1280", 1280, 800, 1, false},
			{"1280 presenter", 1280, 800, 1, true},
		} {
			a := newApp(t, q+"&paused=1")
			a.Resize(sz.w*sz.dpr, sz.h*sz.dpr, sz.dpr)
			if sz.presenter {
				a.Set(namePresenter, "1")
			}
			th, box := a.th, a.readouts
			room := box.colWidth() - th.Px(2*readoutPad+readoutGap)
			ms := a.Scene().Info().Metrics
			for _, v := range values {
				for i := range ms {
					ms[i].Value = v
				}
				c := &sizeCanvas{Canvas: uitest.Canvas{Record: true}}
				a.readouts.draw(c, th, ms)
				if len(c.Texts) != 2*len(ms) {
					t.Fatalf("%s %s: %d texts for %d readouts", q, sz.name, len(c.Texts), len(ms))
				}
				for i := 0; i < len(c.Texts); i += 2 {
					label, value := c.Texts[i], c.Texts[i+1]
					w := 0.55 * (c.sizes[i]*float64(utf8.RuneCountInString(label)) + c.sizes[i+1]*float64(utf8.RuneCountInString(value)))
					if w > room {
						t.Errorf("%s %s: %q beside %q is %.0f px, the box has %.0f", q, sz.name, value, label, w, room)
					}
					if strings.Contains(value, "+") {
						t.Errorf("%s %s: %q", q, sz.name, value)
					}
				}
			}
		}
	}
}
