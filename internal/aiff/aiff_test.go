package aiff

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// form builds a FORM of the given type from id, body pairs.
func form(typ string, chunks ...string) []byte {
	var body []byte
	for i := 0; i+1 < len(chunks); i += 2 {
		body = append(body, chunks[i]...)
		body = binary.BigEndian.AppendUint32(body, uint32(len(chunks[i+1])))
		body = append(body, chunks[i+1]...)
		if len(chunks[i+1])%2 == 1 {
			body = append(body, 0)
		}
	}
	out := append([]byte("FORM"), binary.BigEndian.AppendUint32(nil, uint32(4+len(body)))...)
	return append(append(out, typ...), body...)
}

// marker is a MARK chunk body: count, then id, position and a padded
// Pascal-string name for each.
func marker(positions []uint32, names ...string) string {
	b := binary.BigEndian.AppendUint16(nil, uint16(len(positions)))
	for i, p := range positions {
		b = binary.BigEndian.AppendUint16(b, uint16(i+1))
		b = binary.BigEndian.AppendUint32(b, p)
		b = append(append(b, byte(len(names[i]))), names[i]...)
		if len(names[i])%2 == 0 {
			b = append(b, 0)
		}
	}
	return string(b)
}

func TestParseAndWrite(t *testing.T) {
	src := form("AIFF", "COMM", strings.Repeat("c", 18), "NAME", "odd", "SSND", strings.Repeat("s", 101), "ID3 ", "ID3tag")
	f, err := Parse(bytes.NewReader(src), int64(len(src)))
	if err != nil || f.Form != "AIFF" || len(f.Chunks) != 4 {
		t.Fatalf("%+v %v", f, err)
	}
	if c, ok := f.Find("SSND"); !ok || c.Size != 101 {
		t.Fatalf("%+v", c)
	}
	var parts []Part
	for _, c := range f.Chunks {
		parts = append(parts, Of(bytes.NewReader(src), c))
	}
	var out bytes.Buffer
	if err := Write(&out, f.Form, parts); err != nil || !bytes.Equal(out.Bytes(), src) {
		t.Fatalf("round trip differs (%v)", err)
	}
	out.Reset()
	if err := Write(&out, "AIFC", []Part{{ID: "FVER", Body: []byte{1, 2, 3, 4}}, {ID: "NAME", Body: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	if want := form("AIFC", "FVER", "\x01\x02\x03\x04", "NAME", "x"); !bytes.Equal(out.Bytes(), want) {
		t.Errorf("%q, want %q", out.Bytes(), want)
	}
	if err := Write(&out, "AIFF", []Part{{ID: "BAD"}}); err == nil {
		t.Error("a 3-byte chunk id was written")
	}
}

func TestParseRefuses(t *testing.T) {
	whole := form("AIFF", "COMM", strings.Repeat("c", 18), "SSND", strings.Repeat("s", 100))
	cases := []struct {
		name      string
		data      []byte
		truncated bool
	}{
		{"cut in SSND", whole[:len(whole)-10], true},
		{"not a FORM", []byte("RIFF....WAVE"), false},
		{"not AIFF", form("8SVX"), false},
	}
	for _, c := range cases {
		_, err := Parse(bytes.NewReader(c.data), int64(len(c.data)))
		if err == nil || errors.Is(err, ErrTruncated) != c.truncated {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestShiftMarkers(t *testing.T) {
	b := []byte(marker([]uint32{0, 44100, 90000}, "start", "ab", ""))
	ShiftMarkers(b, func(p int64) int64 { return p + 1000 })
	want := marker([]uint32{1000, 45100, 91000}, "start", "ab", "")
	if string(b) != want {
		t.Errorf("%q, want %q", b, want)
	}
	short := []byte(marker([]uint32{5}, "x"))[:5]
	ShiftMarkers(short, func(p int64) int64 { return p + 1 }) // must not panic
}

func FuzzParse(f *testing.F) {
	f.Add(form("AIFF", "COMM", strings.Repeat("c", 18), "MARK", marker([]uint32{1}, "m"), "SSND", "ssss"))
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "audio", "*.aif*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 8<<10)])
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		file, err := Parse(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		var parts []Part
		for _, c := range file.Chunks {
			parts = append(parts, Of(bytes.NewReader(b), c))
			if c.ID == "MARK" {
				body := bytes.Clone(b[c.Offset : c.Offset+c.Size])
				ShiftMarkers(body, func(p int64) int64 { return p * 2 })
			}
		}
		var out bytes.Buffer
		if err := Write(&out, file.Form, parts); err != nil {
			return // a chunk id with other than 4 bytes can't be: ids are 4 bytes
		}
		again, err := Parse(bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil || len(again.Chunks) != len(file.Chunks) {
			t.Fatalf("a written file does not parse back: %v", err)
		}
	})
}
