package jpegscale

import "encoding/binary"

// bitReader reads an entropy-coded segment MSB first (T.81 F.2.2.5).
// acc holds n bits left-aligned; 0xFF00 stuffing is undone as bytes are
// loaded. At a marker or the end of the data it appends zero bytes and
// counts them in pad, so the hot loops never test for the end: a segment
// that needed more bits than it had shows up as pad > n, which callers
// check once per MCU.
type bitReader struct {
	data []byte
	pos  int // next byte to load
	acc  uint64
	n    uint // bits in acc, padding included
	pad  uint // zero bits appended past the segment's end
}

// overrun reports whether more bits were consumed than the segment held.
func (r *bitReader) overrun() bool { return r.pad > r.n }

// restartAt starts a new entropy-coded segment at data[pos:].
func (r *bitReader) restartAt(pos int) {
	r.pos, r.acc, r.n, r.pad = pos, 0, 0, 0
}

// fill tops acc up to at least 57 bits. Eight bytes free of 0xFF (almost
// all of them, in practice) are loaded in one go; the bits of a byte only
// partly loaded sit below n, and are exactly what the next load ORs in.
func (r *bitReader) fill() {
	if r.pos+8 <= len(r.data) {
		w := binary.BigEndian.Uint64(r.data[r.pos:])
		if !hasFF(w) {
			k := (64 - r.n) >> 3
			r.acc |= w >> r.n
			r.n += k << 3
			r.pos += int(k)
			return
		}
	}
	for r.n <= 56 {
		r.acc |= uint64(r.nextByte()) << (56 - r.n)
		r.n += 8
	}
}

// nextByte returns the next data byte, 0xFF for a stuffed 0xFF00, or a
// padding zero at a marker or the end of the data.
func (r *bitReader) nextByte() byte {
	if r.pos >= len(r.data) {
		r.pad += 8
		return 0
	}
	b := r.data[r.pos]
	if b != 0xFF {
		r.pos++
		return b
	}
	if r.pos+1 < len(r.data) && r.data[r.pos+1] == 0 {
		r.pos += 2
		return 0xFF
	}
	r.pad += 8
	return 0
}

// hasFF reports whether any byte of w is 0xFF: a zero byte of ^w, found
// with the borrow trick.
func hasFF(w uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	x := ^w
	return (x-lo)&^x&hi != 0
}

// bits takes the next s (≤ 32) bits as an unsigned number.
func (r *bitReader) bits(s uint) uint32 {
	if r.n < 32 {
		r.fill()
	}
	v := uint32(r.acc >> 32 >> (32 - s))
	r.acc <<= s
	r.n -= s
	return v
}

// extend turns s magnitude bits into a signed value (T.81 F.2.2.1).
func extend(v uint32, s uint) int32 {
	if s == 0 {
		return 0
	}
	if v < 1<<(s-1) {
		return int32(v) - (1 << s) + 1
	}
	return int32(v)
}
