package mp3

import (
	"bytes"
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
	sizes := make([]int, 10)
	for i := range sizes {
		sizes[i] = h.Size()
	}
	xing, err := XingFrame(h, sizes, true)
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
