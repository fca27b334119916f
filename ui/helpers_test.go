package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler/kindtest"
)

// TestMain gives Fyne a real locale (under LANG=C it logs a parse error
// for every window) and a temporary home, so that exports never leave the
// development C2PA identity, or anything else, in the real ~/.config.
func TestMain(m *testing.M) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l == "C" || l == "POSIX" {
			os.Unsetenv(v)
		}
	}
	if os.Getenv("LANG") == "" {
		os.Setenv("LANG", "en_US.UTF-8")
	}
	os.Exit(kindtest.RunIsolated(m))
}

// loop stands in for Fyne's event loop: work posted from goroutines is
// queued and run on the test's goroutine, as the real driver runs it on
// the UI goroutine, so the race detector checks the same discipline.
type loop struct{ queue chan func() }

func (l *loop) post(fn func()) { l.queue <- fn }

// until runs posted work until cond holds, failing after a timeout.
func (l *loop) until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	l.within(t, 60*time.Second, what, cond)
}

// within is until with a deadline of its own.
func (l *loop) within(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(d)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case fn := <-l.queue:
			fn()
		case <-tick.C:
			// cond may hang on something other than posted work (a kind
			// reporting on a channel), which posts nothing to wake us.
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// newTestUI builds the window in a headless test app with its own
// preferences, its own storage folder (the test app keeps it in the temp
// folder, so the ledger there is the test's), and no native dialogs.
func newTestUI(t testing.TB) (*App, *loop) {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	a := test.NewTempApp(t)
	u := New(a, nil)
	l := &loop{queue: make(chan func(), 1024)}
	u.bridge.post = l.post
	u.dialogs.nativeOff = true
	t.Cleanup(func() {
		if u.job != nil {
			u.job.cancel()
		}
		u.bridge.wait()
	})
	return u, l
}

// writePhoto writes a sample JPEG of w×h to dir and returns its path.
func writePhoto(t testing.TB, dir, name string, w, h int, seed uint64) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, samples.JPEG(samples.Scene(w, h, seed), 85, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// addAndWait adds paths as a drop would and waits until the list has n
// files.
func addAndWait(t testing.TB, u *App, l *loop, n int, paths ...string) {
	t.Helper()
	u.addPaths(paths)
	l.until(t, "files to be added", func() bool { return len(u.files.items) >= n })
}

func tctx() context.Context { return context.Background() }
