package ebml

import (
	"errors"
	"fmt"
	"io"
)

// Complete walks the file's top-level elements and the segment's
// children by their sizes, and reports a file cut short: an element that
// claims more bytes than remain, or a segment with no clusters.
func Complete(r io.ReaderAt, size int64) error {
	seg, err := segment(r, size)
	if err != nil {
		return err
	}
	end := size
	if seg.Size != Unknown {
		end = seg.Body() + seg.Size
	}
	clusters := 0
	for off := seg.Body(); off < end; {
		e, err := ReadElement(r, off, end)
		if err != nil {
			return err
		}
		if e.ID == IDCluster {
			clusters++
		}
		if e.Size == Unknown {
			// A live cluster of unknown size: its end is the next cluster,
			// which only a full parse finds; what came before was whole.
			break
		}
		off = e.Body() + e.Size
	}
	if clusters == 0 {
		return fmt.Errorf("%w: the segment holds no media clusters", ErrTruncated)
	}
	return nil
}

// segment finds the Segment element after the EBML header.
func segment(r io.ReaderAt, size int64) (Element, error) {
	for off := int64(0); off < size; {
		e, err := ReadElement(r, off, size)
		if err != nil {
			return e, err
		}
		if e.ID == IDSegment {
			return e, nil
		}
		if e.Size == Unknown {
			break
		}
		off = e.Body() + e.Size
	}
	return Element{}, errors.New("the file has no Matroska segment")
}
