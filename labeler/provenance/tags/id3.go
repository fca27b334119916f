package tags

import (
	"bytes"
	"encoding/binary"
	"io"
	"unicode/utf16"

	"github.com/belgi-kz/belgi/internal/mp3"
	"github.com/belgi-kz/belgi/labeler"
)

// maxTag bounds a tag or comment block read into memory.
const maxTag = 16 << 20

// readID3Then reads an ID3v2 tag at the start of a file, then the FLAC
// stream behind it if there is one (some taggers put ID3 before FLAC).
func readID3Then(r io.ReaderAt, size int64) ([]Tag, error) {
	head := make([]byte, 10)
	if _, err := r.ReadAt(head, 0); err != nil {
		return nil, err
	}
	n := int64(mp3.TagSize(head))
	if n > min(size, maxTag) {
		return nil, errTruncated
	}
	b := make([]byte, n)
	if _, err := r.ReadAt(b, 0); err != nil {
		return nil, err
	}
	out, err := ID3(b)
	if err != nil {
		return out, err
	}
	magic := make([]byte, 4)
	if _, err := r.ReadAt(magic, n); err == nil && string(magic) == "fLaC" {
		more, err := readFLAC(r, n, size)
		return append(out, more...), err
	}
	return out, nil
}

// ID3 reads the text frames of an ID3v2.3/2.4 tag: TXXX by their
// description, COMM by theirs, other T*** frames by their ID.
func ID3(b []byte) ([]Tag, error) {
	t, err := mp3.ParseTag(b)
	if t == nil {
		return nil, err
	}
	var out []Tag
	for _, f := range t.Frames {
		if key, value, ok := id3Text(f); ok {
			out = append(out, Tag{Where: labeler.SourceID3, Key: key, Value: value})
		}
	}
	return out, err
}

func id3Text(f mp3.TagFrame) (key, value string, ok bool) {
	if len(f.Body) < 2 {
		return "", "", false
	}
	enc, body := f.Body[0], f.Body[1:]
	switch {
	case f.ID == "TXXX":
		d, v := splitText(enc, body)
		return d, v, true
	case f.ID == "COMM" && len(body) >= 3:
		d, v := splitText(enc, body[3:])
		return "COMM:" + d, v, true
	case f.ID[0] == 'T':
		return f.ID, decodeText(enc, body), true
	}
	return "", "", false
}

// splitText cuts "description\0value" in the frame's encoding.
func splitText(enc byte, b []byte) (string, string) {
	term := []byte{0}
	if enc == 1 || enc == 2 {
		term = []byte{0, 0}
	}
	for i := 0; i+len(term) <= len(b); i += len(term) {
		if bytes.Equal(b[i:i+len(term)], term) {
			return decodeText(enc, b[:i]), decodeText(enc, b[i+len(term):])
		}
	}
	return decodeText(enc, b), ""
}

// decodeText decodes ID3 text: Latin-1, UTF-16 with BOM, UTF-16BE, UTF-8.
func decodeText(enc byte, b []byte) string {
	switch enc {
	case 1, 2:
		return decodeUTF16(enc, b)
	case 3:
		return string(bytes.TrimRight(b, "\x00"))
	}
	r := make([]rune, 0, len(b))
	for _, c := range bytes.TrimRight(b, "\x00") {
		r = append(r, rune(c))
	}
	return string(r)
}

func decodeUTF16(enc byte, b []byte) string {
	var order binary.ByteOrder = binary.BigEndian
	if enc == 1 && len(b) >= 2 {
		if b[0] == 0xFF && b[1] == 0xFE {
			order = binary.LittleEndian
		}
		if (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
			b = b[2:]
		}
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if c := order.Uint16(b[i:]); c != 0 {
			u = append(u, c)
		}
	}
	return string(utf16.Decode(u))
}
