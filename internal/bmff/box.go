package bmff

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// ErrTruncated is wrapped when a box claims more bytes than there are.
var ErrTruncated = errors.New("the file is truncated")

// Box is one box: its type, where it starts and how long it is.
type Box struct {
	Type   string
	Offset int64 // of the box's first byte (its size field)
	Size   int64 // the whole box, header included
	// Header is the length of the size and type fields (8, or 16 with a
	// 64-bit size) plus the 16-byte extended type of a uuid box.
	Header int64
	UUID   [16]byte // the extended type of a uuid box
	// ToEnd: the box's size field was 0, so it runs to the end of the
	// enclosing space.
	ToEnd bool
}

// Body is the offset and length of the box's payload.
func (b Box) Body() (int64, int64) { return b.Offset + b.Header, b.Size - b.Header }

// End is the offset just past the box.
func (b Box) End() int64 { return b.Offset + b.Size }

// ReadBox reads the header of the box at off, which must end by end.
func ReadBox(r io.ReaderAt, off, end int64) (Box, error) {
	var h [32]byte
	if end-off < 8 {
		return Box{}, fmt.Errorf("%w: %d stray bytes at the end", ErrTruncated, end-off)
	}
	n, err := r.ReadAt(h[:min(int64(len(h)), end-off)], off)
	if n < 8 {
		return Box{}, fmt.Errorf("reading a box header at byte %d: %w", off, err)
	}
	return parseHeader(h[:n], off, end)
}

// parseHeader decodes a box header from b, the bytes at off (at least 8,
// up to 32), within a space ending at end.
func parseHeader(b []byte, off, end int64) (Box, error) {
	box := Box{Type: string(b[4:8]), Offset: off, Size: int64(binary.BigEndian.Uint32(b)), Header: 8}
	switch box.Size {
	case 0:
		box.Size, box.ToEnd = end-off, true
	case 1:
		if len(b) < 16 {
			return Box{}, fmt.Errorf("%w: box %q at byte %d lacks its 64-bit size", ErrTruncated, box.Type, off)
		}
		s := binary.BigEndian.Uint64(b[8:16])
		if s > 1<<62 {
			return Box{}, fmt.Errorf("%w: box %q at byte %d claims %d bytes", ErrTruncated, box.Type, off, s)
		}
		box.Size, box.Header = int64(s), 16
	}
	if box.Type == "uuid" {
		if int64(len(b)) < box.Header+16 || box.Size < box.Header+16 {
			return Box{}, fmt.Errorf("%w: uuid box at byte %d is too short", ErrTruncated, off)
		}
		copy(box.UUID[:], b[box.Header:box.Header+16])
		box.Header += 16
	}
	if box.Size < box.Header || box.Size > end-off {
		return Box{}, fmt.Errorf("%w: box %q at byte %d declares %d bytes, %d remain", ErrTruncated, box.Type, off, box.Size, end-off)
	}
	return box, nil
}

// List reads the boxes between off and end, one header at a time. On
// error it returns the boxes read before the fault.
func List(r io.ReaderAt, off, end int64) ([]Box, error) {
	var boxes []Box
	for off < end {
		b, err := ReadBox(r, off, end)
		if err != nil {
			return boxes, err
		}
		boxes = append(boxes, b)
		off = b.End()
	}
	return boxes, nil
}

// Parse lists the boxes in b, a container's payload held in memory.
func Parse(b []byte) ([]Box, error) {
	var boxes []Box
	for off := int64(0); off < int64(len(b)); {
		if int64(len(b))-off < 8 {
			return boxes, fmt.Errorf("%w: %d stray bytes at the end of a box", ErrTruncated, int64(len(b))-off)
		}
		box, err := parseHeader(b[off:min(off+32, int64(len(b)))], off, int64(len(b)))
		if err != nil {
			return boxes, err
		}
		boxes = append(boxes, box)
		off = box.End()
	}
	return boxes, nil
}

// Find returns the first box of type typ, or false.
func Find(boxes []Box, typ string) (Box, bool) {
	for _, b := range boxes {
		if b.Type == typ {
			return b, true
		}
	}
	return Box{}, false
}

// Payload returns box b's payload within buf, the bytes b was parsed from.
func Payload(buf []byte, b Box) []byte {
	off, n := b.Body()
	return buf[off : off+n]
}

// Child parses buf (a container's payload) and returns the payload of
// the first child of type typ, or nil.
func Child(buf []byte, typ string) []byte {
	boxes, _ := Parse(buf)
	if b, ok := Find(boxes, typ); ok {
		return Payload(buf, b)
	}
	return nil
}

// Path follows a path of container types ("trak", "mdia", "hdlr") from
// buf and returns the last box's payload, or nil.
func Path(buf []byte, types ...string) []byte {
	for _, t := range types {
		if buf = Child(buf, t); buf == nil {
			return nil
		}
	}
	return buf
}
