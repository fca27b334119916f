package image

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"net/http"

	"github.com/belgi-kz/belgi/internal/jpegcoef"
	"github.com/belgi-kz/belgi/internal/meta"
)

// readBack decodes the labeled output and checks it shows a picture of
// the source's displayed size.
func readBack(out []byte, src *source) error {
	f, ok := sniffFormat(out)
	if !ok {
		return fmt.Errorf("not a picture")
	}
	cfg, err := decodeConfig(f, out)
	if err != nil {
		return err
	}
	switch f {
	case fmtGIF:
		if _, err := gif.DecodeAll(bytes.NewReader(out)); err != nil {
			return err
		}
	case fmtWebP:
		if src.animated {
			if err := readBackAnimation(out, src); err != nil {
				return err
			}
		} else if _, err := decode(f, out); err != nil {
			return err
		}
	case fmtJPEG:
		// Entropy-decoding every scan proves the data whole at a
		// fraction of a full decode's cost (no IDCT, no colour); the
		// splicer proves its picture for less, decoding only what it
		// coded; each image of a multi-picture file is checked on its own.
		check := checkJPEGStructure
		if src.verify != nil {
			check = src.verify
		}
		if err := checkJPEGParts(out, check); err != nil {
			return err
		}
	default:
		if _, err := decode(f, out); err != nil {
			return err
		}
	}
	want, err := wantConfig(src)
	if err != nil {
		return err
	}
	if cfg.Width != want.Width || cfg.Height != want.Height || orientationOf(f, out) != src.orientation {
		return fmt.Errorf("output is %d×%d (orientation %d), source is %d×%d (orientation %d)",
			cfg.Width, cfg.Height, orientationOf(f, out), want.Width, want.Height, src.orientation)
	}
	return nil
}

// wantConfig is the stored size the output must have: the decoded
// picture's (a HEIF decoder applies crops the header does not show), or
// the header's for animations, which are not decoded into src.img.
func wantConfig(src *source) (image.Config, error) {
	if src.img != nil {
		b := src.img.Bounds()
		return image.Config{Width: b.Dx(), Height: b.Dy()}, nil
	}
	return decodeConfig(src.format, src.data)
}

// orientationOf reads the EXIF orientation a container carries (1 if
// none or unreadable).
func orientationOf(f format, data []byte) int {
	var o interface{ Orientation() int }
	var err error
	switch f {
	case fmtJPEG:
		o, err = meta.ParseJPEG(data)
	case fmtPNG:
		o, err = meta.ParsePNG(data)
	case fmtWebP:
		o, err = meta.ParseWebP(data)
	case fmtTIFF:
		o, err = meta.ParseTIFF(data)
	default:
		return 1
	}
	if err != nil {
		return 1
	}
	if v := o.Orientation(); v >= 1 && v <= 8 {
		return v
	}
	return 1
}

// describe names what a file that is not a picture looks like.
func describe(data []byte) string {
	if len(data) == 0 {
		return "the file is empty"
	}
	return "content looks like " + http.DetectContentType(data)
}

// checkJPEGStructure proves a JPEG whole: its segments walk by their
// lengths from SOI to EOI, and every scan's entropy-coded data decodes to
// its end (jpegcoef.Check), which a truncated or mangled file fails.
func checkJPEGStructure(data []byte) error {
	return jpegcoef.Check(data)
}
