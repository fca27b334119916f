package main

import (
	"image"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// tile is one labeled frame and what the label takes of it.
type tile struct {
	img     *image.RGBA
	box     float64 // the label's box, % of the frame
	changed float64 // the bounding box of changed pixels, % of the frame
	cap     float64 // cap height, % of the shorter side
	err     error
}

// label draws spec's label on a copy of f as the image kind does (plan at
// the displayed size, measure what lies beneath, draw, composite) and
// measures it.
func label(f frame, spec labeler.Spec) tile {
	img := image.NewRGBA(f.img.Rect)
	copy(img.Pix, f.img.Pix)
	l, err := render.Plan(spec, f.w, f.h)
	if err != nil {
		return tile{img: img, err: err}
	}
	patch, _, err := l.Draw(render.Measure(img, l.Rect))
	if err != nil {
		return tile{img: img, err: err}
	}
	render.Over(img, patch, l.Rect.Min)
	ch := changed(f.img, img)
	return tile{
		img:     img,
		box:     l.Area(),
		changed: 100 * float64(ch.Dx()*ch.Dy()) / float64(f.w*f.h),
		cap:     100 * l.Cap / float64(min(f.w, f.h)),
	}
}

// changed is the bounding box of the pixels that differ.
func changed(a, b *image.RGBA) image.Rectangle {
	var r image.Rectangle
	for y := 0; y < a.Rect.Dy(); y++ {
		ra, rb := a.Pix[y*a.Stride:][:4*a.Rect.Dx()], b.Pix[y*b.Stride:][:4*b.Rect.Dx()]
		for x := 0; x < a.Rect.Dx(); x++ {
			if ra[4*x] != rb[4*x] || ra[4*x+1] != rb[4*x+1] || ra[4*x+2] != rb[4*x+2] {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return r
}
