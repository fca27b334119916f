package c2pa

import (
	"bytes"
	"encoding/binary"
	"io"

	"github.com/belgi-kz/belgi/internal/meta"
)

// mpfSpliced is a JPEG layout whose file is a multi-picture JPEG (MPO,
// or MPF previews): an MP index in an APP2 segment of the first image
// gives each further image's offset from the MP header and the first
// image's size. The store goes after every APPn segment, so after the
// index and before the further images: Reserve moves their offsets by
// the framed store's length (less any old store it removed from between
// them) and grows the first image's size, before the file is hashed.
type mpfSpliced struct {
	spliced
	index       int // where the MPF payload starts in clean
	removed     int // bytes of old store segments removed from the first image
	removedHere int // of those, how many lay after the MP header
}

// withMPF wraps a JPEG layout whose file has an MP index; others are
// returned as they are.
func withMPF(data []byte, s spliced) Layout {
	in, out := mpfAt(s.clean[:s.at]), mpfAt(data)
	if in < 0 || out < 0 {
		return s
	}
	removed := len(data) - len(s.clean)
	before := out - in // old store bytes that lay before the index
	return mpfSpliced{spliced: s, index: in, removed: removed, removedHere: removed - before}
}

// mpfAt is where the first "MPF\0" APP2 payload starts among the APPn
// segments at the head of a JPEG, -1 if there is none.
func mpfAt(b []byte) int {
	for p := 2; p+4 <= len(b) && b[p] == 0xFF && (b[p+1] >= 0xE0 && b[p+1] <= 0xEF || b[p+1] == 0xFE); {
		n := int(binary.BigEndian.Uint16(b[p+2:]))
		if b[p+1] == 0xE2 && bytes.HasPrefix(b[p+4:min(len(b), p+2+n)], []byte("MPF\x00")) {
			return p + 4
		}
		p += 2 + n
	}
	return -1
}

func (m mpfSpliced) Reserve(w io.Writer, n int) (Slot, error) {
	f, err := m.frame(make([]byte, n))
	if err != nil {
		return Slot{}, err
	}
	seg := int(binary.BigEndian.Uint16(m.clean[m.index-2:])) - 2
	if seg < 0 || m.index+seg > m.at {
		return m.spliced.Reserve(w, n)
	}
	payload, err := meta.ShiftMPF(m.clean[m.index:m.index+seg], len(f)-m.removed, len(f)-m.removedHere)
	if err != nil {
		return m.spliced.Reserve(w, n) // an index that does not parse is left as it was
	}
	s := m.spliced
	s.clean = bytes.Clone(m.clean)
	copy(s.clean[m.index:], payload)
	return s.Reserve(w, n)
}
