package c2pa

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

// tiffContainer carries a store as the value of tag 0xCD41 (type
// UNDEFINED) in the first IFD of a single-page TIFF, as c2pa-rs does. The
// IFD is rewritten at the end of the file with the tag added, followed by
// the store; the header then points at it.
type tiffContainer struct{}

const (
	tagC2PA       = 0xCD41
	tiffUndefined = 7
	maxIFDEntries = 4096
)

var errTIFF = errors.New("c2pa: tiff: malformed file")

// tiffOrder is the byte order of a TIFF file, little or big endian.
type tiffOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

type tiffLayout struct {
	data    []byte
	order   tiffOrder
	entries [][12]byte // IFD0 without a C2PA entry, in tag order
	store   []byte
}

func (tiffContainer) Open(r io.ReaderAt, size int64) (Layout, error) {
	data, err := readAll(r, size)
	if err != nil {
		return nil, err
	}
	if len(data) < 8 || !isTIFF(data) {
		return nil, fmt.Errorf("%w: no TIFF header (BigTIFF is not signed)", errTIFF)
	}
	l := &tiffLayout{data: data, order: binary.LittleEndian}
	if data[0] == 'M' {
		l.order = binary.BigEndian
	}
	return l, l.readIFD0()
}

func (l *tiffLayout) readIFD0() error {
	off := int(l.order.Uint32(l.data[4:]))
	if off < 8 || off+2 > len(l.data) {
		return fmt.Errorf("%w: first IFD at %d", errTIFF, off)
	}
	n := int(l.order.Uint16(l.data[off:]))
	end := off + 2 + 12*n
	if n > maxIFDEntries || end+4 > len(l.data) {
		return fmt.Errorf("%w: first IFD overruns", errTIFF)
	}
	if l.order.Uint32(l.data[end:]) != 0 {
		return fmt.Errorf("c2pa: tiff: multi-page files are %w", ErrUnsupported)
	}
	var c2pa *[12]byte
	for i := range n {
		var e [12]byte
		copy(e[:], l.data[off+2+12*i:])
		if l.order.Uint16(e[:]) == tagC2PA {
			l.store, c2pa = l.value(e), &e
			continue
		}
		l.entries = append(l.entries, e)
	}
	if c2pa != nil {
		l.dropTail(off, end+4, *c2pa)
	}
	return nil
}

// dropTail cuts an IFD and store that Belgi appended when it last signed
// the file, so signing again does not leave them behind as dead bytes.
func (l *tiffLayout) dropTail(ifd, ifdEnd int, e [12]byte) {
	at, count := int(l.order.Uint32(e[8:])), int(l.order.Uint32(e[4:]))
	if at == ifdEnd && at+count == len(l.data) && l.store != nil {
		l.data = l.data[:ifd]
	}
}

// value reads an UNDEFINED entry's bytes, nil if they are out of range.
func (l *tiffLayout) value(e [12]byte) []byte {
	count := int64(l.order.Uint32(e[4:]))
	if count <= 4 {
		return append([]byte{}, e[8:8+count]...)
	}
	off := int64(l.order.Uint32(e[8:]))
	if off+count > int64(len(l.data)) {
		return nil
	}
	return append([]byte{}, l.data[off:off+count]...)
}

func (l *tiffLayout) Store() []byte { return l.store }

// Reserve writes the file, then the new IFD, then the placeholder.
func (l *tiffLayout) Reserve(w io.Writer, n int) (Slot, error) {
	base := len(l.data) + len(l.data)&1
	entries := append([][12]byte{}, l.entries...)
	var c2pa [12]byte
	l.order.PutUint16(c2pa[:], tagC2PA)
	l.order.PutUint16(c2pa[2:], tiffUndefined)
	l.order.PutUint32(c2pa[4:], uint32(n))
	storeAt := base + 2 + 12*(len(entries)+1) + 4
	l.order.PutUint32(c2pa[8:], uint32(storeAt))
	entries = append(entries, c2pa)
	sort.SliceStable(entries, func(i, j int) bool { return l.order.Uint16(entries[i][:]) < l.order.Uint16(entries[j][:]) })
	out := append([]byte{}, l.data...)
	l.order.PutUint32(out[4:], uint32(base))
	out = append(out, make([]byte, base-len(l.data))...)
	out = l.order.AppendUint16(out, uint16(len(entries)))
	for _, e := range entries {
		out = append(out, e[:]...)
	}
	out = l.order.AppendUint32(out, 0)
	if int64(storeAt)+int64(n) > 1<<32-1 {
		return Slot{}, errors.New("c2pa: tiff: the file would outgrow 4 GiB")
	}
	if _, err := w.Write(out); err != nil {
		return Slot{}, err
	}
	if _, err := w.Write(make([]byte, n)); err != nil {
		return Slot{}, err
	}
	return Slot{Offset: int64(storeAt), Length: int64(n)}, nil
}

func (l *tiffLayout) Wrap(store []byte) ([]byte, error) { return store, nil }
