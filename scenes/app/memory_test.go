package app

import (
	"os"
	"runtime"
	"strconv"
	"testing"

	"aelab/scenes"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// playing are the states a class leaves running: every scene and view at
// its defaults, playing.
func playing() []string {
	var qs []string
	for _, sc := range scenes.All() {
		base := "scene=" + sc.Info().ID + "&seed=1"
		qs = append(qs, base)
		if ps := sc.Info().Params; ps.Index("view") >= 0 {
			for _, v := range ps.Spec("view").Choices[1:] {
				qs = append(qs, base+"&view="+v)
			}
		}
	}
	return qs
}

// TestPlayingFrameDoesNotAllocate: a frame of live play, Update (training
// and measuring) and Draw, allocates nothing once the caches are warm.
// WebAssembly's heap grows with what a frame allocates until the collector
// runs (issue 11: the pca scene's memory grew for minutes while it
// played), so the lab's own frame allocates nothing.
func TestPlayingFrameDoesNotAllocate(t *testing.T) {
	for _, q := range playing() {
		a := New(Options{Scenes: scenes.All(), Query: ParseQuery(q)})
		a.Resize(1280, 800, 1)
		c := &uitest.Canvas{}
		in := &ui.Input{}
		for i := 0; i < 20; i++ { // warm: every part of a spread measurement
			a.Update(in)
			a.Draw(c)
		}
		if n := testing.AllocsPerRun(20, func() { a.Update(in); a.Draw(c) }); n > 0 {
			t.Errorf("%s: a playing frame allocates %v times", q, n)
		}
	}
}

// TestPlayingHeapStaysFlat plays every scene through the frame loop the
// app uses, Update and Draw, for AELAB_MEMORY_FRAMES frames (1000 here, a
// long run in make bench; TestPlayingFrameDoesNotAllocate checks each
// frame) and asserts the live heap stays within a bound.
func TestPlayingHeapStaysFlat(t *testing.T) {
	frames := 1000
	if v, err := strconv.Atoi(os.Getenv("AELAB_MEMORY_FRAMES")); err == nil && v > 0 {
		frames = v
	}
	for _, q := range playing() {
		a := New(Options{Scenes: scenes.All(), Query: ParseQuery(q)})
		a.Resize(1280, 800, 1)
		c := &uitest.Canvas{}
		in := &ui.Input{}
		for i := 0; i < 50; i++ {
			a.Update(in)
			a.Draw(c)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := 0; i < frames; i++ {
			a.Update(in)
			a.Draw(c)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		grow := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		t.Logf("%s: heap %d → %d bytes over %d frames (step %d)", q, before.HeapAlloc, after.HeapAlloc, frames, a.Step())
		if grow > 256<<10 {
			t.Errorf("%s: the heap grew by %d bytes over %d frames", q, grow, frames)
		}
	}
}
