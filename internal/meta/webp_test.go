package meta

import (
	"bytes"
	"encoding/binary"
	"image"
	"strings"
	"testing"

	"github.com/gen2brain/webp"
)

func encodeWebP(t testing.TB, m image.Image, lossless bool) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := webp.Encode(&b, m, webp.Options{Quality: 80, Lossless: lossless}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// richWebP is an extended WebP with ICC, EXIF, an old XMP, an animation
// chunk and a C2PA chunk around a real bitstream.
func richWebP(t testing.TB, icc []byte) []byte {
	enc, err := readRIFF(encodeWebP(t, testImage(9, 7), true))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	chunks := []RIFFChunk{{"VP8X", vp8xData(webpICC|webpEXIF|webpXMP, 9, 7)}, {"ICCP", icc}}
	chunks = append(chunks, enc...)
	chunks = append(chunks, RIFFChunk{"EXIF", exifLE}, RIFFChunk{"XMP ", oldXMP}, RIFFChunk{"C2PA", []byte("jumbf")})
	if err := writeRIFF(&b, chunks); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWebPSplice(t *testing.T) {
	alpha := testImage(6, 5)
	alpha.Pix[3] = 10
	for _, c := range []struct {
		name     string
		src      []byte
		enc      []byte
		flags    byte
		w, h     int
		keepICC  bool
		lossless bool
	}{
		{"lossy into rich", richWebP(t, rgbICC), encodeWebP(t, testImage(11, 13), false), webpICC | webpEXIF | webpXMP, 11, 13, true, false},
		{"lossless alpha", richWebP(t, rgbICC), encodeWebP(t, alpha, true), webpICC | webpEXIF | webpXMP | webpAlpha, 6, 5, true, true},
		{"lossy alpha", richWebP(t, rgbICC), encodeWebP(t, alpha, false), webpICC | webpEXIF | webpXMP | webpAlpha, 6, 5, true, false},
		{"cmyk profile dropped", richWebP(t, cmykICC), encodeWebP(t, testImage(4, 4), false), webpEXIF | webpXMP, 4, 4, false, false},
		{"simple source", encodeWebP(t, testImage(3, 3), false), encodeWebP(t, testImage(3, 3), false), webpXMP, 3, 3, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, err := ParseWebP(c.src)
			if err != nil {
				t.Fatal(err)
			}
			xmp := append(newXMP(t, src.XMP), ' ') // odd length: must be padded
			if len(xmp)%2 == 0 {
				xmp = append(xmp, ' ')
			}
			var out bytes.Buffer
			if _, err := SpliceWebP(&out, c.enc, src, xmp); err != nil {
				t.Fatal(err)
			}
			b := out.Bytes()
			got, err := ParseWebP(b)
			if err != nil {
				t.Fatalf("output does not parse: %v", err)
			}
			if got.Flags != c.flags || got.Width != c.w || got.Height != c.h || got.Lossless != c.lossless {
				t.Errorf("VP8X flags %#x %dx%d lossless %v, want %#x %dx%d %v", got.Flags, got.Width, got.Height, got.Lossless, c.flags, c.w, c.h, c.lossless)
			}
			if int(binary.LittleEndian.Uint32(b[4:]))+8 != len(b) || len(b)%2 != 0 {
				t.Errorf("RIFF size %d for %d bytes", binary.LittleEndian.Uint32(b[4:]), len(b))
			}
			if !bytes.Equal(got.XMP, xmp) || countXMP(b) != 1 || !bytes.Equal(got.EXIF, src.EXIF) {
				t.Error("XMP not replaced once or EXIF not carried")
			}
			if c.keepICC != (got.ICC != nil) || (c.keepICC && !bytes.Equal(got.ICC, src.ICC)) {
				t.Errorf("ICC carried %v, want %v", got.ICC != nil, c.keepICC)
			}
			m, err := webp.Decode(bytes.NewReader(b))
			if err != nil || m.Bounds().Dx() != c.w {
				t.Errorf("output does not decode: %v", err)
			}
		})
	}
}

func TestWebPBroken(t *testing.T) {
	good := encodeWebP(t, testImage(4, 4), false)
	long := bytes.Clone(good)
	binary.LittleEndian.PutUint32(long[16:], 1<<30)
	for _, c := range []brokenCase{
		{"not riff", []byte("RIFX0000WEBP"), "no RIFF/WEBP"},
		{"riff size too big", append([]byte("RIFF\xff\x00\x00\x00WEBP"), good[12:]...), "does not fit"},
		{"chunk past end", long, "runs past the end"},
		{"no image", []byte("RIFF\x0c\x00\x00\x00WEBPEXIF\x00\x00\x00\x00"), "no VP8X"},
		{"bad vp8", []byte("RIFF\x16\x00\x00\x00WEBPVP8 \x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"), "bad VP8"},
	} {
		if _, err := ParseWebP(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}
