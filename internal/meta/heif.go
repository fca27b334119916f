package meta

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// HEIFInfo is what a HEIF file (HEIC, AVIF and their sequences) says
// about its primary picture and the metadata items that describe it.
type HEIFInfo struct {
	Brands []string // major brand first, then the compatible ones
	// Width and Height are the primary picture's displayed size (ispe,
	// turned by irot); 0 when the file does not say.
	Width, Height int
	EXIF          []byte // the TIFF structure of the Exif item
	XMP           []byte // the application/rdf+xml item
	ICC           []byte // colr 'prof' or 'rICC' of the primary picture
	// NCLX and HVCC say how the primary picture's samples are coded: its
	// colr 'nclx' and its (or, for a grid, its first tile's) HEVC
	// configuration; nil when the file has none.
	NCLX *NCLX
	HVCC []byte
	// Sequence is set for image sequences (an animation track).
	Sequence bool
	// Others counts image items that are neither the primary picture
	// nor its tiles: thumbnails, depth maps, gain maps, alpha planes.
	Others int
}

// NCLX is a colr box's coded colour: ISO/IEC 23091-2 code points.
type NCLX struct {
	Primaries, Transfer, Matrix int
	FullRange                   bool
}

// heifBrands are the ftyp brands of the HEIF family.
var heifBrands = []string{"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis", "mif2"}

// HEIFBrands reads the ftyp box at the start of data; ok is false when
// it is not a HEIF-family file.
func HEIFBrands(data []byte) ([]string, bool) {
	if len(data) < 16 || string(data[4:8]) != "ftyp" {
		return nil, false
	}
	n := min(int(uint32(data[0])<<24|uint32(data[1])<<16|uint32(data[2])<<8|uint32(data[3])), len(data))
	if n < 16 {
		return nil, false
	}
	brands := []string{string(data[8:12])}
	for p := 16; p+4 <= n; p += 4 {
		brands = append(brands, string(data[p:p+4]))
	}
	for _, b := range brands {
		if slices.Contains(heifBrands, b) {
			return brands, true
		}
	}
	return nil, false
}

// heifItem is one entry of iinf with its location and properties.
type heifItem struct {
	typ, mime string
	extents   [][2]uint64 // offset, length
	idat      bool        // construction method 1: offsets into idat
	props     []int       // 1-based ipco indices
}

// ParseHEIF reads a HEIF file's meta box.
func ParseHEIF(data []byte) (*HEIFInfo, error) {
	brands, ok := HEIFBrands(data)
	if !ok {
		return nil, errors.New("meta: heif: no HEIF ftyp box")
	}
	top, err := walkBoxes(data, 0)
	if err != nil && len(top) == 0 {
		return nil, fmt.Errorf("meta: heif: %w", err)
	}
	info := &HEIFInfo{Brands: brands}
	_, info.Sequence = child(top, "moov")
	m, ok := child(top, "meta")
	if !ok {
		return nil, errors.New("meta: heif: no meta box")
	}
	if err := info.readMeta(data, m); err != nil {
		return nil, fmt.Errorf("meta: heif: %w", err)
	}
	return info, nil
}

func (info *HEIFInfo) readMeta(file []byte, m bmffBox) error {
	if len(m.data) < 4 {
		return errors.New("meta box too short")
	}
	boxes, err := walkBoxes(m.data[4:], m.off+4)
	if err != nil {
		return err
	}
	items, err := readItems(boxes)
	if err != nil {
		return err
	}
	primary := readPrimary(boxes)
	props := readProps(boxes, items)
	idat, _ := child(boxes, "idat")
	refs := readRefs(boxes)
	for id, it := range items {
		switch {
		case it.typ == "Exif" && info.EXIF == nil:
			info.EXIF = exifItem(it.bytes(file, idat.data))
		case it.typ == "mime" && it.mime == "application/rdf+xml" && info.XMP == nil:
			info.XMP = bytes.TrimRight(it.bytes(file, idat.data), "\x00") // some writers end it with NULs
		case id != primary && isImageItem(it.typ) && !slices.Contains(refs["dimg"][primary], id):
			info.Others++
		}
	}
	if p, ok := items[primary]; ok {
		info.primaryProps(p, props)
		info.signalProps(p, props)
	}
	if tiles := refs["dimg"][primary]; len(tiles) > 0 {
		if t, ok := items[tiles[0]]; ok {
			info.signalProps(t, props)
		}
	}
	return nil
}

// signalProps keeps the first nclx colour and HEVC configuration an item
// has, unless the primary picture already gave them.
func (info *HEIFInfo) signalProps(it heifItem, props []bmffBox) {
	for _, b := range it.boxes(props) {
		switch {
		case b.typ == "colr" && len(b.data) >= 11 && string(b.data[:4]) == "nclx" && info.NCLX == nil:
			r := &reader{b: b.data[4:]}
			info.NCLX = &NCLX{Primaries: r.u16(), Transfer: r.u16(), Matrix: r.u16(), FullRange: r.u8()&0x80 != 0}
		case b.typ == "hvcC" && info.HVCC == nil:
			info.HVCC = b.data
		}
	}
}

func isImageItem(typ string) bool {
	switch typ {
	case "hvc1", "av01", "grid", "iden", "iovl", "jpeg", "unci", "tmap":
		return true
	}
	return false
}

// boxes are the item's properties in ipma's order, skipping indices
// that name no box in ipco.
func (it heifItem) boxes(props []bmffBox) []bmffBox {
	var out []bmffBox
	for _, i := range it.props {
		if i >= 1 && i <= len(props) {
			out = append(out, props[i-1])
		}
	}
	return out
}

// bytes joins an item's extents, bounded by the file (or idat).
func (it heifItem) bytes(file, idat []byte) []byte {
	src := file
	if it.idat {
		src = idat
	}
	var out []byte
	for _, e := range it.extents {
		if e[0] > uint64(len(src)) || e[1] > uint64(len(src))-e[0] {
			return nil
		}
		n := e[1]
		if n == 0 {
			n = uint64(len(src)) - e[0] // length 0: to the end
		}
		if uint64(len(out))+n > uint64(len(src)) {
			return nil // extents repeating the same bytes: a bomb, not metadata
		}
		out = append(out, src[e[0]:e[0]+n]...)
	}
	return out
}

// exifItem skips the Exif item's header: a 32-bit offset to the TIFF
// header, counted from the end of that field.
func exifItem(b []byte) []byte {
	if len(b) < 4 {
		return nil
	}
	off := uint64(uint32(b[0])<<24|uint32(b[1])<<16|uint32(b[2])<<8|uint32(b[3])) + 4
	if off > uint64(len(b)) {
		return nil
	}
	return trimExifPrefix(b[off:])
}

// primaryProps reads the primary picture's size, turn and ICC profile.
func (info *HEIFInfo) primaryProps(p heifItem, props []bmffBox) {
	turn := 0
	for _, b := range p.boxes(props) {
		r := &reader{b: b.data}
		switch b.typ {
		case "ispe":
			r.full()
			info.Width, info.Height = int(r.u32()), int(r.u32())
		case "irot":
			turn = r.u8() & 3
		case "colr":
			if t := string(b.data[:min(4, len(b.data))]); (t == "prof" || t == "rICC") && info.ICC == nil {
				info.ICC = b.data[4:]
			}
		}
	}
	if turn%2 == 1 {
		info.Width, info.Height = info.Height, info.Width
	}
}
