package meta

import (
	"encoding/binary"
	"fmt"
)

// bmffBox is one ISO base media file format box: its type and payload.
type bmffBox struct {
	typ  string
	data []byte // after the header (and after version/flags for full boxes read with full)
	off  int    // offset of the payload in the walked buffer
}

// maxBoxes bounds how many boxes one level may hold: real HEIF files
// have a few dozen, and a hostile file must not make us loop for long.
const maxBoxes = 1 << 16

// walkBoxes splits b into boxes by their sizes (32-bit, 64-bit, or 0 for
// "to the end"); base is b's offset in the file, for error messages.
func walkBoxes(b []byte, base int) ([]bmffBox, error) {
	var out []bmffBox
	for p := 0; p < len(b); {
		if len(out) >= maxBoxes || p+8 > len(b) {
			return out, fmt.Errorf("box header at offset %d truncated or too many boxes", base+p)
		}
		size, hdr := uint64(binary.BigEndian.Uint32(b[p:])), 8
		switch size {
		case 0:
			size = uint64(len(b) - p)
		case 1:
			if p+16 > len(b) {
				return out, fmt.Errorf("box at offset %d: truncated large size", base+p)
			}
			size, hdr = binary.BigEndian.Uint64(b[p+8:]), 16
		}
		if size < uint64(hdr) || size > uint64(len(b)-p) {
			return out, fmt.Errorf("box %q at offset %d: size %d runs past the end", b[p+4:p+8], base+p, size)
		}
		out = append(out, bmffBox{typ: string(b[p+4 : p+8]), data: b[p+hdr : p+int(size)], off: base + p + hdr})
		p += int(size)
	}
	return out, nil
}

// child returns the first box of type typ.
func child(bs []bmffBox, typ string) (bmffBox, bool) {
	for _, b := range bs {
		if b.typ == typ {
			return b, true
		}
	}
	return bmffBox{}, false
}

// reader reads big-endian fields from a box payload, remembering the
// first overrun instead of panicking.
type reader struct {
	b   []byte
	p   int
	bad bool
}

func (r *reader) n(size int) uint64 {
	if size == 0 {
		return 0
	}
	if r.p+size > len(r.b) {
		r.bad = true
		r.p = len(r.b)
		return 0
	}
	var v uint64
	for _, c := range r.b[r.p : r.p+size] {
		v = v<<8 | uint64(c)
	}
	r.p += size
	return v
}

func (r *reader) u8() int     { return int(r.n(1)) }
func (r *reader) u16() int    { return int(r.n(2)) }
func (r *reader) u32() uint32 { return uint32(r.n(4)) }

// id reads an item ID: 16 bits in version 0 boxes, 32 bits after.
func (r *reader) id(version int) int {
	if version == 0 {
		return r.u16()
	}
	return int(r.u32())
}

// cstring reads a NUL-terminated string.
func (r *reader) cstring() string {
	start := r.p
	for r.p < len(r.b) && r.b[r.p] != 0 {
		r.p++
	}
	s := string(r.b[start:r.p])
	if r.p < len(r.b) {
		r.p++
	}
	return s
}

// full reads a full box's version and flags.
func (r *reader) full() (int, int) {
	v := r.n(4)
	return int(v >> 24), int(v & 0xFFFFFF)
}
