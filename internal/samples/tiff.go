package samples

import (
	"encoding/binary"
	"slices"
)

// TIFFField is one directory entry, its value little-endian.
type TIFFField struct {
	Tag, Type uint16
	Count     uint32
	Value     []byte
}

// Short and Long make SHORT and LONG fields.
func Short(tag uint16, v ...uint16) TIFFField {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, x)
	}
	return TIFFField{tag, 3, uint32(len(v)), b}
}

// Long makes a LONG field.
func Long(tag uint16, v ...uint32) TIFFField {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	return TIFFField{tag, 4, uint32(len(v)), b}
}

// JPEGTIFFSpec describes a JPEG-compressed TIFF, the way scanners, GDAL
// and libtiff write them.
type JPEGTIFFSpec struct {
	Width, Height int
	Photometric   uint16 // 1 grey, 2 RGB, 5 CMYK, 6 YCbCr
	Samples       uint16
	// TileW and TileH are the tile size; with TileW 0 the picture is
	// cut into strips of TileH rows.
	TileW, TileH int
	Tables       []byte   // tag 347, nil for none
	Segments     [][]byte // one JPEG stream per strip or tile
	// OldStyle writes compression 6 with tags 513/514 pointing at the
	// first segment, a whole JPEG stream.
	OldStyle bool
	// Extra fields are added, replacing made ones of the same tag.
	Extra []TIFFField
}

// JPEGTIFF builds the file: header, segments, then the directory.
func JPEGTIFF(s JPEGTIFFSpec) []byte {
	out := []byte("II*\x00\x00\x00\x00\x00")
	var offs, counts []uint32
	for _, seg := range s.Segments {
		offs, counts = append(offs, uint32(len(out))), append(counts, uint32(len(seg)))
		out = append(out, seg...)
		if len(out)%2 == 1 {
			out = append(out, 0)
		}
	}
	comp := uint16(7)
	if s.OldStyle {
		comp = 6
	}
	bits := make([]uint16, s.Samples)
	for i := range bits {
		bits[i] = 8
	}
	fs := []TIFFField{Long(256, uint32(s.Width)), Long(257, uint32(s.Height)), Short(258, bits...),
		Short(259, comp), Short(262, s.Photometric), Short(277, s.Samples), Short(284, 1)}
	if s.TileW > 0 {
		fs = append(fs, Long(322, uint32(s.TileW)), Long(323, uint32(s.TileH)), Long(324, offs...), Long(325, counts...))
	} else {
		fs = append(fs, Long(273, offs...), Long(278, uint32(s.TileH)), Long(279, counts...))
	}
	if s.Tables != nil {
		fs = append(fs, TIFFField{347, 7, uint32(len(s.Tables)), s.Tables})
	}
	if s.OldStyle {
		fs = append(fs, Long(513, offs[0]), Long(514, counts[0]))
	}
	for _, e := range s.Extra { // an extra field replaces a made one
		fs = slices.DeleteFunc(fs, func(f TIFFField) bool { return f.Tag == e.Tag })
	}
	return appendDirectory(out, append(fs, s.Extra...))
}

// appendDirectory writes long values, then the sorted directory, and
// points the header at it.
func appendDirectory(out []byte, fs []TIFFField) []byte {
	slices.SortFunc(fs, func(a, b TIFFField) int { return int(a.Tag) - int(b.Tag) })
	dir := binary.LittleEndian.AppendUint16(nil, uint16(len(fs)))
	for _, f := range fs {
		dir = binary.LittleEndian.AppendUint16(dir, f.Tag)
		dir = binary.LittleEndian.AppendUint16(dir, f.Type)
		dir = binary.LittleEndian.AppendUint32(dir, f.Count)
		v := append([]byte{}, f.Value...)
		if len(v) > 4 {
			at := uint32(len(out))
			out = append(out, v...)
			if len(out)%2 == 1 {
				out = append(out, 0)
			}
			v = binary.LittleEndian.AppendUint32(nil, at)
		}
		dir = append(dir, append(v, make([]byte, 4-len(v))...)...)
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)))
	return append(append(out, dir...), 0, 0, 0, 0)
}

// SplitTables cuts a complete JPEG stream into the shared tables (SOI,
// its DQT and DHT segments, EOI) and the abbreviated stream without them,
// as a JPEG-compressed TIFF stores them.
func SplitTables(jpg []byte) (tables, rest []byte) {
	tables, rest = []byte{0xFF, 0xD8}, []byte{0xFF, 0xD8}
	p := 2
	for p+4 <= len(jpg) && jpg[p] == 0xFF && jpg[p+1] != 0xDA {
		n := int(binary.BigEndian.Uint16(jpg[p+2:])) + 2
		if jpg[p+1] == 0xDB || jpg[p+1] == 0xC4 {
			tables = append(tables, jpg[p:p+n]...)
		} else {
			rest = append(rest, jpg[p:p+n]...)
		}
		p += n
	}
	return append(tables, 0xFF, 0xD9), append(rest, jpg[p:]...)
}

// MPFIndex is the payload of an MPF APP2 segment ("MPF\0" and a
// little-endian MP index IFD) listing one image per type, sizes and
// offsets zero: meta.JoinMPF sets them when it writes the file.
func MPFIndex(types ...uint32) []byte {
	entries := make([]byte, 0, 16*len(types))
	for i, t := range types {
		if i == 0 {
			t |= 0x20000000 // representative image
		}
		entries = binary.LittleEndian.AppendUint32(entries, t)
		entries = append(entries, make([]byte, 12)...)
	}
	out := appendDirectory([]byte("II*\x00\x00\x00\x00\x00"), []TIFFField{
		{0xB000, 7, 4, []byte("0100")}, Long(0xB001, uint32(len(types))), {0xB002, 7, uint32(len(entries)), entries}})
	return append([]byte("MPF\x00"), out...)
}

// MPFAttributes is the MPF APP2 payload of a further image of a stereo
// pair: its MP attribute IFD, with its individual image number.
func MPFAttributes(num uint32) []byte {
	out := appendDirectory([]byte("II*\x00\x00\x00\x00\x00"), []TIFFField{{0xB000, 7, 4, []byte("0100")}, Long(0xB101, num)})
	return append([]byte("MPF\x00"), out...)
}
