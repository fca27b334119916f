package jpegcoef

import "encoding/binary"

// reader reads destuffed entropy-coded bits MSB first. acc holds n bits
// left-aligned; refill tops it up to at least 56 from an unaligned 8-byte
// load (the "bit position" refill of fast Huffman decoders). Past the end
// of buf it reads zeros and pos keeps counting, so bitpos shows how far a
// damaged stream overran.
type reader struct {
	buf []byte
	pos int // next byte to load
	acc uint64
	n   uint
}

// refillFast is refill's fast path on a hot loop's copies of the
// reader's fields; ok is false near the end of buf, where the loop must
// store them back and call refill.
func refillFast(buf []byte, acc uint64, n uint, pos int) (uint64, uint, int, bool) {
	if pos+8 > len(buf) {
		return acc, n, pos, false
	}
	acc |= binary.BigEndian.Uint64(buf[pos:]) >> n
	return acc, n | 56, pos + int(63-n)>>3, true
}

func (r *reader) refill() {
	if r.pos+8 <= len(r.buf) {
		r.acc |= binary.BigEndian.Uint64(r.buf[r.pos:]) >> r.n
		r.pos += int(63-r.n) >> 3
		r.n |= 56
		return
	}
	for r.n <= 56 {
		if r.pos < len(r.buf) {
			r.acc |= uint64(r.buf[r.pos]) << (56 - r.n)
		}
		r.pos++
		r.n += 8
	}
}

// bitpos is the position of the next unread bit.
func (r *reader) bitpos() int { return r.pos*8 - int(r.n) }

// seek moves to bit b.
func (r *reader) seek(b int) {
	r.pos, r.acc, r.n = b>>3, 0, 0
	r.refill()
	r.acc <<= uint(b & 7)
	r.n -= uint(b & 7)
}

// bits takes the next s (≤ 16) bits as an unsigned number.
func (r *reader) bits(s uint) int32 {
	if r.n < 16 {
		r.refill()
	}
	v := int32(r.acc >> 32 >> (32 - s))
	r.acc <<= s
	r.n -= s
	return v
}

// receive takes s magnitude bits and extends them to a signed value
// (T.81 F.2.2.1).
func (r *reader) receive(s uint) int32 {
	if s == 0 {
		return 0
	}
	v := r.bits(s)
	if v < 1<<(s-1) {
		v += -1<<s + 1
	}
	return v
}

// decode reads one Huffman symbol.
func (r *reader) decode(t *decTable) (byte, error) {
	if r.n < 16 {
		r.refill()
	}
	if e := t.look[r.acc>>(64-lookBits)]; e != 0 {
		l := uint(e >> 8)
		r.acc <<= l
		r.n -= l
		return byte(e), nil
	}
	peek := int32(r.acc >> 48)
	for l := uint(lookBits + 1); l <= 16; l++ {
		code := peek >> (16 - l)
		if code <= t.maxcode[l] {
			r.acc <<= l
			r.n -= l
			return t.vals[byte(t.valptr[l]+code)], nil
		}
	}
	return 0, corrupt("invalid Huffman code")
}

// dcDiff reads one DC difference of a sequential or first DC scan.
func (r *reader) dcDiff(t *decTable) (int32, error) {
	s, err := r.decode(t)
	if err != nil {
		return 0, err
	}
	if s > 11 {
		return 0, corrupt("DC difference of %d bits", s)
	}
	return r.receive(uint(s)), nil
}

// block reads one block of a sequential scan into blk (zigzag order),
// DC as the difference from the previous block, one symbol at a time.
func (r *reader) block(dc, ac *decTable, blk *[64]int16) error {
	d, err := r.dcDiff(dc)
	if err != nil {
		return err
	}
	*blk = [64]int16{}
	blk[0] = int16(d)
	return r.blockRest(ac, blk, 1)
}
