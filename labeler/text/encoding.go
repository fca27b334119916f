package text

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding names a text encoding Belgi reads.
type Encoding string

// The encodings Belgi reads. Legacy ones are converted to UTF-8 on output;
// UTF-16 stays UTF-16 so the file keeps working where it worked.
const (
	UTF8    Encoding = "UTF-8"
	UTF16LE Encoding = "UTF-16LE"
	UTF16BE Encoding = "UTF-16BE"
	CP1251  Encoding = "Windows-1251"
	KZ1048  Encoding = "KZ-1048"
)

// Decoded is a text file read into UTF-8, with what is needed to write it
// back the same way.
type Decoded struct {
	Enc  Encoding
	BOM  []byte // the byte order mark, written back unchanged
	Text string // the content after the BOM, as UTF-8
	NL   string // "\r\n" when the file's first line ends so, else "\n"
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// errBinary is wrapped when a file named as text holds binary data.
var errBinary = errors.New("this is binary data, not text (is the extension wrong?)")

// Decode reads data as UTF-8 (with or without BOM), UTF-16 with a BOM, or
// in the legacy 8-bit code page that reads it as words (see legacy.go),
// and refuses binary data.
func Decode(data []byte) (Decoded, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Decoded{}, errors.New("the file is empty: there is nothing to label")
	}
	d, err := decodeBytes(data)
	if err != nil {
		return d, err
	}
	if binaryText(d.Text) {
		return d, errBinary
	}
	d.NL = "\n"
	if i := strings.IndexByte(d.Text, '\n'); i > 0 && d.Text[i-1] == '\r' {
		d.NL = "\r\n"
	}
	return d, nil
}

func decodeBytes(data []byte) (Decoded, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return Decoded{}, errors.New("UTF-32 text, which Belgi does not write back: save it as UTF-8 and label that")
	case bytes.HasPrefix(data, bomUTF8):
		return checkedUTF8(data[3:], bomUTF8)
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(data, UTF16LE)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data, UTF16BE)
	case utf8.Valid(data):
		return Decoded{Enc: UTF8, Text: string(data)}, nil
	case bytes.IndexByte(data, 0) >= 0:
		return Decoded{}, errBinary
	}
	return decodeLegacy(data)
}

func checkedUTF8(body, bom []byte) (Decoded, error) {
	if !utf8.Valid(body) {
		return Decoded{}, errors.New("the file starts with a UTF-8 byte order mark but is not valid UTF-8")
	}
	return Decoded{Enc: UTF8, BOM: bom, Text: string(body)}, nil
}

func decodeUTF16(data []byte, enc Encoding) (Decoded, error) {
	body := data[2:]
	if len(body)%2 != 0 {
		return Decoded{}, fmt.Errorf("%s text has an odd number of bytes: the file is truncated", enc)
	}
	units := make([]uint16, len(body)/2)
	for i := range units {
		a, b := uint16(body[2*i]), uint16(body[2*i+1])
		if enc == UTF16LE {
			units[i] = a | b<<8
		} else {
			units[i] = a<<8 | b
		}
	}
	d := Decoded{Enc: enc, BOM: data[:2], Text: string(utf16.Decode(units))}
	if !bytes.Equal(d.encode(d.Text), body) {
		return Decoded{}, fmt.Errorf("invalid %s (unpaired surrogates)", enc)
	}
	return d, nil
}

// Legacy reports whether the file was converted to UTF-8.
func (d Decoded) Legacy() bool { return d.Enc != UTF8 && d.Enc != UTF16LE && d.Enc != UTF16BE }

// Note is the remark a result carries for a converted file, or "".
func (d Decoded) Note() string {
	if d.Legacy() {
		return fmt.Sprintf("converted from %s to UTF-8", d.Enc)
	}
	return ""
}

// Bytes writes text the way the file was written: BOM, then UTF-16 or
// UTF-8 (legacy encodings become UTF-8).
func (d Decoded) Bytes(text string) []byte {
	return append(append([]byte(nil), d.BOM...), d.encode(text)...)
}

func (d Decoded) encode(s string) []byte {
	if d.Enc != UTF16LE && d.Enc != UTF16BE {
		return []byte(s)
	}
	units := utf16.Encode([]rune(s))
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if d.Enc == UTF16LE {
			out = append(out, byte(u), byte(u>>8))
		} else {
			out = append(out, byte(u>>8), byte(u))
		}
	}
	return out
}

// binaryText reports control characters no text file has: NUL anywhere,
// or more than one in a hundred other C0 controls.
func binaryText(s string) bool {
	var ctl, n int
	for _, r := range s {
		n++
		switch {
		case r == 0:
			return true
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != 0x1B:
			ctl++
		}
	}
	return ctl*100 > n
}
