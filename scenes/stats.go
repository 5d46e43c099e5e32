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

// frameClock keeps the timings of the last frames drawn in a ring. A frame
// is a Draw and the Updates before it (ebiten runs two Updates for a Draw
// when it falls behind, none when the lab idles).
type frameClock struct {
	at           [statsCap]time.Time // when the frame was drawn
	update, draw [statsCap]float64   // milliseconds
	n, head      int
	pending      float64 // Update time since the last Draw
	scratch      []float64
}

// addUpdate records an Update that took d.
func (f *frameClock) addUpdate(d time.Duration) {
	f.pending += float64(d) / 1e6
}

// addDraw records a frame drawn at t in d, with the Updates since the last.
func (f *frameClock) addDraw(t time.Time, d time.Duration) {
	f.head = (f.head + 1) % statsCap
	f.at[f.head] = t
	f.update[f.head] = f.pending
	f.draw[f.head] = float64(d) / 1e6
	f.pending = 0
	f.n = min(f.n+1, statsCap)
}

func (f *frameClock) stats(now time.Time) FrameStats {
	var s FrameStats
	if cap(f.scratch) < statsCap {
		f.scratch = make([]float64, 0, statsCap)
	}
	count := 0
	var newest, oldest time.Time
	for i := 0; i < f.n; i++ {
		j := (f.head - i + statsCap) % statsCap
		if now.Sub(f.at[j]) > statsWindow {
			break
		}
		if count == 0 {
			newest = f.at[j]
		}
		oldest = f.at[j]
		count++
	}
	if count == 0 {
		return s
	}
	if span := newest.Sub(oldest).Seconds(); span > 0 {
		s.FPS = float64(count-1) / span
	}
	pct := func(v []float64, p int) float64 {
		slices.Sort(v)
		return v[(len(v)-1)*p/100]
	}
	each := func(f2 func(j int) float64) []float64 {
		v := f.scratch[:0]
		for i := 0; i < count; i++ {
			v = append(v, f2((f.head-i+statsCap)%statsCap))
		}
		return v
	}
	upd := each(func(j int) float64 { return f.update[j] })
	s.UpdateMsP50 = pct(upd, 50)
	s.UpdateMsP95 = pct(upd, 95)
	s.DrawMsP95 = pct(each(func(j int) float64 { return f.draw[j] }), 95)
	s.FrameMsP95 = pct(each(func(j int) float64 { return f.update[j] + f.draw[j] }), 95)
	return s
}
