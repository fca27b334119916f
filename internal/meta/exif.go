package meta

import (
	"bytes"
	"fmt"
)

var exifPrefix = []byte("Exif\x00\x00")

// trimExifPrefix accepts an EXIF block with or without the "Exif\0\0"
// prefix: JPEG requires it, PNG and WebP forbid it, and writers disagree.
func trimExifPrefix(b []byte) []byte {
	return bytes.TrimPrefix(b, exifPrefix)
}

// exifOrientation reads IFD0 tag 0x0112 of an EXIF block: 1..8, and 1
// when it is absent or invalid, which is what viewers assume.
func exifOrientation(exif []byte) int {
	t, err := parseTIFFHeader(trimExifPrefix(exif))
	if err != nil {
		return 1
	}
	es, _, err := t.entries(t.ifd0)
	if err != nil {
		return 1
	}
	e, ok := find(es, tagOrientation)
	if !ok {
		return 1
	}
	v, ok := t.uint(e)
	if !ok || v < 1 || v > 8 {
		return 1
	}
	return int(v)
}

// exifSetOrientation returns a copy of exif with its orientation tag set
// to o. An absent tag is fine for o == 1 (that is the default); adding a
// tag would mean rebuilding the IFD and moving every offset, so other
// values need the tag to be there already.
func exifSetOrientation(exif []byte, o int) ([]byte, error) {
	if o < 1 || o > 8 {
		return nil, fmt.Errorf("orientation %d out of range 1..8", o)
	}
	out := bytes.Clone(exif)
	t, err := parseTIFFHeader(trimExifPrefix(out))
	if err != nil {
		return nil, fmt.Errorf("exif: %w", err)
	}
	es, _, err := t.entries(t.ifd0)
	if err != nil {
		return nil, fmt.Errorf("exif: %w", err)
	}
	e, ok := find(es, tagOrientation)
	if !ok || e.Count == 0 || (e.Type != 3 && e.Type != 4) {
		if o == 1 {
			return out, nil
		}
		return nil, fmt.Errorf("exif: no orientation tag to set to %d", o)
	}
	p, _, err := t.valueAt(e)
	if err != nil {
		return nil, fmt.Errorf("exif: %w", err)
	}
	if e.Type == 3 {
		t.order.PutUint16(t.b[p:], uint16(o))
	} else {
		t.order.PutUint32(t.b[p:], uint32(o))
	}
	return out, nil
}

// EXIFWithOrientation returns a copy of a TIFF-structured EXIF block with
// its orientation set to o (see exifSetOrientation).
func EXIFWithOrientation(exif []byte, o int) ([]byte, error) {
	return exifSetOrientation(trimExifPrefix(exif), o)
}
