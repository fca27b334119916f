package meta

import (
	"errors"
	"fmt"
)

// TIFFLayout is how a TIFF's first picture is stored: what a decoder
// needs for the compressions golang.org/x/image/tiff lacks (JPEG). It
// is read from the directory alone; every slice is bounds-checked
// against the file.
type TIFFLayout struct {
	Width, Height   int
	Compression     int // 6 old-style JPEG, 7 JPEG, ...
	Photometric     int // 1 grey, 2 RGB, 5 CMYK (separated), 6 YCbCr
	SamplesPerPixel int
	BitsPerSample   int // of the first sample
	Planar          int // 1 chunky, 2 planar
	// Tiled files cut the picture into TileW×TileH tiles; striped ones
	// into strips of TileH rows (RowsPerStrip) and the full width.
	Tiled        bool
	TileW, TileH int
	Segments     [][]byte // each strip's or tile's bytes, in order
	JPEGTables   []byte   // tag 347: abbreviated tables stream, if any
	// Subsampling is YCbCr's chroma subsampling (tag 530; 2×2 when absent).
	Subsampling [2]int
	// ExtraSamples counts the samples past the colour ones (tag 338):
	// an alpha channel, or data the picture does not show.
	ExtraSamples    int
	JPEGInterchange []byte // tags 513/514: an old-style JPEG's whole stream
}

// Layout tags this reads.
const (
	tagCompression  = 259
	tagRowsPerStrip = 278
	tagJPEGTables   = 347
	tagJPEGIF       = 513
	tagJPEGIFLength = 514
)

// maxSegments bounds the strip or tile count of a directory.
const maxSegments = 1 << 20

// ParseTIFFLayout reads where a TIFF's first picture is and how it is
// coded.
func ParseTIFFLayout(data []byte) (*TIFFLayout, error) {
	t, es, err := firstIFD(data)
	if err != nil {
		return nil, err
	}
	return layoutOf(t, es)
}

// layoutOf reads the picture of directory es: a TIFF's first, or an
// EXIF block's thumbnail (IFD1).
func layoutOf(t tiffData, es []ifdEntry) (*TIFFLayout, error) {
	num := func(tag uint16, def int) int {
		if e, ok := find(es, tag); ok {
			if v, ok := t.uint(e); ok {
				return int(v)
			}
		}
		return def
	}
	l := &TIFFLayout{Width: num(256, 0), Height: num(257, 0), Compression: num(tagCompression, 1),
		Photometric: num(tagPhotometric, -1), SamplesPerPixel: num(277, 1), BitsPerSample: num(258, 1),
		Planar: num(284, 1)}
	if l.Width <= 0 || l.Height <= 0 {
		return nil, fmt.Errorf("meta: tiff: picture size %d×%d", l.Width, l.Height)
	}
	if err := l.segments(t, es, num); err != nil {
		return nil, fmt.Errorf("meta: tiff: %w", err)
	}
	l.JPEGTables = valueOf(t, es, tagJPEGTables)
	if e, ok := find(es, 338); ok {
		l.ExtraSamples = int(e.Count)
	}
	l.Subsampling = [2]int{2, 2}
	if e, ok := find(es, 530); ok && e.Type == 3 && e.Count == 2 {
		v := t.b[e.pos+8:]
		l.Subsampling = [2]int{int(t.order.Uint16(v)), int(t.order.Uint16(v[2:]))}
	}
	l.JPEGInterchange = interchange(t, es)
	return l, nil
}

// segments reads the strip or tile offsets and byte counts.
func (l *TIFFLayout) segments(t tiffData, es []ifdEntry, num func(uint16, int) int) error {
	offTag, cntTag := uint16(273), uint16(279)
	l.TileW, l.TileH = l.Width, num(tagRowsPerStrip, l.Height)
	if _, ok := find(es, 324); ok {
		l.Tiled, offTag, cntTag = true, 324, 325
		l.TileW, l.TileH = num(322, 0), num(323, 0)
	}
	if l.TileW <= 0 || l.TileH <= 0 {
		return fmt.Errorf("tile or strip size %d×%d", l.TileW, l.TileH)
	}
	l.TileH = min(l.TileH, l.Height)
	offs, err1 := uints(t, es, offTag)
	cnts, err2 := uints(t, es, cntTag)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if len(offs) != len(cnts) || len(offs) > maxSegments {
		return fmt.Errorf("%d offsets for %d byte counts", len(offs), len(cnts))
	}
	for i := range offs {
		if uint64(offs[i])+uint64(cnts[i]) > uint64(len(t.b)) {
			return fmt.Errorf("segment %d (%d bytes at %d) past the end of the file", i, cnts[i], offs[i])
		}
		l.Segments = append(l.Segments, t.b[offs[i]:offs[i]+cnts[i]])
	}
	return nil
}

// uints reads a SHORT or LONG array field.
func uints(t tiffData, es []ifdEntry, tag uint16) ([]uint32, error) {
	e, ok := find(es, tag)
	if !ok {
		return nil, fmt.Errorf("no tag %d", tag)
	}
	v, err := t.value(e)
	if err != nil || (e.Type != 3 && e.Type != 4) {
		return nil, fmt.Errorf("tag %d unreadable (type %d): %v", tag, e.Type, err)
	}
	out := make([]uint32, e.Count)
	for i := range out {
		if e.Type == 3 {
			out[i] = uint32(t.order.Uint16(v[2*i:]))
		} else {
			out[i] = t.order.Uint32(v[4*i:])
		}
	}
	return out, nil
}

// valueOf is a field's bytes, nil when absent or unreadable.
func valueOf(t tiffData, es []ifdEntry, tag uint16) []byte {
	e, ok := find(es, tag)
	if !ok {
		return nil
	}
	v, err := t.value(e)
	if err != nil {
		return nil
	}
	return v
}

// interchange is an old-style JPEG's stream: from JPEGInterchangeFormat
// for JPEGInterchangeFormatLength bytes, or to the end of the file when
// the length is missing (decoders stop at EOI).
func interchange(t tiffData, es []ifdEntry) []byte {
	e, ok := find(es, tagJPEGIF)
	if !ok {
		return nil
	}
	off, ok := t.uint(e)
	if !ok || uint64(off) >= uint64(len(t.b)) {
		return nil
	}
	end := uint64(len(t.b))
	if e, ok := find(es, tagJPEGIFLength); ok {
		if n, ok := t.uint(e); ok && n > 0 {
			end = min(end, uint64(off)+uint64(n))
		}
	}
	return t.b[off:end]
}
