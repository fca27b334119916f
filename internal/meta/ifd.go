package meta

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// tiffData is a TIFF structure: a whole TIFF file, or the payload of an
// EXIF block (JPEG APP1, PNG eXIf, WebP EXIF), which is the same thing.
type tiffData struct {
	b     []byte
	order binary.ByteOrder
	ifd0  uint32
}

// ifdEntry is one 12-byte directory entry; pos is where it sits in b, so
// that inline values can be patched in place.
type ifdEntry struct {
	Tag, Type uint16
	Count     uint32
	pos       int
}

// TIFF tags this package reads or writes.
const (
	tagOrientation = 0x0112
	tagPhotometric = 262
	tagXMP         = 700
	tagIPTC        = 33723
	tagICC         = 34675
)

// maxIFDEntries bounds a directory: real files have a few dozen, and a
// bogus count must not make us allocate or loop for long.
const maxIFDEntries = 4096

var errBigTIFF = errors.New("BigTIFF is not supported")

func parseTIFFHeader(b []byte) (tiffData, error) {
	if len(b) < 8 {
		return tiffData{}, errors.New("TIFF header truncated")
	}
	t := tiffData{b: b}
	switch string(b[:2]) {
	case "II":
		t.order = binary.LittleEndian
	case "MM":
		t.order = binary.BigEndian
	default:
		return tiffData{}, fmt.Errorf("bad TIFF byte order %q", b[:2])
	}
	switch t.order.Uint16(b[2:]) {
	case 42:
	case 43:
		return tiffData{}, errBigTIFF
	default:
		return tiffData{}, errors.New("bad TIFF magic number")
	}
	t.ifd0 = t.order.Uint32(b[4:])
	return t, nil
}

// entries reads the directory at off and the offset of the next one.
func (t tiffData) entries(off uint32) ([]ifdEntry, uint32, error) {
	if uint64(off)+2 > uint64(len(t.b)) || off < 8 {
		return nil, 0, fmt.Errorf("IFD offset %d outside data (size %d)", off, len(t.b))
	}
	n := int(t.order.Uint16(t.b[off:]))
	end := int(off) + 2 + 12*n
	if n > maxIFDEntries || end+4 > len(t.b) {
		return nil, 0, fmt.Errorf("IFD at %d with %d entries runs past data (size %d)", off, n, len(t.b))
	}
	es := make([]ifdEntry, n)
	for i := range es {
		p := int(off) + 2 + 12*i
		es[i] = ifdEntry{Tag: t.order.Uint16(t.b[p:]), Type: t.order.Uint16(t.b[p+2:]), Count: t.order.Uint32(t.b[p+4:]), pos: p}
	}
	return es, t.order.Uint32(t.b[end:]), nil
}

// typeSize is the byte size of one value of a TIFF field type, 0 if the
// type is unknown.
func typeSize(typ uint16) int {
	switch typ {
	case 1, 2, 6, 7:
		return 1
	case 3, 8:
		return 2
	case 4, 9, 11, 13:
		return 4
	case 5, 10, 12:
		return 8
	}
	return 0
}

// valueAt returns where e's value bytes sit in b (inline or at an offset).
func (t tiffData) valueAt(e ifdEntry) (int, int, error) {
	sz := typeSize(e.Type)
	if sz == 0 {
		return 0, 0, fmt.Errorf("tag %d has unknown type %d", e.Tag, e.Type)
	}
	n := uint64(sz) * uint64(e.Count)
	if n <= 4 {
		return e.pos + 8, int(n), nil
	}
	off := uint64(t.order.Uint32(t.b[e.pos+8:]))
	if off+n > uint64(len(t.b)) {
		return 0, 0, fmt.Errorf("tag %d value (%d bytes at %d) past data (size %d)", e.Tag, n, off, len(t.b))
	}
	return int(off), int(n), nil
}

// value returns e's value bytes, in t's byte order, aliasing t.b.
func (t tiffData) value(e ifdEntry) ([]byte, error) {
	p, n, err := t.valueAt(e)
	if err != nil {
		return nil, err
	}
	return t.b[p : p+n], nil
}

// uint reads the first value of a SHORT or LONG entry.
func (t tiffData) uint(e ifdEntry) (uint32, bool) {
	v, err := t.value(e)
	switch {
	case err != nil || e.Count == 0:
		return 0, false
	case e.Type == 3:
		return uint32(t.order.Uint16(v)), true
	case e.Type == 4:
		return t.order.Uint32(v), true
	}
	return 0, false
}

// find returns the entry for tag in es.
func find(es []ifdEntry, tag uint16) (ifdEntry, bool) {
	for _, e := range es {
		if e.Tag == tag {
			return e, true
		}
	}
	return ifdEntry{}, false
}
