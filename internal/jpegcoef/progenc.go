package jpegcoef

import "math/bits"

// progEncoder codes one progressive scan from coefficients (T.81 G.1.2,
// the procedures of libjpeg's jcphuff.c): DC differences, DC refinement
// bits, and AC bands with end-of-band runs and, in refinement scans, the
// correction bits that ride along with the next code.
type progEncoder struct {
	c      *coder
	s      *Scan
	eobrun int
	corr   []byte // correction bits waiting for the next code
	be     int    // how many of them belong to the pending end-of-band run
}

// unit codes the blocks of unit (ux, uy) of grid g, from st.
func (e *progEncoder) unit(g grid, st []coefPlane, ux, uy int, pred *[4]int32) error {
	for _, p := range g.parts {
		blk, nz := st[p.comp].blockNZ(ux*p.h+p.dx, uy*p.v+p.dy)
		if err := e.block(p.sc, blk, *nz, &pred[p.sc]); err != nil {
			return err
		}
	}
	return nil
}

// endRun codes an AC scan's pending end-of-band run, as a restart
// interval or the scan ends.
func (e *progEncoder) endRun() error {
	if e.s.Ss > 0 {
		return e.flushRun(4 + e.s.Ta[0])
	}
	return nil
}

// block codes one block's share of the scan; nz is its mask.
func (e *progEncoder) block(sc int, blk []int16, nz uint64, pred *int32) error {
	s := e.s
	switch {
	case s.Ss == 0 && s.Ah == 0:
		v := int32(blk[0]) >> s.Al
		d := v - *pred
		*pred = v
		if d > maxDCDiff || d < -maxDCDiff {
			return errDCRange
		}
		return e.c.value(s.Td[sc], 0, d)
	case s.Ss == 0:
		e.c.bits(uint32(blk[0]>>s.Al)&1, 1)
		return nil
	case nz&band(s.Ss, s.Se) == 0:
		return e.emptyBand(4 + s.Ta[sc]) // most blocks, in most bands
	case s.Ah == 0:
		return e.acFirst(4+s.Ta[sc], blk, nz)
	}
	return e.acRefine(4+s.Ta[sc], blk, nz)
}

// emptyBand counts a block with nothing in the band into the EOB run.
func (e *progEncoder) emptyBand(t int) error {
	if e.eobrun++; e.eobrun == 0x7FFF || len(e.corr) > 1000-63 {
		e.be = len(e.corr)
		return e.flushRun(t)
	}
	e.be = len(e.corr)
	return nil
}

// acFirst codes the first scan of a band: values shifted down by Al,
// zero runs, and blocks with nothing left counted into an EOB run. Only
// the positions the mask nz holds are visited.
func (e *progEncoder) acFirst(t int, blk []int16, nz uint64) error {
	done := e.s.Ss - 1 // the last position coded
	for m := nz & band(e.s.Ss, e.s.Se); m != 0; m &= m - 1 {
		k := bits.TrailingZeros64(m)
		v := int32(blk[k])
		mag := max(v, -v) >> e.s.Al
		if mag == 0 {
			continue
		}
		if v < 0 {
			v = ^mag
		} else {
			v = mag
		}
		if err := e.flushRun(t); err != nil {
			return err
		}
		run := k - done - 1
		for ; run > 15; run -= 16 {
			if err := e.c.symbol(t, 0xF0, 0, 0); err != nil {
				return err
			}
		}
		n := uint(bits.Len32(uint32(mag)))
		if err := e.c.symbol(t, byte(run<<4)|byte(n), uint32(v), n); err != nil {
			return err
		}
		done = k
	}
	if done < e.s.Se {
		if e.eobrun++; e.eobrun == 0x7FFF {
			return e.flushRun(t)
		}
	}
	return nil
}

// acRefine codes a refinement scan of a band: coefficients that become
// ±1 with their sign, and for those that already had a value the next
// bit, buffered until the code they follow. Only the positions the mask
// nz holds are visited; the zeros between them make the runs.
func (e *progEncoder) acRefine(t int, blk []int16, nz uint64) error {
	live, last := uint64(0), -1 // nonzero at this precision; the last that becomes ±1 now
	for m := nz & band(e.s.Ss, e.s.Se); m != 0; m &= m - 1 {
		k := bits.TrailingZeros64(m)
		switch a := max(int32(blk[k]), -int32(blk[k])) >> e.s.Al; {
		case a == 1:
			last = k
			fallthrough
		case a != 0:
			live |= 1 << k
		}
	}
	run, prev, mine := 0, e.s.Ss-1, len(e.corr) // this block's correction bits start at mine
	for m := live; m != 0; m &= m - 1 {
		k := bits.TrailingZeros64(m)
		run += k - prev - 1
		prev = k
		for ; run > 15 && k <= last; run -= 16 {
			if err := e.codeWithBits(t, 0xF0, 0, 0, &mine); err != nil {
				return err
			}
		}
		if a := max(int32(blk[k]), -int32(blk[k])) >> e.s.Al; a > 1 {
			e.corr = append(e.corr, byte(a&1))
			continue
		}
		sign := uint32(0)
		if blk[k] > 0 {
			sign = 1
		}
		if err := e.codeWithBits(t, byte(run<<4|1), sign, 1, &mine); err != nil {
			return err
		}
		run = 0
	}
	if run += e.s.Se - prev; run > 0 || len(e.corr) > mine {
		e.eobrun++
		e.be = len(e.corr)
		if e.eobrun == 0x7FFF || e.be > 1000-63 {
			return e.flushRun(t)
		}
	}
	return nil
}

// codeWithBits codes a symbol after any pending EOB run, then the
// correction bits this block has buffered so far.
func (e *progEncoder) codeWithBits(t int, sym byte, extra uint32, n uint, mine *int) error {
	if err := e.flushRun(t); err != nil {
		return err
	}
	if err := e.c.symbol(t, sym, extra, n); err != nil {
		return err
	}
	for _, b := range e.corr {
		e.c.bits(uint32(b), 1)
	}
	e.corr, *mine = e.corr[:0], 0
	return nil
}

// flushRun codes a pending EOB run and the correction bits of its
// blocks, keeping those of the block in hand.
func (e *progEncoder) flushRun(t int) error {
	if e.eobrun == 0 {
		return nil
	}
	n := uint(bits.Len(uint(e.eobrun))) - 1
	if err := e.c.symbol(t, byte(n<<4), uint32(e.eobrun), n); err != nil {
		return err
	}
	for _, b := range e.corr[:e.be] {
		e.c.bits(uint32(b), 1)
	}
	e.corr = append(e.corr[:0], e.corr[e.be:]...)
	e.eobrun, e.be = 0, 0
	return nil
}
