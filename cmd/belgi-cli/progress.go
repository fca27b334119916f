package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// progress draws a one-line bar on stderr when stderr is a terminal, at
// most ten times a second; pipelines get no control characters.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	total int
	last  time.Time
}

func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	on := false
	if ok {
		if st, err := f.Stat(); err == nil {
			on = st.Mode()&os.ModeCharDevice != 0
		}
	}
	return &progress{w: w, on: on && total > 0, total: total}
}

func (p *progress) event(ev labeler.Event) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if ev.Result == nil && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r\033[K[%d/%d] %s%s", ev.Done, p.total, filepath.Base(ev.Input), progressDetail(ev))
}

// progressDetail is the file's share done and, once known, its time
// left: " 42% 1:23 left".
func progressDetail(ev labeler.Event) string {
	if ev.Result != nil || ev.Fraction <= 0 {
		return ""
	}
	s := fmt.Sprintf(" %d%%", int(ev.Fraction*100))
	if r := ev.Remaining.Round(time.Second); r > 0 {
		s += fmt.Sprintf(" %d:%02d left", int(r.Minutes()), int(r.Seconds())%60)
	}
	return s
}

func (p *progress) finish() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
