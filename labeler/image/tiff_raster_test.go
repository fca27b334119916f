package image

import (
	"image"
	"image/color"
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
