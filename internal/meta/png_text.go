package meta

import (
	"bytes"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// xmpKeyword is the iTXt keyword XMP lives under in PNG (XMP part 3).
const xmpKeyword = "XML:com.adobe.xmp"

func decodeText(c PNGChunk) (PNGText, bool) {
	key, rest, ok := cutNul(c.Data, 79)
	if !ok {
		return PNGText{}, false
	}
	t := PNGText{Chunk: c.Type, Keyword: latin1(key)}
	switch c.Type {
	case "tEXt":
		t.Text = latin1(rest)
	case "zTXt":
		if len(rest) < 1 || rest[0] != 0 {
			return PNGText{}, false
		}
		b, err := inflate(rest[1:])
		if err != nil {
			return PNGText{}, false
		}
		t.Text = latin1(b)
	case "iTXt":
		return decodeITXt(t, rest)
	}
	return t, true
}

func decodeITXt(t PNGText, rest []byte) (PNGText, bool) {
	if len(rest) < 2 {
		return PNGText{}, false
	}
	compressed := rest[0] == 1
	lang, rest, ok1 := cutNulAny(rest[2:])
	tr, text, ok2 := cutNulAny(rest)
	if !ok1 || !ok2 {
		return PNGText{}, false
	}
	if compressed {
		b, err := inflate(text)
		if err != nil {
			return PNGText{}, false
		}
		text = b
	}
	t.Lang, t.Translated, t.Text = string(lang), string(tr), string(text)
	return t, utf8.ValidString(t.Text)
}

// cutNulAny splits at the first NUL, allowing an empty first part.
func cutNulAny(b []byte) ([]byte, []byte, bool) {
	i := bytes.IndexByte(b, 0)
	if i < 0 {
		return nil, nil, false
	}
	return b[:i], b[i+1:], true
}

// latin1 converts ISO 8859-1, which tEXt and zTXt are defined in.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// textKeyword is a text chunk's keyword, raw, for deciding what to carry.
func textKeyword(c PNGChunk) string {
	if k, _, ok := cutNul(c.Data, 79); ok {
		return string(k)
	}
	return ""
}

// xmpITXt builds the uncompressed iTXt chunk exiftool and Adobe expect.
func xmpITXt(xmp []byte) PNGChunk {
	d := make([]byte, 0, len(xmpKeyword)+5+len(xmp))
	d = append(d, xmpKeyword...)
	d = append(d, 0, 0, 0, 0, 0)
	return PNGChunk{Type: "iTXt", Data: append(d, xmp...)}
}

// rawProfileKeyword is where ImageMagick puts XMP in PNG: zTXt or tEXt
// holding "\nxmp\n   LENGTH\n" and then the packet in hex lines.
const rawProfileKeyword = "Raw profile type xmp"

func decodeRawProfile(s string) []byte {
	if f := strings.Fields(s); len(f) < 3 || f[0] != "xmp" {
		return nil
	}
	return decodeRawHex(s)
}

// decodeRawHex decodes any of ImageMagick's raw profiles: a name line, a
// length line, then the bytes in hex lines.
func decodeRawHex(s string) []byte {
	f := strings.Fields(s)
	if len(f) < 3 {
		return nil
	}
	b, err := hex.DecodeString(strings.Join(f[2:], ""))
	if err != nil {
		return nil
	}
	return b
}
