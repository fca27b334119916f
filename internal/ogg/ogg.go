// Package ogg walks the pages of an Ogg stream by their headers and
// segment tables, to tell a complete file from one cut short.
package ogg

import (
	"errors"
	"fmt"
	"io"
)

// ErrTruncated is wrapped when the last page is cut short.
var ErrTruncated = errors.New("the file is truncated")

// flagEOS marks a logical stream's last page.
const flagEOS = 0x04

// Page is one page's place and header fields Belgi reads.
type Page struct {
	Offset int64
	Size   int64 // header, segment table and body
	Flags  byte
	Serial uint32
}

// ReadPage reads the page header at off and sizes the page.
func ReadPage(r io.ReaderAt, off, end int64) (Page, error) {
	var h [27 + 255]byte
	n, _ := r.ReadAt(h[:min(int64(len(h)), max(0, end-off))], off)
	if n < 27 || string(h[:4]) != "OggS" {
		return Page{}, fmt.Errorf("no Ogg page at byte %d", off)
	}
	segs := int(h[26])
	if n < 27+segs {
		return Page{}, fmt.Errorf("%w: the page at byte %d lacks its segment table", ErrTruncated, off)
	}
	size := int64(27 + segs)
	for _, s := range h[27 : 27+segs] {
		size += int64(s)
	}
	p := Page{Offset: off, Size: size, Flags: h[5], Serial: uint32(h[14]) | uint32(h[15])<<8 | uint32(h[16])<<16 | uint32(h[17])<<24}
	if off+size > end {
		return p, fmt.Errorf("%w: the page at byte %d needs %d bytes, %d remain", ErrTruncated, off, size, end-off)
	}
	return p, nil
}

// Complete walks every page and reports a file whose last page is cut
// short, or whose streams do not all end with an end-of-stream page.
func Complete(r io.ReaderAt, size int64) error {
	open := map[uint32]bool{}
	for off := int64(0); off < size; {
		p, err := ReadPage(r, off, size)
		if err != nil {
			return err
		}
		open[p.Serial] = p.Flags&flagEOS == 0
		off += p.Size
	}
	for _, o := range open {
		if o {
			return fmt.Errorf("%w: a stream has no end-of-stream page", ErrTruncated)
		}
	}
	return nil
}
