package image

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"

	"github.com/belgi-kz/belgi/internal/libheif"
	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/gen2brain/avif"
	"github.com/gen2brain/heic"
)

// HEIC (iPhones' default) and AVIF are decoded by the system's libheif
// where there is one (internal/libheif, in a child process: about 4× faster),
// and otherwise by libheif/libde265 and libavif compiled to WebAssembly
// (gen2brain/heic, gen2brain/avif), which every build carries. They are
// written as JPEG: Belgi has no HEIF writer that carries EXIF, XMP and a
// C2PA manifest, and a JPEG with all three opens everywhere an iPhone
// photo is shared.

// heifConfig reads the displayed size from the meta box; the decoders
// only look at the first 32 KB, which misses a meta box stored last.
func heifConfig(r io.Reader) (image.Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return image.Config{}, err
	}
	info, err := meta.ParseHEIF(data)
	if err != nil {
		return image.Config{}, heifRefusal(data, err)
	}
	if info.Width == 0 || info.Height == 0 {
		return image.Config{}, fmt.Errorf("the HEIF file does not say the primary picture's size")
	}
	return image.Config{Width: info.Width, Height: info.Height}, nil
}

// heifRefusal explains a HEIF file without a still picture.
func heifRefusal(data []byte, err error) error {
	if brands, _ := meta.HEIFBrands(data); len(brands) > 0 && (brands[0] == "msf1" || brands[0] == "avis") {
		return refusal{fmt.Errorf("a HEIF image sequence without a still picture: convert it to MP4 or GIF and label that")}
	}
	return err
}

func decodeHEIC(r io.Reader) (image.Image, error) {
	return decodeNativeFirst(r, libheif.Decode, builtin{heic.Decode, heic.Dynamic() == nil})
}

func decodeAVIF(r io.Reader) (image.Image, error) {
	return decodeNativeFirst(r, libheif.Decode, builtin{avif.Decode, avif.Dynamic() == nil})
}

// builtin is a decoder Belgi carries, and whether it runs a system library
// in-process: gen2brain loads a system libheif.so (or libavif.so) instead
// of its WebAssembly when one goes by that unversioned name (Arch Linux
// ships it; Debian only in the -dev package).
type builtin struct {
	decode    func(io.Reader) (image.Image, error)
	inProcess bool
}

// decodeNativeFirst tries the system's libheif in its child and falls back
// to the built-in decoder on any failure, which then has the last word: a
// file the native library rejects may still decode, and a damaged file
// gets the built-in decoder's error, the same on every machine. Except
// after a crash when the built-in decoder is native in-process: it would
// crash Belgi on that file, so the crash's error stands.
func decodeNativeFirst(r io.Reader, native func([]byte) (image.Image, error), b builtin) (image.Image, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	img, err := native(data)
	switch {
	case err == nil:
		return img, nil
	case b.inProcess && errors.Is(err, libheif.ErrCrashed):
		return nil, err
	}
	img, err = b.decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return fixSignal(img, data), nil
}

// writeHEIFAsJPEG writes a labeled HEIC or AVIF picture as JPEG with the
// source's EXIF (orientation 1: the decoder already turned the pixels
// upright by the file's irot), ICC profile and XMP.
func writeHEIFAsJPEG(img image.Image, src *source, spec labeler.Spec, xmp packetFn) ([]byte, []string, error) {
	info, err := meta.ParseHEIF(src.data)
	if err != nil {
		return nil, nil, err
	}
	carrier, err := heifCarrier(info)
	if err != nil {
		return nil, nil, err
	}
	old := xmp
	xmp = func([]byte) ([]byte, error) { return old(meta.StripXMPOrientation(info.XMP)) }
	var flattened []string
	if o, ok := img.(interface{ Opaque() bool }); ok && !o.Opaque() {
		img = onWhite(img)
		flattened = []string{"transparent areas flattened onto white: JPEG has no transparency"}
	}
	out, notes, err := writeJPEG(img, carrier, max(spec.Image.JPEGQuality, 92), xmp)
	name := "HEIC"
	if src.format == fmtAVIF {
		name = "AVIF"
	}
	notes = append(append([]string{name + " written as JPEG (quality 92), with its EXIF, ICC profile and XMP: Belgi has no " + name + " writer that carries the marks"}, flattened...), notes...)
	if info.Sequence {
		notes = append(notes, "image sequence: only the still (primary) picture is labeled and written")
	}
	if info.Others > 0 {
		notes = append(notes, fmt.Sprintf("%d other image(s) in the file (thumbnail, depth map, gain map or alpha) not carried", info.Others))
	}
	return out, notes, err
}

// onWhite flattens a picture with transparency onto white, as an editor
// does when saving one as JPEG; the encoder alone would put it on black.
func onWhite(img image.Image) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := out.Pix[out.PixOffset(b.Min.X, y):]
		for x := range b.Dx() {
			r, g, bl, a := img.At(b.Min.X+x, y).RGBA() // premultiplied: add white's share
			p := row[4*x : 4*x+4 : 4*x+4]
			p[0], p[1], p[2], p[3] = uint8((r+0xFFFF-a)>>8), uint8((g+0xFFFF-a)>>8), uint8((bl+0xFFFF-a)>>8), 0xFF
		}
	}
	return out
}

// heifCarrier is a tiny JPEG holding the HEIF's EXIF and ICC segments,
// which writeJPEG reads as the metadata source.
func heifCarrier(info *meta.HEIFInfo) ([]byte, error) {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xD8})
	if info.EXIF != nil {
		exif, err := meta.EXIFWithOrientation(info.EXIF, 1)
		if err != nil {
			exif = info.EXIF
		}
		if err := writeSeg(&b, 0xE1, append([]byte("Exif\x00\x00"), exif...)); err != nil {
			return nil, fmt.Errorf("EXIF: %w", err)
		}
	}
	for _, c := range meta.ICCChunks(info.ICC) {
		if err := writeSeg(&b, 0xE2, c); err != nil {
			return nil, err
		}
	}
	var frame bytes.Buffer
	if err := jpeg.Encode(&frame, image.NewGray(image.Rect(0, 0, 8, 8)), nil); err != nil {
		return nil, err
	}
	b.Write(frame.Bytes()[2:])
	return b.Bytes(), nil
}

func writeSeg(b *bytes.Buffer, marker byte, payload []byte) error {
	if len(payload) > 65533 {
		return fmt.Errorf("%d bytes do not fit a JPEG segment", len(payload))
	}
	n := len(payload) + 2
	b.Write([]byte{0xFF, marker, byte(n >> 8), byte(n)})
	b.Write(payload)
	return nil
}
