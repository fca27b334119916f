package image

import (
	"context"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kindtest"
)

var both = []string{labeler.LayerVisible, labeler.LayerXMP}

func TestConformance(t *testing.T) {
	img := scene(320, 200)
	gray := samples.Gray(img)
	fixtures := []kindtest.Fixture{
		{Name: "baseline420.jpg", Data: samples.JPEG(img, 90, 1), Layers: both},
		{Name: "sub444.jpg", Data: jpegWith(t, img, image.YCbCrSubsampleRatio444, 92), Layers: both},
		{Name: "sub422.jpg", Data: jpegWith(t, img, image.YCbCrSubsampleRatio422, 80), Layers: both},
		{Name: "gray.jpg", Data: samples.JPEG(gray, 85, 1), Layers: both},
		{Name: "cmyk.jpg", Data: cmykJPEG(t, img), Layers: both},
		{Name: "rgb.png", Data: samples.PNG(img), Layers: both},
		{Name: "alpha.png", Data: samples.PNG(samples.WithAlpha(img)), Layers: both},
		{Name: "deep16.png", Data: samples.PNG(rgba64(img)), Layers: both},
		{Name: "palette.png", Data: samples.PNG(paletted(img)), Layers: both},
		{Name: "gray.png", Data: samples.PNG(gray), Layers: both},
		{Name: "anim.gif", Data: samples.AnimatedGIF(96, 64, 3, 10), Layers: both},
		{Name: "lossy.webp", Data: webpOf(t, img, false), Layers: both},
		{Name: "lossless.webp", Data: webpOf(t, img, true), Layers: both},
		{Name: "photo.tiff", Data: tiffOf(t, img), Layers: both},
		{Name: "photo.bmp", Data: bmpOf(t, img), Layers: both},
		{Name: "tiny.png", Data: samples.PNG(scene(24, 16)), Layers: both},
		{Name: "png-named.jpg", Data: samples.PNG(img), Layers: both},
		{Name: "empty.jpg", Bad: true},
		{Name: "truncated.jpg", Data: samples.JPEG(img, 90, 1)[:900], Bad: true},
		{Name: "text.jpg", Data: []byte("this is a caption, not a photo\n"), Bad: true},
		{Name: "bomb.png", Data: pngBomb(60000, 60000), Bad: true},
		{Name: "speck.png", Data: samples.PNG(scene(3, 2)), Bad: true},
	}
	kindtest.Run(t, New(), labeler.DefaultSpec(), fixtures)
}

func TestBombErrorExplains(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bomb.png")
	os.WriteFile(in, pngBomb(60000, 60000), 0o644)
	_, err := New().Label(context.Background(), labeler.Job{Input: in, Temp: filepath.Join(dir, "out.png"), Spec: labeler.DefaultSpec(), Progress: func(float64) {}})
	if err == nil || !strings.Contains(err.Error(), "60000×60000") || !strings.Contains(err.Error(), "limit") {
		t.Fatalf("error %v should name the declared size and the limit", err)
	}
}

// TestExiftoolReadsDigitalSourceType checks the XMP with a reader nobody
// here wrote, in every format Belgi writes.
func TestExiftoolReadsDigitalSourceType(t *testing.T) {
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Skip("exiftool not installed")
	}
	img := scene(200, 150)
	inputs := map[string][]byte{
		"a.jpg": samples.JPEG(img, 90, 6), "a.png": samples.PNG(img), "a.gif": samples.AnimatedGIF(64, 48, 2, 10),
		"a.webp": webpOf(t, img, false), "a.tiff": tiffOf(t, img),
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			out := labelBytes(t, name, data, labeler.DefaultSpec())
			got, err := exec.Command("exiftool", "-s3", "-XMP-iptcExt:DigitalSourceType", out).Output()
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(got)) != labeler.DSTTrained {
				t.Errorf("exiftool read %q", got)
			}
		})
	}
}

// labelBytes labels data saved as name and returns the output's path.
func labelBytes(t *testing.T, name string, data []byte, spec labeler.Spec) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, name)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res := labeler.NewRegistry(New()).Process(context.Background(), spec, labeler.Input{Path: in}, nil)
	if res.Status != labeler.StatusOK {
		t.Fatalf("%s: %v", name, res.Err)
	}
	return res.Output
}

// TestProgressiveJPEG: a progressive source (made by ImageMagick) is
// labeled in the coefficient domain and stays progressive, with its
// sampling and tables.
func TestProgressiveJPEG(t *testing.T) {
	if _, err := exec.LookPath("convert"); err != nil {
		t.Skip("ImageMagick not installed")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "src.png")
	os.WriteFile(src, samples.PNG(scene(200, 150)), 0o644)
	prog := filepath.Join(dir, "progressive.jpg")
	if out, err := exec.Command("convert", src, "-interlace", "Plane", "-quality", "88", "-sampling-factor", "2x1", prog).CombinedOutput(); err != nil {
		t.Fatalf("convert: %v %s", err, out)
	}
	res := labeler.NewRegistry(New()).Process(context.Background(), labeler.DefaultSpec(), labeler.Input{Path: prog}, nil)
	if res.Status != labeler.StatusOK {
		t.Fatal(res.Err)
	}
	if n := strings.Join(res.Notes, ";"); strings.Contains(n, "baseline") || strings.Contains(n, "re-encoded") {
		t.Errorf("notes %v say the picture was re-encoded", res.Notes)
	}
	got, err := exec.Command("identify", "-format", "%[jpeg:sampling-factor] %Q %[interlace]", res.Output).Output()
	if err != nil {
		t.Fatal(err)
	}
	if s := string(got); s != "2x1,1x1,1x1 88 JPEG" {
		t.Errorf("identify says %q, want the source's 4:2:2 sampling, quality 88 and progressive", s)
	}
}
