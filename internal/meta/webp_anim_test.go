package meta

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// stillChunks is the bitstream of a still WebP: VP8, or VP8L with a
// transparent pixel.
func stillChunks(t testing.TB, w, h int, lossless bool) []RIFFChunk {
	m := testImage(w, h)
	if lossless {
		m.Pix[3] = 0
	}
	info, err := ParseWebP(encodeWebP(t, m, lossless))
	if err != nil {
		t.Fatal(err)
	}
	var out []RIFFChunk
	for _, c := range info.Chunks {
		if c.FourCC == "ALPH" || c.FourCC == "VP8 " || c.FourCC == "VP8L" {
			out = append(out, c)
		}
	}
	return out
}

func animFrames(t testing.TB) []WebPFrame {
	return []WebPFrame{
		{Width: 12, Height: 10, Duration: 40, Chunks: stillChunks(t, 12, 10, false)},
		{X: 2, Y: 4, Width: 5, Height: 3, Duration: 120, Blend: true, Dispose: true, Chunks: stillChunks(t, 5, 3, true)},
	}
}

// animatedSource is an animated WebP with an ANIM chunk (red background,
// three loops) and EXIF, as SpliceAnimatedWebP writes one.
func animatedSource(t testing.TB) []byte {
	var b bytes.Buffer
	src := &WebPInfo{Chunks: []RIFFChunk{{"ANIM", []byte{0, 0, 255, 255, 3, 0}}}, EXIF: exifLE}
	if _, err := SpliceAnimatedWebP(&b, 12, 10, animFrames(t), src, oldXMP); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestAnimatedWebPRoundTrip(t *testing.T) {
	data := animatedSource(t)
	info, err := ParseWebP(data)
	if err != nil {
		t.Fatal(err)
	}
	frames, err := info.Frames()
	if err != nil {
		t.Fatal(err)
	}
	want := animFrames(t)
	if !reflect.DeepEqual(frames, want) {
		t.Errorf("frames read back %+v", frames)
	}
	if info.Flags != webpAnim|webpXMP|webpEXIF|webpAlpha || !bytes.Equal(info.XMP, oldXMP) || !bytes.Equal(info.EXIF, exifLE) {
		t.Errorf("flags %#x, XMP or EXIF lost", info.Flags)
	}
	if !want[1].Lossless() || want[0].Lossless() {
		t.Error("Lossless() misreads the bitstreams")
	}
	if _, err := exec.LookPath("webpinfo"); err == nil {
		path := filepath.Join(t.TempDir(), "anim.webp")
		os.WriteFile(path, data, 0o644)
		if msg, err := exec.Command("webpinfo", "-quiet", "-diag", path).CombinedOutput(); err != nil {
			t.Errorf("webpinfo: %v %s", err, msg)
		}
	}
}

func TestAnimatedWebPRefusesUnstorableFrames(t *testing.T) {
	for _, f := range []WebPFrame{
		{X: 1, Width: 2, Height: 2}, // odd offset
		{Width: 0, Height: 2},
		{Width: 2, Height: 2, Duration: 1 << 24},
	} {
		if _, err := SpliceAnimatedWebP(&bytes.Buffer{}, 4, 4, []WebPFrame{f}, nil, oldXMP); err == nil {
			t.Errorf("frame %+v written", f)
		}
	}
}
