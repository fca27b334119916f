package image

import (
	"image"
	"image/draw"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// planLabel lays the label out on a w×h stored picture shown turned by
// orientation, and returns where it lands in stored pixels: all a
// caller needs to know which pixels to decode.
func planLabel(spec labeler.Spec, w, h, orientation int) (render.Layout, image.Rectangle, error) {
	dw, dh := render.DisplaySize(w, h, orientation)
	l, err := render.Plan(spec, dw, dh)
	if err != nil {
		return l, image.Rectangle{}, err
	}
	return l, render.StoredRect(l.Rect, dw, dh, orientation), nil
}

// labelPatch renders the label for the pixels of img under at, turned
// to the stored orientation.
func labelPatch(img image.Image, l render.Layout, at image.Rectangle, orientation int) (*image.RGBA, error) {
	patch, _, err := l.Draw(render.Measure(img, at))
	if err != nil {
		return nil, err
	}
	return render.ToStored(patch, orientation), nil
}

// composite draws patch over img with its top-left at at, touching only
// the pixels under the patch. It returns the image to encode, which is
// img itself unless img's type cannot be drawn on.
func composite(img image.Image, patch *image.RGBA, at image.Point) image.Image {
	if compositeIn(img, patch, at, img.Bounds()) {
		return img
	}
	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	overNRGBA(out, patch, at, patch.Bounds().Add(at).Intersect(out.Rect))
	return out
}

// compositeIn draws patch over img in place, inside clip only, and
// reports false for picture types it cannot draw on.
func compositeIn(img image.Image, patch *image.RGBA, at image.Point, clip image.Rectangle) bool {
	whole := patch.Bounds().Add(at).Intersect(img.Bounds())
	r := whole.Intersect(clip)
	switch dst := img.(type) {
	case *image.YCbCr:
		compositeYCbCr(dst, patch, at, r)
	case *image.NRGBA:
		overNRGBA(dst, patch, at, r)
	case *image.RGBA:
		if r == whole {
			render.Over(dst, patch, at)
		} else {
			draw.Draw(dst, r, patch, r.Min.Sub(at), draw.Over)
		}
	case *image.Paletted:
		return false
	case draw.Image:
		draw.Draw(dst, r, patch, r.Min.Sub(at), draw.Over)
	default:
		return false
	}
	return true
}

// compositeYCbCr blends the patch into a YCbCr picture in place, in
// YCbCr itself: Y'CbCr is an affine function of R'G'B', so "over" gives
// the same result there as in RGB, without converting the background at
// all. Each chroma sample gets the mean of its block's blended values.
func compositeYCbCr(dst *image.YCbCr, patch *image.RGBA, at image.Point, r image.Rectangle) {
	bw, bh := chromaBlock(dst.SubsampleRatio)
	r = alignOut(r, bw, bh, dst.Rect)
	for y := r.Min.Y; y < r.Max.Y; y += bh {
		for x := r.Min.X; x < r.Max.X; x += bw {
			blendBlock(dst, patch, at, image.Rect(x, y, min(x+bw, r.Max.X), min(y+bh, r.Max.Y)))
		}
	}
}

// blendBlock blends the patch pixels over one chroma block of dst, in
// 16.16 fixed point with the JFIF coefficients image/color uses.
func blendBlock(dst *image.YCbCr, patch *image.RGBA, at image.Point, b image.Rectangle) {
	var cb, cr, keep, n int64 // sums of the patch's chroma, of (1-a), count
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			n++
			px, py := x-at.X, y-at.Y
			if !(image.Point{px, py}.In(patch.Rect)) {
				keep += 1 << 16
				continue
			}
			p := patch.Pix[patch.PixOffset(px, py):]
			R, G, B, A := int64(p[0]), int64(p[1]), int64(p[2]), int64(p[3])
			k := (255 - A) * 257 // (1-a) in 16.16
			keep += k
			yi := dst.YOffset(x, y)
			v := 19595*R + 38470*G + 7471*B + k*int64(dst.Y[yi]) + 1<<15
			dst.Y[yi] = clamp8(v >> 16)
			cb += -11056*R - 21712*G + 32768*B + 128*A*257
			cr += 32768*R - 27440*G - 5328*B + 128*A*257
		}
	}
	if keep == n<<16 {
		return // the patch is transparent over this whole block
	}
	ci := dst.COffset(b.Min.X, b.Min.Y)
	dst.Cb[ci] = clamp8(((cb+keep*int64(dst.Cb[ci]))/n + 1<<15) >> 16)
	dst.Cr[ci] = clamp8(((cr+keep*int64(dst.Cr[ci]))/n + 1<<15) >> 16)
}

func clamp8(v int64) uint8 {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
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
