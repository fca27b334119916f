package jpegcoef

import (
	"image"
	"image/color"
)

// fullView is a region shown at full resolution in RGB or CMYK, for the
// colour models and sampling layouts image.YCbCr cannot hold. Each sample
// is repeated over the pixels it covers; on commit only pixels the
// caller changed are converted back, and only samples covering one are
// recomputed (as the mean of their pixels), so the rest stays exact.
type fullView struct {
	md   model
	img  image.Image
	pix  []byte // the image's pixels, 4 bytes each
	was  []byte // the same before drawing
	w, h int
	clip image.Rectangle
}

func newFullView(md model, planes []plane, clip image.Rectangle) *fullView {
	p0 := planes[0]
	w, h := p0.stride*p0.fx, len(p0.pix)/p0.stride*p0.fy
	v := &fullView{md: md, w: w, h: h, clip: clip, pix: make([]byte, 4*w*h)}
	var s [4]byte
	for y := range h {
		for x := range w {
			for i, p := range planes {
				s[i] = p.pix[y/p.fy*p.stride+x/p.fx]
			}
			toView(md, s, v.pix[4*(y*w+x):])
		}
	}
	v.was = append([]byte(nil), v.pix...)
	if md == modelCMYK || md == modelYCCK {
		v.img = &image.CMYK{Pix: v.pix, Stride: 4 * w, Rect: clip}
	} else {
		v.img = &image.RGBA{Pix: v.pix, Stride: 4 * w, Rect: clip}
	}
	return v
}

// toView converts one pixel's samples to what image/jpeg shows.
func toView(md model, s [4]byte, out []byte) {
	switch md {
	case modelRGB:
		out[0], out[1], out[2], out[3] = s[0], s[1], s[2], 255
	case modelCMYK:
		out[0], out[1], out[2], out[3] = 255-s[0], 255-s[1], 255-s[2], 255-s[3]
	case modelYCCK:
		out[0], out[1], out[2] = color.YCbCrToRGB(s[0], s[1], s[2])
		out[3] = 255 - s[3]
	default: // Y'CbCr in a layout image.YCbCr cannot hold
		out[0], out[1], out[2] = color.YCbCrToRGB(s[0], s[1], s[2])
		out[3] = 255
	}
}

// fromView is toView's inverse.
func fromView(md model, v []byte) (s [4]byte) {
	switch md {
	case modelRGB:
		s[0], s[1], s[2] = v[0], v[1], v[2]
	case modelCMYK:
		s = [4]byte{255 - v[0], 255 - v[1], 255 - v[2], 255 - v[3]}
	case modelYCCK:
		s[0], s[1], s[2] = color.RGBToYCbCr(v[0], v[1], v[2])
		s[3] = 255 - v[3]
	default:
		s[0], s[1], s[2] = color.RGBToYCbCr(v[0], v[1], v[2])
	}
	return s
}

// commit writes the changed pixels back into the planes.
func (v *fullView) commit(planes []plane) {
	for i, p := range planes {
		ph := len(p.pix) / p.stride
		for sy := range ph {
			for sx := range p.stride {
				if val, ok := v.sample(i, p, sx, sy); ok {
					p.pix[sy*p.stride+sx] = val
				}
			}
		}
	}
}

// sample recomputes one sample of component i if a pixel it covers
// changed: the rounded mean over its pixels, unchanged ones counting
// with their old value.
func (v *fullView) sample(i int, p plane, sx, sy int) (byte, bool) {
	sum, changed := 0, false
	for y := sy * p.fy; y < (sy+1)*p.fy; y++ {
		for x := sx * p.fx; x < (sx+1)*p.fx; x++ {
			o := 4 * (y*v.w + x)
			if string(v.pix[o:o+4]) == string(v.was[o:o+4]) {
				sum += int(p.pix[sy*p.stride+sx])
				continue
			}
			changed = true
			s := fromView(v.md, v.pix[o:o+4])
			sum += int(s[i])
		}
	}
	n := p.fx * p.fy
	return byte((sum + n/2) / n), changed
}
