package jpegscale

import "errors"

// lookBits is how many bits the lookup tables resolve at once. Ten bits
// cover nearly every code of a photo's tables, so the slow walk over
// longer codes is rare.
const lookBits = 10

// eob is the step of an end-of-block entry: large enough that the block
// loop ends, and distinguishable from a run that overshoots coefficient 63.
const eob = 0xFF

var errBadCode = errors.New("jpegscale: corrupt data: invalid Huffman code")

// huffTable is one DHT table (T.81 C and F.2.2.3) with two lookup tables
// over the next lookBits bits, 0 meaning "longer code, walk maxcode":
//   - sym: code length<<8 | symbol, for DC differences whose value we need;
//   - skip: bits to drop<<8 | coefficient step, for AC codes, whose values
//     a 1/8 decode never needs: the code and its magnitude bits go in one
//     shift, and the step advances past the zero run (eob ends the block).
type huffTable struct {
	defined bool
	sym     [1 << lookBits]uint16
	skip    [1 << lookBits]uint16
	maxcode [17]int32 // largest code of each length, -1 if none
	valptr  [17]int32 // index in vals of a length's first code, minus that code
	vals    [256]byte
}

// parseDHT reads one table from the start of b and returns what is left.
func (t *huffTable) parse(b []byte) ([]byte, error) {
	if len(b) < 16 {
		return nil, errors.New("jpegscale: short DHT segment")
	}
	counts, b := b[:16], b[16:]
	total := 0
	for _, c := range counts {
		total += int(c)
	}
	if total == 0 || total > 256 || total > len(b) {
		return nil, errors.New("jpegscale: bad DHT segment")
	}
	*t = huffTable{defined: true}
	copy(t.vals[:], b[:total])
	if err := t.build(counts); err != nil {
		return nil, err
	}
	return b[total:], nil
}

// build assigns canonical codes (T.81 C.2) and fills the lookup tables.
func (t *huffTable) build(counts []byte) error {
	code, k := int32(0), int32(0)
	for l := 1; l <= 16; l++ {
		t.maxcode[l] = -1
		n := int32(counts[l-1])
		if code+n > 1<<l {
			return errors.New("jpegscale: bad DHT segment: too many codes")
		}
		if n > 0 {
			t.valptr[l] = k - code
			for range n {
				t.setFast(uint(l), code, t.vals[k])
				code++
				k++
			}
			t.maxcode[l] = code - 1
		}
		code <<= 1
	}
	return nil
}

// setFast fills every lookup entry whose leading l bits are code.
func (t *huffTable) setFast(l uint, code int32, v byte) {
	if l > lookBits {
		return
	}
	first := int(code) << (lookBits - l)
	sym, skip := uint16(l)<<8|uint16(v), acSkip(l, v)
	for i := first; i < first+1<<(lookBits-l); i++ {
		t.sym[i], t.skip[i] = sym, skip
	}
}

// acSkip is the skip entry for AC symbol v (run<<4 | size) with a code of
// l bits. A zero size with a run other than 15 ends the block, as EOB
// does; sequential data has no other meaning for it.
func acSkip(l uint, v byte) uint16 {
	run, size := uint16(v>>4), uint16(v&15)
	switch {
	case v == 0xF0:
		return uint16(l)<<8 | 16
	case size == 0:
		return uint16(l)<<8 | eob
	}
	return (uint16(l)+size)<<8 | (run + 1)
}

// slow decodes a code longer than lookBits by walking maxcode; it needs
// at least 16 bits in r.
func (t *huffTable) slow(r *bitReader) (byte, error) {
	peek := int32(r.acc >> 48)
	for l := uint(lookBits + 1); l <= 16; l++ {
		code := peek >> (16 - l)
		if code <= t.maxcode[l] {
			r.acc <<= l
			r.n -= l
			return t.vals[byte(t.valptr[l]+code)], nil
		}
	}
	return 0, errBadCode
}

// decode reads one symbol.
func (t *huffTable) decode(r *bitReader) (byte, error) {
	if r.n < 32 {
		r.fill()
	}
	e := t.sym[r.acc>>(64-lookBits)]
	if e == 0 {
		return t.slow(r)
	}
	l := uint(e >> 8)
	r.acc <<= l
	r.n -= l
	return byte(e), nil
}
