package app

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

// frameClock keeps the timings of the last Updates and frames in rings.
// A frame is a Draw and the Updates before it: one at 60 frames a second,
// none when the lab idles, several when ebiten catches up after a slow
// frame (headless Chromium's software GL draws some 15 frames a second
// while Updates keep their 60 a second). The update percentiles are over
// Updates, each a tick of its own; a frame's cost is the mean of its
// Updates plus its Draw, what one tick of the 60 Hz loop asks when the
// renderer keeps up.
type frameClock struct {
	at           [statsCap]time.Time // when the frame was drawn
	update, draw [statsCap]float64   // milliseconds: mean Update, Draw
	n, head      int
	upAt         [statsCap]time.Time // when each Update ran
	up           [statsCap]float64   // milliseconds
	nu, hu       int
	sum          float64 // Update time since the last Draw
	count        int     // Updates since the last Draw
	scratch      []float64
}

// addUpdate records an Update that started at t and took d. It is stamped
// with its end: an Update longer than the window (a frozen tab) must still
// count when asked for right after it, not fall out of the window it
// filled.
func (f *frameClock) addUpdate(t time.Time, d time.Duration) {
	ms := float64(d) / 1e6
	f.hu = (f.hu + 1) % statsCap
	f.upAt[f.hu], f.up[f.hu] = t.Add(d), ms
	f.nu = min(f.nu+1, statsCap)
	f.sum += ms
	f.count++
}

// addDraw records a frame drawn at t in d, with the Updates since the last;
// like an Update it is stamped with its end.
func (f *frameClock) addDraw(t time.Time, d time.Duration) {
	f.head = (f.head + 1) % statsCap
	f.at[f.head] = t.Add(d)
	f.update[f.head] = 0
	if f.count > 0 {
		f.update[f.head] = f.sum / float64(f.count)
	}
	f.draw[f.head] = float64(d) / 1e6
	f.sum, f.count = 0, 0
	f.n = min(f.n+1, statsCap)
}

// recent counts the entries of a ring (newest at head, n kept) stamped
// within the window before now.
func recent(at *[statsCap]time.Time, head, n int, now time.Time) int {
	count := 0
	for i := 0; i < n; i++ {
		if now.Sub(at[(head-i+statsCap)%statsCap]) > statsWindow {
			break
		}
		count++
	}
	return count
}

func (f *frameClock) stats(now time.Time) FrameStats {
	var s FrameStats
	if cap(f.scratch) < statsCap {
		f.scratch = make([]float64, 0, statsCap)
	}
	pct := func(v []float64, p int) float64 {
		slices.Sort(v)
		return v[(len(v)-1)*p/100]
	}
	// each lists v of the count newest entries of a ring ending at head.
	each := func(head, count int, v func(j int) float64) []float64 {
		out := f.scratch[:0]
		for i := 0; i < count; i++ {
			out = append(out, v((head-i+statsCap)%statsCap))
		}
		return out
	}
	if nu := recent(&f.upAt, f.hu, f.nu, now); nu > 0 {
		ups := each(f.hu, nu, func(j int) float64 { return f.up[j] })
		s.UpdateMsP50 = pct(ups, 50)
		s.UpdateMsP95 = pct(ups, 95)
	}
	count := recent(&f.at, f.head, f.n, now)
	if count == 0 {
		return s
	}
	// the rate: frames over the time they took, measured from the end of
	// the frame before the first counted one when there is one, so that
	// slow frames (one or two in the window) still give their rate
	newest := f.at[f.head]
	oldest, frames := f.at[(f.head-count+1+statsCap)%statsCap], count-1
	if count < f.n {
		oldest, frames = f.at[(f.head-count+statsCap)%statsCap], count
	}
	if span := newest.Sub(oldest).Seconds(); span > 0 {
		s.FPS = float64(frames) / span
	}
	s.DrawMsP95 = pct(each(f.head, count, func(j int) float64 { return f.draw[j] }), 95)
	s.FrameMsP95 = pct(each(f.head, count, func(j int) float64 { return f.update[j] + f.draw[j] }), 95)
	return s
}
