package ui

// Pointer is the state of the mouse or of the first finger on a touch
// screen during one frame, in device pixels. Mouse and touch are one path
// (ebiten's examples/drag).
type Pointer struct {
	X, Y     float64
	Down     bool    // a button or finger is down
	Pressed  bool    // it went down this frame
	Released bool    // it went up this frame
	Wheel    float64 // vertical wheel movement this frame
	Touch    bool    // the pointer is a finger (larger targets)
}

// Input is what a frame's Update gets from the platform.
type Input struct {
	Pointer Pointer
	// Keys pressed this frame, by name ("space", "s", "r", "left", …).
	Keys []string
	// CatchUp marks an Update that the game loop runs before the next Draw
	// to catch up with its tick rate, as ebiten does after a long frame.
	// The App reads input in it but neither trains nor measures: training
	// in every catch-up tick would make a slow frame slower still.
	CatchUp bool
}

// Capture tracks which widget owns the pointer between press and release,
// so a drag that leaves a slider keeps moving it and starts nothing else.
type Capture struct{ owner any }

// Take gives the pointer to w if nobody has it; it reports whether w has it.
func (c *Capture) Take(w any) bool {
	if c.owner == nil {
		c.owner = w
	}
	return c.owner == w
}

// Owner returns the widget holding the pointer, or nil.
func (c *Capture) Owner() any { return c.owner }

// Release frees the pointer.
func (c *Capture) Release() { c.owner = nil }
