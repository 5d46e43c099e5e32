package data

import (
	"runtime"
	"testing"
)

func TestPendingArrives(t *testing.T) {
	p := Start("digits")
	if !isJS {
		im, err := p.Poll()
		if err != nil || im == nil || im.N() != 1797 {
			t.Fatalf("native Start: images %v, error %v; want the 1797 digits at once", im, err)
		}
		if d, tot := p.Progress(); d != tot || d <= 0 {
			t.Errorf("progress %d of %d after the load", d, tot)
		}
	}
	bad := Start("no such set")
	for {
		im, err := bad.Poll()
		if im != nil {
			t.Fatal("an unknown data set arrived")
		}
		if err != nil {
			break
		}
		runtime.Gosched() // the browser's one thread runs the load
	}
}
