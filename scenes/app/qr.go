package app

import (
	qr "github.com/piglig/go-qr"

	"aelab/scenes/ui"
)

// qrQuiet is the quiet zone around a QR code, in modules: the four the
// standard (ISO/IEC 18004, 9.1) asks for, so a phone finds the code on a
// busy projected screen.
const qrQuiet = 4

// qrCode is a QR code as rectangles to fill: each run of dark modules in a
// row is one rectangle, in module units counted from the quiet zone's
// corner. It is computed once when the link changes, so drawing it is a
// loop over ready rectangles with no allocation (a frame allocates
// nothing, memory_test.go).
type qrCode struct {
	n    int       // modules across, quiet zone included (0: no code)
	runs []ui.Rect // dark runs, in modules
}

// encodeQR encodes text with github.com/piglig/go-qr (MIT; a port of
// Project Nayuki's QR Code generator), which gives the module matrix
// without encoding an image. It takes the smallest version that holds
// the text at level L and then the highest error correction that still
// fits that version (the library's boostEcl): the fewest, largest modules
// for a given screen, which is what a phone at the back of a hall needs.
func encodeQR(text string) (qrCode, error) {
	code, err := qr.EncodeText(text, qr.Low)
	if err != nil {
		return qrCode{}, err
	}
	size := code.Size()
	c := qrCode{n: size + 2*qrQuiet}
	for y := 0; y < size; y++ {
		for x := 0; x < size; {
			if !code.Module(x, y) {
				x++
				continue
			}
			x0 := x
			for x < size && code.Module(x, y) {
				x++
			}
			c.runs = append(c.runs, ui.Rect{X: float64(x0 + qrQuiet), Y: float64(y + qrQuiet), W: float64(x - x0), H: 1})
		}
	}
	return c, nil
}

// draw draws the code with its quiet zone at (x, y), each module m device
// pixels square: dark on white whatever the theme, as scanners expect.
func (c *qrCode) draw(cv ui.Canvas, x, y, m float64) {
	if c.n == 0 {
		return
	}
	cv.FillRect(ui.Rect{X: x, Y: y, W: float64(c.n) * m, H: float64(c.n) * m}, qrLight)
	for _, r := range c.runs {
		cv.FillRect(ui.Rect{X: x + r.X*m, Y: y + r.Y*m, W: r.W * m, H: r.H * m}, qrDark)
	}
}

// The code's colours: the most contrast a screen has.
var (
	qrLight = ui.RGB(0xffffff)
	qrDark  = ui.RGB(0x000000)
)
