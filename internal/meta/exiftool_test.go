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
)

// splicedFiles makes one labeled output per container, each carrying
// xmp and (where the container has a place for it) the RGB test profile.
func splicedFiles(t *testing.T, xmp []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	var b bytes.Buffer
	j, _ := ParseJPEG(buildJPEG(t, iccSegments(rgbICC, 2)...))
	must(t, func() error { _, err := WriteJPEG(&b, j, xmp, encodeJPEG(t, testImage(8, 8))); return err })
	out["out.jpg"] = bytes.Clone(b.Bytes())
	b.Reset()
	p, _ := ParsePNG(richPNG(t, rgbICC))
	must(t, func() error { _, err := SplicePNG(&b, encodePNG(t, testImage(8, 8)), p, xmp); return err })
	out["out.png"] = bytes.Clone(b.Bytes())
	b.Reset()
	w, _ := ParseWebP(richWebP(t, rgbICC))
	must(t, func() error { _, err := SpliceWebP(&b, encodeWebP(t, testImage(8, 8), false), w, xmp); return err })
	out["out.webp"] = bytes.Clone(b.Bytes())
	b.Reset()
	must(t, func() error { return SpliceGIF(&b, encodeGIF(t, true), xmp) })
	out["out.gif"] = bytes.Clone(b.Bytes())
	b.Reset()
	s, _ := ParseTIFF(sourceTIFF(binary.BigEndian, rgbICC))
	must(t, func() error { _, err := SpliceTIFF(&b, encodeTIFF(t, testImage(8, 8)), s, xmp); return err })
	out["out.tif"] = bytes.Clone(b.Bytes())
	return out
}

func must(t *testing.T, f func() error) {
	t.Helper()
	if err := f(); err != nil {
		t.Fatal(err)
	}
}

// TestExiftoolReadsSplicedFiles is the independent check: a reader we did
// not write finds the DigitalSourceType and the ICC profile description.
func TestExiftoolReadsSplicedFiles(t *testing.T) {
	exiftool, err := exec.LookPath("exiftool")
	if err != nil {
		t.Skip("exiftool not installed (Debian: libimage-exiftool-perl)")
	}
	dir := t.TempDir()
	for name, data := range splicedFiles(t, newXMP(t, oldXMP)) {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			raw, err := exec.Command(exiftool, "-j", "-G1", "-validate", "-Warning", "-XMP-iptcExt:DigitalSourceType",
				"-ICC_Profile:ProfileDescription", "-XMP-dc:Creator", path).Output()
			if err != nil {
				t.Fatalf("exiftool: %v", err)
			}
			var got []map[string]any
			if err := json.Unmarshal(raw, &got); err != nil || len(got) != 1 {
				t.Fatalf("exiftool output %s: %v", raw, err)
			}
			r := got[0]
			if r["XMP-iptcExt:DigitalSourceType"] != dstTrained || r["XMP-dc:Creator"] != "Aigerim" {
				t.Errorf("exiftool read %v", r)
			}
			if name != "out.gif" && r["ICC_Profile:ProfileDescription"] != "Belgi Test RGB" {
				t.Errorf("exiftool read ICC %v", r["ICC_Profile:ProfileDescription"])
			}
			// The TIFF source carries an interoperability directory, as
			// cameras write it; exiftool calls that a minor misplacement
			// in TIFF, and it is carried on purpose.
			interop := name == "out.tif" && r["ExifTool:Validate"] == "1 Warning (minor)" &&
				strings.Contains(fmt.Sprint(r["ExifTool:Warning"]), "InteropIndex is not allowed in TIFF")
			if r["ExifTool:Validate"] != "OK" && !interop {
				t.Errorf("exiftool -validate: %v %v", r["ExifTool:Validate"], r["ExifTool:Warning"])
			}
		})
	}
}

func TestReadXMPFindsEachContainer(t *testing.T) {
	xmp := newXMP(t, oldXMP)
	for name, data := range splicedFiles(t, xmp) {
		got, format := ReadXMP(data)
		if !bytes.Equal(got, xmp) || format != Sniff(data) || format == "" {
			t.Errorf("%s: ReadXMP gave %d bytes as %q", name, len(got), format)
		}
	}
	// A damaged file still yields its packet through the loose scan.
	damaged := append([]byte{0xFF, 0xD8, 0xFF, 0x00}, oldXMP...)
	if got, format := ReadXMP(damaged); format != FormatJPEG || !bytes.Contains(got, []byte("Aigerim")) {
		t.Errorf("fallback gave %q as %q", got, format)
	}
	if got, format := ReadXMP([]byte("plain text")); got != nil || format != "" {
		t.Errorf("plain text gave %q as %q", got, format)
	}
}
