package jpegcoef

import (
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// stamp draws a half-transparent box with an opaque bar over r, as a
// label would: its inside is uniform (blended on coefficients), its bar
// and edges are not (blended in pixels).
func stamp(reg *Region, r image.Rectangle) {
	patch := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(patch, patch.Rect, image.NewUniform(color.NRGBA{20, 20, 20, 200}), image.Point{}, draw.Src)
	bar := image.Rect(2, 2, r.Dx()-2, (r.Dy()+1)/2)
	draw.Draw(patch, bar, image.NewUniform(color.NRGBA{250, 240, 30, 255}), image.Point{}, draw.Src)
	reg.Blend(patch, r.Min, func(img image.Image, clip image.Rectangle) {
		var dst draw.Image
		if y, ok := img.(*image.YCbCr); ok {
			dst = &ycbcrDrawer{y}
		} else {
			dst = img.(draw.Image)
		}
		draw.Draw(dst, clip.Intersect(r), patch, clip.Intersect(r).Min.Sub(r.Min), draw.Over)
	})
}

// ycbcrDrawer lets image/draw paint on an *image.YCbCr, one pixel at a
// time (its chroma samples take the last pixel's value).
type ycbcrDrawer struct{ *image.YCbCr }

func (d *ycbcrDrawer) Set(x, y int, c color.Color) {
	r, g, b, _ := c.RGBA()
	yy, cb, cr := color.RGBToYCbCr(uint8(r>>8), uint8(g>>8), uint8(b>>8))
	d.Y[d.YOffset(x, y)] = yy
	i := d.COffset(x, y)
	d.Cb[i], d.Cr[i] = cb, cr
}

// mustHave fails unless err is nil; a missing tool skips instead.
func mustMake(t *testing.T, mk func(testing.TB) []byte) []byte {
	t.Helper()
	data := mk(t)
	if data == nil {
		t.Skip("fixture tool (cjpeg or convert) not installed")
	}
	return data
}

// withApps puts the source's APPn and COM segments back after SOI, as a
// caller's metadata writer does.
func withApps(f *File, out []byte) []byte {
	b := append([]byte{}, out[:2]...)
	for _, sg := range f.Segs {
		if isAppOrCOM(sg.Marker) && sg.Off < f.Scans[0].Start {
			b = append(b, f.Data[sg.Off:sg.End]...)
		}
	}
	return append(b, out[2:]...)
}
