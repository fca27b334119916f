package samples

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/color/palette"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
)

// JPEG encodes img at quality q, with an EXIF block carrying orientation
// when orientation is 2..8.
func JPEG(img image.Image, q, orientation int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err)
	}
	if orientation < 2 || orientation > 8 {
		return b.Bytes()
	}
	return InsertAfterSOI(b.Bytes(), EXIFOrientation(orientation))
}

// EXIFOrientation is an APP1 segment with a minimal little-endian EXIF
// block whose IFD0 holds just the Orientation tag.
func EXIFOrientation(o int) []byte {
	tiff := []byte("II*\x00\x08\x00\x00\x00")
	ifd := make([]byte, 2+12+4)
	binary.LittleEndian.PutUint16(ifd[0:], 1)
	binary.LittleEndian.PutUint16(ifd[2:], 0x0112) // Orientation
	binary.LittleEndian.PutUint16(ifd[4:], 3)      // SHORT
	binary.LittleEndian.PutUint32(ifd[6:], 1)
	binary.LittleEndian.PutUint16(ifd[10:], uint16(o))
	payload := append([]byte("Exif\x00\x00"), append(tiff, ifd...)...)
	return Segment(0xE1, payload)
}

// Segment wraps a payload as a JPEG marker segment.
func Segment(marker byte, payload []byte) []byte {
	n := len(payload) + 2
	return append([]byte{0xFF, marker, byte(n >> 8), byte(n)}, payload...)
}

// InsertAfterSOI puts segments right after a JPEG's SOI marker.
func InsertAfterSOI(jpg []byte, segs ...[]byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, jpg[2:]...)
}

// PNG encodes img losslessly.
func PNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// WithAlpha returns img with a soft vignette in its alpha channel.
func WithAlpha(img image.Image) *image.NRGBA {
	b := img.Bounds()
	out := image.NewNRGBA(b)
	draw.Draw(out, b, img, b.Min, draw.Src)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			dx := float64(x-b.Dx()/2) / float64(b.Dx())
			dy := float64(y-b.Dy()/2) / float64(b.Dy())
			a := 255 - min(255, int((dx*dx+dy*dy)*700))
			out.Pix[out.PixOffset(x, y)+3] = uint8(a)
		}
	}
	return out
}

// AnimatedGIF makes frames of the scene with a moving sun, looping
// forever, each shown for delay hundredths of a second.
func AnimatedGIF(w, h, frames, delay int) []byte {
	g := &gif.GIF{LoopCount: 0}
	for i := 0; i < frames; i++ {
		src := Scene(w, h, uint64(i+1))
		pal := image.NewPaletted(src.Bounds(), palette.Plan9)
		draw.FloydSteinberg.Draw(pal, src.Bounds(), src, image.Point{})
		g.Image = append(g.Image, pal)
		g.Delay = append(g.Delay, delay)
		g.Disposal = append(g.Disposal, gif.DisposalNone)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, g); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Gray converts img to 8-bit grayscale.
func Gray(img image.Image) *image.Gray {
	out := image.NewGray(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}

// CMYK converts img to CMYK (as a print-ready JPEG source would be).
func CMYK(img image.Image) *image.CMYK {
	b := img.Bounds()
	out := image.NewCMYK(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(x, y, color.CMYKModel.Convert(img.At(x, y)))
		}
	}
	return out
}

// Rotate90 turns img a quarter turn counter-clockwise: what a phone
// stores for an upright portrait it tags with EXIF orientation 6
// ("rotate 90° clockwise to show").
func Rotate90(img image.Image) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			out.Set(y, b.Dx()-1-x, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}
