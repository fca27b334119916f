package jpegenc

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"testing"
)

var ratios = []image.YCbCrSubsampleRatio{
	image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420,
	image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410,
}

// sizes are chosen to miss every MCU size: 1×1, sizes one short of and
// one past a block, and a long thin strip.
var sizes = [][2]int{{1, 1}, {7, 9}, {17, 33}, {4001, 3}, {3, 70}, {64, 48}, {129, 67}}

func TestRoundTripYCbCr(t *testing.T) {
	l, c := StandardTables(95)
	for _, ratio := range ratios {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%v/%dx%d", ratio, sz[0], sz[1]), func(t *testing.T) {
				src := newYCbCr(sz[0], sz[1], ratio)
				f, err := FromYCbCr(src, &l, &c)
				if err != nil {
					t.Fatal(err)
				}
				got, ok := decode(t, encodeFrame(t, f)).(*image.YCbCr)
				if !ok {
					t.Fatal("decoded image is not *image.YCbCr")
				}
				// q95 chroma quantizers are about twice the luma ones, and
				// the test chroma carries the same white noise as luma, so
				// chroma gets a lower bar; planes of a few noisy samples
				// (2×5 for 4:1:0 at 7×9) land around 37.5-38.5 dB.
				checkYCbCr(t, src, got, 40, 37)
			})
		}
	}
}

func checkYCbCr(t *testing.T, src, got *image.YCbCr, minLuma, minChroma float64) {
	t.Helper()
	if got.Rect != src.Rect || got.SubsampleRatio != src.SubsampleRatio {
		t.Fatalf("decoded %v %v, want %v %v", got.Rect, got.SubsampleRatio, src.Rect, src.SubsampleRatio)
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	cw, ch := src.CStride, len(src.Cb)/src.CStride
	planes := []struct {
		name   string
		a, b   []byte
		as, bs int
		w, h   int
		min    float64
	}{
		{"Y", src.Y, got.Y, src.YStride, got.YStride, w, h, minLuma},
		{"Cb", src.Cb, got.Cb, src.CStride, got.CStride, cw, ch, minChroma},
		{"Cr", src.Cr, got.Cr, src.CStride, got.CStride, cw, ch, minChroma},
	}
	for _, p := range planes {
		if v := psnr(p.a, p.as, p.b, p.bs, p.w, p.h); v < p.min {
			t.Errorf("%s PSNR %.1f dB < %.0f", p.name, v, p.min)

		}
	}
}

// TestQualityParityWithImageJPEG encodes the same photo-like image with
// the same tables through image/jpeg and through us: our planes must be at
// least as faithful in luma and chroma, since we use a more accurate DCT and no resampling.
func TestQualityParityWithImageJPEG(t *testing.T) {
	src := newYCbCr(256, 192, image.YCbCrSubsampleRatio420)
	for _, q := range []int{50, 75, 90, 95} {
		var ref bytes.Buffer
		if err := jpeg.Encode(&ref, src, &jpeg.Options{Quality: q}); err != nil {
			t.Fatal(err)
		}
		theirs := decode(t, ref.Bytes()).(*image.YCbCr)
		l, c := StandardTables(q)
		f, _ := FromYCbCr(src, &l, &c)
		ours := decode(t, encodeFrame(t, f)).(*image.YCbCr)
		planes := []struct {
			name      string
			src, a, b []byte
			stride, w int
			h         int
		}{
			{"Y", src.Y, theirs.Y, ours.Y, src.YStride, 256, 192},
			{"Cb", src.Cb, theirs.Cb, ours.Cb, src.CStride, 128, 96},
		}
		for _, p := range planes {
			pt := psnr(p.src, p.stride, p.a, p.stride, p.w, p.h)
			po := psnr(p.src, p.stride, p.b, p.stride, p.w, p.h)
			if po < pt-0.05 {
				t.Errorf("q=%d %s: our PSNR %.2f dB < image/jpeg's %.2f dB", q, p.name, po, pt)
			}
		}
	}
}

func TestRoundTripGray(t *testing.T) {
	l, _ := StandardTables(95)
	for _, sz := range sizes {
		src := image.NewGray(image.Rect(0, 0, sz[0], sz[1]))
		photoLike(src.Pix, sz[0], sz[1], src.Stride, 4)
		got, ok := decode(t, encodeFrame(t, FromGray(src, &l))).(*image.Gray)
		if !ok || got.Rect != src.Rect {
			t.Fatalf("%v: decoded %T, want *image.Gray of %v", sz, got, src.Rect)
		}
		if v := psnr(src.Pix, src.Stride, got.Pix, got.Stride, sz[0], sz[1]); v < 40 {
			t.Errorf("%v: PSNR %.1f dB", sz, v)
		}
	}
}

func TestRoundTripCMYK(t *testing.T) {
	l, _ := StandardTables(95)
	for _, sz := range sizes {
		src := image.NewCMYK(image.Rect(0, 0, sz[0], sz[1]))
		for c := range 4 {
			plane := make([]byte, sz[0]*sz[1])
			photoLike(plane, sz[0], sz[1], sz[0], uint64(10+c))
			for i, v := range plane {
				src.Pix[4*i+c] = v
			}
		}
		got, ok := decode(t, encodeFrame(t, FromCMYK(src, &l))).(*image.CMYK)
		if !ok || got.Rect != src.Rect {
			t.Fatalf("%v: decoded %T, want *image.CMYK of %v", sz, got, src.Rect)
		}
		// Interleaved CMYK compared as one plane four samples wide.
		if v := psnr(src.Pix, src.Stride, got.Pix, got.Stride, 4*sz[0], sz[1]); v < 40 {
			t.Errorf("%v: PSNR %.1f dB (inverted or swapped channels?)", sz, v)
		}
	}
}

// TestSubImage checks that a frame built from a sub-image starts at its
// origin rather than at the parent's.
func TestSubImage(t *testing.T) {
	parent := newYCbCr(96, 64, image.YCbCrSubsampleRatio420)
	src := parent.SubImage(image.Rect(16, 8, 80, 56)).(*image.YCbCr)
	l, c := StandardTables(95)
	f, _ := FromYCbCr(src, &l, &c)
	got := decode(t, encodeFrame(t, f)).(*image.YCbCr)
	if got.Rect.Dx() != 64 || got.Rect.Dy() != 48 {
		t.Fatalf("decoded %v", got.Rect)
	}
	yo := src.YOffset(16, 8)
	if v := psnr(src.Y[yo:], src.YStride, got.Y, got.YStride, 64, 48); v < 40 {
		t.Errorf("Y PSNR %.1f dB", v)
	}
}
