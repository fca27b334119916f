package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// frame is how often progress may reach the widgets: about once per
// frame at 60 Hz. More often only burns the UI goroutine.
const frame = 17 * time.Millisecond

// bridge is the one place where goroutines meet the UI goroutine. Work
// runs with go; results come back through post, which is fyne.Do in the
// app and a queue the test drains on its own goroutine in tests, so the
// race detector sees the same discipline the real driver enforces.
type bridge struct {
	post func(func())
	wg   sync.WaitGroup // work in flight, so tests and Close can wait
}

func newBridge() *bridge { return &bridge{post: fyne.Do} }

// start runs work on its own goroutine; work hands widget changes back
// with b.post or a throttle.
func (b *bridge) start(work func()) {
	b.wg.Go(work)
}

// wait blocks until all work started so far has finished.
func (b *bridge) wait() { b.wg.Wait() }

// throttle passes the latest of a stream of updates to the UI goroutine,
// at most one per frame; updates in between are superseded, never queued.
type throttle struct {
	b       *bridge
	mu      sync.Mutex
	pending func()
	timer   *time.Timer
	last    time.Time
}

func newThrottle(b *bridge) *throttle { return &throttle{b: b} }

// update schedules fn, replacing any update not yet delivered.
func (t *throttle) update(fn func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.pending = fn
	if t.timer != nil {
		return // a delivery is already scheduled; it will take fn
	}
	wait := max(0, frame-time.Since(t.last))
	t.timer = time.AfterFunc(wait, t.deliver)
}

func (t *throttle) deliver() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.timer = nil
	if t.pending == nil {
		return
	}
	t.last = time.Now()
	// Posting under the lock keeps order with final: nothing older can be
	// posted after it.
	t.b.post(t.pending)
	t.pending = nil
}

// final drops any pending update and posts fn now: the last word of a
// stream (a summary) must not be overtaken by a stale progress update.
func (t *throttle) final(fn func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	t.pending = nil
	t.b.post(fn)
}

// debounce runs fn on the UI goroutine once calls have paused for d: a
// slider dragged across a video asks for one frame where it stops, not
// one per pixel it passes.
type debounce struct {
	b     *bridge
	d     time.Duration
	mu    sync.Mutex
	timer *time.Timer
}

func newDebounce(b *bridge, d time.Duration) *debounce { return &debounce{b: b, d: d} }

// call (re)starts the wait; only the last fn given runs.
func (db *debounce) call(fn func()) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.timer != nil {
		db.timer.Stop()
	}
	db.timer = time.AfterFunc(db.d, func() { db.b.post(fn) })
}

// stop forgets a call not yet made.
func (db *debounce) stop() {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.timer != nil {
		db.timer.Stop()
		db.timer = nil
	}
}
