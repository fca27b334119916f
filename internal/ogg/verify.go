package ogg

import (
	"fmt"
	"io"
)

// Verify reads every page of an Ogg file as a strict reader would: each
// page's CRC holds, each logical stream opens with a BOS page, numbers
// its pages without a gap and closes with an EOS page, and its granule
// positions never go back. Belgi holds its own Ogg outputs to this.
func Verify(r io.ReaderAt, size int64) error {
	type state struct {
		seq     uint32
		granule int64
		ended   bool
	}
	streams := map[uint32]*state{}
	for off := int64(0); off < size; {
		p, n, err := readPage(r, off, size)
		if err != nil {
			return err
		}
		s := streams[p.serial]
		switch {
		case s == nil && p.flags&flagBOS == 0:
			return fmt.Errorf("ogg: stream %08x begins without a BOS page", p.serial)
		case s == nil:
			s = &state{seq: p.seq - 1, granule: noGranule}
			streams[p.serial] = s
		case s.ended:
			return fmt.Errorf("ogg: stream %08x has pages after its EOS page", p.serial)
		}
		if p.seq != s.seq+1 {
			return fmt.Errorf("ogg: stream %08x jumps from page %d to page %d", p.serial, s.seq, p.seq)
		}
		if p.granule != noGranule && p.granule < s.granule {
			return fmt.Errorf("ogg: stream %08x's granule position goes back at page %d", p.serial, p.seq)
		}
		s.seq, s.ended = p.seq, p.flags&flagEOS != 0
		if p.granule != noGranule {
			s.granule = p.granule
		}
		off += n
	}
	for serial, s := range streams {
		if !s.ended {
			return fmt.Errorf("%w: stream %08x has no EOS page", ErrTruncated, serial)
		}
	}
	return nil
}

// LastGranule is the granule position of the stream's last page that
// has one: for FLAC in Ogg, its number of samples.
func LastGranule(r io.ReaderAt, size int64, serial uint32) (int64, error) {
	last := int64(noGranule)
	for off := int64(0); off < size; {
		p, err := ReadPage(r, off, size)
		if err != nil {
			return 0, err
		}
		if p.Serial == serial && p.Granule != noGranule {
			last = p.Granule
		}
		off += p.Size
	}
	return last, nil
}
