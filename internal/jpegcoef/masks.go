package jpegcoef

import "math/bits"

// Progressive pictures keep, beside each block's coefficients, a mask of
// the positions (zigzag) that hold a nonzero value. A small file's
// blocks are mostly empty in each band, and a mask answers "is this band
// empty?" and "which coefficients need a correction bit?" without
// looking at 64 values: the decoder and the encoder visit every block
// in every scan, so that test is their hot path.

// blockNZ returns block (bx, by) and its mask.
func (p *coefPlane) blockNZ(bx, by int) ([]int16, *uint64) {
	i := (by-p.by0)*p.bw + bx - p.bx0
	if p.scratch {
		return p.data[:64:64], &p.nz[i]
	}
	return p.data[i*64 : i*64+64 : i*64+64], &p.nz[i]
}

// maskOf is the mask of a block's nonzero coefficients.
func maskOf(blk []int16) uint64 {
	var m uint64
	for k, v := range blk[:64] {
		if v != 0 {
			m |= 1 << k
		}
	}
	return m
}

// band is the mask of positions ss..se.
func band(ss, se int) uint64 {
	return ^uint64(0) >> (63 - se) &^ (1<<ss - 1)
}

// refreshMasks recomputes the masks of the blocks in m, which Blend
// changed.
func refreshMasks(f *Frame, st []coefPlane, m mcuRect) {
	for i := range st {
		x0, y0, x1, y1 := m.blocks(&f.Comps[i])
		for by := y0; by < y1; by++ {
			for bx := x0; bx < x1; bx++ {
				blk, nz := st[i].blockNZ(bx, by)
				*nz = maskOf(blk)
			}
		}
	}
}

// refineUpTo reads correction bits for the coefficients that have a
// value from k on, passing run zero ones, and returns the position of
// the zero after them (past se if the band ends first). Which have a
// value the mask nz says (blk may be a scratch block). When the run
// passes every zero left in the band, only the mask's coefficients are
// visited.
func (r *reader) refineUpTo(blk []int16, nz uint64, k, se, run int, p1, m1 int16) int {
	if k > se {
		return k
	}
	rest := band(k, se)
	if bits.OnesCount64(^nz&rest) <= run {
		for m := nz & rest; m != 0; m &= m - 1 {
			r.correct(&blk[bits.TrailingZeros64(m)], p1, m1)
		}
		return se + 1
	}
	for ; k <= se; k++ {
		switch {
		case nz&(1<<k) != 0:
			r.correct(&blk[k], p1, m1)
		case run == 0:
			return k
		default:
			run--
		}
	}
	return k
}

// correct reads one correction bit for a coefficient that has a value.
func (r *reader) correct(c *int16, p1, m1 int16) {
	if r.bits(1) == 1 && *c&p1 == 0 {
		if *c >= 0 {
			*c += p1
		} else {
			*c += m1
		}
	}
}
