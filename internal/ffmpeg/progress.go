package ffmpeg

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"time"
)

// RunProgress runs ffmpeg with args, adding "-progress pipe:1 -nostats" in
// front, and calls onProgress with the fraction of total encoded so far
// (0..1, never decreasing) as ffmpeg reports it, about twice a second.
// A zero total (unknown duration) reports nothing until the end.
//
// Cancelling ctx kills ffmpeg; RunProgress returns only after ffmpeg has
// exited, so the caller may remove its output at once. Errors carry the
// tail of ffmpeg's standard error.
func RunProgress(ctx context.Context, total time.Duration, onProgress func(float64), args ...string) error {
	return runProgress(ctx, nil, total, onProgress, args...)
}

// ErrFeed is wrapped by RunProgressFed's errors that come from the run
// feeding the main one.
var ErrFeed = errors.New("the ffmpeg run making its input failed")

// RunProgressFed is RunProgress with the output of another ffmpeg run
// (feed, its arguments, writing to pipe:1) as the main run's input
// pipe:0, read while it is written. A pass that only makes one input
// (a sound track mixed from the source) then overlaps the main run
// instead of preceding it. A feed that failed before the main run ended
// is reported (wrapping ErrFeed) rather than the main run's error, which
// it explains; a main run that fails stops the feed, and one that ends
// before its input did fails too. Neither is left running.
func RunProgressFed(ctx context.Context, feed []string, total time.Duration, onProgress func(float64), args ...string) error {
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	fctx, stop := context.WithCancel(ctx)
	defer stop()
	fed := make(chan error, 1)
	go func() {
		fed <- Pipe(fctx, nil, w, "ffmpeg", append([]string{"-hide_banner", "-nostdin"}, feed...)...)
		w.Close() // after the result is in: the main run's end of input
	}()
	err = runProgress(ctx, r, total, onProgress, args...)
	var ferr error
	select {
	case ferr = <-fed: // the feed ended first: the usual order
		if ferr != nil {
			err = fmt.Errorf("%w: %w", ErrFeed, ferr)
		}
	default:
		r.Close() // a feed still writing fails now rather than waits
		if err != nil {
			stop()
			<-fed
		} else if ferr = <-fed; ferr != nil {
			err = fmt.Errorf("%w: the main run ended before its input did: %w", ErrFeed, ferr)
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// runProgress is RunProgress with stdin as ffmpeg's standard input.
func runProgress(ctx context.Context, stdin io.Reader, total time.Duration, onProgress func(float64), args ...string) error {
	path, err := Find("ffmpeg")
	if err != nil {
		return err
	}
	full := append([]string{"-hide_banner", "-nostdin", "-progress", "pipe:1", "-nostats"}, args...)
	cmd := exec.CommandContext(ctx, path, full...)
	contain(cmd)
	stderr := &tailBuffer{max: 8192}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, &progressWriter{total: total, report: onProgress}, stderr
	// Wait (inside Run) returns only once the process is gone, even when
	// the context killed it.
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("ffmpeg failed: %w: %s", err, scrub(stderr.Tail(6), args))
	}
	return nil
}

// progressWriter parses ffmpeg's "-progress" key=value lines.
type progressWriter struct {
	mu     sync.Mutex
	buf    []byte
	total  time.Duration
	report func(float64)
	last   float64
}

func (p *progressWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.buf = append(p.buf, b...)
	for {
		i := bytes.IndexByte(p.buf, '\n')
		if i < 0 {
			break
		}
		p.line(bytes.TrimSpace(p.buf[:i]))
		p.buf = p.buf[i+1:]
	}
	return len(b), nil
}

// line handles one key=value pair. ffmpeg 5.1 writes the time as
// out_time_us (and, misnamed, out_time_ms, also in microseconds).
func (p *progressWriter) line(l []byte) {
	key, val, ok := bytes.Cut(l, []byte("="))
	if !ok || p.report == nil {
		return
	}
	switch string(key) {
	case "out_time_us":
		us, err := strconv.ParseInt(string(val), 10, 64)
		if err != nil || us < 0 || p.total <= 0 {
			return
		}
		p.emit(min(1, float64(us)/float64(p.total.Microseconds())))
	case "progress":
		if string(val) == "end" {
			p.emit(1)
		}
	}
}

func (p *progressWriter) emit(f float64) {
	if f > p.last {
		p.last = f
		p.report(f)
	}
}
