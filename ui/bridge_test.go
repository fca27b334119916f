package ui

import (
	"testing"
	"time"
)

// TestThrottleCoalescesAndFinalWins: a burst of updates reaches the UI
// as a few deliveries, never more than about one per frame, and the
// final word is delivered last even with updates still pending.
func TestThrottleCoalescesAndFinalWins(t *testing.T) {
	l := &loop{queue: make(chan func(), 1024)}
	b := &bridge{post: l.post}
	th := newThrottle(b)
	var got []int
	start := time.Now()
	for i := range 1000 {
		th.update(func() { got = append(got, i) })
		if i%100 == 0 {
			time.Sleep(2 * time.Millisecond)
		}
	}
	elapsed := time.Since(start)
	th.final(func() { got = append(got, -1) })
	l.until(t, "the final update", func() bool { return len(got) > 0 && got[len(got)-1] == -1 })
	time.Sleep(3 * frame) // a stale timer must not deliver after final
	for len(l.queue) > 0 {
		(<-l.queue)()
	}
	if got[len(got)-1] != -1 {
		t.Fatalf("an update arrived after the final one: %v", got)
	}
	if limit := int(elapsed/frame) + 2; len(got)-1 > limit {
		t.Errorf("%d deliveries in %v, want at most %d (one per frame)", len(got)-1, elapsed, limit)
	}
}
