package jpegenc

import (
	"encoding/binary"
	"io"
)

// bitWriter packs Huffman codes into bytes with JPEG's 0xFF stuffing and
// hands them to w in large chunks. It is its own buffer rather than a
// bufio.Writer so the hot path is an append on a slice that never grows.
type bitWriter struct {
	w   io.Writer
	err error
	buf []byte
	acc uint64 // pending bits are the low n bits
	n   uint32
}

const (
	chunkSize = 1 << 16
	// flushAt leaves room for one worst-case MCU (10 blocks of at most
	// 64 codes of 27 bits, doubled by stuffing) before buf must be drained.
	flushAt = chunkSize - 10*64*27*2/8
)

func newBitWriter(w io.Writer) bitWriter {
	return bitWriter{w: w, buf: make([]byte, 0, chunkSize)}
}

// put appends the low n bits of bits (n ≤ 32). At most 31 bits wait in acc
// between calls, so acc never overflows. The hot caller, putValue, repeats
// these lines inline; the rare spill stays a call.
func (b *bitWriter) put(bits, n uint32) {
	b.acc = b.acc<<n | uint64(bits)
	b.n += n
	if b.n >= 32 {
		b.spill()
	}
}

func (b *bitWriter) spill() {
	b.n -= 32
	b.emit32(uint32(b.acc >> b.n))
}

// emit32 appends four bytes, stuffing a zero after each 0xFF. Most words
// contain no 0xFF, so they go out in one store.
func (b *bitWriter) emit32(w uint32) {
	x := ^w // a 0xFF byte in w is a zero byte in x
	if (x-0x01010101)&^x&0x80808080 == 0 {
		b.buf = binary.BigEndian.AppendUint32(b.buf, w)
		return
	}
	for s := 24; s >= 0; s -= 8 {
		c := byte(w >> s)
		b.buf = append(b.buf, c)
		if c == 0xFF {
			b.buf = append(b.buf, 0)
		}
	}
}

// align pads the pending bits to a byte boundary with ones, as T.81
// F.1.2.3 asks before a marker, and writes them out.
func (b *bitWriter) align() {
	if pad := (8 - b.n%8) % 8; pad > 0 {
		b.acc = b.acc<<pad | (1<<pad - 1)
		b.n += pad
	}
	for b.n >= 8 {
		b.n -= 8
		c := byte(b.acc >> b.n)
		b.buf = append(b.buf, c)
		if c == 0xFF {
			b.buf = append(b.buf, 0)
		}
	}
}

// marker aligns and writes a two-byte marker such as RSTn.
func (b *bitWriter) marker(m byte) {
	b.align()
	b.buf = append(b.buf, 0xFF, m)
}

// maybeFlush drains buf once it nears its capacity.
func (b *bitWriter) maybeFlush() {
	if len(b.buf) >= flushAt {
		b.flush()
	}
}

// flush writes buf out; after the first error later writes are dropped
// and the error is reported once, by Encode.
func (b *bitWriter) flush() {
	if b.err == nil && len(b.buf) > 0 {
		_, b.err = b.w.Write(b.buf)
	}
	b.buf = b.buf[:0]
}
