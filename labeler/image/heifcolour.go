package image

import (
	"image"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/internal/nal"
)

// The built-in HEIC decoder hands out the coded planes as an image.YCbCr,
// which Go turns into RGB as JPEG does: full range, BT.601. A picture
// coded otherwise came out wrong: Android's HEIF writer codes limited
// range with no nclx box, and such a photo came out washed out (a mean
// 12.6 levels off libheif's own reading). heifSignal finds how the file
// says its samples are coded, and toRGB applies it.

// signal is how a picture's Y, Cb and Cr become RGB.
type signal struct {
	fullRange bool
	kr, kb    float64 // the matrix's luma weights of red and blue
}

// jpegSignal is what image.YCbCr assumes.
var jpegSignal = signal{fullRange: true, kr: 0.299, kb: 0.114}

// heifSignal reads the primary picture's nclx box, or else its HEVC
// stream's VUI, whose absence means limited range (H.265 E.3.1). A file
// that says neither is taken as JPEG-like, which is what decoding gave
// before.
func heifSignal(data []byte) signal {
	info, err := meta.ParseHEIF(data)
	if err != nil {
		return jpegSignal
	}
	full, matrix := true, 2
	switch {
	case info.NCLX != nil:
		full, matrix = info.NCLX.FullRange, info.NCLX.Matrix
	case info.HVCC != nil:
		vs, err := nal.HEVCVideoSignal(info.HVCC)
		if err != nil {
			return jpegSignal
		}
		full, matrix = vs.FullRange, vs.Matrix
	}
	s := signal{fullRange: full, kr: 0.299, kb: 0.114}
	switch matrix {
	case 1: // BT.709
		s.kr, s.kb = 0.2126, 0.0722
	case 9, 10: // BT.2020
		s.kr, s.kb = 0.2627, 0.0593
	}
	return s
}

// fixSignal converts a decoded YCbCr picture to RGBA by the file's own
// signal where that is not JPEG's; any other picture passes through.
func fixSignal(img image.Image, data []byte) image.Image {
	y, ok := img.(*image.YCbCr)
	if !ok {
		return img
	}
	s := heifSignal(data)
	if !s.fullRange && outsideLimited(y.Y) {
		s.fullRange = true
	}
	if s == jpegSignal {
		return img
	}
	return s.toRGB(y)
}

// outsideLimited reports luma that a limited-range picture can't hold:
// more than 0.5 % of the samples far below black (16) or above white
// (235). Some cameras (a Nokia 8.3's HDR photos) flag limited range in
// both the nclx box and the stream yet code full range; read as flagged,
// their shadows and highlights clip. libheif 1.15 reads them as full.
func outsideLimited(luma []byte) bool {
	const step = 7
	out := 0
	for i := 0; i < len(luma); i += step {
		if v := luma[i]; v < 8 || v > 247 {
			out++
		}
	}
	return out*step*200 > len(luma)
}

// toRGB converts with the signal's range and matrix (ITU-T H.273).
func (s signal) toRGB(m *image.YCbCr) *image.RGBA {
	b := m.Bounds()
	out := image.NewRGBA(b)
	ys, cs := 1.0, 1.0
	y0 := 0.0
	if !s.fullRange {
		ys, cs, y0 = 255.0/219, 255.0/224, 16
	}
	kg := 1 - s.kr - s.kb
	crR, cbB := 2*(1-s.kr), 2*(1-s.kb)
	crG, cbG := crR*s.kr/kg, cbB*s.kb/kg
	for py := b.Min.Y; py < b.Max.Y; py++ {
		row := out.Pix[out.PixOffset(b.Min.X, py):]
		for px := b.Min.X; px < b.Max.X; px++ {
			yy := (float64(m.Y[m.YOffset(px, py)]) - y0) * ys
			c := m.COffset(px, py)
			cb, cr := (float64(m.Cb[c])-128)*cs, (float64(m.Cr[c])-128)*cs
			p := row[4*(px-b.Min.X) : 4*(px-b.Min.X)+4 : 4*(px-b.Min.X)+4]
			p[0], p[1], p[2], p[3] = round8(yy+crR*cr), round8(yy-crG*cr-cbG*cb), round8(yy+cbB*cb), 0xFF
		}
	}
	return out
}

// round8 rounds to a sample, clamped.
func round8(v float64) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return uint8(v + 0.5)
}
