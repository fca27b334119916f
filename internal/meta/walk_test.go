package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type walkCase struct {
	name     string
	data     []byte
	err      string // "" for a file that walks
	trailing int
	stray    int
}

// walkCases are JPEGs whose structure a byte search gets wrong: a
// thumbnail with its own SOS and EOI inside APP1, restart markers and
// fill bytes in the scan, data after EOI, stray bytes between segments.
func walkCases(t testing.TB) []walkCase {
	thumb := encodeJPEG(t, solid(color.Gray{10}))
	exif := exifWithThumb(binary.LittleEndian, thumb, nil)
	withThumb := buildJPEG(t, seg(mAPP1, "Exif\x00\x00", string(exif)))
	frame := encodeJPEG(t, testImage(16, 12))
	scanAt := len(frame) - 2
	rst := append(append(bytes.Clone(frame[:scanAt]), 0xFF, 0xD0, 0xFF, 0xFF), frame[scanAt:]...)
	stray := append(append(bytes.Clone(frame[:2]), 1, 2, 3), frame[2:]...)
	return []walkCase{
		{name: "thumbnail in EXIF", data: withThumb},
		{name: "restart marker and fill bytes", data: rst},
		{name: "appended second image", data: append(bytes.Clone(withThumb), thumb...), trailing: len(thumb)},
		{name: "stray bytes", data: stray, stray: 1},
		{name: "cut in the scan", data: withThumb[:len(withThumb)-40], err: "ends inside the image data"},
		{name: "cut in a segment", data: withThumb[:40], err: "runs past the end"},
		{name: "no SOI", data: []byte("GIF89a"), err: "no SOI"},
		{name: "stuffed zero as marker", data: []byte{0xFF, 0xD8, 0xFF, 0x00}, err: "unexpected marker 0xFF00"},
	}
}

func TestWalkJPEG(t *testing.T) {
	for _, c := range walkCases(t) {
		t.Run(c.name, func(t *testing.T) {
			f, err := WalkJPEG(c.data)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one saying %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Frames() != 1 || f.Scans() != 1 || len(f.Trailing(c.data)) != c.trailing || len(f.Stray) != c.stray {
				t.Errorf("frames %d scans %d trailing %d stray %v", f.Frames(), f.Scans(), len(f.Trailing(c.data)), f.Stray)
			}
		})
	}
	if _, err := WalkJPEG(walkCases(t)[4].data); !errors.Is(err, ErrJPEGTruncated) {
		t.Errorf("a cut file's error %v does not wrap ErrJPEGTruncated", err)
	}
}

// corpusSeeds adds the real-world files with one of exts to a fuzz
// target's corpus when the collection is beside the repository.
func corpusSeeds(f *testing.F, exts ...string) {
	for _, dir := range []string{"images", "c2pa", "broken"} {
		files, _ := filepath.Glob(filepath.Join("../../../shared/realworld", dir, "*"))
		for _, p := range files {
			for _, e := range exts {
				if strings.EqualFold(filepath.Ext(p), e) {
					if b, err := os.ReadFile(p); err == nil && len(b) < 4<<20 {
						f.Add(b)
					}
				}
			}
		}
	}
}

// FuzzWalkJPEG: the walker never panics, its marks are in order and
// inside the file, and whatever walks also parses to the same SOS.
func FuzzWalkJPEG(f *testing.F) {
	for _, c := range walkCases(f) {
		f.Add(c.data)
	}
	corpusSeeds(f, ".jpg", ".jpeg", ".mpo")
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := WalkJPEG(data)
		if err != nil {
			return
		}
		last := 0
		for _, m := range w.Marks {
			if m.Off < last || m.End > len(data) || m.End <= m.Off {
				t.Fatalf("mark %+v out of order or bounds (after %d, size %d)", m, last, len(data))
			}
			last = m.End
		}
		if w.EOI < 0 || data[w.EOI+1] != mEOI {
			t.Fatalf("EOI at %d is not an EOI", w.EOI)
		}
	})
}

// FuzzRemovePictures: stripping pictures from any EXIF block, XMP packet
// or Photoshop data never panics and never leaves a walkable JPEG but
// the new thumbnail.
func FuzzRemovePictures(f *testing.F) {
	thumb := encodeJPEG(f, solid(color.Gray{10}))
	fresh := encodeJPEG(f, solid(color.Gray{200}))
	f.Add(exifWithThumb(binary.LittleEndian, thumb, append([]byte("maker"), thumb...)))
	f.Add(exifWithThumb(binary.BigEndian, thumb, nil))
	f.Add([]byte(psResource(psThumb5, thumb)))
	f.Add([]byte(`<r xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Thumbnails="x"><xmp:Thumbnails/></r>`))
	f.Add(exifWithRawThumb(4, 3, []uint16{8, 8, 8}, bytes.Repeat([]byte{7}, 36)))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, _, err := exifRemovePictures(data, fuzzThumbs(fresh), maxEXIFPayload)
		if err != nil {
			return
		}
		for _, j := range embeddedJPEGs(e) {
			if !bytes.Equal(j, fresh) {
				t.Fatalf("a picture of %d bytes survived", len(j))
			}
		}
		StripXMPPictures(data)
		dropResources(data, psThumb4, psThumb5)
	})
}

// fuzzThumbs makes the JPEG thumbnail fresh, and grey uncompressed ones.
type fuzzThumbs []byte

func (f fuzzThumbs) JPEG(int) ([]byte, error) { return f, nil }

func (fuzzThumbs) RGB(w, h int) ([]byte, error) { return bytes.Repeat([]byte{200}, 3*w*h), nil }

// FuzzParseHEIF: no box layout makes the HEIF reader panic or hand out
// bytes from outside the file.
func FuzzParseHEIF(f *testing.F) {
	f.Add(minimalHEIF())
	corpusSeeds(f, ".heic", ".heif", ".avif", ".avifs")
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := ParseHEIF(data)
		if err != nil {
			return
		}
		if len(info.EXIF) > len(data) || len(info.XMP) > len(data) || len(info.ICC) > len(data) {
			t.Fatalf("items larger than the file")
		}
	})
}

// TestJPEGHeaderEnd: the header ends right after the first SOS segment,
// as the full walk finds it, and no shorter prefix claims to hold it.
func TestJPEGHeaderEnd(t *testing.T) {
	for _, c := range walkCases(t) {
		if c.err != "" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			f, err := WalkJPEG(c.data)
			if err != nil {
				t.Fatal(err)
			}
			var want int
			for _, m := range f.Marks {
				if m.Marker == mSOS {
					want = m.Off + 2 + int(binary.BigEndian.Uint16(c.data[m.Off+2:]))
					break
				}
			}
			if end, ok := JPEGHeaderEnd(c.data); !ok || end != want {
				t.Fatalf("JPEGHeaderEnd = %d, %v; want %d", end, ok, want)
			}
			for n := range want {
				if _, ok := JPEGHeaderEnd(c.data[:n]); ok {
					t.Fatalf("a %d-byte prefix claims the whole %d-byte header", n, want)
				}
			}
		})
	}
}
