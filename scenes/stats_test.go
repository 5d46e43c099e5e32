package scenes

import (
	"math"
	"testing"
	"time"
)

func TestFrameStats(t *testing.T) {
	var f frameClock
	t0 := time.Unix(100, 0)
	// 100 frames at 50 a second: update 1 ms, draw 2 ms, and every tenth
	// frame a slow update of 9 ms
	for i := 0; i < 100; i++ {
		upd := time.Millisecond
		if i%10 == 0 {
			upd = 9 * time.Millisecond
		}
		f.addUpdate(t0.Add(time.Duration(i)*20*time.Millisecond), upd)
		f.addDraw(2 * time.Millisecond)
	}
	s := f.stats(t0.Add(99 * 20 * time.Millisecond))
	// the window is 2 s: frames 0–99 all lie within 1.98 s
	if math.Abs(s.FPS-50) > 0.5 {
		t.Errorf("fps = %g, want 50", s.FPS)
	}
	if s.UpdateMsP50 != 1 || s.UpdateMsP95 != 9 || s.DrawMsP95 != 2 || s.FrameMsP95 != 11 {
		t.Errorf("stats = %+v, want update p50 1, p95 9, draw p95 2, frame p95 11", s)
	}
	// frames older than two seconds no longer count
	s = f.stats(t0.Add(10 * time.Second))
	if s.FPS != 0 {
		t.Errorf("fps long after the last frame = %g, want 0", s.FPS)
	}
}
