package jpegcoef

import (
	"bytes"
	"image"

	"github.com/belgi-kz/belgi/internal/jpegenc"
)

// mcuRect is a rectangle of MCUs, [x0, x1) × [y0, y1).
type mcuRect struct{ x0, y0, x1, y1 int }

func (m mcuRect) empty() bool { return m.x0 >= m.x1 || m.y0 >= m.y1 }

// blockRect is the rectangle of c's blocks that m's MCUs hold.
func (m mcuRect) blocks(c *Comp) (x0, y0, x1, y1 int) {
	return m.x0 * c.H, m.y0 * c.V, m.x1 * c.H, m.y1 * c.V
}

// block returns the 64 coefficients of block (bx, by).
func (p *coefPlane) block(bx, by int) []int16 {
	i := ((by-p.by0)*p.bw + bx - p.bx0) * 64
	return p.data[i : i+64 : i+64]
}

// newStore allocates coefficient blocks for m's blocks of every
// component.
func newStore(f *Frame, m mcuRect) []coefPlane {
	st := make([]coefPlane, len(f.Comps))
	for i := range f.Comps {
		x0, y0, x1, y1 := m.blocks(&f.Comps[i])
		st[i] = coefPlane{bx0: x0, by0: y0, bw: x1 - x0, bh: y1 - y0, data: make([]int16, (x1-x0)*(y1-y0)*64)}
	}
	return st
}

// Region is a rectangle of a picture decoded to pixels: draw on Image in
// place (its type is *image.YCbCr, *image.Gray, *image.RGBA or
// *image.CMYK, in image/jpeg's conventions), then hand the region to
// Picture.Encode. Its bounds are the rectangle asked for, grown to whole
// MCUs and clipped to the picture.
type Region struct {
	Image  image.Image
	m      mcuRect
	planes []plane // each component's samples over m
	orig   [][]byte
	view   *fullView // nil when Image draws on the planes directly
}

// plane is one component's samples over a region, and how many pixels
// across and down one sample covers.
type plane struct {
	pix            []byte
	stride, fx, fy int
}

// decodeRegion runs the inverse DCT over m's blocks of every component
// and wraps the samples in an image of the file's colour model.
func decodeRegion(f *File, md model, st []coefPlane, m mcuRect) *Region {
	fr := &f.Frame
	r := &Region{m: m}
	for i := range fr.Comps {
		c := &fr.Comps[i]
		x0, y0, x1, y1 := m.blocks(c)
		p := plane{stride: (x1 - x0) * 8, fx: fr.Hmax / c.H, fy: fr.Vmax / c.V}
		p.pix = make([]byte, p.stride*(y1-y0)*8)
		dq := newDequant(c.Q)
		for by := y0; by < y1; by++ {
			for bx := x0; bx < x1; bx++ {
				idct(st[i].block(bx, by), dq, p.pix[(by-y0)*8*p.stride+(bx-x0)*8:], p.stride)
			}
		}
		r.planes = append(r.planes, p)
		r.orig = append(r.orig, bytes.Clone(p.pix))
	}
	clip := image.Rect(m.x0*8*fr.Hmax, m.y0*8*fr.Vmax, m.x1*8*fr.Hmax, m.y1*8*fr.Vmax).
		Intersect(image.Rect(0, 0, fr.Width, fr.Height))
	r.Image = r.wrap(md, clip)
	return r
}

// wrap makes the image the caller draws on.
func (r *Region) wrap(md model, clip image.Rectangle) image.Image {
	p := r.planes
	switch {
	case md == modelGray:
		return &image.Gray{Pix: p[0].pix, Stride: p[0].stride, Rect: clip}
	case md == modelYCbCr && p[0].fx == 1 && p[0].fy == 1 && p[1].fx == p[2].fx && p[1].fy == p[2].fy:
		if ratio, ok := ratios[[2]int{p[1].fx, p[1].fy}]; ok {
			return &image.YCbCr{Y: p[0].pix, Cb: p[1].pix, Cr: p[2].pix, YStride: p[0].stride,
				CStride: p[1].stride, SubsampleRatio: ratio, Rect: clip}
		}
	}
	r.view = newFullView(md, r.planes, clip)
	return r.view.img
}

// ratios maps chroma's pixels per sample to Go's subsample ratios.
var ratios = map[[2]int]image.YCbCrSubsampleRatio{
	{1, 1}: image.YCbCrSubsampleRatio444,
	{2, 1}: image.YCbCrSubsampleRatio422,
	{2, 2}: image.YCbCrSubsampleRatio420,
	{1, 2}: image.YCbCrSubsampleRatio440,
	{4, 1}: image.YCbCrSubsampleRatio411,
	{4, 2}: image.YCbCrSubsampleRatio410,
}

// commit brings the caller's drawing back into the coefficients: every
// block whose samples changed is transformed and quantised again with the
// component's own table; every other block keeps its exact coefficients.
// It returns how many blocks changed.
func (r *Region) commit(f *File, st []coefPlane) int {
	if r.view != nil {
		r.view.commit(r.planes)
	}
	n := 0
	for i := range f.Frame.Comps {
		c := &f.Frame.Comps[i]
		x0, y0, x1, y1 := r.m.blocks(c)
		q := jpegenc.NewQuantizer(c.Q)
		p := &r.planes[i]
		for by := y0; by < y1; by++ {
			for bx := x0; bx < x1; bx++ {
				off := (by-y0)*8*p.stride + (bx-x0)*8
				if requantize(p.pix[off:], r.orig[i][off:], p.stride, q, st[i].block(bx, by)) {
					n++
				}
			}
		}
	}
	return n
}

// requantize replaces blk with the coefficients of the samples at pix if
// they differ from orig, and reports whether they did.
func requantize(pix, orig []byte, stride int, q *jpegenc.Quantizer, blk []int16) bool {
	var s [64]byte
	same := true
	for y := range 8 {
		row := pix[y*stride : y*stride+8]
		same = same && bytes.Equal(row, orig[y*stride:y*stride+8])
		copy(s[y*8:], row)
	}
	if same {
		return false
	}
	var out [64]int32
	q.Block(&s, &out)
	for k, v := range out {
		lim := int32(1023)
		if k == 0 {
			lim = 2047
		}
		blk[k] = int16(min(max(v, -lim), lim))
	}
	return true
}
