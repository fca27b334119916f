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

// thumbOf makes EXIF thumbnails of the labeled picture, in the
// picture's stored orientation (viewers turn thumbnails by the same EXIF
// tag).
func thumbOf(img image.Image) meta.Thumbnailer {
	return &thumbnailer{img: img}
}

// thumbnailer makes a picture's thumbnails from img, or from what load
// returns: the coefficient path makes its thumbnail-sized picture only
// when a file has a thumbnail to remake.
type thumbnailer struct {
	img   image.Image
	load  func() (image.Image, error)
	err   error
	small image.Image // img scaled for JPEG thumbnails, once: EXIF and Photoshop's both ask
}

func (t *thumbnailer) picture() (image.Image, error) {
	if t.img == nil && t.err == nil {
		t.img, t.err = t.load()
	}
	return t.img, t.err
}

// JPEG implements meta.Thumbnailer: EXIF's usual 160 px at the best
// quality that fits in max bytes.
func (t *thumbnailer) JPEG(max int) ([]byte, error) {
	img, err := t.picture()
	if err != nil {
		return nil, err
	}
	if t.small == nil {
		t.small = thumbSized(img)
	}
	small := t.small
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

// RGB implements meta.Thumbnailer: the picture at the old thumbnail's
// own size, w×h. A picture of another shape is fitted inside and centred
// on black, as cameras letterbox a 3:2 photo in a 4:3 thumbnail, rather
// than stretched.
func (t *thumbnailer) RGB(w, h int) ([]byte, error) {
	img, err := t.picture()
	if err != nil {
		return nil, err
	}
	small := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 3; i < len(small.Pix); i += 4 {
		small.Pix[i] = 0xFF // opaque black
	}
	b := img.Bounds()
	fw, fh := w, max(1, b.Dy()*w/b.Dx())
	if fh > h {
		fw, fh = max(1, b.Dx()*h/b.Dy()), h
	}
	at := image.Rect(0, 0, fw, fh).Add(image.Pt((w-fw)/2, (h-fh)/2))
	xdraw.ApproxBiLinear.Scale(small, at, img, b, xdraw.Src, nil)
	out := make([]byte, 0, 3*w*h)
	for i := 0; i < len(small.Pix); i += 4 {
		out = append(out, small.Pix[i:i+3]...)
	}
	return out, nil
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
