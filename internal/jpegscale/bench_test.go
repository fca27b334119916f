package jpegscale

import (
	"bytes"
	"image/jpeg"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
)

// BenchmarkDecodeEighth24MP is the 1/8 decode of a 6000×4000 4:2:0 q90
// photo; compare with BenchmarkImageJPEG24MP (target: ≥ 2.5× faster).
func BenchmarkDecodeEighth24MP(b *testing.B) {
	data := samples.Photo24MP()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := DecodeEighth(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImageJPEG24MP is the full decode the preview used to pay for.
func BenchmarkImageJPEG24MP(b *testing.B) {
	data := samples.Photo24MP()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
