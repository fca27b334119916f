package meta

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibwebpReadsSplicedWebP holds labeled WebPs to libwebp's own tools
// and to libxml2, the XML parser ImageMagick validates XMP with: the
// container walks without error (a C2PA chunk appended last, as the c2pa
// finisher does, included), webpmux finds our XMP chunk byte for byte,
// the packet parses, and dwebp decodes the picture.
//
// ImageMagick 6.9.11 (Debian 12) is not used here: its WebP reader asks
// libwebpmux for a chunk named "XMP" instead of "XMP ", ignores the
// not-found result and validates an empty profile, so it reports
// "CorruptImageProfile (XMP)" for every WebP with XMP, cwebp's included.
func TestLibwebpReadsSplicedWebP(t *testing.T) {
	for _, tool := range []string{"webpinfo", "webpmux", "dwebp", "xmllint"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian: webp, libxml2-utils)", tool)
		}
	}
	alpha := testImage(6, 5)
	alpha.Pix[3] = 10
	for _, c := range []struct {
		name string
		src  []byte
		enc  []byte
	}{
		{"lossy with ICC and EXIF", richWebP(t, rgbICC), encodeWebP(t, testImage(11, 13), false)},
		{"lossless with alpha", encodeWebP(t, alpha, true), encodeWebP(t, alpha, true)},
		{"lossy with alpha", encodeWebP(t, alpha, false), encodeWebP(t, alpha, false)},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, err := ParseWebP(c.src)
			if err != nil {
				t.Fatal(err)
			}
			xmp := newXMP(t, src.XMP)
			var out bytes.Buffer
			if _, err := SpliceWebP(&out, c.enc, src, xmp); err != nil {
				t.Fatal(err)
			}
			checkLibwebp(t, withC2PAChunk(t, out.Bytes()), xmp)
		})
	}
}

// withC2PAChunk appends a C2PA chunk of odd length after the last chunk,
// where the c2pa finisher puts the manifest store.
func withC2PAChunk(t *testing.T, b []byte) []byte {
	cs, err := readRIFF(b)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := writeRIFF(&out, append(cs, RIFFChunk{"C2PA", []byte("jumbf")})); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func checkLibwebp(t *testing.T, data, xmp []byte) {
	dir := t.TempDir()
	path, got := filepath.Join(dir, "out.webp"), filepath.Join(dir, "got.xmp")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("webpinfo", path).CombinedOutput(); err != nil || !strings.Contains(string(out), "No error detected.") {
		t.Errorf("webpinfo: %v\n%s", err, out)
	}
	if out, err := exec.Command("webpmux", "-get", "xmp", path, "-o", got).CombinedOutput(); err != nil {
		t.Fatalf("webpmux -get xmp: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(got); !bytes.Equal(b, xmp) {
		t.Errorf("webpmux found %d XMP bytes, want our %d", len(b), len(xmp))
	}
	if out, err := exec.Command("xmllint", "--noout", got).CombinedOutput(); err != nil {
		t.Errorf("libxml2 rejects the XMP packet: %v\n%s", err, out)
	}
	if out, err := exec.Command("dwebp", path, "-o", filepath.Join(dir, "out.png")).CombinedOutput(); err != nil {
		t.Errorf("dwebp: %v\n%s", err, out)
	}
}
