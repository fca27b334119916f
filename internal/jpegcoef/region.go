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
// are transformed to pixels at all.
type Region struct {
	// Image is a read-only view of the region's pixels; its bounds are
	// the rectangle asked for, grown to whole MCUs, clipped to the picture.
	Image  image.Image
	f      *File
	md     model
	m      mcuRect
	st     []coefPlane
	planes []plane     // each component's samples over m, where decoded
	orig   [][]byte    // the same before drawing
	state  []byte      // per MCU of m: mcuKept, mcuScaled or mcuDrawn
	img    image.Image // the concrete image over planes that Blend draws on
	view   *fullView   // for colour models image.YCbCr cannot hold
	dq     []*dequant  // each component's table, scaled for the IDCT
	qz     []*jpegenc.Quantizer
	pw     []*[64][64]float32 // point weights, see weights
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

// newRegion prepares the planes of m; no block is transformed yet, except
// for colour models that need the full-resolution view.
func newRegion(f *File, md model, st []coefPlane, m mcuRect) *Region {
	fr := &f.Frame
	r := &Region{f: f, md: md, m: m, st: st, state: make([]byte, (m.x1-m.x0)*(m.y1-m.y0))}
	for i := range fr.Comps {
		c := &fr.Comps[i]
		x0, y0, x1, y1 := m.blocks(c)
		p := plane{stride: (x1 - x0) * 8, fx: fr.Hmax / c.H, fy: fr.Vmax / c.V}
		p.pix = make([]byte, p.stride*(y1-y0)*8)
		r.planes = append(r.planes, p)
		r.orig = append(r.orig, make([]byte, len(p.pix)))
		r.dq = append(r.dq, newDequant(c.Q))
	}
	clip := image.Rect(m.x0*8*fr.Hmax, m.y0*8*fr.Vmax, m.x1*8*fr.Hmax, m.y1*8*fr.Vmax).
		Intersect(image.Rect(0, 0, fr.Width, fr.Height))
	if r.img = r.wrap(md, clip); r.img == nil {
		for my := m.y0; my < m.y1; my++ {
			for mx := m.x0; mx < m.x1; mx++ {
				r.decodeMCU(mx, my)
			}
		}
		r.view = newFullView(md, r.planes, clip)
		r.img = r.view.img
		r.Image = r.img
		return r
	}
	r.Image = &lazyImage{r: r, img: r.img}
	return r
}

// wrap makes the image Blend draws on over the planes, or nil when the
// layout needs the full-resolution view.
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
	return nil
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

// decodeMCU transforms the blocks of MCU (mx, my) to samples, keeping a
// copy to see later which blocks the drawing changed.
func (r *Region) decodeMCU(mx, my int) {
	for i := range r.f.Frame.Comps {
		c := &r.f.Frame.Comps[i]
		p := &r.planes[i]
		dq := r.dq[i]
		for by := my * c.V; by < (my+1)*c.V; by++ {
			for bx := mx * c.H; bx < (mx+1)*c.H; bx++ {
				off := (by-r.m.y0*c.V)*8*p.stride + (bx-r.m.x0*c.H)*8
				idct(r.st[i].block(bx, by), dq, p.pix[off:], p.stride)
				for y := range 8 {
					copy(r.orig[i][off+y*p.stride:off+y*p.stride+8], p.pix[off+y*p.stride:])
				}
			}
		}
	}
}
