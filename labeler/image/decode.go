package image

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"slices"
	"strings"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/gen2brain/webp"
	"golang.org/x/image/bmp"
)

// format is a raster container Belgi reads and writes.
type format string

const (
	fmtJPEG format = "jpeg"
	fmtPNG  format = "png"
	fmtGIF  format = "gif"
	fmtWebP format = "webp"
	fmtTIFF format = "tiff"
	fmtBMP  format = "bmp"
	fmtHEIF format = "heif" // HEIC and other HEVC-coded HEIF
	fmtAVIF format = "avif"
)

// refused are formats Belgi recognises but cannot decode, with what to
// do instead; they are claimed so the person hears that rather than
// "not a media file".
var refused = []struct {
	magic []byte
	at    int
	what  string
}{
	{[]byte{0xFF, 0x0A}, 0, "a JPEG XL picture"},
	{[]byte("JXL \r\n\x87\n"), 4, "a JPEG XL picture"},
	{[]byte("jP  \r\n\x87\n"), 4, "a JPEG 2000 picture"},
	{[]byte{0xFF, 0x4F, 0xFF, 0x51}, 0, "a JPEG 2000 codestream"},
	{[]byte("II\xbc\x01"), 0, "a JPEG XR picture"},
	{[]byte("8BPS"), 0, "a Photoshop document (PSD)"},
	{[]byte("II+\x00"), 0, "a BigTIFF picture"},
	{[]byte("MM\x00+"), 0, "a BigTIFF picture"},
}

// refusedFormat names a recognised format Belgi cannot decode.
func refusedFormat(head []byte) (string, bool) {
	for _, r := range refused {
		if len(head) >= r.at+len(r.magic) && bytes.Equal(head[r.at:r.at+len(r.magic)], r.magic) {
			return r.what, true
		}
	}
	return "", false
}

// sniffFormat recognises a container by its first bytes.
func sniffFormat(head []byte) (format, bool) {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return fmtJPEG, true
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return fmtPNG, true
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return fmtGIF, true
	case len(head) >= 12 && bytes.Equal(head[:4], []byte("RIFF")) && bytes.Equal(head[8:12], []byte("WEBP")):
		return fmtWebP, true
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return fmtTIFF, true
	case len(head) >= 14 && bytes.HasPrefix(head, []byte("BM")):
		return fmtBMP, true
	}
	if brands, ok := meta.HEIFBrands(head); ok {
		if slices.Contains(brands, "avif") || slices.Contains(brands, "avis") {
			return fmtAVIF, true
		}
		return fmtHEIF, true
	}
	return "", false
}

// codec is how the standard decoders read one format.
type codec struct {
	decode func(io.Reader) (image.Image, error)
	config func(io.Reader) (image.Config, error)
}

// codecs lists the decoders by format (GIF animations go through
// decodeGIF; gif.Decode here reads the first frame).
var codecs = map[format]codec{
	fmtJPEG: {jpeg.Decode, jpeg.DecodeConfig},
	fmtPNG:  {png.Decode, png.DecodeConfig},
	fmtGIF:  {gif.Decode, gif.DecodeConfig},
	fmtWebP: {webp.Decode, webp.DecodeConfig},
	fmtTIFF: {decodeTIFF, tiffConfig},
	fmtBMP:  {bmp.Decode, bmp.DecodeConfig},
	fmtHEIF: {decodeHEIC, heifConfig},
	fmtAVIF: {decodeAVIF, heifConfig},
}

// decodeConfig reads only the header: size and colour model.
func decodeConfig(f format, data []byte) (image.Config, error) {
	c, ok := codecs[f]
	if !ok {
		return image.Config{}, fmt.Errorf("unknown format %q", f)
	}
	return c.config(bytes.NewReader(data))
}

// decode reads the whole picture (one frame of an animation).
func decode(f format, data []byte) (image.Image, error) {
	c, ok := codecs[f]
	if !ok {
		return nil, fmt.Errorf("unknown format %q", f)
	}
	return c.decode(bytes.NewReader(data))
}

// checkSize refuses pictures whose header promises more pixels than the
// limit, before a single pixel is decoded.
func checkSize(cfg image.Config, frames int, maxMP float64) error {
	if maxMP <= 0 {
		maxMP = 200
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("the header declares an empty %d×%d picture", cfg.Width, cfg.Height)
	}
	mp := float64(cfg.Width) * float64(cfg.Height) * float64(max(frames, 1)) / 1e6
	if mp > maxMP {
		return fmt.Errorf("the header declares %d×%d pixels%s (%.0f megapixels), over the %.0f-megapixel limit; refusing to decode it (raise the limit if the picture is genuine)",
			cfg.Width, cfg.Height, framesNote(frames), mp, maxMP)
	}
	return nil
}

func framesNote(n int) string {
	if n > 1 {
		return fmt.Sprintf(" × %d frames", n)
	}
	return ""
}

// damage says in words what a decoder's error means for the file.
func damage(err error) string {
	msg := err.Error()
	var r refusal
	switch {
	case errors.As(err, &r):
		return "Belgi cannot label this file"
	case errors.Is(err, io.ErrUnexpectedEOF), strings.Contains(msg, "not enough pixel data"), strings.Contains(msg, "short"):
		return "the picture is cut short or damaged; label a complete copy"
	case strings.Contains(msg, "checksum"):
		return "a checksum does not match: the file is damaged; label an intact copy"
	case strings.Contains(msg, "unsupported"):
		return "a variant of the format Belgi cannot decode; export it as JPEG or PNG first"
	}
	return "the image data is damaged; label an intact copy"
}

// refusal is a decoder error that already says what the file is and what
// to do; damage does not call it damage.
type refusal struct{ error }
