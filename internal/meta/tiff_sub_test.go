package meta

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/tiff"
)

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
