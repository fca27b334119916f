package jpegscale

import (
	"errors"
	"fmt"
	"image"
	"image/color"
)

// image turns the DC grids into the 1/8-scale picture.
func (d *decoder) image() (image.Image, error) {
	f := d.f
	if f == nil {
		return nil, errors.New("jpegscale: no frame header")
	}
	for i := range f.comps {
		if !f.comps[i].done {
			return nil, fmt.Errorf("jpegscale: component %d has no scan: %w", f.comps[i].id, errTruncated)
		}
	}
	r := image.Rect(0, 0, ceilDiv(f.w, 8), ceilDiv(f.h, 8))
	switch len(f.comps) {
	case 1:
		img := image.NewGray(r)
		f.comps[0].plane(img.Pix, img.Stride, r.Dx(), r.Dy())
		return img, nil
	case 3:
		return d.ycbcr(r)
	}
	return d.cmyk(r)
}

// level is a block's mean sample: the dequantised DC over 8, rounded,
// plus the level shift of 128 (T.81 A.3.1), clamped to a byte.
func level(dc, q int32) byte {
	v := (dc*q+4)>>3 + 128
	return byte(min(max(v, 0), 255))
}

// plane writes w×h block means into dst, clamping to the stored grid so
// that a caller's slightly larger plane can never index past it.
func (c *component) plane(dst []byte, stride, w, h int) {
	w, h = min(w, c.bw), min(h, c.bh)
	for y := range h {
		src, out := c.dc[y*c.bw:][:w], dst[y*stride:][:w]
		for x, v := range src {
			out[x] = level(v, c.q0)
		}
	}
}

// ratios maps luma-over-chroma factor ratios to Go's subsample ratios.
var ratios = map[[2]int]image.YCbCrSubsampleRatio{
	{1, 1}: image.YCbCrSubsampleRatio444,
	{2, 1}: image.YCbCrSubsampleRatio422,
	{2, 2}: image.YCbCrSubsampleRatio420,
	{1, 2}: image.YCbCrSubsampleRatio440,
	{4, 1}: image.YCbCrSubsampleRatio411,
	{4, 2}: image.YCbCrSubsampleRatio410,
}

// ycbcr builds the 1/8 picture of a three-component file. Files that
// image/jpeg reads as RGB, and layouts image.YCbCr cannot hold, are
// refused so the caller's full decoder handles them.
func (d *decoder) ycbcr(r image.Rectangle) (image.Image, error) {
	y, cb, cr := &d.f.comps[0], &d.f.comps[1], &d.f.comps[2]
	if !d.jfif && (d.adobe && d.transform == 0 || y.id == 'R' && cb.id == 'G' && cr.id == 'B') {
		return nil, fmt.Errorf("jpegscale: RGB-coded JPEG: %w", ErrUnsupported)
	}
	ratio, ok := ratios[[2]int{y.h / cb.h, y.v / cb.v}]
	if !ok || y.h != d.f.hmax || y.v != d.f.vmax || cb.h != cr.h || cb.v != cr.v || y.h%cb.h != 0 || y.v%cb.v != 0 {
		return nil, fmt.Errorf("jpegscale: sampling factors %d×%d, %d×%d, %d×%d: %w", y.h, y.v, cb.h, cb.v, cr.h, cr.v, ErrUnsupported)
	}
	img := image.NewYCbCr(r, ratio)
	y.plane(img.Y, img.YStride, r.Dx(), r.Dy())
	cw, ch := img.CStride, len(img.Cb)/img.CStride
	cb.plane(img.Cb, img.CStride, cw, ch)
	cr.plane(img.Cr, img.CStride, cw, ch)
	return img, nil
}

// cmyk builds the 1/8 picture of a four-component Adobe file, in
// image/jpeg's convention (0 = no ink): transform 0 stores inverted CMYK;
// transform 2 (YCCK) stores C, M, Y converted as if they were R, G, B
// to YCbCr, and K inverted.
func (d *decoder) cmyk(r image.Rectangle) (image.Image, error) {
	if !d.adobe || d.transform > 2 || d.transform == 1 {
		return nil, fmt.Errorf("jpegscale: four components without Adobe transform 0 or 2: %w", ErrUnsupported)
	}
	img := image.NewCMYK(r)
	var px [4]byte
	for y := range r.Dy() {
		out := img.Pix[y*img.Stride:]
		for x := range r.Dx() {
			for i := range px {
				px[i] = d.f.sample(i, x, y)
			}
			if d.transform == 2 {
				c, m, y := color.YCbCrToRGB(px[0], px[1], px[2])
				px[0], px[1], px[2] = 255-c, 255-m, 255-y
			}
			for i, v := range px {
				out[4*x+i] = 255 - v
			}
		}
	}
	return img, nil
}

// sample is component i's block mean over the 1/8 pixel (x, y), found by
// scaling the position with the component's sampling factors.
func (f *frame) sample(i, x, y int) byte {
	c := &f.comps[i]
	bx, by := min(x*c.h/f.hmax, c.bw-1), min(y*c.v/f.vmax, c.bh-1)
	return level(c.dc[by*c.bw+bx], c.q0)
}
