package scenes

import (
	"slices"
	"time"
)

// statsWindow is how far back FrameStats looks.
const statsWindow = 2 * time.Second

// statsCap bounds the frames kept: 2 s at up to 240 frames a second.
const statsCap = 480

// FrameStats is what aelab.frameStats() reports.
type FrameStats struct {
	FPS         float64 `json:"fps"`
	UpdateMsP50 float64 `json:"update_ms_p50"`
	UpdateMsP95 float64 `json:"update_ms_p95"`
	DrawMsP95   float64 `json:"draw_ms_p95"`
	// FrameMsP95 is the 95th percentile of update + draw in the same frame,
	// what DESIGN.md budgets (the sum of the two p95s above bounds it).
	FrameMsP95 float64 `json:"frame_ms_p95"`
}

// frameClock keeps the timings of the last frames in a ring.
type frameClock struct {
	at             [statsCap]time.Time
	update, draw   [statsCap]float64 // milliseconds
	n, head        int
	scratch        []float64
	lastUpdateSlot int
}

// addUpdate records a frame's Update that started at t and took d.
func (f *frameClock) addUpdate(t time.Time, d time.Duration) {
	f.head = (f.head + 1) % statsCap
	f.at[f.head] = t
	f.update[f.head] = float64(d) / 1e6
	f.draw[f.head] = 0
	f.n = min(f.n+1, statsCap)
	f.lastUpdateSlot = f.head
}

// addDraw records the Draw that followed the last Update.
func (f *frameClock) addDraw(d time.Duration) {
	if f.n > 0 {
		f.draw[f.lastUpdateSlot] += float64(d) / 1e6
	}
}

func (f *frameClock) stats(now time.Time) FrameStats {
	var s FrameStats
	if f.n == 0 {
		return s
	}
	if cap(f.scratch) < statsCap {
		f.scratch = make([]float64, 0, statsCap)
	}
	count := 0
	oldest := now
	upd := f.scratch[:0]
	for i := 0; i < f.n; i++ {
		j := (f.head - i + statsCap) % statsCap
		if now.Sub(f.at[j]) > statsWindow {
			break
		}
		oldest = f.at[j]
		upd = append(upd, f.update[j])
		count++
	}
	if count == 0 {
		return s
	}
	if span := now.Sub(oldest).Seconds(); span > 0 {
		s.FPS = float64(count-1) / span
	}
	slices.Sort(upd)
	s.UpdateMsP50 = upd[(len(upd)-1)/2]
	s.UpdateMsP95 = upd[(len(upd)-1)*95/100]
	drw := upd[:0]
	for i := 0; i < count; i++ {
		drw = append(drw, f.draw[(f.head-i+statsCap)%statsCap])
	}
	slices.Sort(drw)
	s.DrawMsP95 = drw[(len(drw)-1)*95/100]
	both := drw[:0]
	for i := 0; i < count; i++ {
		j := (f.head - i + statsCap) % statsCap
		both = append(both, f.update[j]+f.draw[j])
	}
	slices.Sort(both)
	s.FrameMsP95 = both[(len(both)-1)*95/100]
	return s
}
