//go:build realworld

package image

import (
	"bytes"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/libheif"
	"github.com/gen2brain/avif"
	"github.com/gen2brain/heic"
)

// TestRealWorldHEIFDecodersAgree decodes every HEIC, HEIF and AVIF
// picture of the corpus with the system's libheif (in its child process)
// and holds it to libvips's reading of the same file (vips heifload), which
// checks the binding: rotation, crop, stride, alpha. The built-in
// WebAssembly decoder, which the native one replaces where it can, must
// give the same upright size; its colours differ where the file is
// limited-range (it hands out the raw planes, which Go reads as
// full-range), so they are only logged.
func TestRealWorldHEIFDecodersAgree(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("../shared/realworld is absent")
	}
	if v, ok := libheif.Available(); !ok {
		t.Fatal("no system libheif: install libheif1 (scripts/deps.sh media)")
	} else {
		t.Logf("libheif %s", v)
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*"))
	compared := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, ok := sniffFormat(data[:min(len(data), 64)])
		if !ok || (f != fmtHEIF && f != fmtAVIF) {
			continue
		}
		// The built-in path as Belgi takes it when the system has no libheif.
		b := builtin{decode: heic.Decode}
		if f == fmtAVIF {
			b.decode = avif.Decode
		}
		noLibheif := func([]byte) (image.Image, error) { return nil, libheif.ErrUnavailable }
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, wantErr := decodeNativeFirst(bytes.NewReader(data), noLibheif, b)
			got, err := libheif.Decode(data)
			if err != nil {
				t.Logf("native: %v; built-in: %v", err, wantErr)
				return
			}
			if wantErr != nil {
				t.Logf("native decodes what the built-in refuses (%v)", wantErr)
				return
			}
			compared++
			if got.Bounds().Size() != want.Bounds().Size() {
				t.Fatalf("native %v, built-in %v", got.Bounds(), want.Bounds())
			}
			mean, worst := colourDistance(got, want)
			t.Logf("%v: built-in's mean |Δ| %.2f, worst %d", got.Bounds().Size(), mean, worst)
			if f == fmtHEIF && mean > 1 {
				t.Errorf("the built-in decoder's colours are a mean %.2f levels off libheif's", mean)
			}
			ref := vipsRead(t, path)
			if got.Bounds().Size() != ref.Bounds().Size() {
				t.Fatalf("native %v, vips %v", got.Bounds(), ref.Bounds())
			}
			if mean, worst := colourDistance(got, ref); mean > 0.5 || worst > 3 {
				t.Errorf("native against vips: mean |Δ| %.2f, worst %d", mean, worst)
			}
		})
	}
	if compared < 5 {
		t.Errorf("compared only %d pictures", compared)
	}
}

// vipsRead decodes a file with libvips (its own libheif binding) to PNG.
func vipsRead(t *testing.T, path string) image.Image {
	out := filepath.Join(t.TempDir(), "vips.png")
	if msg, err := exec.Command("vips", "heifload", path, out).CombinedOutput(); err != nil {
		t.Fatalf("vips heifload: %v\n%s", err, msg)
	}
	return decodeFile(t, out)
}

// colourDistance is the mean absolute difference per RGB sample and the
// worst single sample difference.
func colourDistance(a, b image.Image) (float64, int) {
	ab, bb := a.Bounds(), b.Bounds()
	var sum, n float64
	worst := 0
	for y := 0; y < ab.Dy(); y += 2 {
		for x := 0; x < ab.Dx(); x += 2 {
			r1, g1, b1, _ := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			for _, d := range []int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8)} {
				d = max(d, -d)
				sum += float64(d)
				n++
				worst = max(worst, d)
			}
		}
	}
	return sum / n, worst
}
