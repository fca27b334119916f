package render

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Draw renders the label as a patch the size of l.Rect, premultiplied
// RGBA with alpha (image/draw's fast paths are for *image.RGBA), ready to
// be composited at l.Rect.Min over the background bg described.
func (l Layout) Draw(bg Background) (*image.RGBA, Colors, error) {
	col := Resolve(l.spec.Box.Color, l.spec.Box.Opacity, l.spec.Box.AutoContrast, bg)
	patch := image.NewRGBA(image.Rect(0, 0, l.Rect.Dx(), l.Rect.Dy()))
	if l.isCompact() {
		return patch, col, l.drawCompact(patch, col, bg)
	}
	m := l.metrics
	paintBox(patch, m.pad, col.Box)
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
func text(dst *image.RGBA, face font.Face, s string, x, y float64, c color.NRGBA) {
	d := font.Drawer{
		Dst:  dst,
		Src:  image.NewUniform(c),
		Face: face,
		Dot:  fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)},
	}
	d.DrawString(s)
}

// fillRounded paints an anti-aliased rounded rectangle of colour c (its
// alpha included) over the part of dst inside r (a sub-image clips it).
// Only the corner bands need the distance function; the rest is solid,
// where an opaque colour is set, which is what blending it at full
// coverage gives.
func fillRounded(dst *image.RGBA, r image.Rectangle, radius float64, c color.NRGBA) {
	radius = math.Min(radius, float64(min(r.Dx(), r.Dy()))/2)
	band := int(math.Ceil(radius))
	area := r.Intersect(dst.Rect)
	opaque := []byte{c.R, c.G, c.B, 255}
	for y := area.Min.Y; y < area.Max.Y; y++ {
		row := dst.Pix[dst.PixOffset(area.Min.X, y):][:4*area.Dx()]
		solid := y >= r.Min.Y+band && y < r.Max.Y-band
		for x := area.Min.X; x < area.Max.X; x++ {
			p := row[4*(x-area.Min.X):]
			switch {
			case !solid && (x < r.Min.X+band || x >= r.Max.X-band):
				over(p, c, coverage(x, y, r, radius))
			case c.A == 255:
				copy(p, opaque)
			default:
				over(p, c, 1)
			}
		}
	}
}

// paintBox fills a fresh (transparent) patch with the rounded box. It
// sets pixels rather than blending, and copies the first solid row to the
// others: the box is most of the label's area, and this keeps a preview
// re-render within a frame.
func paintBox(dst *image.RGBA, radius float64, c color.NRGBA) {
	r := dst.Rect
	radius = math.Min(radius, float64(min(r.Dx(), r.Dy()))/2)
	band := int(math.Ceil(radius))
	var solid []byte
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := dst.Pix[dst.PixOffset(r.Min.X, y):][:4*r.Dx()]
		inBand := y < r.Min.Y+band || y >= r.Max.Y-band
		if !inBand && solid != nil {
			copy(row, solid)
			continue
		}
		for x := r.Min.X; x < r.Max.X; x++ {
			cov := 1.0
			if inBand && (x < r.Min.X+band || x >= r.Max.X-band) {
				cov = coverage(x, y, r, radius)
			}
			a := float64(c.A) / 255 * cov
			p := row[4*(x-r.Min.X):]
			p[0], p[1], p[2], p[3] = pm(c.R, a), pm(c.G, a), pm(c.B, a), uint8(a*255+0.5)
		}
		if !inBand {
			solid = row
		}
	}
}

// coverage is how much of pixel (x, y) the rounded rectangle covers.
func coverage(x, y int, r image.Rectangle, radius float64) float64 {
	d := roundedDistance(float64(x)+0.5, float64(y)+0.5,
		float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y), radius)
	return math.Max(0, math.Min(1, 0.5-d))
}

// over composites colour c at coverage cov onto one premultiplied pixel.
func over(p []byte, c color.NRGBA, cov float64) {
	sa := float64(c.A) / 255 * cov
	if sa <= 0 {
		return
	}
	k := 1 - sa
	p[0] = uint8(float64(c.R)*sa + float64(p[0])*k + 0.5)
	p[1] = uint8(float64(c.G)*sa + float64(p[1])*k + 0.5)
	p[2] = uint8(float64(c.B)*sa + float64(p[2])*k + 0.5)
	p[3] = uint8(sa*255 + float64(p[3])*k + 0.5)
}

// pm premultiplies an 8-bit channel by alpha a (0..1).
func pm(v uint8, a float64) uint8 { return uint8(float64(v)*a + 0.5) }

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
