package jpegenc

import (
	"fmt"
	"image"
)

// sampling maps Go's subsample ratios to luma factors; chroma is 1×1.
var sampling = map[image.YCbCrSubsampleRatio][2]int{
	image.YCbCrSubsampleRatio444: {1, 1},
	image.YCbCrSubsampleRatio422: {2, 1},
	image.YCbCrSubsampleRatio420: {2, 2},
	image.YCbCrSubsampleRatio440: {1, 2},
	image.YCbCrSubsampleRatio411: {4, 1},
	image.YCbCrSubsampleRatio410: {4, 2},
}

// FromYCbCr wraps img's planes, without copying, as a three-component frame
// with IDs 1, 2, 3 (JFIF), luma on table 0 and chroma on table 1. A
// decoded JPEG's subsample ratio is kept as it is. img's chroma grid is
// anchored to absolute coordinates, so a sub-image whose origin is not a
// multiple of the ratio gets chroma shifted by less than one chroma
// sample; images as decoded start at (0, 0) and are exact.
func FromYCbCr(img *image.YCbCr, luma, chroma *[64]uint16) (*Frame, error) {
	hv, ok := sampling[img.SubsampleRatio]
	if !ok {
		return nil, fmt.Errorf("jpegenc: unsupported subsample ratio %v", img.SubsampleRatio)
	}
	r := img.Rect
	yo, co := img.YOffset(r.Min.X, r.Min.Y), img.COffset(r.Min.X, r.Min.Y)
	f := &Frame{Width: r.Dx(), Height: r.Dy()}
	f.Quant[0], f.Quant[1] = luma, chroma
	f.Components = []Component{
		{ID: 1, H: hv[0], V: hv[1], Tq: 0, Pix: img.Y[yo:], Stride: img.YStride},
		{ID: 2, H: 1, V: 1, Tq: 1, Pix: img.Cb[co:], Stride: img.CStride},
		{ID: 3, H: 1, V: 1, Tq: 1, Pix: img.Cr[co:], Stride: img.CStride},
	}
	return f, nil
}

// FromGray wraps img's samples, without copying, as a one-component frame.
func FromGray(img *image.Gray, luma *[64]uint16) *Frame {
	r := img.Rect
	f := &Frame{Width: r.Dx(), Height: r.Dy()}
	f.Quant[0] = luma
	f.Components = []Component{{ID: 1, H: 1, V: 1, Pix: img.Pix[img.PixOffset(r.Min.X, r.Min.Y):], Stride: img.Stride}}
	return f
}

// FromCMYK splits img into four full-resolution planes, IDs 1..4, all on
// quantization table q (Tq 0). It expects image/jpeg's convention, 0 = no
// ink, which is what image/jpeg decodes from both Adobe CMYK and YCCK
// files. The planes are stored inverted (255 = no ink), which is what an
// Adobe APP14 segment with transform 0 announces: write the file with
// Encode, or with EncodeSegments after AdobeAPP14 in place of the
// source's APP14. A YCCK source therefore comes back as plain CMYK.
func FromCMYK(img *image.CMYK, q *[64]uint16) *Frame {
	r := img.Rect
	w, h := r.Dx(), r.Dy()
	f := &Frame{Width: w, Height: h}
	f.Quant[0] = q
	planes := make([]byte, 4*w*h)
	for y := range h {
		src := img.Pix[img.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := range w {
			for c := range 4 {
				planes[c*w*h+y*w+x] = 255 - src[4*x+c]
			}
		}
	}
	for c := range 4 {
		f.Components = append(f.Components, Component{
			ID: byte(c + 1), H: 1, V: 1, Pix: planes[c*w*h : (c+1)*w*h], Stride: w,
		})
	}
	return f
}
