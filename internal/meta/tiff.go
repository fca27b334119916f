package meta

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// TIFFTag is one directory field kept raw: Value holds Count values of
// Type in the byte order of the file it came from.
type TIFFTag struct {
	Tag, Type uint16
	Count     uint32
	Value     []byte
}

// TIFFInfo is the metadata of a TIFF's first directory: every field
// except the pixel layout the re-encode rewrites, and the EXIF and GPS
// directories it points to, which SpliceTIFF relocates.
type TIFFInfo struct {
	BigEndian bool
	// tiffDir's Tags are the carried IFD0 fields, ICC and IPTC included,
	// in file order; XMP and Orientation are kept apart.
	tiffDir
	ICC, XMP  []byte
	IPTC      []byte
	orient    int
	hasOrient bool
	notes     noteSet // what the output will not carry, and why
}

// Orientation is tag 274, 1..8 (1 when absent or invalid).
func (t *TIFFInfo) Orientation() int {
	if t.orient < 1 || t.orient > 8 {
		return 1
	}
	return t.orient
}

// SetOrientation changes the orientation SpliceTIFF writes.
func (t *TIFFInfo) SetOrientation(o int) error {
	if o < 1 || o > 8 {
		return fmt.Errorf("meta: tiff: orientation %d out of range 1..8", o)
	}
	t.orient, t.hasOrient = o, true
	return nil
}

// ParseTIFF reads a TIFF's first directory (classic TIFF, either order)
// and the sub-directories it links. A field that cannot be read is left
// out with a note rather than failing the file: the pixels are the
// decoder's business, this is only what rides along.
func ParseTIFF(data []byte) (*TIFFInfo, error) {
	t, es, err := firstIFD(data)
	if err != nil {
		return nil, err
	}
	info := &TIFFInfo{BigEndian: t.order == binary.BigEndian}
	for _, e := range es {
		info.add(t, e)
	}
	return info, nil
}

// add sorts one IFD0 field into what is carried, set apart or dropped.
func (info *TIFFInfo) add(t tiffData, e ifdEntry) {
	switch {
	case e.Tag == tagXMP:
		if v, err := t.value(e); err == nil {
			info.XMP = bytes.Clone(v)
		}
	case e.Tag == tagOrientation:
		if o, ok := t.uint(e); ok {
			info.orient, info.hasOrient = int(o), true
		}
	case tiffLayout[e.Tag]:
		// rewritten by the encoder
	case tiffDropped[e.Tag] != "":
		info.notes.add(tiffDropped[e.Tag])
	default:
		info.carry(t, e, 0, &info.notes)
		info.remember(e.Tag)
	}
}

// remember keeps the ICC profile and IPTC block just carried at hand.
func (info *TIFFInfo) remember(tag uint16) {
	if len(info.Tags) == 0 || info.Tags[len(info.Tags)-1].Tag != tag {
		return
	}
	switch v := info.Tags[len(info.Tags)-1].Value; tag {
	case tagICC:
		info.ICC = v
	case tagIPTC:
		info.IPTC = v
	}
}

func (info *TIFFInfo) order() binary.ByteOrder {
	if info.BigEndian {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// tagDNGVersion marks a TIFF as a DNG camera raw file.
const tagDNGVersion = 50706

// IsDNG reports whether a TIFF's first directory has a DNGVersion tag.
func IsDNG(data []byte) bool {
	_, es, err := firstIFD(data)
	if err != nil {
		return false
	}
	_, ok := find(es, tagDNGVersion)
	return ok
}

// firstIFD reads a TIFF's header and first directory.
func firstIFD(data []byte) (tiffData, []ifdEntry, error) {
	t, err := parseTIFFHeader(data)
	if err != nil {
		return t, nil, fmt.Errorf("meta: tiff: %w", err)
	}
	es, _, err := t.entries(t.ifd0)
	if err != nil {
		return t, nil, fmt.Errorf("meta: tiff: %w", err)
	}
	return t, es, nil
}
