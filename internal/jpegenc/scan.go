package jpegenc

import "math/bits"

// plane is a component as the scan loop sees it: samples, the plane's
// real size for edge replication, its normalized sampling factors, and
// its coding state.
type plane struct {
	pix          []byte
	stride, w, h int
	hs, vs       int
	recip        [64]float32
	huff         huffSet
	pred         int32 // DC of the previous block, T.81 F.1.1.5.1
}

// load copies the 8×8 block whose top-left sample is (x, y) into blk.
// Blocks that cross the plane's right or bottom edge, including the
// padding blocks that fill the last MCU, replicate the last column and
// row, which keeps the padding cheap to code and keeps ringing out of the
// visible edge.
func (p *plane) load(blk *[64]byte, x, y int) {
	if x+8 <= p.w && y+8 <= p.h {
		for r := range 8 {
			off := (y+r)*p.stride + x
			*(*[8]byte)(blk[r*8:]) = *(*[8]byte)(p.pix[off:])
		}
		return
	}
	p.loadEdge(blk, x, y)
}

func (p *plane) loadEdge(blk *[64]byte, x, y int) {
	for r := range 8 {
		off := min(y+r, p.h-1) * p.stride
		for c := range 8 {
			blk[r*8+c] = p.pix[off+min(x+c, p.w-1)]
		}
	}
}

// encoder codes one scan: it owns the bit writer and the scratch block so
// nothing is allocated per block.
type encoder struct {
	bw      bitWriter
	planes  []plane
	samples [64]byte
	blk     [64]float32
	coef    [64]int32
}

// block transforms, quantizes and Huffman-codes one block of p.
func (e *encoder) block(p *plane, x, y int) {
	p.load(&e.samples, x, y)
	fdct(&e.blk, &e.samples)
	e.blk[0] -= levelShiftDC
	mask := quantize(&e.blk, &p.recip, &e.coef)

	dc := e.coef[0]
	e.putValue(p.huff.dc, 0, dc-p.pred)
	p.pred = dc

	ac := p.huff.ac
	next := 1 // zigzag position after the last coded coefficient
	for m := mask &^ 1; m != 0; m &= m - 1 {
		k := bits.TrailingZeros64(m) & 63 // m != 0; the mask drops a bounds check
		run := k - next
		for ; run > 15; run -= 16 {
			e.bw.put(ac[0xF0].bits, ac[0xF0].n) // ZRL: sixteen zeros
		}
		e.putValue(ac, run, e.coef[k])
		next = k + 1
	}
	if next < 64 {
		e.bw.put(ac[0x00].bits, ac[0x00].n) // EOB
	}
}

// putValue writes the code for (run, size of v) followed by v's size
// low-order bits (T.81 F.1.2.1: negative values as v-1), in one put.
func (e *encoder) putValue(t *huffTable, run int, v int32) {
	s := v >> 31               // all ones when v is negative
	mag := uint32((v ^ s) - s) // |v|
	size := uint32(bits.Len32(mag))
	hc := t[(run<<4|int(size))&0xFF] // the mask drops a bounds check
	extra := uint32(v+s) & (1<<size - 1)
	// bitWriter.put by hand: it is one call too many for the inliner here.
	b := &e.bw
	b.acc = b.acc<<(hc.n+size) | uint64(hc.bits<<size|extra)
	b.n += hc.n + size
	if b.n >= 32 {
		b.spill()
	}
}

// scan walks the MCUs in raster order. With one component the scan is
// non-interleaved and an MCU is one block (T.81 A.2.2); factors were
// normalized to 1×1 then, so the same loop covers both cases.
func (e *encoder) scan(mcusX, mcusY, restart int) {
	n := 0
	for my := range mcusY {
		for mx := range mcusX {
			if restart > 0 && n > 0 && n%restart == 0 {
				e.restart(n/restart - 1)
			}
			e.mcu(mx, my)
			n++
			e.bw.maybeFlush()
		}
	}
	e.bw.align()
}

func (e *encoder) mcu(mx, my int) {
	for i := range e.planes {
		p := &e.planes[i]
		for v := range p.vs {
			for h := range p.hs {
				e.block(p, (mx*p.hs+h)*8, (my*p.vs+v)*8)
			}
		}
	}
}

// restart ends an interval: RSTm markers cycle through 0..7 and every DC
// predictor starts again from zero (T.81 F.1.1.5.1).
func (e *encoder) restart(m int) {
	e.bw.marker(0xD0 + byte(m%8))
	for i := range e.planes {
		e.planes[i].pred = 0
	}
}
