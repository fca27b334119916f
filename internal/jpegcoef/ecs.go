package jpegcoef

import (
	"bytes"
	"sync"
)

// ecs is a scan's entropy-coded data with stuffing undone and restart
// markers taken out, so the bit reader needs no marker handling and a bit
// position is a plain offset.
type ecs struct {
	buf []byte // the data bits, interval after interval
	ivs []ival // restart intervals in order
	end int    // offset in the file where the scan's data ends
	raw []byte // the file
}

// ival is one restart interval: where its bits start in buf and its
// bytes in the file.
type ival struct {
	bit int // first bit in buf
	src int // first byte in the file
}

// destuff reads the data of scan s, checking that restart markers come
// in order (RST0..7, cycling). dst is reused if large enough.
func destuff(f *File, s *Scan, dst []byte) (*ecs, error) {
	data, p, end := f.Data, s.Start, s.End
	if cap(dst) < end-p {
		Recycle(dst)
		dst = scratch(end - p)
	}
	e := &ecs{buf: dst[:0], ivs: []ival{{0, p}}, end: end, raw: data}
	for p < end {
		i := bytes.IndexByte(data[p:end], 0xFF)
		if i < 0 {
			e.buf = append(e.buf, data[p:end]...)
			break
		}
		e.buf = append(e.buf, data[p:p+i]...)
		q := p + i + 1
		for q < end && data[q] == 0xFF {
			q++ // fill bytes
		}
		if q >= end {
			return nil, corrupt("scan data ends in fill bytes")
		}
		if data[q] == 0 {
			e.buf = append(e.buf, 0xFF)
		} else {
			if data[q] != 0xD0+byte((len(e.ivs)-1)&7) {
				return nil, corrupt("restart marker 0xFF%02X out of order at byte %d", data[q], q-1)
			}
			e.ivs = append(e.ivs, ival{len(e.buf) * 8, q + 1})
		}
		p = q + 1
	}
	return e, nil
}

// fit checks that the data has the n restart intervals the scan needs.
// Some encoders put a restart marker after the last interval too; a
// decoder never reads it, so unless strict it is dropped here (and the
// output does not carry it).
func (e *ecs) fit(n int, strict bool) error {
	last := e.ivs[len(e.ivs)-1]
	if !strict && len(e.ivs) == n+1 && last.bit == len(e.buf)*8 && last.src == e.end {
		e.ivs = e.ivs[:n]
		e.end = last.src - 2
		for e.end > 0 && e.raw[e.end-1] == 0xFF {
			e.end-- // fill bytes before the dropped marker
		}
	}
	if len(e.ivs) != n {
		return corrupt("%d restart intervals where the frame needs %d", len(e.ivs), n)
	}
	return nil
}

// ivalEnd is the bit where interval i's data ends (its padding included).
func (e *ecs) ivalEnd(i int) int {
	if i+1 < len(e.ivs) {
		return e.ivs[i+1].bit
	}
	return len(e.buf) * 8
}

// srcEnd is where interval i's bytes end in the file, after the restart
// marker that closes it.
func (e *ecs) srcEnd(i int) int {
	if i+1 < len(e.ivs) {
		return e.ivs[i+1].src
	}
	return e.end
}

// scratchPool keeps scan-sized buffers between pictures. Go zeroes
// every new slice, and a fresh slice of megabytes also costs its page
// faults: measured on a batch of phone photos, that was a fifth of the
// batch's CPU, more than the entropy walk over the same bytes.
var scratchPool sync.Pool // of *[]byte

// scratch returns an empty slice with room for n bytes, taken from the
// pool when the buffer there is large enough. Its bytes may be an earlier
// picture's: every byte is written before it is read.
func scratch(n int) []byte {
	if b, _ := scratchPool.Get().(*[]byte); b != nil && cap(*b) >= n {
		return (*b)[:0]
	}
	return make([]byte, 0, n+n/8) // room for a slightly larger next picture
}

// Recycle hands a buffer Encode returned back for the next picture; the
// caller must not use it afterwards.
func Recycle(b []byte) {
	if cap(b) >= 1<<16 {
		b = b[:0]
		scratchPool.Put(&b)
	}
}
