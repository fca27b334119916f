package audio

import (
	"context"
	"os"
	"sync"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// sniffTimeout bounds the look inside a file while detecting its kind:
// ffprobe reads only headers, so this is never reached on sane files.
const sniffTimeout = 20 * time.Second

// probeCache remembers, per file version, whether a container holds only
// sound: detection asks more than once per file (output name, labeling).
type probeCache struct {
	mu sync.Mutex
	m  map[probeKey]bool
}

type probeKey struct {
	path string
	size int64
	mod  time.Time
}

func newProbeCache() *probeCache { return &probeCache{m: map[probeKey]bool{}} }

// soundOnly reports whether ffprobe finds at least one audio stream and
// no video stream other than cover art. Without ffprobe it says no, and
// the video kind explains what is missing.
func (c *probeCache) soundOnly(path string) bool {
	st, err := os.Stat(path)
	if err != nil {
		return false
	}
	key := probeKey{path, st.Size(), st.ModTime()}
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	ctx, cancel := context.WithTimeout(context.Background(), sniffTimeout)
	defer cancel()
	info, err := ffmpeg.Probe(ctx, path)
	v = err == nil && info.Count("audio") > 0 && info.Count("video") == 0
	c.mu.Lock()
	if len(c.m) > 4096 {
		clear(c.m)
	}
	c.m[key] = v
	c.mu.Unlock()
	return v
}
