package labeler

import (
	"sync"
	"time"
)

// ETA thresholds: before a file has run this long and moved this far
// past its first report, an estimate would be noise.
const (
	etaMinElapsed  = time.Second
	etaMinProgress = 0.01
)

// eta estimates one file's time remaining from its progress reports. The
// first report that shows progress is the reference: kinds move quickly
// through their preparation (the video kind to 5 %), then at a steady
// rate through the long part (for video, ffmpeg's own -progress clock),
// so the rate since that first report is the one that will continue.
type eta struct {
	mu     sync.Mutex
	start  time.Time
	t0     time.Time
	f0     float64
	seeded bool
}

func newETA(now time.Time) *eta { return &eta{start: now} }

// at returns the time since the file started and the estimated time
// remaining at fraction f; remaining is 0 while unknown.
func (e *eta) at(now time.Time, f float64) (elapsed, remaining time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	elapsed = now.Sub(e.start)
	if !e.seeded {
		if f > 0 {
			e.t0, e.f0, e.seeded = now, f, true
		}
		return elapsed, 0
	}
	run, done := now.Sub(e.t0), f-e.f0
	if run < etaMinElapsed || done < etaMinProgress || f >= 1 {
		return elapsed, 0
	}
	return elapsed, time.Duration(float64(run) * (1 - f) / done)
}
