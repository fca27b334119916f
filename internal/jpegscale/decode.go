package jpegscale

import (
	"errors"
	"fmt"
	"image"

	"github.com/belgi-kz/belgi/internal/jpegcoef"
)

// ErrUnsupported is wrapped by every error about a valid JPEG this package
// does not decode (progressive files are supported; arithmetic coding,
// 12-bit and lossless are not). Callers fall back to a full decoder.
var ErrUnsupported = jpegcoef.ErrUnsupported

// picture is a parsed file and its DC terms, with the three lowest AC
// terms of each block for a 1/4-scale picture (nil for 1/8).
type picture struct {
	f   *jpegcoef.File
	dc  [][]int32
	low [][]int32
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

// DecodeQuarter decodes a sequential JPEG at 1/4 scale: each block gives
// 2×2 pixels, the means of its four 4×4 quadrants as its four lowest
// frequencies make them (the higher odd harmonics, which the exact means
// would also need, are left out: they are small in photographs, and the
// result is a preview). Of a progressive file only the scans that carry
// these terms are read, without their refinements' low bits. The result
// is ceil(W/4) × ceil(H/4), of the same types as DecodeEighth's;
// four-component files are ErrUnsupported (DecodeEighth reads them).
func DecodeQuarter(data []byte) (image.Image, error) {
	f, err := jpegcoef.Parse(data)
	if err != nil {
		return nil, err
	}
	if len(f.Frame.Comps) == 4 {
		return nil, fmt.Errorf("jpegscale: a 1/4-scale read of a four-component JPEG: %w", ErrUnsupported)
	}
	dc, low, err := f.Low()
	if err != nil {
		return nil, err
	}
	p := &picture{f: f, dc: dc, low: low}
	return p.image()
}
