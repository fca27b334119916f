package jpegenc

import (
	"image"
	"testing"
)

func TestSmoke(t *testing.T) {
	img := newYCbCr(64, 48, image.YCbCrSubsampleRatio420)
	l, c := StandardTables(95)
	f, err := FromYCbCr(img, &l, &c)
	if err != nil {
		t.Fatal(err)
	}
	out := decode(t, encodeFrame(t, f)).(*image.YCbCr)
	t.Logf("psnr Y %.1f", psnr(img.Y, img.YStride, out.Y, out.YStride, 64, 48))
}
