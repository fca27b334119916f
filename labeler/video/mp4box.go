package video

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// xmpUUID names the top-level box that holds XMP in ISO base media files
// (XMP specification part 3).
var xmpUUID = []byte{0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC}

// box is one top-level box of an MP4/MOV file.
type box struct {
	typ         string
	off, size   int64 // the whole box, header included
	header      int64 // 8, 16 with a 64-bit size; +16 for a uuid
	uuid        []byte
	toEndOfFile bool // size 0: the box runs to the end of the file
}

// errTruncated is wrapped when a box claims more bytes than the file has.
var errTruncated = errors.New("the file is truncated (a box runs past its end)")

// topBoxes lists the top-level boxes, reading only their headers.
func topBoxes(r io.ReaderAt, size int64) ([]box, error) {
	var boxes []box
	for off := int64(0); off < size; {
		b, err := readBox(r, off, size)
		if err != nil {
			return boxes, err
		}
		boxes = append(boxes, b)
		off += b.size
	}
	return boxes, nil
}

func readBox(r io.ReaderAt, off, size int64) (box, error) {
	var h [16]byte
	if size-off < 8 {
		return box{}, fmt.Errorf("%w: %d stray bytes at the end", errTruncated, size-off)
	}
	if _, err := r.ReadAt(h[:8], off); err != nil {
		return box{}, err
	}
	b := box{typ: string(h[4:8]), off: off, size: int64(binary.BigEndian.Uint32(h[:4])), header: 8}
	switch b.size {
	case 0:
		b.size, b.toEndOfFile = size-off, true
	case 1:
		if _, err := r.ReadAt(h[8:16], off+8); err != nil {
			return box{}, fmt.Errorf("%w: %v", errTruncated, err)
		}
		b.size, b.header = int64(binary.BigEndian.Uint64(h[8:16])), 16
	}
	if b.size < b.header || off+b.size > size {
		return box{}, fmt.Errorf("%w: box %q at byte %d", errTruncated, b.typ, off)
	}
	if b.typ == "uuid" && b.size >= b.header+16 {
		b.uuid = make([]byte, 16)
		if _, err := r.ReadAt(b.uuid, off+b.header); err != nil {
			return box{}, err
		}
		b.header += 16
	}
	return b, nil
}

// readXMPBox returns the payload of the first XMP uuid box, or nil.
func readXMPBox(r io.ReaderAt, boxes []box) ([]byte, error) {
	for _, b := range boxes {
		if b.typ == "uuid" && bytes.Equal(b.uuid, xmpUUID) {
			if b.size-b.header > 16<<20 {
				return nil, fmt.Errorf("XMP box of %d bytes is implausibly large", b.size)
			}
			buf := make([]byte, b.size-b.header)
			_, err := r.ReadAt(buf, b.off+b.header)
			return buf, err
		}
	}
	return nil, nil
}

// hasBox reports whether a top-level box of the type is present.
func hasBox(boxes []box, typ string) bool {
	for _, b := range boxes {
		if b.typ == typ {
			return true
		}
	}
	return false
}

// appendXMPBox adds a top-level XMP uuid box at the end of the file.
// Appending moves no byte of the file, so the sample tables' chunk
// offsets (stco/co64) stay true; inserting before mdat would shift them.
func appendXMPBox(path string, packet []byte) error {
	f, size, boxes, err := openBoxes(path, os.O_RDWR)
	if err != nil {
		return err
	}
	defer f.Close()
	if len(boxes) > 0 && boxes[len(boxes)-1].toEndOfFile {
		return errors.New("the last box runs to the end of the file; nothing can follow it")
	}
	if _, err := f.WriteAt(xmpBox(packet), size); err != nil {
		return err
	}
	return f.Close()
}

// xmpBox is a complete uuid box carrying packet.
func xmpBox(packet []byte) []byte {
	out := make([]byte, 8, 24+len(packet))
	binary.BigEndian.PutUint32(out, uint32(24+len(packet)))
	copy(out[4:], "uuid")
	out = append(out, xmpUUID...)
	return append(out, packet...)
}

// sourceXMP is the XMP an MP4/MOV input already carries, to be merged.
func sourceXMP(path string) []byte {
	f, _, boxes, err := openBoxes(path, os.O_RDONLY)
	if err != nil {
		return nil
	}
	defer f.Close()
	x, _ := readXMPBox(f, boxes)
	return x
}

// openBoxes opens an MP4/MOV and lists its top-level boxes. On error the
// file is already closed.
func openBoxes(path string, flag int) (*os.File, int64, []box, error) {
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return nil, 0, nil, err
	}
	st, err := f.Stat()
	if err == nil {
		var boxes []box
		if boxes, err = topBoxes(f, st.Size()); err == nil {
			return f, st.Size(), boxes, nil
		}
	}
	f.Close()
	return nil, 0, nil, err
}
