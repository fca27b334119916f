package ogg

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func page(serial byte, flags byte, body ...int) []byte {
	h := []byte("OggS\x00")
	h = append(h, flags)
	h = append(h, make([]byte, 8)...)
	h = append(h, serial, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, byte(len(body)))
	var data []byte
	for _, n := range body {
		h = append(h, byte(n))
		data = append(data, bytes.Repeat([]byte{'x'}, n)...)
	}
	return append(h, data...)
}

func TestComplete(t *testing.T) {
	whole := append(append(page(1, 2, 30), page(1, 0, 255, 10)...), page(1, flagEOS, 5)...)
	two := append(append(page(1, 2, 3), page(2, 2, 3)...), append(page(1, flagEOS, 1), page(2, flagEOS, 1)...)...)
	cases := []struct {
		name      string
		data      []byte
		truncated bool
		bad       bool
	}{
		{"whole", whole, false, false},
		{"two streams", two, false, false},
		{"cut in the last page", whole[:len(whole)-2], true, false},
		{"no end of stream", whole[:len(whole)-len(page(1, flagEOS, 5))], true, false},
		{"junk", []byte("not ogg at all, no"), false, true},
	}
	for _, c := range cases {
		err := Complete(bytes.NewReader(c.data), int64(len(c.data)))
		if errors.Is(err, ErrTruncated) != c.truncated || (err != nil) != (c.truncated || c.bad) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func FuzzComplete(f *testing.F) {
	f.Add(append(page(1, 2, 30), page(1, flagEOS, 5)...))
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "audio", "*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && strings.HasPrefix(string(b), "OggS") {
			f.Add(b[:min(len(b), 64<<10)])
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = Complete(bytes.NewReader(b), int64(len(b)))
	})
}
