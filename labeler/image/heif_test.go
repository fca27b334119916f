package image

import (
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/libheif"
)

// TestSignalToRGB: limited range maps 16 and 235 to black and white, and
// each matrix turns its own encoding of a colour back into that colour
// (encoded here by H.273's forward equations, not by toRGB's inverse).
func TestSignalToRGB(t *testing.T) {
	colours := [][3]float64{{0, 0, 0}, {255, 255, 255}, {200, 30, 40}, {20, 180, 60}, {35, 70, 220}, {128, 128, 128}}
	for _, s := range []signal{
		{fullRange: false, kr: 0.299, kb: 0.114},
		{fullRange: false, kr: 0.2126, kb: 0.0722},
		{fullRange: true, kr: 0.2126, kb: 0.0722},
		{fullRange: true, kr: 0.2627, kb: 0.0593},
	} {
		m := image.NewYCbCr(image.Rect(0, 0, len(colours), 1), image.YCbCrSubsampleRatio444)
		for i, c := range colours {
			m.Y[i], m.Cb[i], m.Cr[i] = encode(s, c)
		}
		out := s.toRGB(m)
		for i, c := range colours {
			for k := range 3 {
				if d := math.Abs(float64(out.Pix[4*i+k]) - c[k]); d > 2 {
					t.Errorf("%+v: colour %v came back as %v", s, c, out.Pix[4*i:4*i+3])
					break
				}
			}
		}
	}
}

// encode is H.273's RGB to YCbCr for 8 bits.
func encode(s signal, c [3]float64) (y, cb, cr uint8) {
	r, g, b := c[0]/255, c[1]/255, c[2]/255
	ey := s.kr*r + (1-s.kr-s.kb)*g + s.kb*b
	ecb, ecr := (b-ey)/(2*(1-s.kb)), (r-ey)/(2*(1-s.kr))
	if s.fullRange {
		return round8(255 * ey), round8(128 + 255*ecb), round8(128 + 255*ecr)
	}
	return round8(16 + 219*ey), round8(128 + 224*ecb), round8(128 + 224*ecr)
}

// TestFixSignal: a picture whose file signals nothing passes through, and
// a limited-range flag on full-range samples is not believed.
func TestFixSignal(t *testing.T) {
	m := image.NewYCbCr(image.Rect(0, 0, 64, 64), image.YCbCrSubsampleRatio420)
	if got := fixSignal(m, []byte("not a HEIF file")); got != image.Image(m) {
		t.Error("a picture with no signal was converted")
	}
	rgba := image.NewRGBA(m.Rect)
	if got := fixSignal(rgba, nil); got != image.Image(rgba) {
		t.Error("an RGBA picture was converted")
	}
	for i := range m.Y {
		m.Y[i] = uint8(40 + i%150)
	}
	if outsideLimited(m.Y) {
		t.Error("limited-range luma called full")
	}
	for i := 0; i < len(m.Y); i += 50 {
		m.Y[i] = 2 // 2 % of the picture far below black
	}
	if !outsideLimited(m.Y) {
		t.Error("luma far below black not noticed")
	}
}

// TestDecodeNativeFirst: the built-in decoder takes over whenever the
// native one fails, except after a crash when it would run the same kind
// of library in-process.
func TestDecodeNativeFirst(t *testing.T) {
	pic := image.NewRGBA(image.Rect(0, 0, 2, 2))
	crash := func([]byte) (image.Image, error) {
		return nil, fmt.Errorf("libheif: %w: signal: segmentation fault", libheif.ErrCrashed)
	}
	refuse := func([]byte) (image.Image, error) { return nil, errors.New("libheif: not a HEIF file") }
	for _, c := range []struct {
		name      string
		native    func([]byte) (image.Image, error)
		inProcess bool
		builtin   bool // whether the built-in decoder must run
	}{
		{"refused, WebAssembly", refuse, false, true},
		{"refused, in-process", refuse, true, true},
		{"crashed, WebAssembly", crash, false, true},
		{"crashed, in-process", crash, true, false},
		{"unavailable, in-process", func([]byte) (image.Image, error) { return nil, libheif.ErrUnavailable }, true, true},
	} {
		ran := false
		b := builtin{func(io.Reader) (image.Image, error) { ran = true; return pic, nil }, c.inProcess}
		img, err := decodeNativeFirst(strings.NewReader("data"), c.native, b)
		if ran != c.builtin || (c.builtin && img != image.Image(pic)) || (!c.builtin && !errors.Is(err, libheif.ErrCrashed)) {
			t.Errorf("%s: built-in ran %v, picture %v, error %v", c.name, ran, img != nil, err)
		}
	}
}
