package tags

import (
	"errors"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/internal/flac"
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
// a vendor string, then "KEY=value" comments). A damaged block yields
// the comments before the damage and errTruncated.
func VorbisComments(b []byte) ([]Tag, error) {
	comments, err := flac.ParseComments(b)
	var out []Tag
	for _, c := range comments {
		k, v, _ := strings.Cut(c, "=")
		out = append(out, Tag{Where: labeler.SourceVorbis, Key: k, Value: v})
	}
	if err != nil {
		return out, errTruncated
	}
	return out, nil
}
