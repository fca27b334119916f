package ffmpeg

import (
	"container/list"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// probeCacheSize bounds the remembered answers: a file is asked about a
// few times in a row (detection, labeling, the read-back), so a batch
// needs only its recent files.
const probeCacheSize = 64

// probes remembers ffprobe's answers per file version. A labeling job
// asks about the same source and the same output several times, from
// packages that do not know of each other, and each question costs a
// process start and a read of the headers.
var probes = &probeCache{order: list.New(), m: map[string]*list.Element{}}

type probeCache struct {
	mu    sync.Mutex
	order *list.List // of *probeEntry, the most recently used first
	m     map[string]*list.Element
}

type probeEntry struct {
	key string
	fi  os.FileInfo // the version of the file the answer is about
	out []byte
	err error
}

// cachedProbe runs ffprobe with args and the file, or returns what it
// answered for this version of the file. The answer's bytes are shared:
// callers must not change them.
func cachedProbe(ctx context.Context, path string, args ...string) ([]byte, error) {
	key := path + "\x00" + strings.Join(args, "\x00")
	before, statErr := os.Stat(path)
	if statErr == nil {
		if e, ok := probes.get(key, before); ok {
			return e.out, e.err
		}
	}
	out, err := Run(ctx, "ffprobe", append(args, SafePath(path))...)
	if statErr == nil && lasting(ctx, err) && settled(path, before, time.Now()) {
		probes.put(&probeEntry{key: key, fi: before, out: out, err: err})
	}
	return out, err
}

// lasting reports whether an answer holds for as long as the file does:
// a success, or ffprobe's own refusal. A cancelled or timed-out run, or
// one that could not start, says nothing about the file.
func lasting(ctx context.Context, err error) bool {
	if err == nil {
		return true
	}
	var exit *exec.ExitError
	return ctx.Err() == nil && errors.As(err, &exit)
}

// settled reports whether the file was the same before and after the
// run, and last changed long enough before its end that a later change
// must move its modification time. The kernel stamps files from a clock
// that ticks every few milliseconds, so a file rewritten in place (smart
// render patches its segments) within one tick keeps size and time;
// file systems that store whole seconds (or FAT's two) are assumed when
// the time has no sub-millisecond part.
func settled(path string, before os.FileInfo, end time.Time) bool {
	after, err := os.Stat(path)
	if err != nil || !sameVersion(before, after) {
		return false
	}
	grain := 20 * time.Millisecond
	if before.ModTime().Nanosecond()%int(time.Millisecond) == 0 {
		grain = 2 * time.Second
	}
	return end.Sub(before.ModTime()) > grain
}

func sameVersion(a, b os.FileInfo) bool {
	return os.SameFile(a, b) && a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

func (c *probeCache) get(key string, fi os.FileInfo) (*probeEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.m[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*probeEntry)
	if !sameVersion(e.fi, fi) {
		c.order.Remove(el)
		delete(c.m, key)
		return nil, false
	}
	c.order.MoveToFront(el)
	return e, true
}

func (c *probeCache) put(e *probeEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.m[e.key]; ok {
		c.order.Remove(el)
	}
	c.m[e.key] = c.order.PushFront(e)
	for c.order.Len() > probeCacheSize {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.m, last.Value.(*probeEntry).key)
	}
}
