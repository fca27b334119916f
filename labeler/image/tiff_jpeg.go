package image

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"io"

	"github.com/belgi-kz/belgi/internal/jpegenc"
	"github.com/belgi-kz/belgi/internal/meta"
)

// decodeSegment decodes one strip or tile: an abbreviated JPEG stream
// whose tables, when the writer shared them, are in tag 347.
func decodeSegment(l *meta.TIFFLayout, seg []byte) (image.Image, error) {
	if len(seg) < 4 || seg[0] != 0xFF || seg[1] != 0xD8 {
		return nil, errors.New("no JPEG stream")
	}
	return decodeStream(l, joinTables(l, seg), image.Pt(l.TileW+16, l.TileH+16))
}

// joinTables puts the shared tables (tag 347, a stream of its own from
// SOI to EOI) in front of a segment's stream.
func joinTables(l *meta.TIFFLayout, seg []byte) []byte {
	tables := l.JPEGTables
	if len(tables) < 4 || tables[0] != 0xFF || tables[1] != 0xD8 || len(seg) < 2 {
		return seg
	}
	tables = bytes.TrimSuffix(tables[2:], []byte{0xFF, 0xD9})
	return append(append([]byte{0xFF, 0xD8}, tables...), seg[2:]...)
}

// decodeStream decodes a complete JPEG stream of a TIFF, no larger than
// most: its header is read first, so that a stream cannot declare more
// pixels than the directory the size limit was checked against.
//
// TIFF says in its directory what JFIF says with markers: RGB and CMYK
// streams carry no colour transform and CMYK is not inverted, while
// image/jpeg assumes YCbCr for three components and Adobe's inverted CMYK
// for four. An Adobe segment (transform 0) tells it so, unless the stream
// has its own.
func decodeStream(l *meta.TIFFLayout, stream []byte, most image.Point) (image.Image, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(stream))
	if err != nil {
		return nil, err
	}
	if cfg.Width > most.X || cfg.Height > most.Y {
		return nil, fmt.Errorf("a %d×%d JPEG stream where at most %d×%d fits", cfg.Width, cfg.Height, most.X, most.Y)
	}
	own := hasAdobe(stream)
	if !own && (l.Photometric == 2 || l.Photometric == 5) {
		adobe := []byte{0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0}
		stream = append(append([]byte{0xFF, 0xD8}, adobe...), stream[2:]...)
	}
	m, err := jpeg.Decode(bytes.NewReader(stream))
	if err != nil {
		return nil, err
	}
	switch img := m.(type) {
	case *image.CMYK:
		if !own {
			invert(img.Pix)
		}
	case *image.Gray:
		if l.Photometric == 0 {
			invert(img.Pix)
		}
	}
	return m, nil
}

// hasAdobe reports whether a JPEG stream has its own Adobe APP14.
func hasAdobe(stream []byte) bool {
	info, err := meta.ParseJPEG(stream)
	return err == nil && info.AdobeTransform >= 0
}

func invert(p []byte) {
	for i := range p {
		p[i] = 255 - p[i]
	}
}

// encodeJPEGTIFF writes the labeled picture as a JPEG-compressed TIFF,
// like its source: at the source's quality (estimated from its tables)
// unless quality is set, with 4:2:0 chroma when the source subsampled
// its YCbCr 2×2, else at full chroma resolution (RGB and CMYK sources
// had it, and red-on-black edges suffer without it).
func encodeJPEGTIFF(img image.Image, l *meta.TIFFLayout, quality int) ([]byte, []string, error) {
	if quality <= 0 {
		quality = tiffJPEGQuality(l)
	}
	var notes []string
	if l.Compression == tiffOldJPEG {
		notes = append(notes, "old-style JPEG TIFF written as a current JPEG-compressed TIFF (compression 7)")
	}
	if l.Photometric == 5 {
		notes = append(notes, "CMYK JPEG-compressed TIFF written as YCbCr")
	}
	b := img.Bounds()
	strip := meta.JPEGStrip{Width: b.Dx(), Height: b.Dy(), Gray: l.Photometric <= 1, SubX: 1, SubY: 1}
	var buf bytes.Buffer
	var err error
	switch {
	case strip.Gray:
		err = jpeg.Encode(&buf, toGray(img), &jpeg.Options{Quality: quality})
	case l.Photometric == 6 && l.Subsampling == [2]int{2, 2}:
		strip.SubX, strip.SubY = 2, 2
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	default:
		err = encode444(&buf, img, quality)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("encode tiff jpeg: %w", err)
	}
	strip.Stream = buf.Bytes()
	out, err := meta.JPEGTIFF(strip)
	return out, notes, err
}

// encode444 writes img as a baseline YCbCr JPEG without chroma
// subsampling, with the IJG tables of quality q.
func encode444(w io.Writer, img image.Image, q int) error {
	b := img.Bounds()
	ycc := image.NewYCbCr(b, image.YCbCrSubsampleRatio444)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			i := ycc.YOffset(x, y)
			ycc.Y[i], ycc.Cb[i], ycc.Cr[i] = color.RGBToYCbCr(c.R, c.G, c.B)
		}
	}
	luma, chroma := jpegenc.StandardTables(q)
	f, err := jpegenc.FromYCbCr(ycc, &luma, &chroma)
	if err != nil {
		return err
	}
	return jpegenc.Encode(w, f)
}

// tiffJPEGQuality estimates the IJG quality of a JPEG TIFF's luma table
// (92 when it has none Belgi can read).
func tiffJPEGQuality(l *meta.TIFFLayout) int {
	stream := l.JPEGInterchange
	if l.Compression == tiffJPEG && len(l.Segments) > 0 {
		stream = joinTables(l, l.Segments[0])
	}
	info, err := meta.ParseJPEG(stream)
	if err != nil {
		return 92
	}
	var t [4]*[64]uint16
	for _, p := range info.DQT {
		if jpegenc.ParseDQT(p, &t) != nil {
			return 92
		}
	}
	if t[0] == nil {
		return 92
	}
	return jpegenc.EstimateQuality(t[0])
}

func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Rect, img, img.Bounds().Min, draw.Src)
	return g
}
