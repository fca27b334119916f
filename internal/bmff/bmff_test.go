package bmff

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func u32(v ...uint32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.BigEndian.AppendUint32(b, x)
	}
	return b
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// trak builds a track with a handler and a sample table: chunks at
// offsets, each holding per samples of size bytes.
func trak(handler string, offsets []uint32, per, size uint32) []byte {
	tkhd := make([]byte, 84) // version 0
	hdlr := cat(u32(0, 0), []byte(handler), make([]byte, 13))
	stco := cat(u32(0, uint32(len(offsets))), u32(offsets...))
	stsc := u32(0, 1, 1, per, 1)
	stsz := u32(0, size, uint32(len(offsets))*per)
	stbl := Make("stbl", cat(Make("stco", stco), Make("stsc", stsc), Make("stsz", stsz)))
	return Make("trak", cat(Make("tkhd", tkhd), Make("mdia", cat(Make("hdlr", hdlr), Make("minf", stbl)))))
}

// movie is ftyp, moov (one video track whose 2 chunks of 4×10 bytes sit
// in mdat) and mdat; the chunk offsets are computed to fit.
func movie(extra ...[]byte) []byte {
	ftyp := Make("ftyp", []byte("isom\x00\x00\x02\x00isom"))
	moovLen := len(Make("moov", trak("vide", []uint32{0, 0}, 4, 10)))
	data := len(ftyp) + moovLen + 8
	moov := Make("moov", trak("vide", []uint32{uint32(data), uint32(data + 40)}, 4, 10))
	return cat(append([][]byte{ftyp, moov, Make("mdat", make([]byte, 80))}, extra...)...)
}

func open(t testing.TB, b []byte) (*File, error) {
	t.Helper()
	return Open(bytes.NewReader(b), int64(len(b)))
}

func TestOpenAndComplete(t *testing.T) {
	good := movie()
	xmp := MakeUUID(XMPUUID, []byte("<x:xmpmeta/>"))
	big := cat(u32(1), []byte("free"), u32(0, 24), make([]byte, 8))
	cases := []struct {
		name      string
		data      []byte
		boxes     int
		truncated bool // Open or Complete reports ErrTruncated
		xmp       string
	}{
		{"complete", good, 3, false, ""},
		{"xmp appended", cat(good, xmp), 4, false, "<x:xmpmeta/>"},
		{"64-bit size", cat(good, big), 4, false, ""},
		{"size 0 runs to the end", cat(good, u32(0), []byte("free"), []byte("rest")), 4, false, ""},
		{"mdat cut short", good[:len(good)-5], 2, true, ""},
		{"mdat missing", good[:len(good)-88], 2, true, ""},
		{"stray bytes", cat(good, []byte{1, 2, 3}), 3, true, ""},
		{"uuid too short", cat(good, Make("uuid", []byte{1, 2})), 3, true, ""},
	}
	for _, c := range cases {
		f, err := open(t, c.data)
		if err == nil {
			err = f.Complete()
		}
		if len(f.Top) != c.boxes || errors.Is(err, ErrTruncated) != c.truncated {
			t.Errorf("%s: %d boxes, err %v", c.name, len(f.Top), err)
		}
		x, _ := f.XMP(bytes.NewReader(c.data))
		if string(x) != c.xmp {
			t.Errorf("%s: XMP %q", c.name, x)
		}
	}
}

func TestTracks(t *testing.T) {
	f, err := open(t, movie())
	if err != nil {
		t.Fatal(err)
	}
	tr, ok := f.FindTrack("vide", 0)
	if !ok || tr.Handler() != "vide" || tr.MatrixOffset() != 8+4+36 {
		t.Fatalf("track %v handler %q matrix at %d", ok, tr.Handler(), tr.MatrixOffset())
	}
	end, err := tr.DataEnd()
	if want := int64(len(movie())); err != nil || end != want {
		t.Errorf("data ends at %d (%v), want %d", end, err, want)
	}
	if f.Fragmented() {
		t.Error("a plain movie reported fragmented")
	}
	if _, ok := f.FindTrack("soun", 0); ok {
		t.Error("found a sound track that is not there")
	}
}

func TestRebuildAndReplace(t *testing.T) {
	dir := t.TempDir()
	for _, moovLast := range []bool{true, false} {
		b := movie()
		if !moovLast {
			b = cat(b, Make("free", []byte("tail")))
		}
		path := filepath.Join(dir, "m.mp4")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		f, _ := open(t, b)
		udta := Make("udta", Make("titl", []byte("hello")))
		moov := Rebuild(f.Moov, func(x Box) bool { return x.Type == "udta" }, udta)
		if err := ReplaceMoov(path, moov); err != nil {
			t.Fatal(err)
		}
		if err := Append(path, MakeUUID(XMPUUID, []byte("x"))); err != nil {
			t.Fatal(err)
		}
		out, _ := os.ReadFile(path)
		g, err := open(t, out)
		if err == nil {
			err = g.Complete()
		}
		if err != nil || string(Path(g.Moov, "udta", "titl")) != "hello" {
			t.Errorf("moov last %v: %v, udta %q", moovLast, err, Path(g.Moov, "udta", "titl"))
		}
		if x, _ := g.XMP(bytes.NewReader(out)); string(x) != "x" {
			t.Errorf("moov last %v: XMP %q", moovLast, x)
		}
	}
}

// corpusSeeds adds the real-world ISO BMFF files, when the corpus is
// present, cut to their first 64 KiB (where the boxes that matter begin).
func corpusSeeds(f *testing.F) {
	for _, dir := range []string{"audio", "video", "broken"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", dir, "*"))
		for _, p := range paths {
			ext := strings.ToLower(filepath.Ext(p))
			if !strings.Contains(".mp4.mov.m4a.m4b.3gp", ext) {
				continue
			}
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b[:min(len(b), 64<<10)])
			}
		}
	}
}

func FuzzOpen(f *testing.F) {
	f.Add(movie())
	f.Add(movie(MakeUUID(XMPUUID, []byte("x"))))
	f.Add(movie()[:50])
	corpusSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		file, _ := Open(bytes.NewReader(b), int64(len(b)))
		_ = file.Complete()
		_, _ = file.XMP(bytes.NewReader(b))
		file.Fragmented()
		file.QuickTimeXMP()
		for _, tr := range file.Tracks() {
			tr.Handler()
			if at := tr.MatrixOffset(); at >= 0 && at+36 > len(tr.Payload) {
				t.Fatalf("matrix at %d in a %d-byte track", at, len(tr.Payload))
			}
			_, _ = tr.DataEnd()
		}
	})
}
