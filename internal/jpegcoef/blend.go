package jpegcoef

import (
	"bytes"
	"image"
	"math"

	"github.com/belgi-kz/belgi/internal/jpegenc"
)

// Blend draws patch (premultiplied RGBA, placed with its origin at at)
// over the region, MCU by MCU:
//   - where the patch is transparent the coefficients are kept exactly;
//   - where it is one colour over the whole MCU (the inside of a label's
//     box) the blend is done on the coefficients: "over" with a constant
//     colour and alpha is out = add + k·in per sample, an affine map, and
//     the DCT is linear, so AC terms scale by k and DC moves by the
//     constant, with no transform at all (gray and Y'CbCr files, with the
//     same fixed-point weights the pixel blends use);
//   - elsewhere the MCU is decoded to pixels and draw blends the patch
//     over the region's image inside clip (whole MCUs); Encode then
//     transforms back the blocks whose samples changed.
//
// Call it once, after reading Image. A region that streams (see
// newRegion) only keeps the patch here and blends each row as Encode
// writes it.
func (r *Region) Blend(patch *image.RGBA, at image.Point, draw func(img image.Image, clip image.Rectangle)) {
	r.patch, r.at, r.draw = patch, at, draw
	if r.stream != nil {
		return
	}
	for my := r.m.y0; my < r.m.y1; my++ {
		r.blendRow(my)
	}
}

// blendRow blends the label over MCU row my, MCU by MCU, as Blend says.
func (r *Region) blendRow(my int) {
	fr := &r.f.Frame
	mw := 8 * fr.Hmax
	img := r.Image
	if r.view == nil {
		r.py0, img = my, r.rowImage(my)
	}
	row := r.pixels(my, my+1)
	run := -1 // first MCU of a run of drawn ones
	for mx := r.m.x0; mx <= r.m.x1; mx++ {
		if mx < r.m.x1 && r.blendMCU(r.patch, r.at, mx, my, image.Rect(mx*mw, row.Min.Y, (mx+1)*mw, row.Max.Y).Intersect(row)) {
			if run < 0 {
				run = mx
			}
			continue
		}
		if run >= 0 {
			r.draw(img, image.Rect(run*mw, row.Min.Y, mx*mw, row.Max.Y).Intersect(row))
			run = -1
		}
	}
	if r.view == nil {
		r.requantizeRow(my)
	}
}

// blendMCU handles one MCU whose pixels are px and reports whether it
// needs drawing in pixels.
func (r *Region) blendMCU(patch *image.RGBA, at image.Point, mx, my int, px image.Rectangle) bool {
	c, kind := patchOver(patch, at, px)
	i := r.mcu(mx, my)
	switch {
	case kind == mcuKept:
		return false
	case kind == mcuScaled && r.view == nil:
		r.scaleMCU(mx, my, c)
		r.state[i] = mcuScaled
		r.changed++
		return false
	}
	if r.view == nil {
		r.decodeMCU(mx, my)
	}
	r.state[i] = mcuDrawn
	return true
}

// patchOver says what the patch does over the pixels px: nothing
// (mcuKept), one colour c everywhere (mcuScaled), or more (mcuDrawn).
func patchOver(patch *image.RGBA, at image.Point, px image.Rectangle) ([4]byte, int) {
	var c [4]byte
	in := px.Intersect(patch.Rect.Add(at))
	if in.Empty() {
		return c, mcuKept
	}
	o := patch.PixOffset(in.Min.X-at.X, in.Min.Y-at.Y)
	copy(c[:], patch.Pix[o:])
	row := bytes.Repeat(c[:], in.Dx())
	for y := in.Min.Y; y < in.Max.Y; y++ {
		o := patch.PixOffset(in.Min.X-at.X, y-at.Y)
		if !bytes.Equal(patch.Pix[o:o+len(row)], row) {
			return c, mcuDrawn
		}
	}
	switch {
	case c[3] == 0:
		return c, mcuKept
	case in != px:
		return c, mcuDrawn
	}
	return c, mcuScaled
}

// scaleMCU blends the colour c (premultiplied) over MCU (mx, my) on its
// coefficients: AC terms times k (in 16.16 fixed point, rounded half
// away from zero), DC times k plus the colour's share.
func (r *Region) scaleMCU(mx, my int, c [4]byte) {
	k, add := r.affine(c)
	k16 := int32(math.Round(k * 65536))
	for i := range r.f.Frame.Comps {
		comp := &r.f.Frame.Comps[i]
		dc := 8 * (add[i] + 128*k - 128) / float64(comp.Q[0])
		for by := my * comp.V; by < (my+1)*comp.V; by++ {
			for bx := mx * comp.H; bx < (mx+1)*comp.H; bx++ {
				blk := r.st[i].block(bx, by)
				blk[0] = clampCoef(math.Round(k*float64(blk[0])+dc), 2047)
				for j, v := range blk[1:] {
					// |v|·k rounded, the sign put back, without
					// branches (most terms are zero, unpredictably).
					s := int32(v) >> 15
					a := (int32(v) ^ s - s) * k16
					blk[j+1] = int16(((a + 1<<15) >> 16) ^ s - s)
				}
			}
		}
	}
}

func clampCoef(v float64, lim float64) int16 { return int16(min(max(v, -lim), lim)) }

// affine is "over" with the premultiplied colour c as out = add + k·in
// per component sample, in the weights the pixel blends use: the 16.16
// JFIF conversion of labeler/image's Y'CbCr blend, and image/draw's
// 16-bit over followed by color.GrayModel for gray.
func (r *Region) affine(c [4]byte) (float64, [4]float64) {
	R, G, B, A := float64(c[0]), float64(c[1]), float64(c[2]), float64(c[3])
	if r.md == modelGray {
		return (255 - A) / 255, [4]float64{(19595*R + 38470*G + 7471*B) * 257 / (1 << 24)}
	}
	return (255 - A) * 257 / 65536, [4]float64{
		(19595*R + 38470*G + 7471*B) / 65536,
		(-11056*R - 21712*G + 32768*B + 128*A*257) / 65536,
		(32768*R - 27440*G - 5328*B + 128*A*257) / 65536,
	}
}

// requantizeRow transforms back the drawn MCUs of row my.
func (r *Region) requantizeRow(my int) {
	for mx := r.m.x0; mx < r.m.x1; mx++ {
		if r.state[r.mcu(mx, my)] == mcuDrawn && r.requantizeMCU(mx, my) {
			r.changed++
		}
	}
}

// commit brings the drawing back into the coefficients, for regions
// shown whole at full resolution; row-wise regions did it as they drew.
// It returns how many MCUs the label changed (all of them once a
// streaming region has been written).
func (r *Region) commit() int {
	if r.view != nil {
		r.view.commit(r.planes)
		for my := r.m.y0; my < r.m.y1; my++ {
			r.requantizeRow(my)
		}
	}
	return r.changed
}

// requantizeMCU transforms back the changed blocks of a drawn MCU.
func (r *Region) requantizeMCU(mx, my int) bool {
	if r.qz == nil {
		for i := range r.f.Frame.Comps {
			r.qz = append(r.qz, jpegenc.NewQuantizer(r.f.Frame.Comps[i].Q))
		}
	}
	changed := false
	r.eachBlock(mx, my, func(i int, blk []int16, off int) {
		p := &r.planes[i]
		if requantize(p.pix[off:], r.orig[i][off:], p.stride, r.qz[i], blk) {
			changed = true
		}
	})
	return changed
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
	blk[0] = clampCoef(float64(out[0]), 2047)
	for k := 1; k < 64; k++ {
		blk[k] = clampCoef(float64(out[k]), 1023)
	}
	return true
}
