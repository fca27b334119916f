package render

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"testing"
)

// TestFillChipFastPathIsExact: the chip's solid interior, set without
// the distance function, is what blending at full coverage gives.
func TestFillChipFastPathIsExact(t *testing.T) {
	for _, c := range []color.NRGBA{{17, 17, 17, 255}, {248, 248, 248, 255}, {200, 30, 30, 180}} {
		for _, sz := range [][3]float64{{120, 60, 9}, {33, 33, 16.5}, {80, 41, 0}, {200, 50, 7.3}} {
			fast := image.NewRGBA(image.Rect(0, 0, 150, 45))
			paintBox(fast, sz[2], color.NRGBA{90, 90, 90, 220})
			slow := image.NewRGBA(fast.Rect)
			copy(slow.Pix, fast.Pix)
			fillChip(fast, sz[0], sz[1], sz[2], c)
			w, h := int(math.Round(sz[0])), int(math.Round(sz[1]))
			shape := image.Rect(0, 0, w, h)
			if w < slow.Rect.Dx() {
				shape.Max.X += int(math.Ceil(2 * sz[2]))
			}
			for y := 0; y < min(h, slow.Rect.Dy()); y++ {
				for x := 0; x < min(w, slow.Rect.Dx()); x++ {
					over(slow.Pix[slow.PixOffset(x, y):], c, coverage(x, y, shape, sz[2]))
				}
			}
			if !bytes.Equal(fast.Pix, slow.Pix) {
				t.Errorf("colour %v, chip %v: the fast path differs from blending", c, sz)
			}
		}
	}
}
