package plot

import (
	"testing"

	"aelab/scenes/ui"
)

func TestRing(t *testing.T) {
	r := NewRing[int](3)
	for v := 1; v <= 5; v++ {
		r.Add(v)
	}
	if r.Len() != 3 || r.At(0) != 3 || r.At(2) != 5 || r.Last() != 5 {
		t.Errorf("after adding 1…5 to a ring of 3: len %d, oldest %d, newest %d; want 3, 3, 5", r.Len(), r.At(0), r.Last())
	}
	r.Clear()
	r.Add(7)
	if r.Len() != 1 || r.At(0) != 7 {
		t.Errorf("after Clear and Add(7): len %d, first %d", r.Len(), r.At(0))
	}
	if n := testing.AllocsPerRun(100, func() { r.Add(1) }); n != 0 {
		t.Errorf("Add allocates %v times", n)
	}
}

func TestView2DRoundTrip(t *testing.T) {
	v := View2D{Half: 2}
	v.Fit(ui.Rect{X: 10, Y: 20, W: 400, H: 300})
	for _, p := range [][2]float64{{0, 0}, {1.5, -2}, {-2, 2}} {
		sx, sy := v.Screen(p[0], p[1])
		x, y := v.Data(sx, sy)
		if d := (x-p[0])*(x-p[0]) + (y-p[1])*(y-p[1]); d > 1e-18 {
			t.Errorf("(%v, %v) → screen (%v, %v) → (%v, %v)", p[0], p[1], sx, sy, x, y)
		}
	}
	if vp := v.Viewport(); vp.W != 300 || vp.H != 300 || vp.X != 60 {
		t.Errorf("viewport %+v, want the centred 300-pixel square", vp)
	}
	// y grows up in data, down on screen
	if _, y0 := v.Screen(0, 0); func() bool { _, y1 := v.Screen(0, 1); return y1 >= y0 }() {
		t.Error("data y up is not screen up")
	}
}
