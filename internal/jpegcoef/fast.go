package jpegcoef

// fullBits is the window of the full-decode AC table.
const fullBits = 11

// fullTable decodes an AC code and, when code and magnitude fit in the
// window, its value too, so most coefficients cost one lookup. Entry
// layout (0 = the code is longer than the window):
//
//	bits 0-4   bits to consume: code and magnitude, or the code alone
//	bit 5      the value is in bits 16-31
//	bits 8-11  zero run
//	bits 12-15 magnitude size
//	bits 16-31 the coefficient, when bit 5 is set
type fullTable [1 << fullBits]uint32

const fullValue = 1 << 5

// fuller returns the table, building it on first use.
func (h *Huff) fuller() *fullTable {
	if h.full != nil {
		return h.full
	}
	t := new(fullTable)
	h.canonical(func(sym byte, code uint32, l uint) {
		if l > fullBits {
			return
		}
		run, size := uint32(sym>>4), uint32(sym&15)
		first := code << (fullBits - l)
		for i := first; i < first+1<<(fullBits-l); i++ {
			e := uint32(l) | run<<8 | size<<12
			if size == 0 || l+uint(size) <= fullBits {
				v := extendBits(int32(i>>(fullBits-l-uint(size)))&(1<<size-1), size)
				e = uint32(l+uint(size)) | fullValue | run<<8 | size<<12 | uint32(uint16(v))<<16
			}
			t[i] = e
		}
	})
	h.full = t
	return t
}

// extendBits is receive's sign extension for s bits already read.
func extendBits(v int32, s uint32) int32 {
	if s > 0 && v < 1<<(s-1) {
		v += -1<<s + 1
	}
	return v
}

// blockFast reads one block of a sequential scan into blk (zigzag order,
// DC as a difference), through the one-lookup paths; long codes and a
// corrupt stream fall to block's careful path for the rest of the block.
func (r *reader) blockFast(dc *decTable, ac *fullTable, acd *decTable, blk *[64]int16) error {
	d, err := r.dcFast(dc)
	if err != nil {
		return err
	}
	*blk = [64]int16{}
	blk[0] = int16(d)
	acc, n, pos, buf := r.acc, r.n, r.pos, r.buf
	k := 1
	for k < 64 {
		var ok bool
		if acc, n, pos, ok = refillFast(buf, acc, n, pos); !ok {
			r.acc, r.n, r.pos = acc, n, pos
			r.refill()
			acc, n, pos = r.acc, r.n, r.pos
		}
		e := ac[acc>>(64-fullBits)]
		if e&fullValue == 0 {
			r.acc, r.n, r.pos = acc, n, pos
			return r.blockRest(acd, blk, k)
		}
		b := uint(e & 31)
		acc <<= b
		n -= b
		run, size := int(e>>8&15), e>>12&15
		if size == 0 {
			if run != 15 {
				break
			}
			k += 16
			continue
		}
		if k += run; k > 63 || size > 10 {
			return corrupt("AC run past the end of a block")
		}
		blk[k] = int16(e >> 16)
		k++
	}
	r.acc, r.n, r.pos = acc, n, pos
	if k > 64 {
		return corrupt("AC run past the end of a block")
	}
	return nil
}

// blockRest reads the AC coefficients of blk from position k on, one
// symbol at a time.
func (r *reader) blockRest(ac *decTable, blk *[64]int16, k int) error {
	for ; k < 64; k++ {
		s, err := r.decode(ac)
		if err != nil {
			return err
		}
		run, size := int(s>>4), uint(s&15)
		if size == 0 {
			if run != 15 {
				return nil
			}
			if k += 15; k > 63 {
				return corrupt("AC run past the end of a block")
			}
			continue
		}
		if k += run; k > 63 || size > 10 {
			return corrupt("AC run past the end of a block")
		}
		blk[k] = int16(r.receive(size))
	}
	return nil
}
