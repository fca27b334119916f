package meta

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

var pngSig = []byte("\x89PNG\r\n\x1a\n")

// PNGChunk is one raw chunk; Data excludes length, type and CRC.
type PNGChunk struct {
	Type string
	Data []byte
}

// PNGText is one decoded tEXt, zTXt or iTXt entry.
type PNGText struct {
	Chunk      string // "tEXt", "zTXt" or "iTXt"
	Keyword    string
	Lang       string // iTXt only
	Translated string // iTXt only
	Text       string // UTF-8
}

// PNGPhys is the pHYs chunk: pixels per unit, unit 1 = metre, 0 = unknown.
type PNGPhys struct {
	X, Y uint32
	Unit byte
}

// PNGInfo is what a PNG carries besides its image data.
type PNGInfo struct {
	Width, Height       int
	BitDepth, ColorType byte
	// Chunks are all chunks but IDAT, in file order, raw.
	Chunks []PNGChunk
	// ICC is the inflated iCCP profile, ICCName its name.
	ICC     []byte
	ICCName string
	EXIF    []byte // eXIf payload (a TIFF structure)
	XMP     []byte // iTXt "XML:com.adobe.xmp", else ImageMagick's raw profile
	Text    []PNGText
	// Gamma is gAMA × 100000 (0: absent); SRGBIntent is -1 without sRGB.
	Gamma          uint32
	SRGBIntent     int
	Chromaticities []uint32 // cHRM: white x,y, red x,y, green x,y, blue x,y
	Phys           *PNGPhys

	rawXMP []byte // ImageMagick's hex copy, used when no iTXt has XMP
}

// Orientation is the eXIf orientation, 1..8 (1 without eXIf).
func (p *PNGInfo) Orientation() int { return exifOrientation(p.EXIF) }

// SetOrientation patches the eXIf orientation for the output.
func (p *PNGInfo) SetOrientation(o int) error {
	if p.EXIF == nil {
		if o == 1 {
			return nil
		}
		return fmt.Errorf("meta: png: no eXIf to set orientation %d in", o)
	}
	e, err := exifSetOrientation(p.EXIF, o)
	if err != nil {
		return fmt.Errorf("meta: png: %w", err)
	}
	p.replaceEXIF(e)
	return nil
}

// maxEXIFOther bounds a PNG or WebP EXIF block with its new thumbnail;
// those containers have no 64 KB segment limit, but a thumbnail needs
// no more.
const maxEXIFOther = 1 << 20

// RemovePictures regenerates the eXIf thumbnail from the labeled picture
// (thumb), erases maker-note previews, and drops text chunks (such as
// ImageMagick's "Raw profile type exif/APP1/8bim") that hold a picture.
func (p *PNGInfo) RemovePictures(thumb Thumbnailer) ([]string, error) {
	var notes []string
	if p.EXIF != nil {
		e, n, err := exifRemovePictures(trimExifPrefix(p.EXIF), thumb, maxEXIFOther)
		if err != nil {
			return nil, fmt.Errorf("meta: png: eXIf: %w", err)
		}
		p.replaceEXIF(e)
		notes = n
	}
	var keep []PNGChunk
	for _, c := range p.Chunks {
		if isText(c) && !isXMPText(c) && textHoldsPicture(c) {
			notes = append(notes, fmt.Sprintf("text chunk %q removed: it held a picture without the label", textKeyword(c)))
			continue
		}
		keep = append(keep, c)
	}
	p.Chunks = keep
	return notes, nil
}

// textHoldsPicture decodes a text chunk (hex raw profiles included) and
// looks for an embedded picture.
func textHoldsPicture(c PNGChunk) bool {
	t, ok := decodeText(c)
	if !ok {
		return holdsPicture(c.Data)
	}
	b := []byte(t.Text)
	if raw := decodeRawHex(t.Text); raw != nil {
		b = raw
	}
	return holdsPicture(b)
}

func (p *PNGInfo) replaceEXIF(e []byte) {
	for i, c := range p.Chunks {
		if c.Type == "eXIf" {
			p.Chunks[i].Data = e
		}
	}
	p.EXIF = e
}

// maxPNGChunk is the PNG limit on a chunk's length (2^31-1).
const maxPNGChunk = 1<<31 - 1

// readPNGChunks splits a PNG into chunks, verifying every CRC. The chunks
// alias data. It stops at IEND and requires IHDR first.
func readPNGChunks(data []byte) ([]PNGChunk, error) {
	if !bytes.HasPrefix(data, pngSig) {
		return nil, errors.New("meta: png: no PNG signature")
	}
	var out []PNGChunk
	for p := len(pngSig); ; {
		if p+8 > len(data) {
			return nil, fmt.Errorf("meta: png: file ends at offset %d without IEND", p)
		}
		n := uint64(binary.BigEndian.Uint32(data[p:]))
		typ := data[p+4 : p+8]
		if n > maxPNGChunk || uint64(p)+12+n > uint64(len(data)) {
			return nil, fmt.Errorf("meta: png: chunk %q at offset %d: length %d runs past the end (size %d)", typ, p, n, len(data))
		}
		if !validChunkType(typ) {
			return nil, fmt.Errorf("meta: png: bad chunk type %q at offset %d", typ, p)
		}
		body := data[p+8 : p+8+int(n)]
		want := binary.BigEndian.Uint32(data[p+8+int(n):])
		if crc32.ChecksumIEEE(data[p+4:p+8+int(n)]) != want {
			return nil, fmt.Errorf("meta: png: chunk %q at offset %d: CRC mismatch", typ, p)
		}
		if len(out) == 0 && string(typ) != "IHDR" {
			return nil, fmt.Errorf("meta: png: first chunk is %q, not IHDR", typ)
		}
		out = append(out, PNGChunk{Type: string(typ), Data: body})
		if string(typ) == "IEND" {
			return out, nil
		}
		p += 12 + int(n)
	}
}

func validChunkType(t []byte) bool {
	for _, c := range t {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// ParsePNG reads a PNG's chunks and decodes the metadata ones.
func ParsePNG(data []byte) (*PNGInfo, error) {
	chunks, err := readPNGChunks(data)
	if err != nil {
		return nil, err
	}
	ihdr := chunks[0].Data
	if len(ihdr) != 13 {
		return nil, fmt.Errorf("meta: png: IHDR of %d bytes, want 13", len(ihdr))
	}
	info := &PNGInfo{
		Width: int(binary.BigEndian.Uint32(ihdr)), Height: int(binary.BigEndian.Uint32(ihdr[4:])),
		BitDepth: ihdr[8], ColorType: ihdr[9], SRGBIntent: -1,
	}
	for _, c := range chunks {
		if c.Type == "IDAT" {
			continue
		}
		c.Data = bytes.Clone(c.Data)
		info.Chunks = append(info.Chunks, c)
		info.decode(c)
	}
	if info.XMP == nil {
		info.XMP = info.rawXMP
	}
	return info, nil
}

// decode fills the typed fields. Malformed ancillary chunks are left
// undecoded rather than failing: they are someone else's metadata.
func (p *PNGInfo) decode(c PNGChunk) {
	d := c.Data
	switch c.Type {
	case "iCCP":
		if name, rest, ok := cutNul(d, 79); ok && len(rest) > 1 && p.ICC == nil {
			p.ICC, _ = inflate(rest[1:])
			p.ICCName = string(name)
		}
	case "eXIf":
		p.EXIF = d
	case "gAMA":
		if len(d) == 4 {
			p.Gamma = binary.BigEndian.Uint32(d)
		}
	case "sRGB":
		if len(d) == 1 {
			p.SRGBIntent = int(d[0])
		}
	case "cHRM":
		p.decodeCHRM(d)
	case "pHYs":
		if len(d) == 9 {
			p.Phys = &PNGPhys{X: binary.BigEndian.Uint32(d), Y: binary.BigEndian.Uint32(d[4:]), Unit: d[8]}
		}
	case "tEXt", "zTXt", "iTXt":
		if t, ok := decodeText(c); ok {
			p.Text = append(p.Text, t)
			if t.Keyword == xmpKeyword && p.XMP == nil {
				p.XMP = []byte(t.Text)
			}
			if t.Keyword == rawProfileKeyword && p.rawXMP == nil {
				p.rawXMP = decodeRawProfile(t.Text)
			}
		}
	}
}

func (p *PNGInfo) decodeCHRM(d []byte) {
	if len(d) != 32 {
		return
	}
	p.Chromaticities = make([]uint32, 8)
	for i := range p.Chromaticities {
		p.Chromaticities[i] = binary.BigEndian.Uint32(d[4*i:])
	}
}

// maxInflate bounds any zlib stream we open: a small chunk must not
// become gigabytes (ICC profiles and text run to a few MB at most).
const maxInflate = 16 << 20

func inflate(b []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, maxInflate+1))
	if err != nil {
		return nil, err
	}
	if len(out) > maxInflate {
		return nil, errors.New("inflated data exceeds limit")
	}
	return out, nil
}

// cutNul splits at the first NUL within max bytes (PNG keywords are 1-79).
func cutNul(b []byte, max int) ([]byte, []byte, bool) {
	i := bytes.IndexByte(b[:min(len(b), max+1)], 0)
	if i < 1 {
		return nil, nil, false
	}
	return b[:i], b[i+1:], true
}
