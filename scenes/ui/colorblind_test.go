package ui

import (
	"math"
	"strconv"
	"testing"
)

// Colour vision deficiency: the colours that carry meaning in the plots
// (Theme's roles: Data, Recon/Model, Reference, Noise) seen through a
// simulation of protanopia and deuteranopia, the two red-green
// deficiencies (about 1 in 12 men). The simulation is Machado, Oliveira
// and Fernandes, "A Physiologically-based Model for Simulation of Color
// Vision Deficiency", IEEE TVCG 15(6), 2009: a 3×3 matrix on linear RGB,
// severity 1 (dichromacy), from the paper's table of matrices.
var cvd = []struct {
	name string
	m    [3][3]float64
}{
	{"protanopia", [3][3]float64{
		{0.152286, 1.052583, -0.204868},
		{0.114503, 0.786281, 0.099216},
		{-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881}}},
}

// linear converts an sRGB component to linear light (IEC 61966-2-1).
func linear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// lab converts linear sRGB to CIELAB (D65 white).
func lab(r, g, b float64) [3]float64 {
	x := 0.4124564*r + 0.3575761*g + 0.1804375*b
	y := 0.2126729*r + 0.7151522*g + 0.0721750*b
	z := 0.0193339*r + 0.1191920*g + 0.9503041*b
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x/0.95047), f(y), f(z/1.08883)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// seen is c's CIELAB as a dichromat sees it (m), or as is (m nil).
func seen(c Color, m *[3][3]float64) [3]float64 {
	v := [3]float64{linear(float64(c.R)), linear(float64(c.G)), linear(float64(c.B))}
	if m != nil {
		var w [3]float64
		for i := range 3 {
			w[i] = math.Max(0, math.Min(1, m[i][0]*v[0]+m[i][1]*v[1]+m[i][2]*v[2]))
		}
		v = w
	}
	return lab(v[0], v[1], v[2])
}

// deltaE is CIE76's colour difference, the distance in CIELAB: about 2.3
// is just noticeable; plot marks of a few pixels need far more to be told
// apart at a glance.
func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// TestRolesStayApartForDichromats: every two plot roles stay at least
// minDeltaE apart for protanopes and deuteranopes, in both themes. The
// figures are logged (go test -v -run Dichromats ./scenes/ui/). Reference
// and Noise were the pair that failed (issue 12): 8.9 apart for a
// deuteranope in the light theme (Reference 0x14a085), 12.3 in presenter
// mode (0x008a6e against the grey 0x5f6873); a deeper teal, and in
// presenter mode a lighter grey, make them 21.3 and 22.7.
func TestRolesStayApartForDichromats(t *testing.T) {
	const minDeltaE = 20
	for _, th := range []struct {
		name string
		t    *Theme
	}{{"light", Light(1)}, {"presenter", Presenter(1)}} {
		roles := []struct {
			name string
			c    Color
		}{{"Data", th.t.Data}, {"Recon/Model", th.t.Recon}, {"Reference", th.t.Reference}, {"Noise", th.t.Noise}}
		for i := range roles {
			for j := i + 1; j < len(roles); j++ {
				a, b := roles[i], roles[j]
				normal := deltaE(seen(a.c, nil), seen(b.c, nil))
				line := ""
				worst := normal
				for k := range cvd {
					d := deltaE(seen(a.c, &cvd[k].m), seen(b.c, &cvd[k].m))
					worst = math.Min(worst, d)
					line += " " + cvd[k].name + " " + ftoa(d)
				}
				t.Logf("%s: %s vs %s: ΔE76 %s normal →%s", th.name, a.name, b.name, ftoa(normal), line)
				if worst < minDeltaE {
					t.Errorf("%s theme: %s and %s are %.1f apart for a dichromat, want at least %d", th.name, a.name, b.name, worst, minDeltaE)
				}
			}
		}
	}
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
