package jpegenc

import (
	"image"
	"image/jpeg"
	"sync"
	"testing"
)

// photo24MP is a 6000×4000 4:2:0 image, built once: generating it costs
// more than encoding it.
var photo24MP = sync.OnceValue(func() *image.YCbCr {
	return newYCbCr(6000, 4000, image.YCbCrSubsampleRatio420)
})

// benchQuality is a typical camera/export quality; both encoders get the
// same IJG tables at this quality.
const benchQuality = 90

// countWriter discards output but keeps its size, so the benchmarks also
// show that the speed is not bought with bigger files.
type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

func report(b *testing.B, img image.Image, w *countWriter) {
	px := float64(img.Bounds().Dx() * img.Bounds().Dy())
	b.ReportMetric(px*float64(b.N)/1e6/b.Elapsed().Seconds(), "MP/s")
	b.ReportMetric(float64(w.n)/float64(b.N)/1e6, "MB/file")
}

func BenchmarkEncode24MP420(b *testing.B) {
	img := photo24MP()
	l, c := StandardTables(benchQuality)
	f, err := FromYCbCr(img, &l, &c)
	if err != nil {
		b.Fatal(err)
	}
	var w countWriter
	b.ReportAllocs()
	for b.Loop() {
		if err := EncodeSegments(&w, f); err != nil {
			b.Fatal(err)
		}
	}
	report(b, img, &w)
}

func BenchmarkImageJPEG24MP420(b *testing.B) {
	img := photo24MP()
	var w countWriter
	b.ReportAllocs()
	for b.Loop() {
		if err := jpeg.Encode(&w, img, &jpeg.Options{Quality: benchQuality}); err != nil {
			b.Fatal(err)
		}
	}
	report(b, img, &w)
}
