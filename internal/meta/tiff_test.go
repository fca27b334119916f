package meta

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"strings"
	"testing"

	"golang.org/x/image/tiff"
)

func encodeTIFF(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := tiff.Encode(&b, m, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sourceTIFF builds a TIFF directory (no pixels needed to read metadata)
// in either byte order, the way scanners and cameras write them:
// descriptive tags, ICC, XMP, a private tag, a SubIFDs preview link, an
// EXIF directory (with a maker note holding a preview JPEG, and an
// interoperability directory) and a GPS directory.
func sourceTIFF(order bo, icc []byte) []byte {
	u16 := func(v uint16) []byte { b := make([]byte, 2); order.PutUint16(b, v); return b }
	u32 := func(v uint32) []byte { b := make([]byte, 4); order.PutUint32(b, v); return b }
	rat := func(n ...uint32) []byte {
		var b []byte
		for _, v := range n {
			b = order.AppendUint32(b, v)
		}
		return b
	}
	hdr := []byte("II*\x00\x00\x00\x00\x00")
	if order == binary.BigEndian {
		hdr = []byte("MM\x00*\x00\x00\x00\x00")
	}
	maker := append([]byte("MAKER\x00"), tinyJPEG...)
	out, interop, _ := appendIFD(hdr, order, []ifdField{{TIFFTag: TIFFTag{1, 2, 4, []byte("R98\x00")}}}, 0)
	out, exif, _ := appendIFD(out, order, []ifdField{
		{TIFFTag: TIFFTag{36864, 7, 4, []byte("0230")}},
		{TIFFTag: TIFFTag{tagMakerNote, 7, uint32(len(maker)), maker}},
		{TIFFTag: TIFFTag{40960, 7, 4, []byte("0100")}},
		{TIFFTag: TIFFTag{40961, 3, 1, u16(1)}},
		{TIFFTag: TIFFTag{tagInteropIFD, 4, 1, u32(interop)}},
	}, 0)
	out, gps, _ := appendIFD(out, order, []ifdField{
		{TIFFTag: TIFFTag{0, 1, 4, []byte{2, 3, 0, 0}}},
		{TIFFTag: TIFFTag{1, 2, 2, []byte("N\x00")}},
		{TIFFTag: TIFFTag{2, 5, 3, rat(43, 1, 14, 1, 3075, 100)}},
		{TIFFTag: TIFFTag{27, 7, 11, []byte("ASCII\x00\x00\x00GPS")}},
	}, 0)
	out, ifd0, _ := appendIFD(out, order, []ifdField{
		{TIFFTag: TIFFTag{256, 3, 1, u16(640)}},
		{TIFFTag: TIFFTag{270, 2, 8, []byte("caption\x00")}},
		{TIFFTag: TIFFTag{tagOrientation, 3, 1, u16(3)}},
		{TIFFTag: TIFFTag{282, 5, 1, rat(300, 1)}},
		{TIFFTag: TIFFTag{296, 3, 1, u16(2)}},
		{TIFFTag: TIFFTag{315, 2, 4, []byte("Ali\x00")}},
		{TIFFTag: TIFFTag{330, 4, 1, u32(8)}},
		{TIFFTag: TIFFTag{tagXMP, 1, uint32(len(oldXMP)), oldXMP}},
		{TIFFTag: TIFFTag{33432, 2, 6, []byte("(c) X\x00")}},
		{TIFFTag: TIFFTag{tagExifIFD, 4, 1, u32(exif)}},
		{TIFFTag: TIFFTag{tagICC, 7, uint32(len(icc)), icc}},
		{TIFFTag: TIFFTag{tagGPSIFD, 13, 1, u32(gps)}},
		{TIFFTag: TIFFTag{privateTag, 7, 16, []byte("PrintIM\x000300\x00\x00\x00\x00")}},
	}, 0)
	order.PutUint32(out[4:], ifd0)
	return out
}

// privateTag (PrintIM) stands for the tags this package does not know,
// which are carried as they are.
const privateTag = 50341

// tinyJPEG is a whole 8×8 JPEG, the preview a maker note may hold.
var tinyJPEG = func() []byte {
	var b bytes.Buffer
	_ = jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
	return b.Bytes()
}()

func TestTIFFSplice(t *testing.T) {
	for _, c := range []struct {
		name    string
		src     []byte
		keepICC bool
	}{
		{"big-endian source", sourceTIFF(binary.BigEndian, rgbICC), true},
		{"little-endian source", sourceTIFF(binary.LittleEndian, rgbICC), true},
		{"cmyk profile", sourceTIFF(binary.BigEndian, cmykICC), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, err := ParseTIFF(c.src)
			if err != nil {
				t.Fatal(err)
			}
			if src.Orientation() != 3 || !bytes.Equal(src.XMP, oldXMP) || len(src.subs) != 2 {
				t.Fatalf("source: orientation %d, XMP %d bytes, %d sub-directories", src.Orientation(), len(src.XMP), len(src.subs))
			}
			xmp := newXMP(t, src.XMP)
			var out bytes.Buffer
			notes, err := SpliceTIFF(&out, encodeTIFF(t, testImage(5, 4)), src, xmp)
			if err != nil {
				t.Fatal(err)
			}
			checkTIFFOutput(t, out.Bytes(), src, xmp, c.keepICC)
			checkTIFFSubs(t, out.Bytes())
			joined := strings.Join(notes, "\n")
			for _, want := range []string{"SubIFDs", "1 preview picture(s) in TIFF tag 37500 erased"} {
				if !strings.Contains(joined, want) {
					t.Errorf("notes %q lack %q", notes, want)
				}
			}
		})
	}
}

func TestTIFFBroken(t *testing.T) {
	for _, c := range []brokenCase{
		{"short", []byte("II*"), "truncated"},
		{"bad order", []byte("XX*\x00\x08\x00\x00\x00"), "byte order"},
		{"bigtiff", []byte("II+\x00\x08\x00\x00\x00"), "BigTIFF"},
		{"ifd outside", []byte("II*\x00\xff\x00\x00\x00"), "outside data"},
		{"too many entries", []byte("II*\x00\x08\x00\x00\x00\xff\x00"), "runs past"},
	} {
		if _, err := ParseTIFF(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}
