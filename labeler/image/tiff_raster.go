package image

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
	"image/draw"

	"github.com/belgi-kz/belgi/internal/meta"
)

// encodeOpaqueTIFF writes an opaque colour picture as RGB (8 or 16 bits,
// like its decoded depth), Deflate with horizontal differencing; ok is
// false for pictures with transparency or grey ones, which
// golang.org/x/image/tiff writes as they are. Without this every colour
// TIFF came back with an alpha channel its source did not have.
func encodeOpaqueTIFF(img image.Image) ([]byte, bool, error) {
	if o, ok := img.(interface{ Opaque() bool }); !ok || !o.Opaque() {
		return nil, false, nil
	}
	if m, ok := img.(*image.CMYK); ok {
		out, err := cmykTIFF(m)
		return out, err == nil, err
	}
	switch img.(type) {
	case *image.Gray, *image.Gray16, *image.Paletted:
		return nil, false, nil
	}
	b := img.Bounds()
	bits := 8
	switch img.(type) {
	case *image.RGBA64, *image.NRGBA64:
		bits = 16
	}
	strip, err := rgbStrip(img, bits)
	if err != nil {
		return nil, false, err
	}
	out, err := meta.RasterTIFF(strip, b.Dx(), b.Dy(), 3, bits)
	return out, err == nil, err
}

// cmykTIFF writes a CMYK picture as CMYK, so that a print file keeps its
// separations (and its CMYK ICC profile) and only the label's pixels
// change: converting to RGB and back would move every plate.
func cmykTIFF(m *image.CMYK) ([]byte, error) {
	b := m.Bounds()
	var buf bytes.Buffer
	z := zlib.NewWriter(&buf)
	row := make([]byte, 4*b.Dx())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := m.PixOffset(b.Min.X, y)
		copy(row, m.Pix[i:i+len(row)])
		for i := len(row) - 1; i >= 4; i-- {
			row[i] -= row[i-4]
		}
		if _, err := z.Write(row); err != nil {
			return nil, err
		}
	}
	strip, err := closed(z, &buf)
	if err != nil {
		return nil, err
	}
	return meta.RasterTIFF(strip, b.Dx(), b.Dy(), 4, 8)
}

// rgbStrip is img's rows as chunky RGB samples, each row differenced
// left to right (TIFF predictor 2), zlib-compressed.
func rgbStrip(img image.Image, bits int) ([]byte, error) {
	b := img.Bounds()
	var buf bytes.Buffer
	z := zlib.NewWriter(&buf)
	row := make([]byte, b.Dx()*3*bits/8)
	if bits == 8 {
		src := image.NewNRGBA(image.Rect(0, 0, b.Dx(), 1))
		for y := b.Min.Y; y < b.Max.Y; y++ {
			draw.Draw(src, src.Rect, img, image.Pt(b.Min.X, y), draw.Src)
			for x := range b.Dx() {
				copy(row[3*x:3*x+3], src.Pix[4*x:4*x+3])
			}
			for i := len(row) - 1; i >= 3; i-- {
				row[i] -= row[i-3]
			}
			if _, err := z.Write(row); err != nil {
				return nil, err
			}
		}
		return closed(z, &buf)
	}
	src := image.NewNRGBA64(image.Rect(0, 0, b.Dx(), 1))
	vals := make([]uint16, 3*b.Dx())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		draw.Draw(src, src.Rect, img, image.Pt(b.Min.X, y), draw.Src)
		for x := range b.Dx() {
			for c := range 3 {
				vals[3*x+c] = binary.BigEndian.Uint16(src.Pix[8*x+2*c:])
			}
		}
		for i := len(vals) - 1; i >= 3; i-- {
			vals[i] -= vals[i-3]
		}
		for i, v := range vals {
			binary.LittleEndian.PutUint16(row[2*i:], v)
		}
		if _, err := z.Write(row); err != nil {
			return nil, err
		}
	}
	return closed(z, &buf)
}

// closed flushes the compressor, then hands over what it wrote.
func closed(z *zlib.Writer, buf *bytes.Buffer) ([]byte, error) {
	err := z.Close()
	return buf.Bytes(), err
}
