package mp3

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseHeader(t *testing.T) {
	for _, tc := range []struct {
		name       string
		b          []byte
		ok         bool
		ver, br    int
		rate, size int
	}{
		{"MPEG-1 128k 44.1k", []byte{0xFF, 0xFB, 0x90, 0x64}, true, 1, 128, 44100, 417},
		{"MPEG-1 128k padded", []byte{0xFF, 0xFB, 0x92, 0x64}, true, 1, 128, 44100, 418},
		{"MPEG-2 64k 22.05k mono", []byte{0xFF, 0xF3, 0x80, 0xC4}, true, 2, 64, 22050, 208},
		{"MPEG-2.5 8k", []byte{0xFF, 0xE3, 0x18, 0xC4}, true, 25, 8, 8000, 72},
		{"layer II", []byte{0xFF, 0xFD, 0x90, 0x64}, false, 0, 0, 0, 0},
		{"free format", []byte{0xFF, 0xFB, 0x00, 0x64}, false, 0, 0, 0, 0},
		{"text", []byte("ID3\x03"), false, 0, 0, 0, 0},
	} {
		h, ok := ParseHeader(tc.b)
		if ok != tc.ok {
			t.Errorf("%s: ok %v", tc.name, ok)
			continue
		}
		if ok && (h.Version != tc.ver || h.Bitrate != tc.br || h.Rate != tc.rate || h.Size() != tc.size) {
			t.Errorf("%s: got v%d %dk %d Hz %d bytes", tc.name, h.Version, h.Bitrate, h.Rate, h.Size())
		}
	}
}

// stream builds n silent CBR frames like hdr.
func stream(hdr []byte, n int) []byte {
	h, _ := ParseHeader(hdr)
	var b []byte
	for range n {
		f := make([]byte, h.Size())
		copy(f, hdr)
		b = append(b, f...)
	}
	return b
}

func TestScanSkipsInfoAndTags(t *testing.T) {
	hdr := []byte{0xFF, 0xFB, 0x90, 0x64}
	h, _ := ParseHeader(hdr)
	frames := stream(hdr, 10)
	xing, err := XingFrame(h, split(frames, h.Size()), true, nil)
	if err != nil {
		t.Fatal(err)
	}
	data := append(append(xing, frames...), []byte("TAG"+string(make([]byte, 125)))...)
	s, err := Scan(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Frames) != 10 || !s.VBR || s.Samples != 11520 {
		t.Errorf("scan: %d frames, VBR %v, %d samples", len(s.Frames), s.VBR, s.Samples)
	}
	if !Sniff(data) || Sniff([]byte("hello world, not audio")) {
		t.Error("Sniff misjudged")
	}
	if _, err := Scan([]byte("just text named .mp3")); err == nil {
		t.Error("text scanned as MP3")
	}
}

// split cuts b into frames of n bytes.
func split(b []byte, n int) [][]byte {
	var out [][]byte
	for len(b) >= n {
		out, b = append(out, b[:n]), b[n:]
	}
	return out
}

func TestLAMETagAndTruncation(t *testing.T) {
	hdr := []byte{0xFF, 0xFB, 0x90, 0x64}
	h, _ := ParseHeader(hdr)
	frames := split(stream(hdr, 20), h.Size())
	lame := parseLAME(append([]byte("LAME3.100"), make([]byte, 27)...))
	lame.SetGapless(576, 1234)
	xing, err := XingFrame(h, frames, false, lame)
	if err != nil {
		t.Fatal(err)
	}
	whole := append(append([]byte{}, xing...), bytes.Join(frames, nil)...)
	s, err := Scan(whole)
	if err != nil {
		t.Fatal(err)
	}
	l := s.Info.LAME
	if s.Info.Kind != "Info" || s.Info.Frames != 20 || s.Info.Bytes != len(whole) || l == nil || l.Delay() != 576 || l.Padding() != 1234 || l.Encoder() != "LAME3.100" {
		t.Fatalf("info %+v, LAME %v", s.Info, l)
	}
	at := h.dataStart() + h.sideInfo() + xingSize
	if got := uint16(xing[at+34])<<8 | uint16(xing[at+35]); got != crc16(xing[:lameCRCSpan]) {
		t.Errorf("LAME tag CRC %04x, want %04x", got, crc16(xing[:lameCRCSpan]))
	}
	if why := s.Truncated(); why != "" {
		t.Errorf("a whole stream is %q", why)
	}
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"cut at a frame boundary", whole[:len(xing)+5*h.Size()], "declares 20 frames"},
		{"cut inside a frame", whole[:len(whole)-100], "cut short"},
		{"no header, cut inside a frame", bytes.Join(frames, nil)[:5*h.Size()+10], "cut short"},
	} {
		s, err := Scan(tc.b)
		if err != nil || !strings.Contains(s.Truncated(), tc.want) {
			t.Errorf("%s: %q, %v", tc.name, s.Truncated(), err)
		}
	}
}

// rawTag builds an ID3v2 tag of the version with a raw body.
func rawTag(major, flags byte, body []byte) []byte {
	h := []byte{'I', 'D', '3', major, 0, flags, 0, 0, 0, 0}
	putSyncsafe(h[6:], len(body))
	return append(h, body...)
}

func TestOlderAndStrangerTags(t *testing.T) {
	v22 := []byte("TT2\x00\x00\x06\x00Title" + "TEN\x00\x00\x04\x00enc" + "XYZ\x00\x00\x01\x00" +
		"PIC\x00\x00\x09\x00PNG\x03\x00data")
	v23 := (&Tag{Major: 3, Frames: []TagFrame{{ID: "TIT2", Body: []byte("\x00\xff\x00")}}}).Bytes()[10:]
	unsynced := bytes.ReplaceAll(v23, []byte{0xFF}, []byte{0xFF, 0x00})
	ext := append([]byte{0, 0, 0, 6, 0, 0, 0, 0, 0, 0}, v23...)
	for _, tc := range []struct {
		name string
		tag  []byte
		ids  string
	}{
		{"v2.2 converted", rawTag(2, 0, v22), "TIT2 TENC APIC"},
		{"v2.3 unsynchronised", rawTag(3, 0x80, unsynced), "TIT2"},
		{"v2.3 extended header", rawTag(3, 0x40, ext), "TIT2"},
	} {
		tag, err := ParseTag(tc.tag)
		if err != nil || tag.Major != 3 || tag.Size != len(tc.tag) {
			t.Fatalf("%s: %+v, %v", tc.name, tag, err)
		}
		var ids []string
		for _, f := range tag.Frames {
			ids = append(ids, f.ID)
		}
		if strings.Join(ids, " ") != tc.ids {
			t.Errorf("%s: frames %v, want %s", tc.name, ids, tc.ids)
		}
		if tc.name != "v2.2 converted" && !bytes.Equal(tag.Frames[0].Body, []byte("\x00\xff\x00")) {
			t.Errorf("%s: body % x", tc.name, tag.Frames[0].Body)
		}
	}
	tag, _ := ParseTag(rawTag(2, 0, v22))
	if apic := tag.Frames[2].Body; !bytes.HasPrefix(apic, []byte("\x00image/png\x00\x03")) {
		t.Errorf("APIC body %q", apic)
	}
}

func TestCRC16(t *testing.T) {
	if got := crc16([]byte("123456789")); got != 0xBB3D { // CRC-16/ARC check value
		t.Errorf("crc16 = %04x", got)
	}
}

func TestTagRoundTrip(t *testing.T) {
	for _, major := range []int{3, 4} {
		tag := &Tag{Major: major, Frames: []TagFrame{{ID: "TIT2", Body: []byte("\x00Title")}}}
		tag.Frames = append(tag.Frames, TXXX("DigitalSourceType", "x"), PRIV("XMP", []byte("<x:xmpmeta/>")))
		b := tag.Bytes()
		got, err := ParseTag(append(b, 0xFF, 0xFB))
		if err != nil {
			t.Fatal(err)
		}
		if got.Size != len(b) || len(got.Frames) != 3 || got.Text("DigitalSourceType") != "x" || !bytes.Equal(got.Private("XMP"), []byte("<x:xmpmeta/>")) {
			t.Errorf("v2.%d: %+v", major, got)
		}
		got.Without([]string{"DigitalSourceType"}, []string{"XMP"})
		if len(got.Frames) != 1 || got.Frames[0].ID != "TIT2" {
			t.Errorf("v2.%d Without left %+v", major, got.Frames)
		}
	}
	if _, err := ParseTag([]byte("ID3\x03\x00\x00\x00\x00\x10\x00short")); err == nil {
		t.Error("truncated tag accepted")
	}
}

func FuzzParseTag(f *testing.F) {
	tag := &Tag{Major: 4, Frames: []TagFrame{{ID: "TIT2", Body: []byte("\x03Title")}, TXXX("a", "b"), PRIV("XMP", []byte("<x/>"))}}
	f.Add(tag.Bytes())
	f.Add([]byte("ID3\x03\x00\x00\x00\x00\x10\x00short"))
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "*", "*.mp3"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 32<<10)])
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tag, err := ParseTag(b)
		if err == nil && tag != nil && tag.Size > len(b) {
			t.Fatalf("tag of %d bytes in %d", tag.Size, len(b))
		}
		if tag != nil && tag.Major != 0 {
			again, err := ParseTag(tag.Bytes())
			if err != nil || len(again.Frames) != len(tag.Frames) {
				t.Fatalf("re-encoded tag: %d frames, %v; had %d", len(again.Frames), err, len(tag.Frames))
			}
		}
		if s, err := Scan(b); err == nil {
			s.Truncated()
		}
	})
}
