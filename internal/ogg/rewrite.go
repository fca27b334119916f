package ogg

import (
	"bufio"
	"errors"
	"io"
	"slices"
)

// Rewrite copies the Ogg file r to w with stream s's header packets
// replaced by headers: the first page holds the first packet alone, the
// others are laid out afresh from the stream's second page on, and the
// stream's later pages are renumbered to follow them (their CRCs
// recomputed). Audio pages are otherwise copied byte for byte, and pages
// of other streams untouched.
func Rewrite(r io.ReaderAt, size int64, w io.Writer, s *Stream, headers [][]byte) error {
	if len(headers) < 2 || len(s.pages) == 0 {
		return errors.New("ogg: a stream needs at least two header packets")
	}
	first := paginate(s.Serial, s.firstSq, 0, flagBOS, headers[:1])
	rest := paginate(s.Serial, s.firstSq+1, 0, 0, headers[1:])
	delta := s.firstSq + 1 + uint32(len(rest)) - s.next
	bw := bufio.NewWriterSize(w, 1<<20)
	for off := int64(0); off < size; {
		p, n, err := readPage(r, off, size)
		if err != nil {
			return err
		}
		var out [][]byte
		switch {
		case off == s.first:
			out = first
		case off == s.pages[0]:
			out = rest
		case slices.Contains(s.pages, off):
		case p.serial == s.Serial && delta != 0:
			p.seq += delta
			b, err := p.encode()
			if err != nil {
				return err
			}
			out = [][]byte{b}
		default:
			out = [][]byte{p.raw}
		}
		for _, b := range out {
			if _, err := bw.Write(b); err != nil {
				return err
			}
		}
		off += n
	}
	return bw.Flush()
}
