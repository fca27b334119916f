package image

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/gif"

	"github.com/belgi-kz/belgi/internal/jpegscale"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
	xdraw "golang.org/x/image/draw"
)

// Preview is an upright, downscaled copy of a picture, decoded once and
// kept so that every change of a setting only redraws the label. Labels
// are planned at the picture's full displayed size and drawn scaled, so
// the preview shows exactly the line breaks the output will have.
type Preview struct {
	base *image.RGBA // upright, downscaled
	full image.Point // displayed size of the original
}

// LoadPreview decodes a picture (the first frame of an animation) and
// keeps a copy at most max pixels on its longer side. The size check on
// the header comes first, as for labeling.
func LoadPreview(path string, max int, maxMP float64) (*Preview, error) {
	src, cfg, err := open(path, maxMP)
	if err != nil {
		return nil, err
	}
	img, stored, err := previewPixels(src, cfg, max)
	if err != nil {
		return nil, fmt.Errorf("image: %w", err)
	}
	b := img.Bounds()
	dw, dh := render.DisplaySize(stored.X, stored.Y, src.orientation)
	sw, sh := render.FitWithin(b.Dx(), b.Dy(), max)
	small := image.NewRGBA(image.Rect(0, 0, sw, sh))
	if sw == b.Dx() && sh == b.Dy() {
		draw.Draw(small, small.Rect, img, b.Min, draw.Src)
	} else {
		xdraw.ApproxBiLinear.Scale(small, small.Rect, img, b, draw.Src, nil)
	}
	return &Preview{base: upright(small, src.orientation), full: image.Pt(dw, dh)}, nil
}

// previewPixels decodes src for a preview at most limit pixels on its
// longer side and returns it with the original's stored size.
//
// A JPEG is decoded at the smallest of 1/8 and 1/4 scale whose picture is
// at least half the limit (shown enlarged by at most 2× in a pane of the
// limit's size), with jpegscale: 1/8 skips the IDCT altogether, 1/4 reads
// only each block's four lowest frequencies, and either costs a fraction
// of a full decode. So a 24 MP photo is read at 1/8 (750×500) and a 12 MP
// phone photo (4032 px wide: 504 px at 1/8) at 1/4; measured on the
// corpus's phone photos, the full decode they had before took 130–220 ms
// (410 ms made progressive). Smaller pictures, files jpegscale does not
// read (CMYK at 1/4, say) and any it fails on are decoded in full.
func previewPixels(src *source, cfg image.Config, limit int) (image.Image, image.Point, error) {
	if src.format == fmtJPEG {
		if img, err := scaledJPEG(src.data, cfg, limit); err == nil {
			return img, image.Pt(cfg.Width, cfg.Height), nil
		}
	}
	var img image.Image
	var err error
	if src.format == fmtGIF {
		img, err = gif.Decode(bytes.NewReader(src.data))
	} else {
		img, err = decode(src.format, src.data)
	}
	if err != nil {
		return nil, image.Point{}, err
	}
	return img, img.Bounds().Size(), nil
}

// errTooSmall says a JPEG is better decoded in full for the limit.
var errTooSmall = errors.New("the picture is small enough to decode in full")

// scaledJPEG decodes a JPEG at the scale previewPixels picks.
func scaledJPEG(data []byte, cfg image.Config, limit int) (image.Image, error) {
	eighth := max((cfg.Width+7)/8, (cfg.Height+7)/8)
	switch {
	case 2*eighth >= limit:
		return jpegscale.DecodeEighth(data)
	case 4*eighth >= limit:
		return jpegscale.DecodeQuarter(data)
	}
	return nil, errTooSmall
}

// Size is the original's displayed size in pixels.
func (p *Preview) Size() image.Point { return p.full }

// Render returns a fresh copy of the preview with spec's label drawn on.
func (p *Preview) Render(spec labeler.Spec) (*image.RGBA, render.Layout, error) {
	out := image.NewRGBA(p.base.Rect)
	copy(out.Pix, p.base.Pix)
	l, err := render.Plan(spec, p.full.X, p.full.Y)
	if err != nil {
		return out, l, err
	}
	s := l.Scaled(float64(out.Rect.Dx()) / float64(p.full.X))
	patch, _, err := s.Draw(render.Measure(out, s.Rect))
	if err != nil {
		return out, l, err
	}
	render.Over(out, patch, s.Rect.Min)
	return out, l, nil
}

// Preview implements labeler.Previewer.
func (Kind) Preview(ctx context.Context, path string, spec labeler.Spec, max int) (image.Image, error) {
	p, err := LoadPreview(path, max, spec.Image.MaxMegapixels)
	if err != nil {
		return nil, err
	}
	img, _, err := p.Render(spec)
	return img, err
}

// upright turns a stored picture as its orientation says it is shown.
func upright(img *image.RGBA, orientation int) *image.RGBA {
	if orientation < 2 || orientation > 8 {
		return img
	}
	sw, sh := img.Rect.Dx(), img.Rect.Dy()
	dw, dh := render.DisplaySize(sw, sh, orientation)
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			sx, sy := render.StoredPoint(x, y, dw, dh, orientation)
			copy(out.Pix[out.PixOffset(x, y):][:4], img.Pix[img.PixOffset(sx, sy):][:4])
		}
	}
	return out
}
