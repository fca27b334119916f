package jpegcoef

import (
	"image"

	"github.com/belgi-kz/belgi/internal/jpegenc"
)

// mcuRect is a rectangle of MCUs, [x0, x1) × [y0, y1).
type mcuRect struct{ x0, y0, x1, y1 int }

func (m mcuRect) empty() bool { return m.x0 >= m.x1 || m.y0 >= m.y1 }

// blocks is the rectangle of c's blocks that m's MCUs hold.
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

// Region is the MCUs under a label, ready to be drawn on. Image shows
// their pixels (in image/jpeg's types and conventions) for a caller to
// look at; Blend draws a label over them. Pixels are computed only where
// they are needed: a sample read through Image comes straight from the
// coefficients, and only MCUs the label covers unevenly (text, edges)
// are transformed to pixels at all, one row of MCUs at a time.
type Region struct {
	// Image is a read-only view of the region's pixels before Blend;
	// its bounds are the rectangle asked for, grown to whole MCUs,
	// clipped to the picture.
	Image   image.Image
	f       *File
	md      model
	m       mcuRect
	st      []coefPlane
	planes  []plane    // each component's samples, from MCU row py0 on
	orig    [][]byte   // the same before drawing
	py0     int        // the MCU row planes start at
	state   []byte     // per MCU of m: mcuKept, mcuScaled or mcuDrawn
	changed int        // drawn MCUs whose samples changed
	view    *fullView  // for colour models image.YCbCr cannot hold
	dq      []*dequant // each component's table, scaled for the IDCT
	qz      []*jpegenc.Quantizer
	pw      []*[64][64]float32 // point weights, see weights
	stream  *rowStream         // when the region is decoded row by row
	patch   *image.RGBA        // what Blend draws, and how
	at      image.Point
	draw    func(img image.Image, clip image.Rectangle)
}

// What happened to an MCU of the region.
const (
	mcuKept   = iota // coefficients untouched (the label is transparent there)
	mcuScaled        // blended in the DCT domain (the label is uniform there)
	mcuDrawn         // decoded to pixels, drawn on, transformed back
)

// plane is one component's samples over a region, and how many pixels
// across and down one sample covers.
type plane struct {
	pix            []byte
	stride, fx, fy int
}

// newRegion prepares to draw on m. Gray and Y'CbCr pictures draw one row
// of MCUs at a time on planes the size of that row; other colour models
// (and layouts image.YCbCr cannot hold) are shown whole at full
// resolution, converted to RGB or CMYK.
func newRegion(f *File, md model, st []coefPlane, m mcuRect) *Region {
	fr := &f.Frame
	r := &Region{f: f, md: md, m: m, st: st, py0: m.y0, state: make([]byte, (m.x1-m.x0)*(m.y1-m.y0))}
	rows := 1
	if !r.rowWise() {
		rows = m.y1 - m.y0
	}
	for i := range fr.Comps {
		c := &fr.Comps[i]
		x0, _, x1, _ := m.blocks(c)
		p := plane{stride: (x1 - x0) * 8, fx: fr.Hmax / c.H, fy: fr.Vmax / c.V}
		p.pix = make([]byte, p.stride*rows*c.V*8)
		r.planes = append(r.planes, p)
		r.orig = append(r.orig, make([]byte, len(p.pix)))
		r.dq = append(r.dq, newDequant(c.Q))
	}
	clip := r.pixels(m.y0, m.y1)
	if r.rowWise() {
		r.Image = &lazyImage{r: r, bounds: clip}
		return r
	}
	for my := m.y0; my < m.y1; my++ {
		for mx := m.x0; mx < m.x1; mx++ {
			r.decodeMCU(mx, my)
		}
	}
	r.view = newFullView(md, r.planes, clip)
	r.Image = r.view.img
	return r
}

// rowWise reports whether the region draws on its own planes, row by
// row: gray, and Y'CbCr with luma at full resolution and both chroma
// components alike.
func (r *Region) rowWise() bool {
	fr := &r.f.Frame
	if r.md == modelGray {
		return true
	}
	c := fr.Comps
	if r.md != modelYCbCr || c[0].H != fr.Hmax || c[0].V != fr.Vmax || c[1].H != c[2].H || c[1].V != c[2].V {
		return false
	}
	_, ok := ratios[[2]int{fr.Hmax / c[1].H, fr.Vmax / c[1].V}]
	return ok
}

// pixels is the picture's pixels in MCU rows [y0, y1) of the region.
func (r *Region) pixels(y0, y1 int) image.Rectangle {
	fr := &r.f.Frame
	mw, mh := 8*fr.Hmax, 8*fr.Vmax
	return image.Rect(r.m.x0*mw, y0*mh, r.m.x1*mw, y1*mh).Intersect(image.Rect(0, 0, fr.Width, fr.Height))
}

// rowImage is the image over the planes when they hold MCU row my.
func (r *Region) rowImage(my int) image.Image {
	p, rect := r.planes, r.pixels(my, my+1)
	if r.md == modelGray {
		return &image.Gray{Pix: p[0].pix, Stride: p[0].stride, Rect: rect}
	}
	return &image.YCbCr{Y: p[0].pix, Cb: p[1].pix, Cr: p[2].pix, YStride: p[0].stride, CStride: p[1].stride,
		SubsampleRatio: ratios[[2]int{p[1].fx, p[1].fy}], Rect: rect}
}

// SubsampleRatio is Go's name for chroma that covers fx×fy luma pixels
// per sample, if it has one.
func SubsampleRatio(fx, fy int) (image.YCbCrSubsampleRatio, bool) {
	r, ok := ratios[[2]int{fx, fy}]
	return r, ok
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

// mcu is the index of MCU (mx, my) in the region's state.
func (r *Region) mcu(mx, my int) int { return (my-r.m.y0)*(r.m.x1-r.m.x0) + mx - r.m.x0 }

// eachBlock calls fn with each block of MCU (mx, my): its component,
// its coefficients and where its samples start in the component's plane.
func (r *Region) eachBlock(mx, my int, fn func(i int, blk []int16, off int)) {
	for i := range r.f.Frame.Comps {
		c := &r.f.Frame.Comps[i]
		stride := r.planes[i].stride
		for by := my * c.V; by < (my+1)*c.V; by++ {
			for bx := mx * c.H; bx < (mx+1)*c.H; bx++ {
				fn(i, r.st[i].block(bx, by), (by-r.py0*c.V)*8*stride+(bx-r.m.x0*c.H)*8)
			}
		}
	}
}

// decodeMCU transforms the blocks of MCU (mx, my) to samples, keeping a
// copy to see later which blocks the drawing changed.
func (r *Region) decodeMCU(mx, my int) {
	r.eachBlock(mx, my, func(i int, blk []int16, off int) {
		p := &r.planes[i]
		idct(blk, r.dq[i], p.pix[off:], p.stride)
		for y := range 8 {
			copy(r.orig[i][off+y*p.stride:off+y*p.stride+8], p.pix[off+y*p.stride:])
		}
	})
}
