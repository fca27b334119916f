package jpegscale

import (
	"errors"
	"image"

	"github.com/belgi-kz/belgi/internal/jpegcoef"
)

// ErrUnsupported is wrapped by every error about a valid JPEG this package
// does not decode (progressive files are supported; arithmetic coding,
// 12-bit and lossless are not). Callers fall back to a full decoder.
var ErrUnsupported = jpegcoef.ErrUnsupported

// picture is a parsed file and its DC terms.
type picture struct {
	f  *jpegcoef.File
	dc [][]int32
}

// DecodeEighth decodes data at 1/8 scale: each pixel is the exact mean of
// one 8×8 block of the full-size picture, before colour conversion. The
// result is ceil(W/8) × ceil(H/8); see the package comment for its type.
func DecodeEighth(data []byte) (image.Image, error) {
	f, err := jpegcoef.Parse(data)
	if err != nil {
		return nil, err
	}
	dc, err := f.DC()
	if err != nil {
		return nil, err
	}
	return Eighth(f, dc)
}

// Eighth makes the 1/8-scale picture of f from its DC coefficients, as
// jpegcoef's File.DC and Picture.DC return them.
func Eighth(f *jpegcoef.File, dc [][]int32) (image.Image, error) {
	if len(dc) != len(f.Frame.Comps) || len(dc) == 2 {
		return nil, errors.New("jpegscale: DC terms do not match the frame")
	}
	p := &picture{f: f, dc: dc}
	return p.image()
}
