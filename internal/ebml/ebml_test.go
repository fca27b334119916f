package ebml

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// el builds an element with a 1- to 4-byte ID and an 8-byte size.
func el(id uint32, body ...[]byte) []byte {
	var b []byte
	for s := 24; s >= 0; s -= 8 {
		if c := byte(id >> s); c != 0 || len(b) > 0 {
			b = append(b, c)
		}
	}
	n := len(bytes.Join(body, nil))
	b = append(b, 0x01, 0, 0, 0, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	return append(b, bytes.Join(body, nil)...)
}

func file(doc string, clusters int) []byte {
	var seg [][]byte
	seg = append(seg, el(0x1549A966, []byte("info")))
	for range clusters {
		seg = append(seg, el(IDCluster, []byte("frames")))
	}
	return append(el(IDHeader, el(0x4286, []byte{1}), el(IDDocType, []byte(doc))), el(IDSegment, seg...)...)
}

func TestDocTypeAndComplete(t *testing.T) {
	whole := file("webm", 2)
	live := append(el(IDHeader, el(IDDocType, []byte("matroska"))), 0x18, 0x53, 0x80, 0x67, 0xFF)
	live = append(live, el(IDCluster, []byte("x"))...)
	cases := []struct {
		name      string
		data      []byte
		doc       string
		truncated bool
		bad       bool // not EBML at all
	}{
		{"webm", whole, "webm", false, false},
		{"matroska", file("matroska", 1), "matroska", false, false},
		{"cut inside a cluster", whole[:len(whole)-3], "webm", true, false},
		{"no clusters", file("webm", 0), "webm", true, false},
		{"unknown-size segment", live, "matroska", false, false},
		{"not EBML", []byte("RIFF....WAVE"), "", false, true},
		{"empty", nil, "", false, true},
	}
	for _, c := range cases {
		r := bytes.NewReader(c.data)
		doc, err := DocType(r, int64(len(c.data)))
		if doc != c.doc || (err != nil) != c.bad {
			t.Errorf("%s: doc %q err %v", c.name, doc, err)
		}
		if c.bad {
			continue
		}
		if err := Complete(r, int64(len(c.data))); errors.Is(err, ErrTruncated) != c.truncated {
			t.Errorf("%s: Complete = %v", c.name, err)
		}
	}
}

func TestVint(t *testing.T) {
	cases := []struct {
		b       []byte
		v       uint64
		n       int
		unknown bool
	}{
		{[]byte{0x81}, 1, 1, false},
		{[]byte{0x40, 0x02}, 2, 2, false},
		{[]byte{0xFF}, 0x7F, 1, true},
		{[]byte{0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}, 1<<56 - 1, 8, true},
	}
	for _, c := range cases {
		v, n, unknown, err := vint(c.b, false)
		if err != nil || v != c.v || n != c.n || unknown != c.unknown {
			t.Errorf("% x: %d %d %v %v", c.b, v, n, unknown, err)
		}
	}
	if _, _, _, err := vint([]byte{0}, false); err == nil {
		t.Error("a zero first byte decoded")
	}
}

func FuzzComplete(f *testing.F) {
	f.Add(file("webm", 2))
	f.Add(file("matroska", 0))
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "*", "*"))
	for _, p := range paths {
		if ext := strings.ToLower(filepath.Ext(p)); ext == ".mkv" || ext == ".webm" || ext == ".mka" {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b[:min(len(b), 64<<10)])
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r := bytes.NewReader(b)
		_, _ = DocType(r, int64(len(b)))
		_ = Complete(r, int64(len(b)))
	})
}
