package ui

import imagekind "github.com/belgi-kz/belgi/labeler/image"

// cached is a decoded preview, or why there is none.
type cached struct {
	pv  *imagekind.Preview
	err error
}

// previewCache keeps the last few decoded previews, so going back to a
// file is instant. It is used only on the UI goroutine.
type previewCache struct {
	limit int
	order []string // least recently used first
	items map[string]cached
}

func newPreviewCache(limit int) *previewCache {
	return &previewCache{limit: limit, items: map[string]cached{}}
}

func (c *previewCache) get(path string) (cached, bool) {
	e, ok := c.items[path]
	if ok {
		c.touch(path)
	}
	return e, ok
}

func (c *previewCache) put(path string, e cached) {
	if _, ok := c.items[path]; !ok && len(c.order) >= c.limit {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
	c.items[path] = e
	c.touch(path)
}

func (c *previewCache) drop(path string) {
	delete(c.items, path)
	c.remove(path)
}

func (c *previewCache) touch(path string) {
	c.remove(path)
	c.order = append(c.order, path)
}

func (c *previewCache) remove(path string) {
	for i, p := range c.order {
		if p == path {
			c.order = append(c.order[:i], c.order[i+1:]...)
			return
		}
	}
}
