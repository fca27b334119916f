package image

import (
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"testing"
)

// TestCompositeYCbCrMatchesRGB: blending in YCbCr gives what blending in
// RGB and converting would, for every subsampling, within rounding.
func TestCompositeYCbCrMatchesRGB(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	patch := image.NewRGBA(image.Rect(0, 0, 23, 17))
	for i := 0; i < len(patch.Pix); i += 4 {
		a := uint8(rng.IntN(256))
		patch.Pix[i+3] = a
		for c := 0; c < 3; c++ {
			patch.Pix[i+c] = uint8(rng.IntN(int(a) + 1)) // premultiplied: <= alpha
		}
	}
	at := image.Pt(5, 3)
	for _, ratio := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411} {
		img := image.NewYCbCr(image.Rect(0, 0, 40, 30), ratio)
		for i := range img.Y {
			img.Y[i] = uint8(16 + rng.IntN(224))
		}
		for i := range img.Cb {
			img.Cb[i], img.Cr[i] = uint8(120+rng.IntN(16)), uint8(120+rng.IntN(16)) // in gamut: RGB clipping would skew the reference
		}
		want := image.NewRGBA(img.Rect)
		draw.Draw(want, want.Rect, img, image.Point{}, draw.Src)
		draw.Draw(want, patch.Rect.Add(at), patch, image.Point{}, draw.Over)
		composite(img, patch, at)
		worst := 0
		for y := 0; y < 30; y++ {
			for x := 0; x < 40; x++ {
				w := want.RGBAAt(x, y)
				wy, _, _ := color.RGBToYCbCr(w.R, w.G, w.B)
				worst = max(worst, abs(int(wy)-int(img.Y[img.YOffset(x, y)])))
			}
		}
		if worst > 2 {
			t.Errorf("%v: luma differs by up to %d levels from blending in RGB", ratio, worst)
		}
	}
}

func abs(v int) int { return max(v, -v) }
