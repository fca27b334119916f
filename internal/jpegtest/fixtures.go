package jpegtest

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegenc"
	"github.com/belgi-kz/belgi/internal/samples"
)

// Fixture makes one test JPEG, or nil when a tool it needs is missing.
type Fixture struct {
	Name string
	Make func(t testing.TB) []byte
}

// Std encodes the test scene with image/jpeg (4:2:0 or gray).
func Std(w, h, q int, gray bool) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		var img image.Image = samples.Scene(w, h, 7)
		if gray {
			img = samples.Gray(img)
		}
		var b bytes.Buffer
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
}

// sceneYCbCr is the test scene converted to YCbCr at ratio.
func sceneYCbCr(w, h int, ratio image.YCbCrSubsampleRatio) *image.YCbCr {
	src := samples.Scene(w, h, 5)
	img := image.NewYCbCr(src.Rect, ratio)
	for y := range h {
		for x := range w {
			c := src.RGBAAt(x, y)
			yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
			img.Y[img.YOffset(x, y)] = yy
			img.Cb[img.COffset(x, y)], img.Cr[img.COffset(x, y)] = cb, cr
		}
	}
	return img
}

func encodeFrame(t testing.TB, f *jpegenc.Frame, restart int) []byte {
	f.RestartInterval = restart
	var b bytes.Buffer
	if err := jpegenc.Encode(&b, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Enc encodes the scene with jpegenc at a subsample ratio.
func Enc(w, h int, ratio image.YCbCrSubsampleRatio, q, restart int) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		l, c := jpegenc.StandardTables(q)
		f, err := jpegenc.FromYCbCr(sceneYCbCr(w, h, ratio), &l, &c)
		if err != nil {
			t.Fatal(err)
		}
		return encodeFrame(t, f, restart)
	}
}

// Wide uses tables with entries over 255, which jpegenc writes as
// 16-bit tables under SOF1 (extended sequential).
func Wide(w, h int) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		l, c := jpegenc.StandardTables(20)
		for i := range l {
			l[i], c[i] = 2*l[i]+1, 3*c[i]
		}
		f, err := jpegenc.FromYCbCr(sceneYCbCr(w, h, image.YCbCrSubsampleRatio420), &l, &c)
		if err != nil {
			t.Fatal(err)
		}
		data := encodeFrame(t, f, 0)
		if !bytes.Contains(data, []byte{0xFF, 0xC1}) {
			t.Fatal("the fixture is not SOF1")
		}
		return data
	}
}

// Gray encodes the scene in gray with jpegenc.
func Gray(w, h, q, restart int) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		l, _ := jpegenc.StandardTables(q)
		return encodeFrame(t, jpegenc.FromGray(samples.Gray(samples.Scene(w, h, 3)), &l), restart)
	}
}

// CMYK encodes the scene as Adobe CMYK (transform 0) with jpegenc.
func CMYK(w, h, q, restart int) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		l, _ := jpegenc.StandardTables(q)
		return encodeFrame(t, jpegenc.FromCMYK(samples.CMYK(samples.Scene(w, h, 4)), &l), restart)
	}
}

// YCCK writes Adobe YCCK as libjpeg does: C, M, Y converted like R, G, B
// to YCbCr, and K stored inverted, under APP14 transform 2. jpegenc has
// no such mode, so its inverted planes are turned back and converted
// here, and its APP14 is swapped for one announcing transform 2.
func YCCK(w, h, q int) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		src := samples.CMYK(samples.Scene(w, h, 6))
		l, _ := jpegenc.StandardTables(q)
		f := jpegenc.FromCMYK(src, &l) // planes hold 255-C, 255-M, 255-Y, 255-K
		p := f.Components
		for i := range p[0].Pix {
			p[0].Pix[i], p[1].Pix[i], p[2].Pix[i] = color.RGBToYCbCr(255-p[0].Pix[i], 255-p[1].Pix[i], 255-p[2].Pix[i])
		}
		var b bytes.Buffer
		app14 := jpegenc.AdobeAPP14()
		app14[len(app14)-1] = 2
		b.Write([]byte{0xFF, 0xD8})
		b.Write(app14)
		if err := jpegenc.EncodeSegments(&b, f); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
}
