package ogg

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Page header flags.
const (
	flagContinued = 0x01 // the page begins with the rest of a packet
	flagBOS       = 0x02 // a logical stream's first page
)

// maxSegments is how many lacing values one page holds.
const maxSegments = 255

// noGranule is the granule position of a page on which no packet ends.
const noGranule = -1

// page is one page taken apart: its header fields, its lacing values
// and its body.
type page struct {
	flags   byte
	granule int64
	serial  uint32
	seq     uint32
	crc     uint32
	lacing  []byte
	body    []byte
	raw     []byte // the page as read
}

// readPage reads the whole page at off, checking its CRC, and returns it
// with its size in bytes.
func readPage(r io.ReaderAt, off, end int64) (page, int64, error) {
	p, err := ReadPage(r, off, end)
	if err != nil {
		return page{}, 0, err
	}
	b := make([]byte, p.Size)
	if _, err := r.ReadAt(b, off); err != nil {
		return page{}, 0, fmt.Errorf("%w: the page at byte %d: %v", ErrTruncated, off, err)
	}
	pg := decode(b)
	if crc(zeroCRC(b)) != pg.crc {
		return page{}, 0, fmt.Errorf("ogg: the page at byte %d fails its CRC", off)
	}
	return pg, p.Size, nil
}

// decode takes apart a page whose size ReadPage checked.
func decode(b []byte) page {
	n := int(b[26])
	return page{
		flags:   b[5],
		granule: int64(binary.LittleEndian.Uint64(b[6:14])),
		serial:  binary.LittleEndian.Uint32(b[14:18]),
		seq:     binary.LittleEndian.Uint32(b[18:22]),
		crc:     binary.LittleEndian.Uint32(b[22:26]),
		lacing:  b[27 : 27+n],
		body:    b[27+n:],
		raw:     b,
	}
}

// zeroCRC is a copy of the page bytes with the CRC field zeroed, as the
// CRC is computed.
func zeroCRC(b []byte) []byte {
	c := append([]byte(nil), b...)
	clear(c[22:26])
	return c
}

// encode writes the page with its CRC.
func (p page) encode() ([]byte, error) {
	if len(p.lacing) > maxSegments {
		return nil, errors.New("ogg: a page of more than 255 segments")
	}
	b := make([]byte, 27, 27+len(p.lacing)+len(p.body))
	copy(b, "OggS")
	b[5] = p.flags
	binary.LittleEndian.PutUint64(b[6:], uint64(p.granule))
	binary.LittleEndian.PutUint32(b[14:], p.serial)
	binary.LittleEndian.PutUint32(b[18:], p.seq)
	b[26] = byte(len(p.lacing))
	b = append(append(b, p.lacing...), p.body...)
	binary.LittleEndian.PutUint32(b[22:], crc(b))
	return b, nil
}

// lace is a packet's lacing values: 255 for each whole 255 bytes, then
// the rest (0 when the length is a multiple of 255).
func lace(n int) []byte {
	l := make([]byte, n/255+1)
	for i := range l[:len(l)-1] {
		l[i] = 255
	}
	l[len(l)-1] = byte(n % 255)
	return l
}

// paginate lays packets out on pages of one logical stream, numbered
// from seq: a packet may span pages, and the last page ends with the last
// packet. Every page on which a packet ends has granule; the others have
// none. The first page has flags.
func paginate(serial, seq uint32, granule int64, flags byte, packets [][]byte) [][]byte {
	var pages [][]byte
	cur := page{serial: serial, seq: seq, flags: flags, granule: noGranule}
	flush := func(cont bool) {
		b, _ := cur.encode() // never more than maxSegments lacing values
		pages = append(pages, b)
		cur = page{serial: serial, seq: cur.seq + 1, granule: noGranule}
		if cont {
			cur.flags = flagContinued
		}
	}
	for _, pk := range packets {
		lacing := lace(len(pk))
		for i, v := range lacing {
			if len(cur.lacing) == maxSegments {
				flush(i > 0)
			}
			cur.lacing = append(cur.lacing, v)
			cur.body = append(cur.body, pk[i*255:i*255+int(v)]...)
		}
		cur.granule = granule
	}
	if len(cur.lacing) > 0 {
		flush(false)
	}
	return pages
}
