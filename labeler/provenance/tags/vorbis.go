package tags

import (
	"encoding/binary"
	"errors"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

var errTruncated = errors.New("tags: a tag runs past the end of the file")

// readFLAC walks a FLAC stream's metadata blocks from off for the
// VORBIS_COMMENT block (type 4).
func readFLAC(r io.ReaderAt, off, size int64) ([]Tag, error) {
	p := off + 4
	for range 1 << 10 {
		var h [4]byte
		if _, err := r.ReadAt(h[:], p); err != nil {
			return nil, errTruncated
		}
		n := int64(h[1])<<16 | int64(h[2])<<8 | int64(h[3])
		if p+4+n > size {
			return nil, errTruncated
		}
		if h[0]&0x7F == 4 {
			b := make([]byte, n)
			if _, err := r.ReadAt(b, p+4); err != nil {
				return nil, err
			}
			return VorbisComments(b)
		}
		if h[0]&0x80 != 0 {
			return nil, nil
		}
		p += 4 + n
	}
	return nil, nil
}

// VorbisComments reads a Vorbis comment block (little-endian lengths,
// a vendor string, then "KEY=value" comments).
func VorbisComments(b []byte) ([]Tag, error) {
	next := func() ([]byte, bool) {
		if len(b) < 4 {
			return nil, false
		}
		n := binary.LittleEndian.Uint32(b)
		if uint64(n) > uint64(len(b)-4) {
			return nil, false
		}
		s := b[4 : 4+n]
		b = b[4+n:]
		return s, true
	}
	if _, ok := next(); !ok || len(b) < 4 {
		return nil, errTruncated
	}
	count := binary.LittleEndian.Uint32(b)
	b = b[4:]
	var out []Tag
	for i := uint32(0); i < count; i++ {
		c, ok := next()
		if !ok {
			return out, errTruncated
		}
		k, v, _ := strings.Cut(string(c), "=")
		out = append(out, Tag{Where: labeler.SourceVorbis, Key: k, Value: v})
	}
	return out, nil
}
