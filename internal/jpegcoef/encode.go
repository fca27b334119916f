package jpegcoef

import (
	"errors"
	"math/bits"
)

// errNoCode: a changed block needs a symbol the source's table lacks.
var errNoCode = errors.New("jpegcoef: a Huffman table has no code for a symbol the edit needs")

// maxDCDiff is the largest DC difference an 8-bit scan can code (11
// bits). Valid DC terms never differ by more, but a damaged file's DC
// predictor can drift out of range, which decoders tolerate; the block
// coded after such a block would then need a 12-bit difference, which
// no decoder accepts (the fuzzer found one).
const maxDCDiff = 1<<11 - 1

// errDCRange is the splice refused for such a file: it is labeled by the
// full decode and re-encode instead.
var errDCRange = &Error{What: "a DC term outside the 8-bit range: the difference to the label's blocks cannot be coded", Kind: ErrCorrupt}

// coder codes symbols into a writer with fixed tables, or only counts
// them (w nil) to build optimal tables. Tables are indexed by slot: DC
// slots 0-3, AC slots 4-7, as scan headers name them.
type coder struct {
	w    *writer
	tabs [8]*encTable
	freq *[8][257]int
}

// symbol codes sym, followed by the low n bits of extra.
func (c *coder) symbol(t int, sym byte, extra uint32, n uint) error {
	if c.w == nil {
		c.freq[t][sym]++
		return nil
	}
	e := c.tabs[t][sym]
	if e == 0 {
		return errNoCode
	}
	c.w.put(e>>8<<n|extra&(1<<n-1), uint(e&0xFF)+n)
	return nil
}

// bits writes raw bits (refinement and correction bits).
func (c *coder) bits(v uint32, n uint) {
	if c.w != nil {
		c.w.put(v, n)
	}
}

// value codes v as a (run, size) symbol and its magnitude bits (T.81
// F.1.2.1: a negative value as v-1 in size bits).
func (c *coder) value(t, run int, v int32) error {
	m := v
	if v < 0 {
		m, v = -v, v-1
	}
	s := bits.Len32(uint32(m))
	return c.symbol(t, byte(run<<4|s), uint32(v), uint(s))
}

// seqBlock codes one block of a sequential scan (zigzag order, absolute
// DC) after a block whose DC was pred.
func (c *coder) seqBlock(blk *[64]int16, pred int32, dc, ac int) error {
	if d := int32(blk[0]) - pred; d > maxDCDiff || d < -maxDCDiff {
		return errDCRange
	}
	if c.w != nil {
		if !c.w.seqBlock(blk, pred, c.tabs[dc], c.tabs[ac]) {
			return errNoCode
		}
		return nil
	}
	if err := c.value(dc, 0, int32(blk[0])-pred); err != nil {
		return err
	}
	run := 0
	for k := 1; k < 64; k++ {
		if blk[k] == 0 {
			run++
			continue
		}
		for ; run > 15; run -= 16 {
			c.freq[ac][0xF0]++
		}
		if err := c.value(ac, run, int32(blk[k])); err != nil {
			return err
		}
		run = 0
	}
	if run > 0 {
		c.freq[ac][0]++
	}
	return nil
}

// seqBlock writes one block with fixed tables, the hot path of the
// splicer's second pass; false means a table lacks a code it needs.
func (w *writer) seqBlock(blk *[64]int16, pred int32, dc, ac *encTable) bool {
	if !w.value(dc, 0, int32(blk[0])-pred) {
		return false
	}
	run := 0
	for k := 1; k < 64; k++ {
		v := blk[k]
		if v == 0 {
			run++
			continue
		}
		for ; run > 15; run -= 16 {
			if e := ac[0xF0]; e != 0 {
				w.put(e>>8, uint(e&0xFF))
			} else {
				return false
			}
		}
		if !w.value(ac, run, int32(v)) {
			return false
		}
		run = 0
	}
	if run > 0 {
		e := ac[0]
		w.put(e>>8, uint(e&0xFF))
		return e != 0
	}
	return true
}

// value writes v as a (run, size) code and its magnitude bits.
func (w *writer) value(t *encTable, run int, v int32) bool {
	m := v
	if v < 0 {
		m, v = -v, v-1
	}
	s := uint(bits.Len32(uint32(m)))
	e := t[byte(run<<4)|byte(s)]
	w.put(e>>8<<s|uint32(v)&(1<<s-1), uint(e&0xFF)+s)
	return e != 0
}
