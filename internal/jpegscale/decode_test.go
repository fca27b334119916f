package jpegscale

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"strings"
	"testing"
)

// cases are the table the correctness test walks and the fuzz target's
// seeds. Sizes are odd on purpose, so partial edge blocks and MCUs occur.
var cases = []fixture{
	{"stdlib 420 q90", stdJPEG(203, 117, 90, false)},
	{"stdlib 420 q50", stdJPEG(64, 48, 50, false)},
	{"stdlib gray", stdJPEG(150, 97, 85, true)},
	{"stdlib 1x1", stdJPEG(1, 1, 75, false)},
	{"jpegenc 444", encYCbCr(131, 77, image.YCbCrSubsampleRatio444, 90, 0)},
	{"jpegenc 422 restart 1", encYCbCr(131, 77, image.YCbCrSubsampleRatio422, 85, 1)},
	{"jpegenc 420 restart 7", encYCbCr(131, 77, image.YCbCrSubsampleRatio420, 95, 7)},
	{"jpegenc 440", encYCbCr(99, 130, image.YCbCrSubsampleRatio440, 80, 0)},
	{"jpegenc 411 restart 3", encYCbCr(150, 41, image.YCbCrSubsampleRatio411, 90, 3)},
	{"jpegenc 410", encYCbCr(150, 41, image.YCbCrSubsampleRatio410, 90, 0)},
	{"jpegenc q100 restart 2", encYCbCr(40, 40, image.YCbCrSubsampleRatio444, 100, 2)},
	{"jpegenc q5", encYCbCr(40, 40, image.YCbCrSubsampleRatio420, 5, 0)},
	{"jpegenc SOF1 16-bit tables", encWide(57, 41)},
	{"jpegenc gray restart 5", encGray(77, 66, 90, 5)},
	{"jpegenc CMYK", encCMYK(61, 43, 90, 0)},
	{"jpegenc CMYK restart 2", encCMYK(61, 43, 90, 2)},
	{"YCCK", encYCCK(61, 43, 92)},
	{"magick progressive", magick(173, 95, "-quality", "90", "-interlace", "Plane")},
	{"magick progressive gray", magick(90, 70, "-colorspace", "Gray", "-interlace", "Plane")},
	{"magick progressive 444", magick(90, 70, "-sampling-factor", "1x1", "-interlace", "Plane")},
	{"magick baseline 422", magick(90, 70, "-sampling-factor", "2x1")},
}

// TestMatchesBoxFilteredFullDecode: every pixel of the 1/8 picture is the
// mean of its 8×8 block in image/jpeg's full decode, up to IDCT rounding
// and clamping (mean ≤ 2 levels, max ≤ 8).
func TestMatchesBoxFilteredFullDecode(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.make(t)
			if data == nil {
				t.Skip("ImageMagick convert not installed")
			}
			full, err := jpeg.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("image/jpeg: %v", err)
			}
			small, err := DecodeEighth(data)
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

func compare(t *testing.T, small, full image.Image) {
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
		mean, mx := diffStats(sp[i], fp[i])
		t.Logf("channel %d: mean |diff| %.3f, max %.0f", i, mean, mx)
		if mean > 2 || mx > 8 {
			t.Errorf("channel %d: mean |diff| %.2f, max %.0f (want ≤ 2, ≤ 8)", i, mean, mx)
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
		data := tc.make(t)
		if data == nil {
			continue
		}
		for _, cut := range []int{len(data) - 2, len(data) * 3 / 4, len(data) / 2, 2, 1, 0} {
			if _, err := DecodeEighth(data[:cut]); err == nil {
				t.Errorf("%s cut to %d of %d bytes: no error", tc.name, cut, len(data))
			}
		}
	}
}

// TestUnsupported: processes we do not decode are named by an error
// wrapping ErrUnsupported, so callers know to fall back.
func TestUnsupported(t *testing.T) {
	base := stdJPEG(32, 32, 90, false)(t)
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

// FuzzDecodeEighth: any input decodes or fails, without panicking; a
// picture, when there is one, has the header's size over 8.
func FuzzDecodeEighth(f *testing.F) {
	for _, tc := range cases {
		if data := tc.make(f); data != nil {
			f.Add(data)
		}
	}
	for _, tc := range broken {
		f.Add(tc.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := DecodeEighth(data)
		if err != nil {
			return
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return
		}
		if b := img.Bounds(); b.Dx() != (cfg.Width+7)/8 || b.Dy() != (cfg.Height+7)/8 {
			t.Fatalf("size %v for a %d×%d header", b, cfg.Width, cfg.Height)
		}
	})
}
