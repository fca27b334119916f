package jpegcoef

import (
	"bytes"
	"encoding/binary"
)

// writer appends entropy-coded bits to out with 0xFF00 stuffing. The
// low n bits of acc are pending; whole bytes leave as soon as 32 gather.
// bits counts what put was given, so a caller can tell how many bits a
// stretch of codes took.
type writer struct {
	out  []byte
	acc  uint64
	n    uint
	bits int
}

// put appends the low n (≤ 32) bits of v.
func (w *writer) put(v uint32, n uint) {
	w.bits += int(n)
	w.acc = w.acc<<n | uint64(v)
	if w.n += n; w.n >= 32 {
		w.n -= 32
		w.word(uint32(w.acc >> w.n))
	}
}

// bitCount is how many bits put has taken, 0 without a writer.
func (w *writer) bitCount() int {
	if w == nil {
		return 0
	}
	return w.bits
}

// word appends four bytes, stuffing a zero after each 0xFF.
func (w *writer) word(v uint32) {
	if !hasFF32(v) {
		w.out = binary.BigEndian.AppendUint32(w.out, v)
		return
	}
	for s := 24; s >= 0; s -= 8 {
		w.byte(byte(v >> s))
	}
}

func (w *writer) byte(c byte) {
	w.out = append(w.out, c)
	if c == 0xFF {
		w.out = append(w.out, 0)
	}
}

// hasFF32 and hasFF64 report whether any byte of v is 0xFF: a zero byte
// of ^v, found with the borrow trick.
func hasFF32(v uint32) bool {
	x := ^v
	return (x-0x01010101)&^x&0x80808080 != 0
}

func hasFF64(v uint64) bool {
	x := ^v
	return (x-0x0101010101010101)&^x&0x8080808080808080 != 0
}

// drain sends out whole pending bytes, leaving fewer than 8 bits.
func (w *writer) drain() {
	for w.n >= 8 {
		w.n -= 8
		w.byte(byte(w.acc >> w.n))
	}
	w.acc &= 1<<w.n - 1
}

// align pads to a byte boundary with one bits (T.81 F.1.2.3) and sends
// everything out.
func (w *writer) align() {
	if pad := (8 - w.n%8) % 8; pad > 0 {
		w.put(1<<pad-1, pad)
	}
	w.drain()
}

// marker aligns and appends a marker such as RSTn.
func (w *writer) marker(m byte) {
	w.align()
	w.out = append(w.out, 0xFF, m)
}

// raw appends bytes that are already stuffed; the writer must be aligned.
func (w *writer) raw(b []byte) { w.out = append(w.out, b...) }

// copyBits appends bits [from, to) of the destuffed src, stuffing them
// again. This is how untouched runs of MCUs reach the output: their bits
// unchanged, at whatever bit offset the output has reached.
func (w *writer) copyBits(src []byte, from, to int) {
	if h := min((8-from%8)%8, to-from); h > 0 {
		w.put(peekBits(src, from, uint(h)), uint(h))
		from += h
	}
	if to-from >= 8 {
		w.drain()
		if w.n == 0 {
			w.stuffed(src[from/8 : to/8])
			from = to / 8 * 8
		} else {
			from = w.shifted(src, from, to)
		}
	}
	for from < to {
		h := min(to-from, 8)
		w.put(peekBits(src, from, uint(h)), uint(h))
		from += h
	}
}

// stuffed appends whole bytes, stuffing each 0xFF.
func (w *writer) stuffed(b []byte) {
	for len(b) > 0 {
		i := bytes.IndexByte(b, 0xFF)
		if i < 0 {
			w.out = append(w.out, b...)
			return
		}
		w.out = append(w.out, b[:i+1]...)
		w.out = append(w.out, 0)
		b = b[i+1:]
	}
}

// shifted copies whole source bytes from the byte-aligned bit from while
// the output is not aligned: 64 bits at a time, each word made of the
// pending bits and the source shifted right by their count. It returns
// the bit where it stopped.
func (w *writer) shifted(src []byte, from, to int) int {
	s := w.n
	p := w.acc << (64 - s)
	for ; to-from >= 64; from += 64 {
		v := binary.BigEndian.Uint64(src[from/8:])
		o := p | v>>s
		p = v << (64 - s)
		if hasFF64(o) {
			w.word(uint32(o >> 32))
			w.word(uint32(o))
		} else {
			w.out = binary.BigEndian.AppendUint64(w.out, o)
		}
	}
	w.acc = p >> (64 - s)
	return from
}

// peekBits returns n (≤ 32) bits of src from bit b, right-aligned.
func peekBits(src []byte, b int, n uint) uint32 {
	var v uint64
	for i := range 5 {
		v <<= 8
		if j := b/8 + i; j < len(src) {
			v |= uint64(src[j])
		}
	}
	return uint32(v << 24 << uint(b%8) >> (64 - n))
}

// sameBits reports whether n bits of a from bit i equal n bits of b from
// bit j: whole bytes compared directly when the two are aligned alike,
// else 56 bits at a time from unaligned 8-byte loads.
func sameBits(a []byte, i int, b []byte, j int, n int) bool {
	if i&7 == j&7 {
		h := min((8-i&7)&7, n)
		if h > 0 && peekBits(a, i, uint(h)) != peekBits(b, j, uint(h)) {
			return false
		}
		i, j, n = i+h, j+h, n-h
		if !bytes.Equal(a[i/8:(i+n)/8], b[j/8:(j+n)/8]) {
			return false
		}
		k := n &^ 7
		i, j, n = i+k, j+k, n-k
	}
	for ; n >= 56 && i/8+8 <= len(a) && j/8+8 <= len(b); i, j, n = i+56, j+56, n-56 {
		x := binary.BigEndian.Uint64(a[i/8:]) << (i & 7)
		y := binary.BigEndian.Uint64(b[j/8:]) << (j & 7)
		if (x^y)>>8 != 0 {
			return false
		}
	}
	for ; n > 0; i, j, n = i+min(n, 32), j+min(n, 32), n-min(n, 32) {
		if m := uint(min(n, 32)); peekBits(a, i, m) != peekBits(b, j, m) {
			return false
		}
	}
	return true
}
