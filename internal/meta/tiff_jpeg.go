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
// grey, or YCbCr with the stream's chroma
// subsampling, at 72 dpi as golang.org/x/image/tiff writes. SpliceTIFF
// then adds the source's metadata (and resolution) around it.
func JPEGTIFF(j JPEGStrip) ([]byte, error) {
	stream, width, height, gray := j.Stream, j.Width, j.Height, j.Gray
	if width <= 0 || height <= 0 || width > 0xFFFF || height > 0xFFFF {
		return nil, errors.New("meta: tiff: JPEG strip size out of range")
	}
	le := binary.LittleEndian
	u16 := func(v ...uint16) []byte {
		var b []byte
		for _, x := range v {
			b = le.AppendUint16(b, x)
		}
		return b
	}
	u32 := func(v ...uint32) []byte {
		var b []byte
		for _, x := range v {
			b = le.AppendUint32(b, x)
		}
		return b
	}
	out := append([]byte("II*\x00\x00\x00\x00\x00"), stream...)
	samples, photometric := uint16(3), uint16(6)
	if gray {
		samples, photometric = 1, 1
	}
	bits := u16(8, 8, 8)[:2*samples]
	fields := []ifdField{
		{TIFFTag{256, 4, 1, u32(uint32(width))}},
		{TIFFTag{257, 4, 1, u32(uint32(height))}},
		{TIFFTag{258, 3, uint32(samples), bits}},
		{TIFFTag{tagCompression, 3, 1, u16(7)}},
		{TIFFTag{tagPhotometric, 3, 1, u16(photometric)}},
		{TIFFTag{273, 4, 1, u32(8)}},
		{TIFFTag{277, 3, 1, u16(samples)}},
		{TIFFTag{tagRowsPerStrip, 4, 1, u32(uint32(height))}},
		{TIFFTag{279, 4, 1, u32(uint32(len(stream)))}},
		{TIFFTag{282, 5, 1, u32(72, 1)}},
		{TIFFTag{283, 5, 1, u32(72, 1)}},
		{TIFFTag{284, 3, 1, u16(1)}},
		{TIFFTag{296, 3, 1, u16(2)}},
	}
	if !gray && (j.SubX < 1 || j.SubX > 2 || j.SubY < 1 || j.SubY > 2) {
		return nil, errors.New("meta: tiff: JPEG chroma subsampling out of range")
	}
	if !gray {
		fields = append(fields, ifdField{TIFFTag{530, 3, 2, u16(uint16(j.SubX), uint16(j.SubY))}},
			ifdField{TIFFTag{532, 5, 6, u32(0, 1, 255, 1, 128, 1, 255, 1, 128, 1, 255, 1)}})
	}
	out, at, err := appendIFD(out, le, fields, 0)
	if err != nil {
		return nil, err
	}
	le.PutUint32(out[4:], at)
	return out, nil
}

// RasterTIFF wraps one strip of chunky samples (RGB with 3 samples or
// grey with 1, of 8 or 16 bits, little-endian), zlib-compressed after
// horizontal differencing, as a TIFF with Deflate compression (8) and
// predictor 2: what golang.org/x/image/tiff writes, without the alpha
// channel it adds to every colour picture.
func RasterTIFF(strip []byte, width, height, samples, bits int) ([]byte, error) {
	if width <= 0 || height <= 0 || width > 1<<31-1 || height > 1<<31-1 || (samples != 1 && samples != 3) || (bits != 8 && bits != 16) {
		return nil, errors.New("meta: tiff: raster layout out of range")
	}
	le := binary.LittleEndian
	short := func(v ...uint16) []byte {
		var b []byte
		for _, x := range v {
			b = le.AppendUint16(b, x)
		}
		return b
	}
	long := func(v ...uint32) []byte {
		var b []byte
		for _, x := range v {
			b = le.AppendUint32(b, x)
		}
		return b
	}
	photometric := uint16(2)
	if samples == 1 {
		photometric = 1
	}
	out := append([]byte("II*\x00\x00\x00\x00\x00"), strip...)
	fields := []ifdField{
		{TIFFTag{256, 4, 1, long(uint32(width))}},
		{TIFFTag{257, 4, 1, long(uint32(height))}},
		{TIFFTag{258, 3, uint32(samples), short(uint16(bits), uint16(bits), uint16(bits))[:2*samples]}},
		{TIFFTag{tagCompression, 3, 1, short(8)}},
		{TIFFTag{tagPhotometric, 3, 1, short(photometric)}},
		{TIFFTag{273, 4, 1, long(8)}},
		{TIFFTag{277, 3, 1, short(uint16(samples))}},
		{TIFFTag{tagRowsPerStrip, 4, 1, long(uint32(height))}},
		{TIFFTag{279, 4, 1, long(uint32(len(strip)))}},
		{TIFFTag{282, 5, 1, long(72, 1)}},
		{TIFFTag{283, 5, 1, long(72, 1)}},
		{TIFFTag{284, 3, 1, short(1)}},
		{TIFFTag{296, 3, 1, short(2)}},
		{TIFFTag{317, 3, 1, short(2)}},
	}
	out, at, err := appendIFD(out, le, fields, 0)
	if err != nil {
		return nil, err
	}
	le.PutUint32(out[4:], at)
	return out, nil
}
