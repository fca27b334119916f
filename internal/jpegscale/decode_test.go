package jpegscale

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
)

// cases are the table the correctness test walks and the fuzz target's
// seeds: every layout the JPEG packages share as fixtures, with odd
// sizes so partial edge blocks and MCUs occur.
var cases = append(append([]jpegtest.Fixture{}, jpegtest.Sequential...), jpegtest.Progressive...)

// TestMatchesBoxFilteredFullDecode: every pixel of the 1/8 picture is the
// mean of its 8×8 block in image/jpeg's full decode, up to IDCT rounding
// and clamping (mean ≤ 2 levels, max ≤ 8).
func TestMatchesBoxFilteredFullDecode(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			data := tc.Make(t)
			if data == nil {
				t.Skip("fixture tool (cjpeg or convert) not installed")
			}
			full, err := jpeg.Decode(bytes.NewReader(data))
			if err != nil {
				// Go's decoder misreads some valid files (progressive
				// scans with restart markers): libjpeg-turbo's own 1/8
				// decode is the reference for those.
				compareWithDjpeg(t, data)
				return
			}
			small, err := DecodeEighth(data)
			if _, rgb := full.(*image.RGBA); rgb && errors.Is(err, ErrUnsupported) {
				return // RGB-coded: the caller's full decoder reads it
			}
			if err != nil {
				t.Fatalf("DecodeEighth: %v", err)
			}
			fb, sb := full.Bounds(), small.Bounds()
			if sb != image.Rect(0, 0, (fb.Dx()+7)/8, (fb.Dy()+7)/8) {
				t.Fatalf("size %v for a %v picture", sb, fb)
			}
			compare(t, small, full)
		})
	}
}

// compareWithDjpeg holds DecodeEighth to libjpeg-turbo's full decode
// (djpeg, box upsampling), box-filtered by diffStats like compare's
// channels, within the same bounds. The two are compared in luma: a 1/8
// picture of a subsampled file keeps its chroma at 1/16, which no block
// mean of RGB pixels matches.
func compareWithDjpeg(t *testing.T, data []byte) {
	t.Helper()
	compareWithDjpegAt(t, data, DecodeEighth, 8, 2, 8)
}

// compareWithDjpegAt compares decode's 1/n picture's luma with djpeg's
// full decode box-filtered n×n, within meanMax and maxMax levels.
func compareWithDjpegAt(t *testing.T, data []byte, decode func([]byte) (image.Image, error), n int, meanMax, maxMax float64) {
	t.Helper()
	ref := jpegtest.Djpeg(t, data, false)
	if ref == nil {
		t.Fatal("djpeg, the reference for files image/jpeg misreads, is not installed")
	}
	small, err := decode(data)
	if err != nil {
		t.Fatalf("1/%d decode: %v", n, err)
	}
	b := small.Bounds()
	if b.Dx() != (ref.W+n-1)/n || b.Dy() != (ref.H+n-1)/n {
		t.Fatalf("size %v for djpeg's %d×%d", b, ref.W, ref.H)
	}
	full := lumaPlane(ref.W, ref.H, func(x, y int) color.Color {
		px := ref.Pix[(y*ref.W+x)*ref.Ch:]
		if ref.Ch == 1 {
			return color.Gray{px[0]}
		}
		return color.RGBA{px[0], px[1], px[2], 255}
	})
	mean, mx := diffStats(lumaPlane(b.Dx(), b.Dy(), func(x, y int) color.Color { return small.At(b.Min.X+x, b.Min.Y+y) }), full, n)
	t.Logf("luma against djpeg's decode, box-filtered: mean |diff| %.3f, max %.0f", mean, mx)
	if mean > meanMax || mx > maxMax {
		t.Errorf("luma: mean |diff| %.2f, max %.0f against djpeg (want ≤ %.0f, ≤ %.0f)", mean, mx, meanMax, maxMax)
	}
}

// lumaPlane is the luma of a w×h picture given pixel by pixel.
func lumaPlane(w, h int, at func(x, y int) color.Color) plane {
	pix := make([]byte, w*h)
	for y := range h {
		for x := range w {
			pix[y*w+x] = color.GrayModel.Convert(at(x, y)).(color.Gray).Y
		}
	}
	return plane{pix: pix, stride: w, w: w, h: h, step: 1}
}

func compare(t *testing.T, small, full image.Image) {
	t.Helper()
	compareWithin(t, small, full, 8, 2, 8)
}

// compareWithin compares a 1/n picture with image/jpeg's full decode
// box-filtered n×n: per channel, the mean and the largest |difference|
// must stay within meanMax and maxMax.
func compareWithin(t *testing.T, small, full image.Image, n int, meanMax, maxMax float64) {
	t.Helper()
	sp, fp := planes(t, small), planes(t, full)
	if len(sp) != len(fp) {
		t.Fatalf("%T vs image/jpeg's %T", small, full)
	}
	s, ok1 := small.(*image.YCbCr)
	f, ok2 := full.(*image.YCbCr)
	if ok1 && ok2 && s.SubsampleRatio != f.SubsampleRatio {
		t.Fatalf("ratio %v, image/jpeg says %v", s.SubsampleRatio, f.SubsampleRatio)
	}
	for i := range sp {
		mean, mx := diffStats(sp[i], fp[i], n)
		t.Logf("channel %d: mean |diff| %.3f, max %.0f", i, mean, mx)
		if mean > meanMax || mx > maxMax {
			t.Errorf("channel %d: mean |diff| %.2f, max %.0f (want ≤ %.0f, ≤ %.0f)", i, mean, mx, meanMax, maxMax)
		}
	}
}

// broken inputs must be refused with an error. The over-full DHT (three
// one-bit codes) is a shape the fuzzer found panicking.
var broken = []struct {
	name string
	data []byte
}{
	{"empty", nil},
	{"SOI only", []byte{0xFF, 0xD8}},
	{"over-full DHT", []byte("\xff\xd8\xff\xc4\x00\x16\x00\x03" + strings.Repeat("\x00", 15) + "\x00\x01\x02\xff\xd9")},
	{"SOS before SOF", []byte("\xff\xd8\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\xff\xd9")},
	{"huge header, tiny file", []byte("\xff\xd8\xff\xc0\x00\x0b\x08\xff\xff\xff\xff\x01\x01\x11\x00\xff\xd9")},
	{"EOI without frame", []byte{0xFF, 0xD8, 0xFF, 0xD9}},
}

func TestBroken(t *testing.T) {
	for _, tc := range broken {
		if img, err := DecodeEighth(tc.data); err == nil {
			t.Errorf("%s: got a %v picture, want an error", tc.name, img.Bounds())
		}
	}
}

// TestTruncated: a file cut anywhere in its entropy-coded data is an
// error, never a picture made up from padding.
func TestTruncated(t *testing.T) {
	for _, tc := range cases {
		data := tc.Make(t)
		if data == nil {
			continue
		}
		for _, cut := range []int{len(data) - 2, len(data) * 3 / 4, len(data) / 2, 2, 1, 0} {
			if _, err := DecodeEighth(data[:cut]); err == nil {
				t.Errorf("%s cut to %d of %d bytes: no error", tc.Name, cut, len(data))
			}
		}
	}
}

// TestUnsupported: processes we do not decode are named by an error
// wrapping ErrUnsupported, so callers know to fall back.
func TestUnsupported(t *testing.T) {
	base := jpegtest.Std(32, 32, 90, false)(t)
	sof := bytes.Index(base, []byte{0xFF, 0xC0})
	for _, m := range []byte{0xC3, 0xC9, 0xCA, 0xC5} {
		data := bytes.Clone(base)
		data[sof+1] = m
		if _, err := DecodeEighth(data); !errors.Is(err, ErrUnsupported) {
			t.Errorf("SOF marker %#x: err = %v, want ErrUnsupported", m, err)
		}
	}
	data := bytes.Clone(base)
	data[sof+4] = 12 // precision
	if _, err := DecodeEighth(data); !errors.Is(err, ErrUnsupported) {
		t.Errorf("12-bit: err = %v, want ErrUnsupported", err)
	}
}

// FuzzDecodeEighth: any input decodes or fails, at 1/8 and at 1/4,
// without panicking; a picture, when there is one, has the header's size
// over 8 (over 4).
func FuzzDecodeEighth(f *testing.F) {
	for _, tc := range cases {
		if data := tc.Make(f); data != nil {
			f.Add(data)
		}
	}
	for _, tc := range broken {
		f.Add(tc.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for n, decode := range map[int]func([]byte) (image.Image, error){8: DecodeEighth, 4: DecodeQuarter} {
			img, err := decode(data)
			if err != nil {
				continue
			}
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
			if err != nil {
				continue
			}
			if b := img.Bounds(); b.Dx() != (cfg.Width+n-1)/n || b.Dy() != (cfg.Height+n-1)/n {
				t.Fatalf("1/%d: size %v for a %d×%d header", n, b, cfg.Width, cfg.Height)
			}
		}
	})
}
