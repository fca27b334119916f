package meta

import (
	"encoding/binary"
	"errors"
)

// JPEGStrip is a complete baseline JPEG stream (tables included) and
// what its frame header says: size, grey or YCbCr, and for YCbCr the
// chroma subsampling (1 or 2 each way).
type JPEGStrip struct {
	Stream        []byte
	Width, Height int
	Gray          bool
	SubX, SubY    int
}

// JPEGTIFF wraps a JPEG stream as a single-strip TIFF with JPEG
// compression (7), the layout libtiff reads for JPEG-compressed TIFF:
// grey, or YCbCr with the stream's chroma subsampling. SpliceTIFF then
// adds the source's metadata (and resolution) around it.
func JPEGTIFF(j JPEGStrip) ([]byte, error) {
	if j.Width <= 0 || j.Height <= 0 || j.Width > 0xFFFF || j.Height > 0xFFFF {
		return nil, errors.New("meta: tiff: JPEG strip size out of range")
	}
	if j.Gray {
		return oneStrip(j.Stream, j.Width, j.Height, 1, 8, []ifdField{short(tagCompression, 7), short(tagPhotometric, 1)})
	}
	if j.SubX < 1 || j.SubX > 2 || j.SubY < 1 || j.SubY > 2 {
		return nil, errors.New("meta: tiff: JPEG chroma subsampling out of range")
	}
	ref := ifdField{TIFFTag{532, 5, 6, le32(0, 1, 255, 1, 128, 1, 255, 1, 128, 1, 255, 1)}}
	return oneStrip(j.Stream, j.Width, j.Height, 3, 8, []ifdField{short(tagCompression, 7), short(tagPhotometric, 6),
		short(530, uint16(j.SubX), uint16(j.SubY)), ref})
}

// RasterTIFF wraps one strip of chunky samples (RGB with 3 samples,
// CMYK with 4 or grey with 1, of 8 or 16 bits, little-endian),
// zlib-compressed after horizontal differencing, as a TIFF with Deflate
// compression (8) and predictor 2: what golang.org/x/image/tiff writes,
// without the alpha channel it adds to every colour picture.
func RasterTIFF(strip []byte, width, height, samples, bits int) ([]byte, error) {
	if width <= 0 || height <= 0 || width > 1<<31-1 || height > 1<<31-1 || (samples != 1 && samples != 3 && samples != 4) || (bits != 8 && bits != 16) {
		return nil, errors.New("meta: tiff: raster layout out of range")
	}
	photometric := map[int]uint16{1: 1, 3: 2, 4: 5}[samples] // grey, RGB, CMYK
	return oneStrip(strip, width, height, samples, bits, []ifdField{short(tagCompression, 8), short(tagPhotometric, photometric), short(317, 2)})
}

// oneStrip writes a little-endian TIFF whose picture is one strip right
// after the header, at 72 dpi as golang.org/x/image/tiff writes: the
// layout fields, then coding's (compression, colour model, ...).
func oneStrip(strip []byte, width, height, samples, bits int, coding []ifdField) ([]byte, error) {
	depth := make([]uint16, samples)
	for i := range depth {
		depth[i] = uint16(bits)
	}
	fields := append([]ifdField{
		long(256, uint32(width)), long(257, uint32(height)), short(258, depth...), long(273, 8),
		short(277, uint16(samples)), long(tagRowsPerStrip, uint32(height)), long(279, uint32(len(strip))),
		{TIFFTag{282, 5, 1, le32(72, 1)}}, {TIFFTag{283, 5, 1, le32(72, 1)}}, short(284, 1), short(296, 2),
	}, coding...)
	out := append([]byte("II*\x00\x00\x00\x00\x00"), strip...)
	out, at, err := appendIFD(out, binary.LittleEndian, sortFields(fields), 0)
	if err != nil {
		return nil, err
	}
	binary.LittleEndian.PutUint32(out[4:], at)
	return out, nil
}

// short and long are SHORT and LONG fields, little-endian.
func short(tag uint16, v ...uint16) ifdField {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, x)
	}
	return ifdField{TIFFTag{tag, 3, uint32(len(v)), b}}
}

func long(tag uint16, v ...uint32) ifdField {
	return ifdField{TIFFTag{tag, 4, uint32(len(v)), le32(v...)}}
}

func le32(v ...uint32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	return b
}
