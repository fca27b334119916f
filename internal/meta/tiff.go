package meta

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// TIFFTag is one IFD0 field kept raw: Value holds Count values of Type in
// the byte order of the file it came from.
type TIFFTag struct {
	Tag, Type uint16
	Count     uint32
	Value     []byte
}

// tiffCarry are the descriptive IFD0 tags that still describe the image
// after a re-encode, and the ones this package handles itself.
var tiffCarry = map[uint16]bool{
	269:            true, // DocumentName
	270:            true, // ImageDescription
	271:            true, // Make
	272:            true, // Model
	282:            true, // XResolution
	283:            true, // YResolution
	296:            true, // ResolutionUnit
	305:            true, // Software
	306:            true, // DateTime
	315:            true, // Artist
	316:            true, // HostComputer
	tagOrientation: true,
	tagIPTC:        true,
	tagICC:         true,
	33432:          true, // Copyright
}

// TIFFInfo is the metadata of a TIFF's first directory.
type TIFFInfo struct {
	BigEndian bool
	// Tags are the carried descriptive tags, ICC and IPTC included, sorted.
	Tags      []TIFFTag
	ICC, XMP  []byte
	IPTC      []byte
	orient    int
	hasOrient bool
	// Dropped names IFD0 tags that SpliceTIFF cannot carry (sub-IFDs such
	// as EXIF and GPS point to offsets that would need relocating).
	Dropped []uint16
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

// ParseTIFF reads a TIFF's first directory (classic TIFF, either order).
func ParseTIFF(data []byte) (*TIFFInfo, error) {
	t, err := parseTIFFHeader(data)
	if err != nil {
		return nil, fmt.Errorf("meta: tiff: %w", err)
	}
	es, _, err := t.entries(t.ifd0)
	if err != nil {
		return nil, fmt.Errorf("meta: tiff: %w", err)
	}
	info := &TIFFInfo{BigEndian: t.order == binary.BigEndian}
	for _, e := range es {
		if err := info.add(t, e); err != nil {
			return nil, fmt.Errorf("meta: tiff: %w", err)
		}
	}
	return info, nil
}

func (info *TIFFInfo) add(t tiffData, e ifdEntry) error {
	if e.Tag == tagXMP || tiffCarry[e.Tag] {
		v, err := t.value(e)
		if err != nil {
			return err
		}
		v = bytes.Clone(v)
		info.keep(t, e, v)
		return nil
	}
	if e.Tag == 34665 || e.Tag == 34853 || e.Tag == 40965 || e.Tag == 330 {
		info.Dropped = append(info.Dropped, e.Tag)
	}
	return nil
}

func (info *TIFFInfo) keep(t tiffData, e ifdEntry, v []byte) {
	switch e.Tag {
	case tagXMP:
		info.XMP = v
		return
	case tagOrientation:
		if o, ok := t.uint(e); ok {
			info.orient, info.hasOrient = int(o), true
		}
		return
	case tagICC:
		info.ICC = v
	case tagIPTC:
		info.IPTC = v
	}
	info.Tags = append(info.Tags, TIFFTag{Tag: e.Tag, Type: e.Type, Count: e.Count, Value: v})
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
	t, err := parseTIFFHeader(data)
	if err != nil {
		return false
	}
	es, _, err := t.entries(t.ifd0)
	if err != nil {
		return false
	}
	_, ok := find(es, tagDNGVersion)
	return ok
}
