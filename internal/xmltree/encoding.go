package xmltree

import (
	"bytes"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is how a document's bytes encode its text.
type Encoding int

// The encodings XML parts in Office files and XMP packets use.
const (
	UTF8 Encoding = iota
	UTF8BOM
	UTF16LE
	UTF16BE
)

// Decode returns src as UTF-8 and how it was encoded: UTF-16 with a byte
// order mark is converted; UTF-8 keeps a byte order mark, if any, so
// offsets still match after Encode.
func Decode(src []byte) ([]byte, Encoding, error) {
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		return src, UTF8BOM, nil
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return fromUTF16(src[2:], false)
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return fromUTF16(src[2:], true)
	}
	return src, UTF8, nil
}

func fromUTF16(b []byte, be bool) ([]byte, Encoding, error) {
	if len(b)%2 != 0 {
		return nil, 0, errors.New("xml: UTF-16 text with an odd number of bytes")
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if be {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	enc := UTF16LE
	if be {
		enc = UTF16BE
	}
	return []byte(string(utf16.Decode(units))), enc, nil
}

// Encode turns UTF-8 text back into enc.
func Encode(text []byte, enc Encoding) []byte {
	if enc == UTF8 || enc == UTF8BOM {
		return text
	}
	out := []byte{0xFF, 0xFE}
	if enc == UTF16BE {
		out = []byte{0xFE, 0xFF}
	}
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		for _, u := range utf16.Encode([]rune{r}) {
			if enc == UTF16BE {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
	}
	return out
}
