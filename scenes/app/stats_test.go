package app

import (
	"math"
	"testing"
	"time"
)

func TestFrameStats(t *testing.T) {
	var f frameClock
	t0 := time.Unix(100, 0)
	// 100 frames at 50 a second: update 1 ms, draw 2 ms, and every tenth
	// frame two updates (ebiten catching up) of 4.5 ms each
	for i := 0; i < 100; i++ {
		t := t0.Add(time.Duration(i) * 20 * time.Millisecond)
		if i%10 == 0 {
			f.addUpdate(t, 4500*time.Microsecond)
			f.addUpdate(t.Add(5*time.Millisecond), 1500*time.Microsecond)
		} else {
			f.addUpdate(t, time.Millisecond)
		}
		f.addDraw(t.Add(10*time.Millisecond), 2*time.Millisecond)
	}
	// asked a while after the last frame: the rate is of the frames drawn
	s := f.stats(t0.Add(99*20*time.Millisecond + 300*time.Millisecond))
	if math.Abs(s.FPS-50) > 0.5 {
		t.Errorf("fps = %g, want 50", s.FPS)
	}
	// 110 Updates: 90 of 1 ms, 10 of 1.5 ms, 10 of 4.5 ms; frames of
	// 1 + 2 ms, and every tenth (4.5 + 1.5)/2 + 2 = 5 ms
	if s.UpdateMsP50 != 1 || s.UpdateMsP95 != 4.5 || s.DrawMsP95 != 2 || s.FrameMsP95 != 5 {
		t.Errorf("stats = %+v, want update p50 1, p95 4.5, draw p95 2, frame p95 5", s)
	}
	// an idle lab draws nothing: after two seconds no frame counts
	s = f.stats(t0.Add(10 * time.Second))
	if s.FPS != 0 || s.FrameMsP95 != 0 {
		t.Errorf("stats long after the last frame = %+v, want zeros", s)
	}
}
