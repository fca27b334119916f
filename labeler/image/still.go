package image

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/gen2brain/webp"
	"golang.org/x/image/tiff"
)

// packetFn merges Belgi's XMP into a source's existing packet.
type packetFn func(existing []byte) ([]byte, error)

// labelStill labels a single picture and writes it in its own format; it
// also returns the share of the picture (%) the label covers.
func labelStill(src *source, spec labeler.Spec, xmp packetFn) ([]byte, []string, float64, error) {
	img, l, region, err := labelPicture(src.img, spec, src.orientation)
	if err != nil {
		return nil, nil, 0, err
	}
	src.region = region
	notes := l.Notes()
	var out []byte
	var more []string
	switch src.format {
	case fmtJPEG:
		out, more, err = writeJPEG(img, src.data, spec.Image.JPEGQuality, xmp)
	case fmtPNG:
		out, more, err = writePNG(img, src.data, xmp)
	case fmtWebP:
		out, more, err = writeWebP(img, src.data, xmp)
	case fmtTIFF:
		out, more, err = writeTIFF(img, src.data, spec.Image.JPEGQuality, xmp)
	case fmtHEIF, fmtAVIF:
		out, more, err = writeHEIFAsJPEG(img, src, spec, xmp)
	case fmtBMP:
		out, more, err = writePNG(img, nil, xmp)
		more = append(more, "BMP cannot carry machine-readable marks: written as PNG (lossless)")
	default:
		err = fmt.Errorf("no encoder for %s", src.format)
	}
	return out, append(notes, more...), l.Area(), err
}

func writePNG(img image.Image, source []byte, xmp packetFn) ([]byte, []string, error) {
	var enc bytes.Buffer
	if err := png.Encode(&enc, img); err != nil {
		return nil, nil, fmt.Errorf("encode png: %w", err)
	}
	info := &meta.PNGInfo{}
	var notes []string
	if source != nil {
		var err error
		if info, err = meta.ParsePNG(source); err != nil {
			return nil, nil, err
		}
		if notes, err = info.RemovePictures(thumbOf(img)); err != nil {
			return nil, nil, err
		}
	}
	packet, err := xmp(info.XMP)
	if err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	more, err := meta.SplicePNG(&out, enc.Bytes(), info, packet)
	notes = append(notes, more...)
	if info.ColorType == 3 {
		notes = append(notes, "palette PNG written as truecolour: the label's smooth edges need more colours than the palette has")
	}
	return out.Bytes(), notes, err
}

// webpQuality is used for lossy WebP sources: WebP headers do not record
// the quality, and 90 keeps a re-encode visually lossless.
const webpQuality = 90

func writeWebP(img image.Image, source []byte, xmp packetFn) ([]byte, []string, error) {
	info, err := meta.ParseWebP(source)
	if err != nil {
		return nil, nil, err
	}
	if info.Animated {
		return nil, nil, fmt.Errorf("animated WebP is not supported yet: convert it to GIF or MP4 and label that")
	}
	notes, err := info.RemovePictures(thumbOf(img))
	if err != nil {
		return nil, nil, err
	}
	var enc bytes.Buffer
	opt := webp.Options{Quality: webpQuality, Lossless: info.Lossless, Method: 4, Exact: true}
	if err := webp.Encode(&enc, img, opt); err != nil {
		return nil, nil, fmt.Errorf("encode webp: %w", err)
	}
	packet, err := xmp(info.XMP)
	if err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	more, err := meta.SpliceWebP(&out, enc.Bytes(), info, packet)
	return out.Bytes(), append(notes, more...), err
}

// writeTIFF writes a labeled TIFF with the source's metadata. quality
// applies to JPEG-compressed sources (0: estimated from their tables).
func writeTIFF(img image.Image, source []byte, quality int, xmp packetFn) ([]byte, []string, error) {
	info, err := meta.ParseTIFF(source)
	if err != nil {
		return nil, nil, err
	}
	enc, notes, err := encodeTIFF(img, source, quality)
	if err != nil {
		return nil, nil, err
	}
	packet, err := xmp(info.XMP)
	if err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	more, err := meta.SpliceTIFF(&out, enc, info, packet)
	return out.Bytes(), append(notes, more...), err
}

// encodeTIFF encodes like the source: a JPEG-compressed TIFF as one, the
// rest losslessly with Deflate; an opaque picture from a source without
// an alpha channel as RGB, one with an alpha channel keeps it.
func encodeTIFF(img image.Image, source []byte, quality int) ([]byte, []string, error) {
	l, err := meta.ParseTIFFLayout(source)
	if err == nil && jpegCoded(l) {
		return encodeJPEGTIFF(img, l, quality)
	}
	if err == nil && l.ExtraSamples == 0 {
		if out, ok, err := encodeOpaqueTIFF(img); ok || err != nil {
			return out, nil, err
		}
	}
	var enc bytes.Buffer
	if err := tiff.Encode(&enc, img, &tiff.Options{Compression: tiff.Deflate, Predictor: true}); err != nil {
		return nil, nil, fmt.Errorf("encode tiff: %w", err)
	}
	return enc.Bytes(), nil, nil
}
