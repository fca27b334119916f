package image

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// BMP compressions (biCompression) that wrap a whole JPEG or PNG stream,
// meant for printers and written by some scanners and Pillow.
const (
	bmpJPEG = 4
	bmpPNG  = 5
)

// bmpEmbedded returns the JPEG or PNG stream a BMP wraps and its format;
// ok is false for any other BMP. It reads only the headers, so a file's
// first few kilobytes are enough.
func bmpEmbedded(data []byte) (stream []byte, f format, ok bool) {
	if len(data) < 54 || !bytes.HasPrefix(data, []byte("BM")) || binary.LittleEndian.Uint32(data[14:]) < 40 {
		return nil, "", false // OS/2 BMPs' 12-byte header has no compression field
	}
	switch binary.LittleEndian.Uint32(data[30:]) {
	case bmpJPEG:
		f = fmtJPEG
	case bmpPNG:
		f = fmtPNG
	default:
		return nil, "", false
	}
	off, size := uint64(binary.LittleEndian.Uint32(data[10:])), uint64(binary.LittleEndian.Uint32(data[34:]))
	end := uint64(len(data))
	if off >= end {
		return nil, "", false
	}
	if size > 0 && off+size < end {
		end = off + size
	}
	stream = data[off:end]
	if g, _ := sniffFormat(stream); g != f {
		return nil, "", false
	}
	return stream, f, true
}

// unwrapBMP replaces a BMP that wraps a JPEG or PNG by the stream it
// wraps: that picture is what is labeled and written (BMP has no place
// for machine-readable marks).
func unwrapBMP(data []byte, f format) ([]byte, format, []string) {
	if f != fmtBMP {
		return data, f, nil
	}
	stream, g, ok := bmpEmbedded(data)
	if !ok {
		return data, f, nil
	}
	return stream, g, []string{fmt.Sprintf("a BMP wrapping a %s picture: labeled and written as that %s, since BMP cannot carry machine-readable marks", upper(g), upper(g))}
}

func upper(f format) string { return string(bytes.ToUpper([]byte(f))) }
