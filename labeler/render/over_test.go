package render

import (
	"image"
	"image/draw"
	"math/rand/v2"
	"testing"
)

// TestOverMatchesDraw: the fast path gives image/draw's result within
// one level per channel.
func TestOverMatchesDraw(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	patch := image.NewRGBA(image.Rect(0, 0, 37, 21))
	for i := 0; i < len(patch.Pix); i += 4 {
		a := uint8(rng.IntN(256))
		patch.Pix[i], patch.Pix[i+1], patch.Pix[i+2], patch.Pix[i+3] = uint8(rng.IntN(int(a)+1)), uint8(rng.IntN(int(a)+1)), uint8(rng.IntN(int(a)+1)), a
	}
	base := image.NewRGBA(image.Rect(0, 0, 50, 30))
	for i := range base.Pix {
		base.Pix[i] = uint8(rng.IntN(256))
	}
	for i := 3; i < len(base.Pix); i += 4 {
		base.Pix[i] = 255
	}
	for _, at := range []image.Point{{0, 0}, {20, 15}, {-5, -3}} {
		want := image.NewRGBA(base.Rect)
		copy(want.Pix, base.Pix)
		draw.Draw(want, patch.Rect.Add(at), patch, image.Point{}, draw.Over)
		got := image.NewRGBA(base.Rect)
		copy(got.Pix, base.Pix)
		Over(got, patch, at)
		for i := range got.Pix {
			if d := int(got.Pix[i]) - int(want.Pix[i]); d > 1 || d < -1 {
				t.Fatalf("at %v byte %d: %d, image/draw %d", at, i, got.Pix[i], want.Pix[i])
			}
		}
	}
}
