package flac

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func block(typ byte, last bool, body []byte) []byte {
	if last {
		typ |= 0x80
	}
	n := len(body)
	return append([]byte{typ, byte(n >> 16), byte(n >> 8), byte(n)}, body...)
}

func streamInfo(rate, ch, bits int, samples int64) []byte {
	b := make([]byte, 34)
	b[10], b[11] = byte(rate>>12), byte(rate>>4)
	b[12] = byte(rate<<4) | byte(ch-1)<<1 | byte((bits-1)>>4)
	b[13] = byte((bits-1)&0xF)<<4 | byte(samples>>32)
	binary.BigEndian.PutUint32(b[14:], uint32(samples))
	return b
}

func comments(vendor string, kv ...string) []byte {
	le := func(n int) []byte { return binary.LittleEndian.AppendUint32(nil, uint32(n)) }
	b := append(le(len(vendor)), vendor...)
	b = append(b, le(len(kv))...)
	for _, c := range kv {
		b = append(append(b, le(len(c))...), c...)
	}
	return b
}

func TestRead(t *testing.T) {
	si := streamInfo(96000, 2, 24, 1<<33+5)
	good := append([]byte("fLaC"), block(0, false, si)...)
	good = append(good, block(4, true, comments("x", "TITLE=t", "xmp=<x/>"))...)
	good = append(good, 0xFF, 0xF8)
	cases := []struct {
		name    string
		data    []byte
		off     int64
		err     bool
		samples int64
		xmp     string
	}{
		{"whole", good, 0, false, 1<<33 + 5, "<x/>"},
		{"behind an ID3 tag", append([]byte("ID3 tag.."), good...), 9, false, 1<<33 + 5, "<x/>"},
		{"cut in a block", good[:30], 0, true, 0, ""},
		{"not FLAC", []byte("OggS...."), 0, true, 0, ""},
		{"no streaminfo", append([]byte("fLaC"), block(4, true, comments("v"))...), 0, true, 0, ""},
	}
	for _, c := range cases {
		m, err := Read(bytes.NewReader(c.data), c.off, int64(len(c.data)))
		if (err != nil) != c.err {
			t.Errorf("%s: err %v", c.name, err)
			continue
		}
		if err == nil && (m.Rate != 96000 || m.Channels != 2 || m.Bits != 24 || m.Samples != c.samples || m.Comment("XMP") != c.xmp) {
			t.Errorf("%s: %+v", c.name, m)
		}
	}
	if _, err := ParseComments(comments("v", "A=1")[:10]); err == nil {
		t.Error("a cut comment block parsed")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(append([]byte("fLaC"), block(0, true, streamInfo(44100, 1, 16, 10))...))
	f.Add(append([]byte("fLaC"), block(4, true, comments("v", "A=1"))...))
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "audio", "*.flac"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && strings.HasPrefix(string(b), "fLaC") {
			f.Add(b[:min(len(b), 64<<10)])
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _ := Read(bytes.NewReader(b), 0, int64(len(b)))
		if m != nil {
			m.Comment("XMP")
		}
		_, _ = ParseComments(b)
	})
}

func TestWriteHeaderRoundTrip(t *testing.T) {
	var b bytes.Buffer
	blocks := []RawBlock{{TypeStreamInfo, streamInfo(48000, 1, 16, 480)}, {TypeVorbisComment, Comments("me", []string{"A=1", "XMP=<x/>"})},
		{TypePicture, []byte("pic")}}
	if err := WriteHeader(&b, blocks); err != nil {
		t.Fatal(err)
	}
	b.Write([]byte{0xFF, 0xF8})
	m, err := Read(bytes.NewReader(b.Bytes()), 0, int64(b.Len()))
	if err != nil || m.Comment("xmp") != "<x/>" || m.Count(TypePicture) != 1 || m.AudioOffset != int64(b.Len()-2) {
		t.Fatalf("%+v %v", m, err)
	}
	body, _ := ReadBlock(bytes.NewReader(b.Bytes()), m.Blocks[1])
	if Vendor(body) != "me" {
		t.Errorf("vendor %q", Vendor(body))
	}
	if err := WriteHeader(&b, blocks[1:]); err == nil {
		t.Error("a header without STREAMINFO first was written")
	}
}
