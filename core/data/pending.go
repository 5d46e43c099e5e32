package data

import "sync"

// Pending is a data set on its way: a scene starts it in Reset and polls it
// from Train, Measure and Draw, showing Progress until it arrives, so that
// no frame waits for the network (DESIGN.md: data sets are fetched when
// first needed). Natively, where the files are embedded, Start loads at
// once and the first Poll has the images; in the browser Load runs in a
// goroutine of its own (it blocks on fetch), as go-inovation loads in the
// background and polls in Update.
type Pending struct {
	name string

	mu          sync.Mutex
	im          *Images
	err         error
	done, total int64
	finished    bool
}

// Start begins loading the named data set ("digits" or "mnist").
func Start(name string) *Pending {
	p := &Pending{name: name, total: -1}
	if background {
		go p.load()
	} else {
		p.load()
	}
	return p
}

func (p *Pending) load() {
	im, err := Load(p.name, func(done, total int64) {
		p.mu.Lock()
		p.done, p.total = done, total
		p.mu.Unlock()
	})
	p.mu.Lock()
	p.im, p.err, p.finished = im, err, true
	if err == nil && (p.total <= 0 || p.done != p.total) {
		// Loaded before (Load's cache tells no progress): all of it is here.
		p.total = max(p.total, p.done, 1)
		p.done = p.total
	}
	p.mu.Unlock()
}

// Name returns the data set's name as Start was given it.
func (p *Pending) Name() string { return p.name }

// Poll returns the images once they are here (callers must not change
// them: Subset and Split copy), or the error that stopped the load; both
// nil while it goes on. After an error, Start again to retry.
func (p *Pending) Poll() (*Images, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.im, p.err
}

// Progress returns the bytes that have arrived and the total (−1 when
// unknown), for a scene's "loading the digits… 40%" while it waits; once
// the images are here, done == total > 0.
func (p *Pending) Progress() (done, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done, p.total
}
