package ui

// Theme holds the colours and sizes of the lab. Sizes are in logical pixels
// (CSS pixels); Px converts to device pixels with the scale U, the device
// pixel ratio times the presentation zoom, so text stays crisp and equally
// large on every screen.
type Theme struct {
	U float64 // device pixels per logical pixel

	Bg, Panel, Line, Grid, Axis     Color
	Text, TextDim, Accent, OnAccent Color
	Track, Knob                     Color
	Info, Warn, Error               Color
	// Roles in plots, shared by every scene so a colour means one thing.
	Data, Recon, Model, Reference, Noise Color
}

// Font sizes in logical pixels. The smallest is read from a lecture hall's
// back rows on a projected 1280-pixel-wide screen.
const (
	SizeSmall   = 13
	SizeBody    = 15
	SizeHeading = 17
	SizeFormula = 19
	SizeTitle   = 20
	SizeReadout = 22
	// SizeFloor is the least size of any text: tick labels, a title set
	// smaller to fit (app.textFloor says why 12).
	SizeFloor = 12
)

// Light is the default theme: dark ink on white, which survives projectors.
func Light(u float64) *Theme {
	return &Theme{
		U:         u,
		Bg:        RGB(0xffffff),
		Panel:     RGB(0xf3f4f6),
		Line:      RGB(0xd5d9df),
		Grid:      RGB(0xeceef1),
		Axis:      RGB(0xb9bfc7),
		Text:      RGB(0x1b2129),
		TextDim:   RGB(0x58626e),
		Accent:    RGB(0x2458c6),
		OnAccent:  RGB(0xffffff),
		Track:     RGB(0xc9ced6),
		Knob:      RGB(0x2458c6),
		Info:      RGB(0x2458c6),
		Warn:      RGB(0xb7791f),
		Error:     RGB(0xc0392b),
		Data:      RGB(0x3a6ea5),
		Recon:     RGB(0xe4572e),
		Model:     RGB(0xe4572e),
		Reference: RGB(0x00735c), // was 0x14a085: see Presenter
		Noise:     RGB(0x8a939e),
	}
}

// Px converts logical pixels to device pixels.
func (t *Theme) Px(v float64) float64 { return v * t.U }

// Font returns the font size for a logical size.
func (t *Theme) Font(size float64) float64 { return size * t.U }

// Presenter is the theme of presenter mode, for a projector in a lit
// hall: pure black ink, a darker grid and axes, stronger accents. With the
// mode's larger scale it also has thicker lines.
func Presenter(u float64) *Theme {
	t := Light(u)
	t.Text = RGB(0x000000)
	t.TextDim = RGB(0x2b3138)
	t.Line = RGB(0x9aa2ac)
	t.Grid = RGB(0xd0d5db)
	t.Axis = RGB(0x6b737d)
	t.Accent = RGB(0x0b3ea8)
	t.Knob = t.Accent
	t.Data = RGB(0x1f4e8c)
	t.Recon = RGB(0xd1401a)
	t.Model = RGB(0xd1401a)
	// Reference and Noise stay apart for a deuteranope or a protanope
	// (colorblind_test.go): in CIE76 ΔE, the light theme's were 8.9 apart
	// with Reference 0x14a085, 21.3 now; presenter mode's 12.3 with
	// 0x008a6e and the grey 0x5f6873, 22.7 now.
	t.Reference = RGB(0x005e4b)
	t.Noise = RGB(0x7b848f)
	return t
}
