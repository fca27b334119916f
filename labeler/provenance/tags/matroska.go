package tags

import (
	"io"

	"github.com/belgi-kz/belgi/labeler"
)

// Matroska element IDs (with their length markers) this reader needs.
const (
	idSegment   = 0x18538067
	idTags      = 0x1254C367
	idTag       = 0x7373
	idSimpleTag = 0x67C8
	idTagName   = 0x45A3
	idTagString = 0x4487
)

// maxElements bounds the top-level elements of a segment walked.
const maxElements = 1 << 20

// readMatroska walks the segment's top-level elements, skipping
// clusters by their size, and reads every Tags element.
func readMatroska(r io.ReaderAt, size int64) ([]Tag, error) {
	_, n, hl, err := element(r, 0, size)
	if err != nil || n < 0 {
		return nil, err
	}
	p := hl + n // past the EBML header
	id, n, hl, err := element(r, p, size)
	if err != nil || id != idSegment {
		return nil, err
	}
	end := min(size, p+hl+n)
	if n < 0 {
		end = size
	}
	var out []Tag
	for p, i := p+hl, 0; p < end && i < maxElements; i++ {
		id, n, hl, err := element(r, p, end)
		if err != nil || n < 0 {
			return out, err // an element of unknown size (live streams) ends the walk
		}
		if id == idTags && n <= maxTag {
			b := make([]byte, n)
			if _, err := r.ReadAt(b, p+hl); err != nil {
				return out, err
			}
			out = append(out, matroskaTags(b)...)
		}
		p += hl + n
	}
	return out, nil
}

// element reads an element header at p: its ID, its data size (-1 when
// unknown) and the header's length.
func element(r io.ReaderAt, p, end int64) (id uint64, size, hlen int64, err error) {
	var h [12]byte
	if p < 0 || p >= end {
		return 0, 0, 0, errTruncated
	}
	if _, err := r.ReadAt(h[:min(12, end-p)], p); err != nil && err != io.EOF {
		return 0, 0, 0, err
	}
	id, il, ok := vint(h[:], true)
	if !ok {
		return 0, 0, 0, errTruncated
	}
	s, sl, ok := vint(h[il:], false)
	if !ok {
		return 0, 0, 0, errTruncated
	}
	size = int64(s)
	if s == 1<<(7*uint(sl))-1 {
		size = -1
	}
	if size >= 0 && p+int64(il+sl)+size > end {
		return 0, 0, 0, errTruncated
	}
	return id, size, int64(il + sl), nil
}

// vint decodes an EBML variable-length integer; IDs keep their marker.
func vint(b []byte, keepMarker bool) (uint64, int, bool) {
	if len(b) == 0 || b[0] == 0 {
		return 0, 0, false
	}
	n := 1
	for mask := byte(0x80); b[0]&mask == 0; mask >>= 1 {
		n++
	}
	if n > 8 || n > len(b) {
		return 0, 0, false
	}
	v := uint64(b[0])
	if !keepMarker {
		v &= uint64(0xFF >> n)
	}
	for _, c := range b[1:n] {
		v = v<<8 | uint64(c)
	}
	return v, n, true
}

// matroskaTags reads the SimpleTags (nested ones too) of a Tags body.
func matroskaTags(b []byte) []Tag {
	var out []Tag
	walkEBML(b, func(id uint64, body []byte) {
		if id == idTag {
			walkEBML(body, func(id uint64, body []byte) {
				if id == idSimpleTag {
					out = append(out, simpleTag(body)...)
				}
			})
		}
	})
	return out
}

func simpleTag(b []byte) []Tag {
	var t Tag
	var nested []Tag
	walkEBML(b, func(id uint64, body []byte) {
		switch id {
		case idTagName:
			t.Key = string(body)
		case idTagString:
			t.Value = string(body)
		case idSimpleTag:
			nested = append(nested, simpleTag(body)...)
		}
	})
	t.Where = labeler.SourceMatroska
	return append([]Tag{t}, nested...)
}

// walkEBML calls fn for each element of known size in b.
func walkEBML(b []byte, fn func(id uint64, body []byte)) {
	for len(b) > 0 {
		id, il, ok := vint(b, true)
		if !ok {
			return
		}
		s, sl, ok := vint(b[il:], false)
		if !ok || s > uint64(len(b)-il-sl) {
			return
		}
		fn(id, b[il+sl:il+sl+int(s)])
		b = b[il+sl+int(s):]
	}
}
