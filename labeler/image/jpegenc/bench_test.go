package jpegenc

import (
	"image"
	"image/jpeg"
	"io"
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

func reportMP(b *testing.B, img image.Image) {
	px := float64(img.Bounds().Dx() * img.Bounds().Dy())
	b.ReportMetric(px*float64(b.N)/1e6/b.Elapsed().Seconds(), "MP/s")
}

func BenchmarkEncode24MP420(b *testing.B) {
	img := photo24MP()
	l, c := StandardTables(benchQuality)
	f, err := FromYCbCr(img, &l, &c)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := EncodeSegments(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
	reportMP(b, img)
}

func BenchmarkImageJPEG24MP420(b *testing.B) {
	img := photo24MP()
	b.ReportAllocs()
	for b.Loop() {
		if err := jpeg.Encode(io.Discard, img, &jpeg.Options{Quality: benchQuality}); err != nil {
			b.Fatal(err)
		}
	}
	reportMP(b, img)
}
