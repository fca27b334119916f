package image

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler/render"
	xdraw "golang.org/x/image/draw"
)

// thumbSide is the longer side of a regenerated EXIF thumbnail: EXIF's
// own 160×120, which every file browser shows as is.
const thumbSide = 160

// thumbOf makes EXIF thumbnails of the labeled picture, in the picture's
// stored orientation (viewers turn thumbnails by the same EXIF tag).
func thumbOf(img image.Image) meta.ThumbFunc {
	return func(max int) ([]byte, error) {
		small := thumbSized(img)
		for _, q := range []int{85, 70, 50, 30} {
			var out bytes.Buffer
			if err := jpeg.Encode(&out, small, &jpeg.Options{Quality: q}); err != nil {
				return nil, err
			}
			if out.Len() <= max {
				return out.Bytes(), nil
			}
		}
		return nil, errors.New("no room for a thumbnail")
	}
}

// thumbSized is img scaled to fit a thumbnail, or img itself when it
// is an RGB one already (the coefficient path scales its own, with a
// filter).
func thumbSized(img image.Image) image.Image {
	b := img.Bounds()
	w, h := render.FitWithin(b.Dx(), b.Dy(), thumbSide)
	if rgba, ok := img.(*image.RGBA); ok && b.Dx() == w && b.Dy() == h {
		return rgba
	}
	small := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.ApproxBiLinear.Scale(small, small.Rect, img, b, xdraw.Src, nil)
	return small
}

// dedupe keeps the first of equal notes: the same preview may be
// reported by the container and by the XMP pass.
func dedupe(notes []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range notes {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
