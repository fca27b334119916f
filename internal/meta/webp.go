package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// RIFFChunk is one chunk of a RIFF file; Data excludes header and padding.
type RIFFChunk struct {
	FourCC string
	Data   []byte
}

// VP8X flag bits (WebP container specification).
const (
	webpAnim  = 0x02
	webpXMP   = 0x04
	webpEXIF  = 0x08
	webpAlpha = 0x10
	webpICC   = 0x20
)

// WebPInfo is what a WebP carries besides its bitstream.
type WebPInfo struct {
	Chunks []RIFFChunk // in file order, raw
	// Flags is the VP8X flag byte (0 for a simple file).
	Flags byte
	// Width and Height are the canvas size (VP8X) or the bitstream's.
	Width, Height int
	ICC, EXIF     []byte
	XMP           []byte
	Animated      bool
	Alpha         bool
	Lossless      bool
}

// Orientation is the EXIF orientation, 1..8 (1 without EXIF).
func (w *WebPInfo) Orientation() int { return exifOrientation(w.EXIF) }

// SetOrientation patches the EXIF orientation for the output.
func (w *WebPInfo) SetOrientation(o int) error {
	if w.EXIF == nil {
		if o == 1 {
			return nil
		}
		return fmt.Errorf("meta: webp: no EXIF to set orientation %d in", o)
	}
	e, err := exifSetOrientation(w.EXIF, o)
	if err != nil {
		return fmt.Errorf("meta: webp: %w", err)
	}
	w.EXIF = e
	return nil
}

// RemovePictures regenerates the EXIF thumbnail from the labeled picture
// (thumb) and erases maker-note previews.
func (w *WebPInfo) RemovePictures(thumb Thumbnailer) ([]string, error) {
	if w.EXIF == nil {
		return nil, nil
	}
	e, notes, err := exifRemovePictures(trimExifPrefix(w.EXIF), thumb, maxEXIFOther)
	if err != nil {
		return nil, fmt.Errorf("meta: webp: EXIF: %w", err)
	}
	w.EXIF = e
	return notes, nil
}

// readRIFF splits a RIFF/WEBP file into chunks (aliasing data). Bytes past
// the RIFF size are ignored, as decoders do.
func readRIFF(data []byte) ([]RIFFChunk, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, errors.New("meta: webp: no RIFF/WEBP header")
	}
	size := uint64(binary.LittleEndian.Uint32(data[4:]))
	if size+8 > uint64(len(data)) || size < 4 {
		return nil, fmt.Errorf("meta: webp: RIFF size %d does not fit the file (size %d)", size, len(data))
	}
	data = data[:size+8]
	var out []RIFFChunk
	for p := 12; p < len(data); {
		if p+8 > len(data) {
			return nil, fmt.Errorf("meta: webp: truncated chunk header at offset %d", p)
		}
		n := uint64(binary.LittleEndian.Uint32(data[p+4:]))
		if uint64(p)+8+n > uint64(len(data)) {
			return nil, fmt.Errorf("meta: webp: chunk %q at offset %d: size %d runs past the end", data[p:p+4], p, n)
		}
		out = append(out, RIFFChunk{FourCC: string(data[p : p+4]), Data: data[p+8 : p+8+int(n)]})
		p += 8 + int(n) + int(n&1)
	}
	if len(out) == 0 {
		return nil, errors.New("meta: webp: no chunks")
	}
	return out, nil
}

// ParseWebP reads a WebP's chunks and decodes the header and metadata.
func ParseWebP(data []byte) (*WebPInfo, error) {
	chunks, err := readRIFF(data)
	if err != nil {
		return nil, err
	}
	info := &WebPInfo{}
	for _, c := range chunks {
		c.Data = bytes.Clone(c.Data)
		info.Chunks = append(info.Chunks, c)
		if err := info.decode(c); err != nil {
			return nil, fmt.Errorf("meta: webp: %w", err)
		}
	}
	if info.Width == 0 {
		return nil, errors.New("meta: webp: no VP8X, VP8 or VP8L chunk")
	}
	return info, nil
}

func (w *WebPInfo) decode(c RIFFChunk) error {
	switch c.FourCC {
	case "VP8X":
		if len(c.Data) < 10 {
			return errors.New("VP8X chunk too short")
		}
		w.Flags = c.Data[0]
		w.Width, w.Height = 1+int(le24(c.Data[4:])), 1+int(le24(c.Data[7:]))
		w.Animated, w.Alpha = w.Flags&webpAnim != 0, w.Flags&webpAlpha != 0
	case "VP8 ", "VP8L":
		return w.decodeBitstream(c)
	case "ANIM", "ANMF":
		w.Animated = true
	case "ALPH":
		w.Alpha = true
	case "ICCP":
		w.ICC = firstOf(w.ICC, c.Data)
	case "EXIF":
		w.EXIF = firstOf(w.EXIF, c.Data)
	case "XMP ":
		w.XMP = firstOf(w.XMP, c.Data)
	}
	return nil
}

func (w *WebPInfo) decodeBitstream(c RIFFChunk) error {
	wd, ht, alpha, err := bitstreamSize(c)
	if err != nil {
		return err
	}
	w.Lossless = c.FourCC == "VP8L"
	w.Alpha = w.Alpha || alpha
	if w.Width == 0 {
		w.Width, w.Height = wd, ht
	}
	return nil
}

// bitstreamSize reads the frame size from a VP8 key frame header or a
// VP8L header, and VP8L's alpha hint.
func bitstreamSize(c RIFFChunk) (int, int, bool, error) {
	d := c.Data
	if c.FourCC == "VP8L" {
		if len(d) < 5 || d[0] != 0x2f {
			return 0, 0, false, errors.New("bad VP8L header")
		}
		b := binary.LittleEndian.Uint32(d[1:])
		return int(b&0x3fff) + 1, int(b>>14&0x3fff) + 1, b>>28&1 == 1, nil
	}
	if len(d) < 10 || d[0]&1 != 0 || !bytes.Equal(d[3:6], []byte{0x9d, 0x01, 0x2a}) {
		return 0, 0, false, errors.New("bad VP8 key frame header")
	}
	return int(binary.LittleEndian.Uint16(d[6:]) & 0x3fff), int(binary.LittleEndian.Uint16(d[8:]) & 0x3fff), false, nil
}

func le24(b []byte) uint32 { return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 }

func firstOf(have, b []byte) []byte {
	if have != nil {
		return have
	}
	return b
}
