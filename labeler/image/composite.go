package image

import (
	"image"
	"image/color"
	"image/draw"
)

// composite draws patch over img with its top-left at at, touching only
// the pixels under the patch. It returns the image to encode, which is
// img itself unless img's type cannot be drawn on.
func composite(img image.Image, patch *image.RGBA, at image.Point) image.Image {
	r := patch.Bounds().Add(at).Intersect(img.Bounds())
	switch dst := img.(type) {
	case *image.YCbCr:
		compositeYCbCr(dst, patch, at, r)
		return dst
	case *image.NRGBA:
		overNRGBA(dst, patch, at, r)
		return dst
	case draw.Image:
		if _, ok := dst.(*image.Paletted); !ok {
			draw.Draw(dst, r, patch, r.Min.Sub(at), draw.Over)
			return dst
		}
	}
	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	overNRGBA(out, patch, at, r)
	return out
}

// compositeYCbCr blends the patch into a YCbCr picture in place: the
// region is widened to whole chroma blocks, converted to RGB, blended, and
// written back, with each chroma sample the mean of the block it covers.
func compositeYCbCr(dst *image.YCbCr, patch *image.RGBA, at image.Point, r image.Rectangle) {
	bw, bh := chromaBlock(dst.SubsampleRatio)
	r = alignOut(r, bw, bh, dst.Rect)
	tmp := image.NewRGBA(r) // opaque, so RGBA equals NRGBA; draw has fast paths for it
	draw.Draw(tmp, r, dst, r.Min, draw.Src)
	draw.Draw(tmp, r, patch, r.Min.Sub(at), draw.Over)
	for y := r.Min.Y; y < r.Max.Y; y += bh {
		for x := r.Min.X; x < r.Max.X; x += bw {
			writeBlock(dst, tmp, x, y, bw, bh)
		}
	}
}

// writeBlock stores one chroma block of tmp into dst.
func writeBlock(dst *image.YCbCr, tmp *image.RGBA, x0, y0, bw, bh int) {
	var sumCb, sumCr, n int
	for y := y0; y < min(y0+bh, tmp.Rect.Max.Y); y++ {
		for x := x0; x < min(x0+bw, tmp.Rect.Max.X); x++ {
			p := tmp.Pix[tmp.PixOffset(x, y):]
			yy, cb, cr := color.RGBToYCbCr(p[0], p[1], p[2])
			dst.Y[dst.YOffset(x, y)] = yy
			sumCb += int(cb)
			sumCr += int(cr)
			n++
		}
	}
	if n > 0 {
		ci := dst.COffset(x0, y0)
		dst.Cb[ci] = uint8((sumCb + n/2) / n)
		dst.Cr[ci] = uint8((sumCr + n/2) / n)
	}
}

// chromaBlock is how many luma pixels one chroma sample covers.
func chromaBlock(s image.YCbCrSubsampleRatio) (int, int) {
	switch s {
	case image.YCbCrSubsampleRatio422:
		return 2, 1
	case image.YCbCrSubsampleRatio420:
		return 2, 2
	case image.YCbCrSubsampleRatio440:
		return 1, 2
	case image.YCbCrSubsampleRatio411:
		return 4, 1
	case image.YCbCrSubsampleRatio410:
		return 4, 2
	}
	return 1, 1
}

// alignOut widens r to multiples of (bw, bh) relative to the picture's
// origin, clipped to bounds.
func alignOut(r image.Rectangle, bw, bh int, bounds image.Rectangle) image.Rectangle {
	o := bounds.Min
	r.Min.X = o.X + (r.Min.X-o.X)/bw*bw
	r.Min.Y = o.Y + (r.Min.Y-o.Y)/bh*bh
	r.Max.X = o.X + (r.Max.X-o.X+bw-1)/bw*bw
	r.Max.Y = o.Y + (r.Max.Y-o.Y+bh-1)/bh*bh
	return r.Intersect(bounds)
}

// overNRGBA is Porter-Duff "over" of a premultiplied patch onto an NRGBA
// picture inside r; image/draw has no fast path for that pair.
func overNRGBA(dst *image.NRGBA, patch *image.RGBA, at image.Point, r image.Rectangle) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		d := dst.Pix[dst.PixOffset(r.Min.X, y):]
		s := patch.Pix[patch.PixOffset(r.Min.X-at.X, y-at.Y):]
		for i := 0; i < r.Dx()*4; i += 4 {
			sa := uint32(s[i+3])
			if sa == 0 {
				continue
			}
			da := uint32(d[i+3]) * (255 - sa) / 255 // destination weight
			oa := sa + da
			for c := 0; c < 3; c++ {
				// s is premultiplied: s[c] already carries sa.
				d[i+c] = uint8((uint32(s[i+c])*255 + uint32(d[i+c])*da + oa/2) / oa)
			}
			d[i+3] = uint8(oa)
		}
	}
}
