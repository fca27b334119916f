package c2pa

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// c2paUUID names the top-level uuid box that holds a manifest store in
// ISO BMFF files (MP4, MOV, M4A), C2PA "Embedding manifests into BMFF".
var c2paUUID = [16]byte{0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81}

// bmffBox is one box: where it is, its whole size and its header length
// (8, or 16 with a 64-bit size).
type bmffBox struct {
	typ       string
	off, size int64
	header    int64
}

var errBMFF = errors.New("c2pa: bmff: malformed boxes")

// maxBoxes bounds how many boxes one level may list, so a file of tiny
// boxes cannot make Belgi allocate without end.
const maxBoxes = 1 << 20

// topBoxes lists the boxes between off and end, reading only headers.
func boxesIn(r io.ReaderAt, off, end int64) ([]bmffBox, error) {
	var out []bmffBox
	for off < end {
		b, err := readBMFFBox(r, off, end)
		if err != nil {
			return nil, err
		}
		if len(out) == maxBoxes {
			return nil, fmt.Errorf("%w: more than %d boxes", errBMFF, maxBoxes)
		}
		out = append(out, b)
		off += b.size
	}
	return out, nil
}

// topBoxes lists a file's top-level boxes.
func topBoxes(r io.ReaderAt, size int64) ([]bmffBox, error) {
	return boxesIn(r, 0, size)
}

func readBMFFBox(r io.ReaderAt, off, end int64) (bmffBox, error) {
	var h [16]byte
	if end-off < 8 {
		return bmffBox{}, fmt.Errorf("%w: %d stray bytes at %d", errBMFF, end-off, off)
	}
	if _, err := r.ReadAt(h[:8], off); err != nil {
		return bmffBox{}, fmt.Errorf("%w: %v", errBMFF, err)
	}
	b := bmffBox{typ: string(h[4:8]), off: off, size: int64(binary.BigEndian.Uint32(h[:4])), header: 8}
	switch b.size {
	case 0:
		b.size = end - off
	case 1:
		if end-off < 16 {
			return bmffBox{}, fmt.Errorf("%w: truncated box at %d", errBMFF, off)
		}
		if _, err := r.ReadAt(h[8:16], off+8); err != nil {
			return bmffBox{}, fmt.Errorf("%w: %v", errBMFF, err)
		}
		b.size, b.header = int64(binary.BigEndian.Uint64(h[8:16])), 16
	}
	if b.size < b.header || b.size > end-off {
		return bmffBox{}, fmt.Errorf("%w: box %q at %d runs past its parent", errBMFF, b.typ, off)
	}
	return b, nil
}

// body reads a box's payload, refusing ones over limit bytes.
func (b bmffBox) body(r io.ReaderAt, limit int64) ([]byte, error) {
	n := b.size - b.header
	if n > limit {
		return nil, fmt.Errorf("c2pa: bmff: box %q of %d bytes is too large", b.typ, n)
	}
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, b.off+b.header); err != nil {
		return nil, fmt.Errorf("%w: %v", errBMFF, err)
	}
	return buf, nil
}

// c2paBox reads a C2PA uuid box's payload: version and flags, a purpose
// string, and for "manifest" an 8-byte offset to auxiliary boxes before
// the store. ok is false for other uuid boxes.
func c2paBox(r io.ReaderAt, b bmffBox, limit int64) (store []byte, purpose string, ok bool, err error) {
	if b.typ != "uuid" || b.size < b.header+16 {
		return nil, "", false, nil
	}
	body, err := b.body(r, limit)
	if err != nil || [16]byte(body[:16]) != c2paUUID {
		return nil, "", false, err
	}
	rest := body[16:]
	if len(rest) < 5 {
		return nil, "", true, fmt.Errorf("%w: short C2PA box", errBMFF)
	}
	rest = rest[4:] // version and flags
	end := indexByte(rest, 0)
	if end < 0 {
		return nil, "", true, fmt.Errorf("%w: C2PA box purpose not terminated", errBMFF)
	}
	purpose, rest = string(rest[:end]), rest[end+1:]
	if purpose == "manifest" || purpose == "original" || purpose == "update" {
		if len(rest) < 8 {
			return nil, purpose, true, fmt.Errorf("%w: C2PA box without its merkle offset", errBMFF)
		}
		rest = rest[8:]
	}
	return rest, purpose, true, nil
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
