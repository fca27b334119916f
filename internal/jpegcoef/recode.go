package jpegcoef

// recode is the splicer's fallback when a changed block needs a symbol
// the source's Huffman tables cannot code (optimised tables leave out
// the symbols a picture did not use): every block of the scan is decoded
// and coded again, with the region's blocks taken from the store, once
// to count symbols and once to write with the optimal tables for those
// counts. It is lossless like the splice, only slower, and streams like
// it: no scan is held as coefficients.
func (q *seqScan) recode(c *coder) error {
	r := &reader{buf: q.e.buf}
	var blk [64]int16
	for i, iv := range q.e.ivs {
		r.seek(iv.bit)
		var dpred, epred [4]int32
		u0, u1 := q.g.ivalUnits(q.s.Restart, i)
		for u := u0; u < u1; u++ {
			in := q.inRegion(u)
			ux, uy := u%q.g.nx, u/q.g.nx
			for _, p := range q.g.parts {
				if err := r.blockFast(q.t.dc[p.sc], q.t.full[p.sc], q.t.ac[p.sc], &blk); err != nil {
					return err
				}
				dpred[p.sc] += int32(blk[0])
				blk[0] = int16(dpred[p.sc])
				src := &blk
				if in {
					st, err := q.region(u)
					if err != nil {
						return err
					}
					src = (*[64]int16)(st[p.comp].block(ux*p.h+p.dx, uy*p.v+p.dy))
				}
				if err := c.seqBlock(src, epred[p.sc], q.s.Td[p.sc], 4+q.s.Ta[p.sc]); err != nil {
					return err
				}
				epred[p.sc] = int32(src[0])
			}
		}
		if c.w != nil && i+1 < len(q.e.ivs) {
			c.w.marker(0xD0 + byte(i&7))
		}
	}
	if c.w != nil {
		c.w.align()
	}
	return nil
}
