package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Draw renders the label as a patch the size of l.Rect, with alpha, ready
// to be composited at l.Rect.Min over the background bg described.
func (l Layout) Draw(bg Background) (*image.NRGBA, Colors, error) {
	col := Resolve(l.spec.Box.Color, l.spec.Box.Opacity, l.spec.Box.AutoContrast, bg)
	patch := image.NewNRGBA(image.Rect(0, 0, l.Rect.Dx(), l.Rect.Dy()))
	m := l.metrics
	fillRounded(patch, patch.Bounds(), m.pad, col.Box)
	face, err := noto.face(l.Cap)
	if err != nil {
		return nil, col, err
	}
	defer face.Close()
	x := m.pad
	if l.Mark != "" {
		inset := math.Round(m.lineH * 0.06)
		chip := image.Rect(int(x), int(m.pad+inset), int(x+m.chipW), int(m.pad+m.lineH-inset))
		fillRounded(patch, chip, m.lineH*0.2, col.Text)
		ink := col.Box
		ink.A = 255
		text(patch, face, l.Mark, x+math.Round(l.Cap*0.45), m.pad+m.ascent, ink)
		x += m.chipW + m.gap
	}
	for i, line := range l.Lines {
		text(patch, face, line, x, m.pad+m.ascent+float64(i)*m.lineH, col.Text)
		x = m.pad // only the first line follows the chip
	}
	return patch, col, nil
}

// text draws s with its baseline origin at (x, y), in colour c, over dst.
func text(dst *image.NRGBA, face font.Face, s string, x, y float64, c color.NRGBA) {
	d := font.Drawer{
		Dst:  dst,
		Src:  image.NewUniform(c),
		Face: face,
		Dot:  fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)},
	}
	d.DrawString(s)
}

// fillRounded paints an anti-aliased rounded rectangle of colour c (its
// alpha included) over dst inside r.
func fillRounded(dst *image.NRGBA, r image.Rectangle, radius float64, c color.NRGBA) {
	radius = math.Min(radius, float64(min(r.Dx(), r.Dy()))/2)
	src := image.NewUniform(c)
	mask := image.NewAlpha(r)
	x0, y0 := float64(r.Min.X), float64(r.Min.Y)
	x1, y1 := float64(r.Max.X), float64(r.Max.Y)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			d := roundedDistance(float64(x)+0.5, float64(y)+0.5, x0, y0, x1, y1, radius)
			cov := math.Max(0, math.Min(1, 0.5-d))
			mask.SetAlpha(x, y, color.Alpha{A: uint8(math.Round(cov * 255))})
		}
	}
	draw.DrawMask(dst, r, src, image.Point{}, mask, r.Min, draw.Over)
}

// roundedDistance is the signed distance from (px, py) to the edge of a
// rounded rectangle: negative inside.
func roundedDistance(px, py, x0, y0, x1, y1, r float64) float64 {
	cx := math.Max(x0+r-px, math.Max(0, px-(x1-r)))
	cy := math.Max(y0+r-py, math.Max(0, py-(y1-r)))
	if cx > 0 && cy > 0 {
		return math.Hypot(cx, cy) - r
	}
	return math.Max(math.Max(x0-px, px-x1), math.Max(y0-py, py-y1))
}
