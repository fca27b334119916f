package mp3

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// Tag is a parsed ID3v2 tag.
type Tag struct {
	Major  int // 3 or 4; other versions are not kept
	Frames []TagFrame
	Size   int // bytes the tag occupies in the file, header and footer included
}

// TagFrame is one ID3v2 frame, body kept raw.
type TagFrame struct {
	ID    string
	Flags uint16
	Body  []byte
}

// TagSize reports how many bytes an ID3v2 tag at the start of b occupies
// (0 when there is none). It needs only the first 10 bytes.
func TagSize(b []byte) int {
	if len(b) < 10 || string(b[:3]) != "ID3" {
		return 0
	}
	n := 10 + syncsafe(b[6:10])
	if b[5]&0x10 != 0 {
		n += 10 // footer
	}
	return n
}

// ParseTag reads the ID3v2 tag at the start of b. A v2.2 tag is
// converted to v2.3 frame by frame, a v2.3 tag's unsynchronisation is
// undone and extended headers are skipped, so every frame is kept. A tag
// of another version yields a Tag with no frames but the right Size, so
// the audio is still found.
func ParseTag(b []byte) (*Tag, error) {
	size := TagSize(b)
	if size == 0 {
		return nil, nil
	}
	if size > len(b) {
		return nil, errors.New("mp3: the ID3v2 tag runs past the end of the file: the file is truncated")
	}
	t := &Tag{Major: int(b[3]), Size: size}
	body := b[10 : 10+syncsafe(b[6:10])]
	switch {
	case t.Major == 2:
		return t, t.parseV22(body, b[5])
	case t.Major != 3 && t.Major != 4:
		t.Major = 0
		return t, nil
	case t.Major == 3 && b[5]&0x80 != 0:
		body = unsync(body)
	}
	if b[5]&0x40 != 0 {
		body = skipExtended(body, t.Major)
	}
	for len(body) >= 10 && body[0] != 0 {
		id := string(body[:4])
		n := int(binary.BigEndian.Uint32(body[4:8]))
		if t.Major == 4 {
			n = syncsafe(body[4:8])
		}
		if n < 0 || 10+n > len(body) {
			return t, fmt.Errorf("mp3: ID3v2 frame %q is damaged", id)
		}
		t.Frames = append(t.Frames, TagFrame{ID: id, Flags: binary.BigEndian.Uint16(body[8:10]), Body: body[10 : 10+n]})
		body = body[10+n:]
	}
	return t, nil
}

// unsync undoes unsynchronisation: every 0xFF 0x00 becomes 0xFF.
func unsync(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		out = append(out, b[i])
		if b[i] == 0xFF && i+1 < len(b) && b[i+1] == 0 {
			i++
		}
	}
	return out
}

// skipExtended steps over an extended header: v2.3 states its size
// without the 4-byte size field, v2.4 (syncsafe) with it.
func skipExtended(b []byte, major int) []byte {
	if len(b) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint32(b)) + 4
	if major == 4 {
		n = syncsafe(b)
	}
	if n < 0 || n > len(b) {
		return nil
	}
	return b[n:]
}

func syncsafe(b []byte) int {
	return int(b[0]&0x7F)<<21 | int(b[1]&0x7F)<<14 | int(b[2]&0x7F)<<7 | int(b[3]&0x7F)
}

func putSyncsafe(b []byte, n int) {
	b[0], b[1], b[2], b[3] = byte(n>>21&0x7F), byte(n>>14&0x7F), byte(n>>7&0x7F), byte(n&0x7F)
}

// Bytes encodes the tag (version Major, 3 when unset) without padding.
func (t *Tag) Bytes() []byte {
	major := t.Major
	if major != 4 {
		major = 3
	}
	var body bytes.Buffer
	for _, f := range t.Frames {
		var h [10]byte
		copy(h[:4], f.ID)
		if major == 4 {
			putSyncsafe(h[4:8], len(f.Body))
		} else {
			binary.BigEndian.PutUint32(h[4:8], uint32(len(f.Body)))
		}
		binary.BigEndian.PutUint16(h[8:], f.Flags)
		body.Write(h[:])
		body.Write(f.Body)
	}
	out := []byte{'I', 'D', '3', byte(major), 0, 0, 0, 0, 0, 0}
	putSyncsafe(out[6:], body.Len())
	return append(out, body.Bytes()...)
}

// TXXX returns a user text frame; Latin-1 encoding suits the ASCII values
// Belgi writes and is valid in both v2.3 and v2.4.
func TXXX(desc, value string) TagFrame {
	return TagFrame{ID: "TXXX", Body: []byte("\x00" + desc + "\x00" + value)}
}

// PRIV returns a private frame with an owner identifier.
func PRIV(owner string, data []byte) TagFrame {
	return TagFrame{ID: "PRIV", Body: append([]byte(owner+"\x00"), data...)}
}

// Text returns the value of the first TXXX frame with desc.
func (t *Tag) Text(desc string) string {
	for _, f := range t.Frames {
		if f.ID != "TXXX" || len(f.Body) < 2 || f.Body[0] != 0 {
			continue
		}
		d, v, ok := bytes.Cut(f.Body[1:], []byte{0})
		if ok && string(d) == desc {
			return string(bytes.TrimRight(v, "\x00"))
		}
	}
	return ""
}

// Private returns the data of the first PRIV frame owned by owner.
func (t *Tag) Private(owner string) []byte {
	for _, f := range t.Frames {
		if f.ID == "PRIV" && bytes.HasPrefix(f.Body, []byte(owner+"\x00")) {
			return f.Body[len(owner)+1:]
		}
	}
	return nil
}

// Without drops TXXX frames with the given descriptions and PRIV frames
// with the given owners: Belgi's previous marks, before new ones go in.
func (t *Tag) Without(descs, owners []string) {
	keep := t.Frames[:0]
	for _, f := range t.Frames {
		drop := false
		for _, d := range descs {
			drop = drop || (f.ID == "TXXX" && bytes.HasPrefix(f.Body, []byte("\x00"+d+"\x00")))
		}
		for _, o := range owners {
			drop = drop || (f.ID == "PRIV" && bytes.HasPrefix(f.Body, []byte(o+"\x00")))
		}
		if !drop {
			keep = append(keep, f)
		}
	}
	t.Frames = keep
}
