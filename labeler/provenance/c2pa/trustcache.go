package c2pa

import (
	"os"
	"sync"
	"time"
)

// trustCache loads each trust anchor file once, again when it changes.
type trustCache struct {
	mu    sync.Mutex
	files map[string]cachedTrust
}

type cachedTrust struct {
	mod   time.Time
	size  int64
	trust *Trust
}

// get returns the anchors in path ("" is the empty list).
func (c *trustCache) get(path string) (*Trust, error) {
	if path == "" {
		return &Trust{}, nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.files[path]; ok && e.mod.Equal(st.ModTime()) && e.size == st.Size() {
		return e.trust, nil
	}
	t, err := LoadTrust(path)
	if err != nil {
		return nil, err
	}
	if c.files == nil {
		c.files = map[string]cachedTrust{}
	}
	c.files[path] = cachedTrust{mod: st.ModTime(), size: st.Size(), trust: t}
	return t, nil
}
