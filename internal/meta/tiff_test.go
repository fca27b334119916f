package meta

import (
	"bytes"
	"encoding/binary"
	"image"
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
// in either byte order with descriptive tags, ICC, XMP and an EXIF link.
func sourceTIFF(order bo, icc []byte) []byte {
	u16 := func(v uint16) []byte { b := make([]byte, 2); order.PutUint16(b, v); return b }
	rat := order.AppendUint32(order.AppendUint32(nil, 300), 1)
	fields := []ifdField{
		{TIFFTag: TIFFTag{270, 2, 8, []byte("caption\x00")}},
		{TIFFTag: TIFFTag{tagOrientation, 3, 1, u16(3)}},
		{TIFFTag: TIFFTag{282, 5, 1, rat}},
		{TIFFTag: TIFFTag{296, 3, 1, u16(2)}},
		{TIFFTag: TIFFTag{315, 2, 4, []byte("Ali\x00")}},
		{TIFFTag: TIFFTag{tagXMP, 1, uint32(len(oldXMP)), oldXMP}},
		{TIFFTag: TIFFTag{33432, 2, 6, []byte("(c) X\x00")}},
		{TIFFTag: TIFFTag{34665, 4, 1, order.AppendUint32(nil, 8)}},
		{TIFFTag: TIFFTag{tagICC, 7, uint32(len(icc)), icc}},
	}
	hdr := []byte("II*\x00\x00\x00\x00\x00")
	if order == binary.BigEndian {
		hdr = []byte("MM\x00*\x00\x00\x00\x00")
	}
	out, _ := appendIFD(hdr, order, fields, 0)
	return out
}

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
			if src.Orientation() != 3 || !bytes.Equal(src.XMP, oldXMP) || len(src.Dropped) != 1 {
				t.Fatalf("source: orientation %d, XMP %d bytes, dropped %v", src.Orientation(), len(src.XMP), src.Dropped)
			}
			xmp := newXMP(t, src.XMP)
			var out bytes.Buffer
			notes, err := SpliceTIFF(&out, encodeTIFF(t, testImage(5, 4)), src, xmp)
			if err != nil {
				t.Fatal(err)
			}
			checkTIFFOutput(t, out.Bytes(), src, xmp, c.keepICC)
			if !strings.Contains(strings.Join(notes, "\n"), "34665") {
				t.Errorf("notes %q lack the EXIF sub-IFD drop", notes)
			}
		})
	}
}

func checkTIFFOutput(t *testing.T, out []byte, src *TIFFInfo, xmp []byte, keepICC bool) {
	t.Helper()
	got, err := ParseTIFF(out)
	if err != nil {
		t.Fatalf("output does not parse: %v", err)
	}
	m, err := tiff.Decode(bytes.NewReader(out))
	if err != nil || m.Bounds().Dx() != 5 {
		t.Fatalf("output does not decode: %v", err)
	}
	if !bytes.Equal(got.XMP, xmp) || countXMP(out) != 1 {
		t.Errorf("XMP read back %d bytes; packets in file %d", len(got.XMP), countXMP(out))
	}
	if got.Orientation() != 3 || keepICC != (got.ICC != nil) || (keepICC && !bytes.Equal(got.ICC, src.ICC)) {
		t.Errorf("orientation %d, ICC carried %v", got.Orientation(), got.ICC != nil)
	}
	td, _ := parseTIFFHeader(out)
	es, _, _ := td.entries(td.ifd0)
	for i := 1; i < len(es); i++ {
		if es[i-1].Tag >= es[i].Tag {
			t.Errorf("tags not sorted: %d before %d", es[i-1].Tag, es[i].Tag)
		}
	}
	if e, ok := find(es, 282); !ok || func() uint32 { v, _ := td.value(e); return td.order.Uint32(v) }() != 300 {
		t.Error("XResolution 300/1 not carried over the encoder's 72")
	}
	if e, ok := find(es, 270); !ok || func() string { v, _ := td.value(e); return string(v) }() != "caption\x00" {
		t.Error("ImageDescription not carried")
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
