package jpegscale

import (
	"fmt"
	"image"
	"image/color"

	"github.com/belgi-kz/belgi/internal/jpegcoef"
)

// image turns the DC grids (and the low terms) into the 1/8-scale (1/4-
// scale) picture.
func (p *picture) image() (image.Image, error) {
	fr := &p.f.Frame
	r := image.Rect(0, 0, ceilDiv(fr.Width, 8/p.scale()), ceilDiv(fr.Height, 8/p.scale()))
	switch len(fr.Comps) {
	case 1:
		img := image.NewGray(r)
		p.plane(0, img.Pix, img.Stride, r.Dx(), r.Dy())
		return img, nil
	case 3:
		return p.ycbcr(r)
	}
	return p.cmyk(r)
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// level is a block's mean sample: the dequantised DC over 8, rounded,
// plus the level shift of 128 (T.81 A.3.1), clamped to a byte.
func level(dc, q int32) byte {
	v := (dc*q+4)>>3 + 128
	return byte(min(max(v, 0), 255))
}

// scale is the picture's pixels per block side: 1, or 2 with low terms.
func (p *picture) scale() int {
	if p.low != nil {
		return 2
	}
	return 1
}

// plane writes w×h block means (quadrant means at 1/4) of component i
// into dst, clamping to the stored grid so that a caller's slightly
// larger plane can never index past it.
func (p *picture) plane(i int, dst []byte, stride, w, h int) {
	c := &p.f.Frame.Comps[i]
	if p.low != nil {
		p.quarterPlane(i, dst, stride, min(w, 2*c.BW), min(h, 2*c.BH))
		return
	}
	w, h = min(w, c.BW), min(h, c.BH)
	q0 := int32(c.Q[0])
	for y := range h {
		src, out := p.dc[i][y*c.BW:][:w], dst[y*stride:][:w]
		for x, v := range src {
			out[x] = level(v, q0)
		}
	}
}

// ycbcr builds the 1/8 picture of a three-component file. Files that
// image/jpeg reads as RGB, and layouts image.YCbCr cannot hold, are
// refused so the caller's full decoder handles them.
func (p *picture) ycbcr(r image.Rectangle) (image.Image, error) {
	fr, col := &p.f.Frame, p.f.Colour
	y, cb, cr := &fr.Comps[0], &fr.Comps[1], &fr.Comps[2]
	if !col.JFIF && (col.Adobe && col.Transform == 0 || y.ID == 'R' && cb.ID == 'G' && cr.ID == 'B') {
		return nil, fmt.Errorf("jpegscale: RGB-coded JPEG: %w", ErrUnsupported)
	}
	ratio, ok := jpegcoef.SubsampleRatio(y.H/cb.H, y.V/cb.V)
	if !ok || y.H != fr.Hmax || y.V != fr.Vmax || cb.H != cr.H || cb.V != cr.V || y.H%cb.H != 0 || y.V%cb.V != 0 {
		return nil, fmt.Errorf("jpegscale: sampling factors %d×%d, %d×%d, %d×%d: %w", y.H, y.V, cb.H, cb.V, cr.H, cr.V, ErrUnsupported)
	}
	img := image.NewYCbCr(r, ratio)
	p.plane(0, img.Y, img.YStride, r.Dx(), r.Dy())
	cw, ch := img.CStride, len(img.Cb)/img.CStride
	p.plane(1, img.Cb, img.CStride, cw, ch)
	p.plane(2, img.Cr, img.CStride, cw, ch)
	return img, nil
}

// cmyk builds the 1/8 picture of a four-component Adobe file, in
// image/jpeg's convention (0 = no ink): transform 0 stores inverted CMYK;
// transform 2 (YCCK) stores C, M, Y converted as if they were R, G, B
// to YCbCr, and K inverted.
func (p *picture) cmyk(r image.Rectangle) (image.Image, error) {
	col := p.f.Colour
	if !col.Adobe || col.Transform > 2 || col.Transform == 1 {
		return nil, fmt.Errorf("jpegscale: four components without Adobe transform 0 or 2: %w", ErrUnsupported)
	}
	img := image.NewCMYK(r)
	var px [4]byte
	for y := range r.Dy() {
		out := img.Pix[y*img.Stride:]
		for x := range r.Dx() {
			for i := range px {
				px[i] = p.sample(i, x, y)
			}
			if col.Transform == 2 {
				c, m, y := color.YCbCrToRGB(px[0], px[1], px[2])
				px[0], px[1], px[2] = 255-c, 255-m, 255-y
			}
			for i, v := range px {
				out[4*x+i] = 255 - v
			}
		}
	}
	return img, nil
}

// sample is component i's block mean over the 1/8 pixel (x, y), found by
// scaling the position with the component's sampling factors.
func (p *picture) sample(i, x, y int) byte {
	fr := &p.f.Frame
	c := &fr.Comps[i]
	bx, by := min(x*c.H/fr.Hmax, c.BW-1), min(y*c.V/fr.Vmax, c.BH-1)
	return level(p.dc[i][by*c.BW+bx], int32(c.Q[0]))
}

// Weights of the first harmonics in a quadrant's mean, in 1/4096: for an
// 8-point IDCT, the mean of cos((2x+1)π/16) over x = 0..3 is m = 0.6407
// (and −m over 4..7), so a quadrant's mean is F00/8 ± m/(4√2)·F10
// ± m/(4√2)·F01 + m²/4·F11, with the dequantised terms F (T.81 A.3.3).
const (
	wHarmonic = 464 // m/(4√2) = 0.11327
	wDiagonal = 420 // m²/4 = 0.10262
)

// quarterPlane writes the w×h quadrant means of component i.
func (p *picture) quarterPlane(i int, dst []byte, stride, w, h int) {
	c := &p.f.Frame.Comps[i]
	q := c.Q
	q0, q1, q8, q9 := int64(q[0]), int64(q[1]), int64(q[8]), int64(q[9]) // 16-bit tables overflow int32
	for y := range h {
		by, sy := y/2, int64(1-2*(y&1))
		out := dst[y*stride:][:w]
		for x := range out {
			b := by*c.BW + x/2
			sx := int64(1 - 2*(x&1))
			l := p.low[i][3*b:][:3]
			v := (int64(p.dc[i][b])*q0*512 + (sx*int64(l[0])*q1+sy*int64(l[1])*q8)*wHarmonic + sx*sy*int64(l[2])*q9*wDiagonal + 2048) >> 12
			out[x] = byte(min(max(v+128, 0), 255))
		}
	}
}
