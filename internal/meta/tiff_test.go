package meta

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
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

// subDir reads the directory that pointer tag of es leads to.
func subDir(t *testing.T, td tiffData, es []ifdEntry, tag uint16) []ifdEntry {
	t.Helper()
	e, ok := find(es, tag)
	if !ok || e.Type != 4 || e.Count != 1 {
		t.Fatalf("pointer tag %d missing or not one LONG: %+v", tag, e)
	}
	off, _ := td.uint(e)
	sub, _, err := td.entries(off)
	if err != nil {
		t.Fatalf("directory of tag %d: %v", tag, err)
	}
	return sub
}

// checkTIFFSubs finds the source's EXIF, interoperability and GPS fields
// again, in the output's byte order, and the maker note's preview gone.
func checkTIFFSubs(t *testing.T, out []byte) {
	td, _ := parseTIFFHeader(out)
	ifd0, _, _ := td.entries(td.ifd0)
	str := func(es []ifdEntry, tag uint16) string {
		e, _ := find(es, tag)
		v, _ := td.value(e)
		return string(v)
	}
	exif := subDir(t, td, ifd0, tagExifIFD)
	if got := str(exif, 36864); got != "0230" {
		t.Errorf("ExifVersion %q", got)
	}
	if e, _ := find(exif, 40961); func() uint32 { v, _ := td.uint(e); return v }() != 1 {
		t.Error("ColorSpace lost")
	}
	if mn := str(exif, tagMakerNote); !strings.HasPrefix(mn, "MAKER\x00") || len(embeddedJPEGs([]byte(mn))) > 0 {
		t.Errorf("maker note %q: kept with its preview erased?", mn[:min(len(mn), 12)])
	}
	if got := str(subDir(t, td, exif, tagInteropIFD), 1); got != "R98\x00" {
		t.Errorf("InteroperabilityIndex %q", got)
	}
	gps := subDir(t, td, ifd0, tagGPSIFD)
	e, _ := find(gps, 2)
	if v, _ := td.value(e); len(v) != 24 || td.order.Uint32(v[16:]) != 3075 || td.order.Uint32(v[20:]) != 100 {
		t.Errorf("GPSLatitude %v", v)
	}
	if got := str(ifd0, privateTag); got != "PrintIM\x000300\x00\x00\x00\x00" {
		t.Error("private tag not carried")
	}
	if _, ok := find(ifd0, 330); ok {
		t.Error("SubIFDs carried: they would point at nothing, or at an unlabeled preview")
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

// TestExiftoolFindsTIFFSubDirectories is the independent check of the
// relocation: exiftool reads every EXIF, GPS and interoperability field
// of the source again, with its value, from either byte order.
func TestExiftoolFindsTIFFSubDirectories(t *testing.T) {
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Skip("exiftool not installed (Debian: libimage-exiftool-perl)")
	}
	for _, order := range []bo{binary.BigEndian, binary.LittleEndian} {
		dir := t.TempDir()
		in, out := filepath.Join(dir, "in.tif"), filepath.Join(dir, "out.tif")
		src := sourceTIFF(order, rgbICC)
		info, _ := ParseTIFF(src)
		var b bytes.Buffer
		must(t, func() error {
			_, err := SpliceTIFF(&b, encodeTIFF(t, testImage(8, 8)), info, newXMP(t, oldXMP))
			return err
		})
		must(t, func() error { return os.WriteFile(in, src, 0o644) })
		must(t, func() error { return os.WriteFile(out, b.Bytes(), 0o644) })
		a, z := exiftoolGroups(t, in), exiftoolGroups(t, out)
		for k, v := range a {
			if z[k] != v {
				t.Errorf("%v: %s = %q, now %q", order, k, v, z[k])
			}
		}
		if len(a) < 10 {
			t.Errorf("only %d source fields read: %v", len(a), a)
		}
	}
}

// exiftoolGroups reads the fields of the groups SpliceTIFF relocates,
// and IFD0's descriptive ones.
func exiftoolGroups(t *testing.T, path string) map[string]string {
	raw, err := exec.Command("exiftool", "-j", "-G1", "-a", "-s", "-n", "-ExifIFD:all", "-GPS:all", "-InteropIFD:all",
		"-IFD0:Make", "-IFD0:ImageDescription", "-IFD0:Artist", "-IFD0:Copyright", "-IFD0:XResolution", "-IFD0:PrintIM", path).Output()
	if err != nil {
		t.Fatalf("exiftool: %v", err)
	}
	var got []map[string]any
	if err := json.Unmarshal(raw, &got); err != nil || len(got) != 1 {
		t.Fatalf("exiftool output %s: %v", raw, err)
	}
	out := map[string]string{}
	for k, v := range got[0] {
		if k != "SourceFile" && !strings.HasPrefix(k, "ExifIFD:MakerNote") {
			out[k] = fmt.Sprint(v)
		}
	}
	return out
}

// TestTIFFDamagedSubDirectories: a sub-directory that cannot be read is
// left out with a note; the rest of the file is still labeled.
func TestTIFFDamagedSubDirectories(t *testing.T) {
	for _, c := range []struct {
		name  string
		patch func(td tiffData, exif, interop ifdEntry)
		want  string
	}{
		{"EXIF pointer past the end", func(td tiffData, exif, _ ifdEntry) { td.order.PutUint32(td.b[exif.pos+8:], 1<<30) }, "TIFF EXIF directory dropped: IFD offset"},
		{"interop points at EXIF", func(td tiffData, exif, interop ifdEntry) { copy(td.b[interop.pos+8:], td.b[exif.pos+8:exif.pos+12]) }, "nested too deep"},
	} {
		src := sourceTIFF(binary.LittleEndian, rgbICC)
		td, _ := parseTIFFHeader(src)
		ifd0, _, _ := td.entries(td.ifd0)
		exif, _ := find(ifd0, tagExifIFD)
		off, _ := td.uint(exif)
		es, _, _ := td.entries(off)
		interop, _ := find(es, tagInteropIFD)
		c.patch(td, exif, interop)
		info, err := ParseTIFF(src)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var out bytes.Buffer
		notes, err := SpliceTIFF(&out, encodeTIFF(t, testImage(4, 4)), info, newXMP(t, oldXMP))
		if err != nil || !strings.Contains(strings.Join(notes, "\n"), c.want) {
			t.Errorf("%s: notes %q, error %v; want %q", c.name, notes, err, c.want)
		}
		if _, err := ParseTIFF(out.Bytes()); err != nil {
			t.Errorf("%s: output does not parse: %v", c.name, err)
		}
	}
}
