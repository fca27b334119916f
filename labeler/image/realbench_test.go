//go:build realworld

package image

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// cameraPhotos are the corpus's JPEG photographs of 1 MP or more that
// djpeg reads without a warning, as bench/images.sh picks them; $PHOTO
// names one file instead.
func cameraPhotos(b *testing.B) []string {
	if p := os.Getenv("PHOTO"); p != "" {
		return []string{p}
	}
	var out []string
	for _, p := range corpusJPEGs(b) {
		data, _ := os.ReadFile(p)
		cfg, err := decodeConfig(fmtJPEG, data)
		if filepath.Base(filepath.Dir(p)) != "images" || err != nil || cfg.Width*cfg.Height < 1e6 {
			continue
		}
		if _, _, err := open(p, 200); err == nil {
			out = append(out, p)
		}
	}
	return out
}

// BenchmarkLabelRealPhotos labels the corpus's camera JPEGs end to end,
// one after the other, reporting megapixels per second.
func BenchmarkLabelRealPhotos(b *testing.B) {
	files := cameraPhotos(b)
	spec := labeler.DefaultSpec()
	k := New()
	out := filepath.Join(b.TempDir(), "out.jpg")
	mp := 0.0
	for b.Loop() {
		for _, in := range files {
			o, err := k.Label(context.Background(), labeler.Job{Input: in, Temp: out, Output: out, Spec: spec, Progress: func(float64) {}})
			if err != nil {
				continue // damaged corpus files are refused; the fidelity test lists them
			}
			_ = o
			data, _ := os.ReadFile(in)
			cfg, _ := decodeConfig(fmtJPEG, data)
			mp += float64(cfg.Width*cfg.Height) / 1e6
		}
	}
	b.ReportMetric(mp/b.Elapsed().Seconds(), "MP/s")
}

// BenchmarkFirstPreviewRealPhotos opens each of the corpus's camera JPEGs
// as the app does, until its first labeled preview exists, reporting the
// mean and the slowest photo's time (the largest is 16 MP).
func BenchmarkFirstPreviewRealPhotos(b *testing.B) {
	files := cameraPhotos(b)
	spec := labeler.DefaultSpec()
	var slowest time.Duration
	n := 0
	for b.Loop() {
		for _, in := range files {
			start := time.Now()
			p, err := LoadPreview(in, 1024, 200)
			if err != nil {
				continue // a damaged corpus file (a shortened motion photo) shows its error instead
			}
			if _, _, err := p.Render(spec); err != nil {
				b.Fatalf("%s: %v", in, err)
			}
			slowest = max(slowest, time.Since(start))
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(n), "ms/photo")
	b.ReportMetric(float64(slowest.Microseconds())/1000, "slowest-ms")
}
