package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// JPEGMark is one marker of a JPEG file, found by walking segment
// lengths: Off is where its 0xFF is, End is past its payload (past the
// entropy-coded data for SOS).
type JPEGMark struct {
	Marker   byte
	Off, End int
}

// JPEGFile is the structure of a whole JPEG: every marker from SOI to
// EOI, found by the segments' own lengths and, inside a scan, by the
// entropy-coding rules (0xFF is stuffed as FF 00, RSTn markers sit in the
// data). Nothing is found by searching the bytes for a marker, so an
// embedded thumbnail in EXIF, Photoshop or C2PA data is never mistaken
// for the picture.
type JPEGFile struct {
	Marks []JPEGMark
	// EOI is the offset of the EOI marker; the bytes after EOI+2 are
	// trailing data (MPF images, motion-photo videos, maker trailers).
	EOI int
	// Stray lists offsets where bytes that belong to no segment were
	// skipped before a marker, as libjpeg and Go's decoder do.
	Stray []int
}

// ErrJPEGTruncated is wrapped by WalkJPEG when the file ends before EOI.
var ErrJPEGTruncated = errors.New("truncated")

// Trailing is the data after the EOI marker.
func (f *JPEGFile) Trailing(data []byte) []byte { return data[f.EOI+2:] }

// Scans counts the SOS markers.
func (f *JPEGFile) Scans() int { return f.count(func(m byte) bool { return m == mSOS }) }

// Frames counts the SOF markers.
func (f *JPEGFile) Frames() int { return f.count(isSOF) }

func (f *JPEGFile) count(is func(byte) bool) int {
	n := 0
	for _, m := range f.Marks {
		if is(m.Marker) {
			n++
		}
	}
	return n
}

// WalkJPEG walks a JPEG from SOI to EOI. A file that ends before its EOI
// gives an error wrapping ErrJPEGTruncated that says where it ends.
func WalkJPEG(data []byte) (*JPEGFile, error) {
	if len(data) < 2 || data[0] != 0xFF || data[1] != mSOI {
		return nil, errors.New("meta: jpeg: no SOI marker")
	}
	f := &JPEGFile{Marks: []JPEGMark{{mSOI, 0, 2}}, EOI: -1}
	for p := 2; ; {
		m, off, err := f.nextMarker(data, p)
		if err != nil {
			return nil, fmt.Errorf("meta: jpeg: %w", err)
		}
		end, err := markEnd(data, m, off)
		if err != nil {
			return nil, fmt.Errorf("meta: jpeg: %w", err)
		}
		f.Marks = append(f.Marks, JPEGMark{m, off, end})
		if m == mEOI {
			f.EOI = off
			return f, nil
		}
		p = end
	}
}

// nextMarker finds the marker at p, skipping fill bytes (FF FF) and,
// with a record in Stray, bytes that are not a marker at all.
func (f *JPEGFile) nextMarker(data []byte, p int) (byte, int, error) {
	if p < len(data) && data[p] != 0xFF {
		f.Stray = append(f.Stray, p)
		i := bytes.IndexByte(data[p:], 0xFF)
		if i < 0 {
			return 0, 0, fmt.Errorf("%w: the file ends at byte %d without an EOI marker", ErrJPEGTruncated, len(data))
		}
		p += i
	}
	off := p
	for p < len(data) && data[p] == 0xFF {
		p++
	}
	if p >= len(data) {
		return 0, 0, fmt.Errorf("%w: the file ends at byte %d in fill bytes, without an EOI marker", ErrJPEGTruncated, len(data))
	}
	if data[p] == 0x00 || data[p] == mSOI {
		return 0, 0, fmt.Errorf("unexpected marker 0xFF%02X at offset %d", data[p], off)
	}
	return data[p], p - 1, nil
}

// markEnd is where the marker at off ends: standalone markers have no
// payload, others carry a big-endian length, and SOS is followed by
// entropy-coded data up to the next marker that is not RSTn.
func markEnd(data []byte, m byte, off int) (int, error) {
	if m == mEOI || m == 0x01 || (m >= 0xD0 && m <= 0xD7) {
		return off + 2, nil
	}
	if off+4 > len(data) {
		return 0, fmt.Errorf("%w: segment 0x%02X at offset %d has no length (file size %d)", ErrJPEGTruncated, m, off, len(data))
	}
	n := int(binary.BigEndian.Uint16(data[off+2:]))
	if n < 2 || off+2+n > len(data) {
		return 0, fmt.Errorf("%w: segment 0x%02X at offset %d: length %d runs past the end (file size %d)", ErrJPEGTruncated, m, off, n, len(data))
	}
	if m != mSOS {
		return off + 2 + n, nil
	}
	return scanEnd(data, off+2+n)
}

// scanEnd follows entropy-coded data from p to the marker that ends it.
// Inside a scan every 0xFF is a marker by definition, so looking for the
// next 0xFF is reading the data, not guessing.
func scanEnd(data []byte, p int) (int, error) {
	for {
		i := bytes.IndexByte(data[p:], 0xFF)
		if i < 0 || p+i+1 >= len(data) {
			return 0, fmt.Errorf("%w: the file ends inside the image data at byte %d, without an EOI marker", ErrJPEGTruncated, len(data))
		}
		p += i
		switch m := data[p+1]; {
		case m == 0x00, m >= 0xD0 && m <= 0xD7:
			p += 2
		case m == 0xFF:
			p++ // fill byte before a marker
		default:
			return p, nil
		}
	}
}

// JPEGHeaderEnd is where a JPEG's header segments end: the offset after
// its first scan's SOS segment, which is all a reader of its metadata,
// size and orientation needs. ok is false when data ends before it (a
// prefix too short, or a damaged file).
func JPEGHeaderEnd(data []byte) (end int, ok bool) {
	if len(data) < 2 || data[0] != 0xFF || data[1] != mSOI {
		return 0, false
	}
	off, _, err := walkJPEG(data, 2, func(byte, []byte, int) error { return nil })
	if err != nil || off+4 > len(data) {
		return 0, false
	}
	end = off + 2 + int(binary.BigEndian.Uint16(data[off+2:]))
	return end, end <= len(data)
}
