package ebml

import (
	"errors"
	"fmt"
	"io"
)

// Element IDs used here (Matroska specification).
const (
	IDHeader  = 0x1A45DFA3
	IDDocType = 0x4282
	IDSegment = 0x18538067
	IDCluster = 0x1F43B675
)

// Unknown is the size of an element whose size field is all ones: it
// runs until its parent ends (live recordings write clusters this way).
const Unknown = -1

// ErrTruncated is wrapped when an element claims more bytes than remain.
var ErrTruncated = errors.New("the file is truncated")

// Element is one element's header.
type Element struct {
	ID     uint32
	Offset int64 // of the ID's first byte
	Header int64 // bytes of ID and size
	Size   int64 // of the body, or Unknown
}

// Body is the offset of the element's body.
func (e Element) Body() int64 { return e.Offset + e.Header }

// vint decodes a variable-length integer at the start of b: its value
// (marker bit removed unless keep), its length, and whether all value
// bits were ones (an unknown size).
func vint(b []byte, keep bool) (v uint64, n int, ones bool, err error) {
	if len(b) == 0 {
		return 0, 0, false, io.ErrUnexpectedEOF
	}
	for n = 1; n <= 8 && b[0]&(0x80>>(n-1)) == 0; n++ {
	}
	if n > 8 {
		return 0, 0, false, errors.New("invalid variable-length integer")
	}
	if len(b) < n {
		return 0, 0, false, io.ErrUnexpectedEOF
	}
	v = uint64(b[0])
	if !keep {
		v &= 0xFF >> n
	}
	for _, c := range b[1:n] {
		v = v<<8 | uint64(c)
	}
	mask := uint64(1)<<(7*n) - 1
	return v, n, v&mask == mask && !keep, nil
}

// ReadElement reads the element header at off; the element must end by
// end unless its size is unknown.
func ReadElement(r io.ReaderAt, off, end int64) (Element, error) {
	var h [12]byte
	k, _ := r.ReadAt(h[:min(int64(len(h)), max(0, end-off))], off)
	return parseElement(h[:k], off, end)
}

func parseElement(h []byte, off, end int64) (Element, error) {
	id, n, _, err := vint(h, true)
	if err != nil || n > 4 {
		return Element{}, fmt.Errorf("%w: no element header at byte %d", ErrTruncated, off)
	}
	size, m, unknown, err := vint(h[n:], false)
	if err != nil {
		return Element{}, fmt.Errorf("%w: element 0x%X at byte %d lacks its size", ErrTruncated, id, off)
	}
	e := Element{ID: uint32(id), Offset: off, Header: int64(n + m), Size: int64(size)}
	if unknown {
		e.Size = Unknown
		return e, nil
	}
	if size > 1<<56 || e.Body()+e.Size > end {
		return e, fmt.Errorf("%w: element 0x%X at byte %d declares %d bytes, %d remain", ErrTruncated, id, off, size, end-e.Body())
	}
	return e, nil
}

// DocType reads the EBML header at the start of the file and returns its
// document type ("matroska", "webm"), or an error for a file that is not
// EBML.
func DocType(r io.ReaderAt, size int64) (string, error) {
	hdr, err := ReadElement(r, 0, size)
	if err != nil {
		return "", err
	}
	if hdr.ID != IDHeader || hdr.Size == Unknown || hdr.Size > 4096 {
		return "", errors.New("not an EBML file")
	}
	body := make([]byte, hdr.Size)
	if _, err := r.ReadAt(body, hdr.Body()); err != nil {
		return "", err
	}
	for off := int64(0); off < int64(len(body)); {
		e, err := parseElement(body[off:min(off+12, int64(len(body)))], off, int64(len(body)))
		if err != nil || e.Size == Unknown {
			return "", fmt.Errorf("the EBML header is damaged: %w", err)
		}
		if e.ID == IDDocType {
			return string(trimZero(body[e.Body() : e.Body()+e.Size])), nil
		}
		off = e.Body() + e.Size
	}
	return "", errors.New("the EBML header names no document type")
}

func trimZero(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}
