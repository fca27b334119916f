package jpegenc

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// These tests hand our output to ImageMagick (libjpeg underneath), a
// decoder nobody here wrote. CI installs it; locally they skip only when
// the binary is missing.

func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed: %v", name, err)
	}
	return p
}

// identify decodes the file fully (%[mean] needs every pixel) with
// warnings turned into failures, and returns the sampling factors, size.
func identify(t *testing.T, data []byte) string {
	t.Helper()
	bin := needTool(t, "identify")
	path := filepath.Join(t.TempDir(), "out.jpg")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-regard-warnings", "-format", "%[jpeg:sampling-factor] %wx%h %[mean]", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("identify: %v: %s", err, stderr.String())
	}
	fields := strings.Fields(string(out))
	if len(fields) != 3 {
		t.Fatalf("identify printed %q", out)
	}
	return strings.Join(fields[:2], " ")
}

func TestIdentifyReadsSamplingFactors(t *testing.T) {
	tests := []struct {
		factors [][2]int
		w, h    int
		ri      int
		want    string
	}{
		{[][2]int{{1, 1}, {1, 1}, {1, 1}}, 17, 33, 0, "1x1,1x1,1x1"},
		{[][2]int{{2, 1}, {1, 1}, {1, 1}}, 17, 33, 0, "2x1,1x1,1x1"},
		{[][2]int{{2, 2}, {1, 1}, {1, 1}}, 4001, 3, 0, "2x2,1x1,1x1"},
		{[][2]int{{1, 2}, {1, 1}, {1, 1}}, 7, 9, 0, "1x2,1x1,1x1"},
		{[][2]int{{4, 1}, {1, 1}, {1, 1}}, 1, 1, 0, "4x1,1x1,1x1"},
		{[][2]int{{4, 2}, {1, 1}, {1, 1}}, 99, 51, 5, "4x2,1x1,1x1"},
		// Layouts image/jpeg cannot read but the standard allows.
		{[][2]int{{3, 1}, {1, 2}, {1, 1}}, 50, 31, 0, "3x1,1x2,1x1"},
		{[][2]int{{1, 1}, {2, 2}, {2, 2}}, 23, 19, 2, "1x1,2x2,2x2"},
		{[][2]int{{2, 2}, {1, 1}, {1, 1}, {2, 2}}, 37, 29, 0, "2x2,1x1,1x1,2x2"},
		{[][2]int{{1, 1}}, 31, 7, 0, "1x1"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			f := planeFrame(tt.w, tt.h, tt.factors, std(92))
			f.RestartInterval = tt.ri
			got := identify(t, encodeFrame(t, f))
			if want := fmt.Sprintf("%s %dx%d", tt.want, tt.w, tt.h); got != want {
				t.Errorf("identify says %q, want %q", got, want)
			}
		})
	}
}

// stream decodes with ImageMagick to raw 8-bit samples of the given map.
func stream(t *testing.T, data []byte, channels string) []byte {
	t.Helper()
	bin := needTool(t, "stream")
	path := filepath.Join(t.TempDir(), "out.jpg")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-map", channels, "-storage-type", "char", path, "-").Output()
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	return out
}

func TestImageMagickPixelsGray(t *testing.T) {
	src := image.NewGray(image.Rect(0, 0, 45, 27))
	photoLike(src.Pix, 45, 27, src.Stride, 9)
	l, _ := StandardTables(95)
	got := stream(t, encodeFrame(t, FromGray(src, &l)), "i")
	if len(got) != 45*27 {
		t.Fatalf("ImageMagick decoded %d samples, want %d", len(got), 45*27)
	}
	if v := psnr(src.Pix, src.Stride, got, 45, 45, 27); v < 40 {
		t.Errorf("PSNR %.1f dB against ImageMagick's decode", v)
	}
}

// TestImageMagickPixelsCMYK pins the CMYK convention: what image/jpeg
// calls cyan 200 ImageMagick must also call cyan 200.
func TestImageMagickPixelsCMYK(t *testing.T) {
	src := image.NewCMYK(image.Rect(0, 0, 24, 16))
	for i := range 24 * 16 {
		copy(src.Pix[4*i:], []byte{200, 50, byte(i), 30})
	}
	l, _ := StandardTables(95)
	got := stream(t, encodeFrame(t, FromCMYK(src, &l)), "cmyk")
	if len(got) != len(src.Pix) {
		t.Fatalf("ImageMagick decoded %d samples, want %d", len(got), len(src.Pix))
	}
	if v := psnr(src.Pix, src.Stride, got, src.Stride, 4*24, 16); v < 40 {
		t.Errorf("PSNR %.1f dB against ImageMagick's decode; first pixel % d", v, got[:4])
	}
}

// TestImageMagickPixelsOddLayouts checks luma geometry for MCU shapes
// image/jpeg cannot decode: with neutral chroma, red equals luma. Luma
// has the largest factors here, so its plane is full size.
func TestImageMagickPixelsOddLayouts(t *testing.T) {
	for _, factors := range [][][2]int{
		{{3, 2}, {1, 2}, {1, 1}},
		{{2, 2}, {1, 2}, {2, 1}},
		{{2, 3}, {1, 1}, {2, 1}},
	} {
		f := planeFrame(53, 38, factors, std(98))
		for i := 1; i < 3; i++ {
			c := &f.Components[i]
			for j := range c.Pix {
				c.Pix[j] = 128
			}
		}
		got := stream(t, encodeFrame(t, f), "r")
		y := f.Components[0]
		if v := psnr(y.Pix, y.Stride, got, 53, 53, 38); v < 40 {
			t.Errorf("%v: luma PSNR %.1f dB against ImageMagick's decode", factors, v)
		}
	}
}
