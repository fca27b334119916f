package image

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"

	"github.com/belgi-kz/belgi/internal/meta"
	cmyktiff "github.com/hhrutter/tiff"
	"golang.org/x/image/tiff"
)

// TIFF compressions that hold JPEG streams, which golang.org/x/image/tiff
// does not decode.
const (
	tiffOldJPEG = 6
	tiffJPEG    = 7
)

// decodeTIFF reads a TIFF with golang.org/x/image/tiff, and a
// JPEG-compressed one (scanners, GDAL, Photoshop write them) strip by
// strip or tile by tile with image/jpeg.
func decodeTIFF(r io.Reader) (image.Image, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	img, err := tiff.Decode(bytes.NewReader(data))
	if err == nil {
		return img, nil
	}
	l, lerr := meta.ParseTIFFLayout(data)
	switch {
	case lerr != nil:
	case jpegCoded(l):
		return decodeJPEGTIFF(l)
	case cmykRaster(l):
		return cmyktiff.Decode(bytes.NewReader(data))
	}
	return nil, err
}

// cmykRaster: an 8-bit CMYK TIFF of four chunky samples, what print
// workflows (Photoshop, InDesign exports, press agencies) send, and what
// golang.org/x/image/tiff refuses. github.com/hhrutter/tiff, a BSD fork
// of it (written for pdfcpu), reads these into an *image.CMYK, which
// Belgi labels and writes back as CMYK (see encodeTIFF). It copies four
// bytes a pixel, so an extra (alpha) sample is left to the refusal.
func cmykRaster(l *meta.TIFFLayout) bool {
	return l.Photometric == 5 && l.SamplesPerPixel == 4 && l.ExtraSamples == 0 && l.BitsPerSample == 8 && l.Planar == 1
}

// tiffConfig reads a TIFF's header; a JPEG-compressed one's from its
// directory, since golang.org/x/image/tiff refuses its colour models.
func tiffConfig(r io.Reader) (image.Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return image.Config{}, err
	}
	cfg, err := tiff.DecodeConfig(bytes.NewReader(data))
	if l, lerr := meta.ParseTIFFLayout(data); lerr == nil && jpegCoded(l) {
		return image.Config{ColorModel: color.RGBAModel, Width: l.Width, Height: l.Height}, nil
	} else if lerr == nil && err != nil && cmykRaster(l) {
		return image.Config{ColorModel: color.CMYKModel, Width: l.Width, Height: l.Height}, nil
	}
	return cfg, err
}

func jpegCoded(l *meta.TIFFLayout) bool {
	return l.Compression == tiffJPEG || l.Compression == tiffOldJPEG
}

// decodeJPEGTIFF decodes each strip or tile as the JPEG stream it is
// (with the shared tables of tag 347) onto one canvas.
func decodeJPEGTIFF(l *meta.TIFFLayout) (image.Image, error) {
	if err := checkJPEGTIFF(l); err != nil {
		return nil, err
	}
	if l.Compression == tiffOldJPEG {
		return decodeOldJPEG(l)
	}
	across, down := ceilDiv(l.Width, l.TileW), ceilDiv(l.Height, l.TileH)
	if len(l.Segments) < across*down {
		return nil, fmt.Errorf("tiff: %d of %d JPEG strips or tiles present: %w", len(l.Segments), across*down, io.ErrUnexpectedEOF)
	}
	canvas := image.NewRGBA(image.Rect(0, 0, l.Width, l.Height))
	for i := range across * down {
		m, err := decodeSegment(l, l.Segments[i])
		if err != nil {
			return nil, fmt.Errorf("tiff: JPEG strip or tile %d: %w", i, err)
		}
		at := image.Pt(i%across*l.TileW, i/across*l.TileH)
		r := image.Rect(0, 0, l.TileW, l.TileH).Intersect(m.Bounds().Sub(m.Bounds().Min)).Add(at)
		draw.Draw(canvas, r, m, m.Bounds().Min, draw.Src)
	}
	return canvas, nil
}

// checkJPEGTIFF refuses what image/jpeg cannot decode in a TIFF.
func checkJPEGTIFF(l *meta.TIFFLayout) error {
	switch {
	case l.BitsPerSample != 8:
		return refusal{fmt.Errorf("a %d-bit JPEG-compressed TIFF, which Belgi cannot decode: export it as 8-bit TIFF, JPEG or PNG first", l.BitsPerSample)}
	case l.Planar != 1 && l.SamplesPerPixel > 1:
		return refusal{errors.New("a JPEG-compressed TIFF with separate colour planes, which Belgi cannot decode: export it as JPEG or PNG first")}
	case !knownPhotometric(l.Photometric):
		return refusal{fmt.Errorf("a JPEG-compressed TIFF in colour model %d, which Belgi cannot decode: export it as JPEG or PNG first", l.Photometric)}
	}
	return nil
}

func knownPhotometric(p int) bool { return p >= 0 && p <= 2 || p == 5 || p == 6 }

// decodeOldJPEG decodes an old-style (compression 6) JPEG TIFF from the
// whole JPEG stream tag 513 points to, which is how nearly every writer
// of the format stored it. Files that kept only raw tables (tags 519-521)
// are refused.
func decodeOldJPEG(l *meta.TIFFLayout) (image.Image, error) {
	if len(l.JPEGInterchange) == 0 {
		return nil, refusal{errors.New("an old-style JPEG TIFF without its JPEG stream (tag 513), which Belgi cannot decode: convert it to a current TIFF, JPEG or PNG first")}
	}
	m, err := decodeStream(l, l.JPEGInterchange, image.Pt(l.Width+16, l.Height+16))
	if err != nil {
		return nil, fmt.Errorf("tiff: old-style JPEG: %w", err)
	}
	if b := m.Bounds(); b.Dx() < l.Width || b.Dy() < l.Height {
		return nil, fmt.Errorf("tiff: old-style JPEG is %d×%d, the directory says %d×%d", b.Dx(), b.Dy(), l.Width, l.Height)
	}
	canvas := image.NewRGBA(image.Rect(0, 0, l.Width, l.Height))
	draw.Draw(canvas, canvas.Rect, m, m.Bounds().Min, draw.Src)
	return canvas, nil
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }
