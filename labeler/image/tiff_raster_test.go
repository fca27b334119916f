package image

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
)

// TestOpaqueTIFFHasNoAlpha: an opaque colour TIFF is written as RGB,
// losslessly at its depth, and libtiff reads the same pixels; one with
// transparency is left to golang.org/x/image/tiff (RGBA).
func TestOpaqueTIFFHasNoAlpha(t *testing.T) {
	deep := rgba64(scene(21, 9))
	deep.SetRGBA64(3, 4, color.RGBA64{0x1234, 0xABCD, 0x0F0F, 0xFFFF})
	clear := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for _, c := range []struct {
		name string
		img  image.Image
		bits int // 0: not written by encodeOpaqueTIFF
	}{
		{"8-bit", scene(21, 9), 8},
		{"16-bit", deep, 16},
		{"transparent", clear, 0},
	} {
		out, ok, err := encodeOpaqueTIFF(c.img)
		if err != nil || ok != (c.bits > 0) {
			t.Fatalf("%s: ok %v, %v", c.name, ok, err)
		}
		if !ok {
			continue
		}
		l, err := meta.ParseTIFFLayout(out)
		if err != nil || l.SamplesPerPixel != 3 || l.BitsPerSample != c.bits {
			t.Errorf("%s: layout %+v, %v", c.name, l, err)
		}
		m, err := decode(fmtTIFF, out)
		if err != nil || !samePixels(m, c.img) {
			t.Errorf("%s: does not read back exactly (%v)", c.name, err)
		}
		checkLibtiffReads(t, c.name, out, c.img)
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if color.RGBA64Model.Convert(a.At(x, y)) != color.RGBA64Model.Convert(b.At(x, y)) {
				return false
			}
		}
	}
	return true
}

// checkLibtiffReads has ImageMagick (libtiff) read the file without a
// warning and see the same picture.
func checkLibtiffReads(t *testing.T, name string, data []byte, want image.Image) {
	if _, err := exec.LookPath("convert"); err != nil {
		return
	}
	path := filepath.Join(t.TempDir(), "out.tif")
	os.WriteFile(path, data, 0o644)
	png, err := exec.Command("convert", "-regard-warnings", "tiff:"+path, "-depth", "16", "png:-").Output()
	if err != nil {
		t.Errorf("%s: ImageMagick: %v", name, err)
		return
	}
	m, err := decode(fmtPNG, png)
	if err != nil || !samePixels(m, want) {
		t.Errorf("%s: ImageMagick sees other pixels (%v)", name, err)
	}
}

// TestTIFFAlphaChannelKept: a source with an alpha channel keeps it,
// even when the picture is opaque; one without gets none.
func TestTIFFAlphaChannelKept(t *testing.T) {
	for _, c := range []struct {
		name    string
		src     []byte
		samples int
	}{
		{"RGBA source", tiffOf(t, scene(40, 30)), 4},
		{"RGB source", mustRaster(t, scene(40, 30)), 3},
	} {
		out, _ := os.ReadFile(labelResult(t, "scan.tif", c.src).Output)
		if l, err := meta.ParseTIFFLayout(out); err != nil || l.SamplesPerPixel != c.samples {
			t.Errorf("%s: output layout %+v, %v", c.name, l, err)
		}
	}
}

func mustRaster(t *testing.T, img image.Image) []byte {
	out, ok, err := encodeOpaqueTIFF(img)
	if !ok || err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCMYKTIFFStaysCMYK: a print file's CMYK TIFF, as libtiff writes it
// (through ImageMagick), is labeled and written back as CMYK, and
// libtiff reads the same separations everywhere but under the label (the
// bottom-right quarter holds it by default).
func TestCMYKTIFFStaysCMYK(t *testing.T) {
	dir := t.TempDir()
	src, in := filepath.Join(dir, "scene.png"), filepath.Join(dir, "print.tif")
	var buf bytes.Buffer
	if err := png.Encode(&buf, scene(320, 200)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("convert", src, "-colorspace", "CMYK", "-compress", "LZW", in).CombinedOutput(); err != nil {
		t.Fatalf("convert: %v %s", err, out)
	}
	const swop = "U.S. Web Coated (SWOP) v2"
	embedProfile(t, in, filepath.Join("..", "..", "..", "shared", "realworld", "images", "md-extractor-images_10x12x16bit-CMYK.psd"))
	data, _ := os.ReadFile(in)
	res := labelResult(t, "print.tif", data)
	out, _ := os.ReadFile(res.Output)
	if l, err := meta.ParseTIFFLayout(out); err != nil || l.Photometric != 5 || l.SamplesPerPixel != 4 {
		t.Fatalf("output layout %+v, %v: want CMYK", l, err)
	}
	if got := exiftoolJSON(t, res.Output, "-ProfileDescription")["ProfileDescription"]; got != swop {
		t.Errorf("the CMYK profile did not stay: exiftool reads %v", got)
	}
	before, after := cmykSamples(t, in), cmykSamples(t, res.Output)
	if len(before) != len(after) || len(before) != 320*200*4 {
		t.Fatalf("libtiff reads %d and %d bytes of CMYK", len(before), len(after))
	}
	changed := 0
	for i := 0; i < len(before); i += 4 {
		if !bytes.Equal(before[i:i+4], after[i:i+4]) {
			changed++
			if x, y := i/4%320, i/4/320; x < 160 || y < 100 {
				t.Fatalf("pixel %d,%d changed, outside the label's corner", x, y)
			}
		}
	}
	if changed == 0 {
		t.Error("no pixel changed: the label is missing")
	}
}

// embedProfile gives path the ICC profile of from (a real Photoshop CMYK
// profile, from the corpus's PSD), with exiftool.
func embedProfile(t *testing.T, path, from string) {
	t.Helper()
	icc, err := exec.Command("exiftool", "-b", "-ICC_Profile", from).Output()
	if err != nil || len(icc) == 0 {
		t.Fatalf("exiftool reading %s's profile: %v", from, err)
	}
	file := filepath.Join(t.TempDir(), "cmyk.icc")
	if err := os.WriteFile(file, icc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("exiftool", "-q", "-overwrite_original", "-ICC_Profile<="+file, path).CombinedOutput(); err != nil {
		t.Fatalf("exiftool: %v %s", err, out)
	}
}

// cmykSamples is a TIFF's CMYK samples as libtiff (ImageMagick) reads them.
func cmykSamples(t *testing.T, path string) []byte {
	t.Helper()
	out, err := exec.Command("convert", "-regard-warnings", "tiff:"+path, "-depth", "8", "cmyk:-").Output()
	if err != nil {
		t.Fatalf("convert %s: %v", path, err)
	}
	return out
}
