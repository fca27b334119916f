package meta

import (
	"bytes"

	"github.com/belgi-kz/belgi/labeler/provenance"
)

// Format names ReadXMP reports.
const (
	FormatJPEG = "jpeg"
	FormatPNG  = "png"
	FormatWebP = "webp"
	FormatGIF  = "gif"
	FormatTIFF = "tiff"
)

// Sniff names the container by its magic bytes, "" if none of ours.
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return FormatJPEG
	case bytes.HasPrefix(data, pngSig):
		return FormatPNG
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return FormatWebP
	case bytes.HasPrefix(data, []byte("GIF8")):
		return FormatGIF
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return FormatTIFF
	}
	return ""
}

// ReadXMP finds the XMP packet in a JPEG, PNG, WebP, GIF or TIFF by the
// container's structure, so that text which merely looks like XMP (in a
// comment, in pixel data) is not taken for it. When the structure yields
// nothing (damaged file, unknown container) it falls back to scanning
// the bytes with provenance.Extract, because check should rather report
// a mark it found loosely than miss one.
func ReadXMP(data []byte) ([]byte, string) {
	format := Sniff(data)
	if x := structuredXMP(format, data); len(x) > 0 {
		return x, format
	}
	return provenance.Extract(data), format
}

func structuredXMP(format string, data []byte) []byte {
	switch format {
	case FormatJPEG:
		if j, err := ParseJPEG(data); err == nil {
			return j.XMP
		}
	case FormatPNG:
		if p, err := ParsePNG(data); err == nil {
			return p.XMP
		}
	case FormatWebP:
		if w, err := ParseWebP(data); err == nil {
			return w.XMP
		}
	case FormatGIF:
		x, _ := ReadGIFXMP(data)
		return x
	case FormatTIFF:
		if t, err := ParseTIFF(data); err == nil {
			return t.XMP
		}
	}
	return nil
}
