package image

import (
	"image"
	"image/color"
	"testing"
)

// TestToYCbCrFastPaths: the byte-reading paths for RGBA and NRGBA give
// exactly what the generic At path gives, transparency included, on a
// picture whose bounds do not start at the origin.
func TestToYCbCrFastPaths(t *testing.T) {
	r := image.Rect(3, 5, 40, 29)
	rgba, nrgba := image.NewRGBA(r), image.NewNRGBA(r)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBA{uint8(x * 7), uint8(y * 11), uint8(x * y), uint8(255 - 9*x)}
			nrgba.SetNRGBA(x, y, c)
			rgba.Set(x, y, c)
		}
	}
	for _, img := range []image.Image{rgba, nrgba, rgba.SubImage(image.Rect(10, 8, 30, 20))} {
		got, want := toYCbCr(img), toYCbCr(generic{img})
		if got.Rect != want.Rect || string(got.Y) != string(want.Y) || string(got.Cb) != string(want.Cb) || string(got.Cr) != string(want.Cr) {
			t.Errorf("%T %v: the fast path differs from At", img, img.Bounds())
		}
	}
}

// generic hides a picture's type, so toYCbCr takes the At path.
type generic struct{ image.Image }
