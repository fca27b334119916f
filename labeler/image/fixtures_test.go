package image

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegenc"
	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/gen2brain/webp"
	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
)

// scene is a small photo-like picture shared by the fixtures.
func scene(w, h int) *image.RGBA { return samples.Scene(w, h, 7) }

// jpegWith encodes img with jpegenc at the given chroma subsampling.
func jpegWith(t testing.TB, img image.Image, ratio image.YCbCrSubsampleRatio, q int) []byte {
	t.Helper()
	b := img.Bounds()
	y := image.NewYCbCr(b, ratio)
	for py := b.Min.Y; py < b.Max.Y; py++ {
		for px := b.Min.X; px < b.Max.X; px++ {
			r, g, bl, _ := img.At(px, py).RGBA()
			yy, cb, cr := color.RGBToYCbCr(uint8(r>>8), uint8(g>>8), uint8(bl>>8))
			y.Y[y.YOffset(px, py)] = yy
			ci := y.COffset(px, py)
			y.Cb[ci], y.Cr[ci] = cb, cr
		}
	}
	luma, chroma := jpegenc.StandardTables(q)
	f, err := jpegenc.FromYCbCr(y, &luma, &chroma)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := jpegenc.Encode(&out, f); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// cmykJPEG is an Adobe CMYK JPEG, as print workflows produce.
func cmykJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	luma, _ := jpegenc.StandardTables(90)
	var out bytes.Buffer
	if err := jpegenc.Encode(&out, jpegenc.FromCMYK(samples.CMYK(img), &luma)); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func rgba64(img image.Image) *image.RGBA64 {
	out := image.NewRGBA64(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}

func paletted(img image.Image) *image.Paletted {
	out := image.NewPaletted(img.Bounds(), []color.Color{
		color.RGBA{30, 40, 90, 255}, color.RGBA{200, 100, 120, 255}, color.RGBA{250, 180, 100, 255}, color.RGBA{20, 30, 50, 255},
	})
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}

func webpOf(t testing.TB, img image.Image, lossless bool) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := webp.Encode(&b, img, webp.Options{Quality: 85, Lossless: lossless}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func tiffOf(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := tiff.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func bmpOf(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := bmp.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngBomb is a valid PNG signature and IHDR declaring w×h pixels, with no
// pixel data worth decoding.
func pngBomb(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}
