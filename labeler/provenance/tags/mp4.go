package tags

import (
	"encoding/binary"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// maxMoov bounds the movie box read into memory for its metadata.
const maxMoov = 64 << 20

// box is one ISO BMFF box inside a buffer.
type box struct {
	typ  string
	body []byte
}

// boxes splits b into boxes; a malformed tail is ignored.
func boxes(b []byte) []box {
	var out []box
	for len(b) >= 8 {
		n := uint64(binary.BigEndian.Uint32(b))
		hdr := uint64(8)
		if n == 1 && len(b) >= 16 {
			n, hdr = binary.BigEndian.Uint64(b[8:]), 16
		} else if n == 0 {
			n = uint64(len(b))
		}
		if n < hdr || n > uint64(len(b)) {
			return out
		}
		out = append(out, box{typ: string(b[4:8]), body: b[hdr:n]})
		b = b[n:]
	}
	return out
}

func child(bs []box, typ string) (box, bool) {
	for _, b := range bs {
		if b.typ == typ {
			return b, true
		}
	}
	return box{}, false
}

// readMP4 finds the movie box and reads its metadata item lists.
func readMP4(r io.ReaderAt, size int64) ([]Tag, error) {
	for p := int64(0); p+8 <= size; {
		var h [16]byte
		if _, err := r.ReadAt(h[:8], p); err != nil {
			return nil, err
		}
		n := int64(binary.BigEndian.Uint32(h[:]))
		if n == 1 {
			if _, err := r.ReadAt(h[8:], p+8); err != nil {
				return nil, err
			}
			n = int64(binary.BigEndian.Uint64(h[8:]))
		} else if n == 0 {
			n = size - p
		}
		if n < 8 || p+n > size {
			return nil, errTruncated
		}
		if string(h[4:8]) == "moov" && n <= maxMoov {
			b := make([]byte, n)
			if _, err := r.ReadAt(b, p); err != nil {
				return nil, err
			}
			return MP4Movie(boxes(b)[0].body), nil
		}
		p += n
	}
	return nil, nil
}

// MP4Movie reads the tags of a movie box's body: moov/udta/meta/ilst,
// moov/meta/ilst (QuickTime keys) and QuickTime udta text atoms.
func MP4Movie(moov []byte) []Tag {
	kids := boxes(moov)
	var out []Tag
	if m, ok := child(kids, "meta"); ok {
		out = append(out, metaTags(m.body)...)
	}
	if u, ok := child(kids, "udta"); ok {
		for _, b := range boxes(u.body) {
			switch {
			case b.typ == "meta":
				out = append(out, metaTags(b.body)...)
			case strings.HasPrefix(b.typ, "\xA9") && len(b.body) >= 4:
				n := int(binary.BigEndian.Uint16(b.body))
				out = append(out, Tag{Where: labeler.SourceMP4, Key: b.typ, Value: string(b.body[4:min(4+n, len(b.body))])})
			}
		}
	}
	return out
}

// metaTags reads a meta box: MP4's is a full box, QuickTime's is not.
func metaTags(meta []byte) []Tag {
	if len(meta) >= 12 && string(meta[4:8]) != "hdlr" {
		meta = meta[4:]
	}
	kids := boxes(meta)
	ilst, ok := child(kids, "ilst")
	if !ok {
		return nil
	}
	var keys []string
	if k, ok := child(kids, "keys"); ok {
		keys = quickTimeKeys(k.body)
	}
	var out []Tag
	for _, item := range boxes(ilst.body) {
		if t, ok := ilstItem(item, keys); ok {
			out = append(out, t)
		}
	}
	return out
}

// quickTimeKeys lists a keys box's names; ilst items refer to them by
// 1-based index.
func quickTimeKeys(b []byte) []string {
	if len(b) < 8 {
		return nil
	}
	var out []string
	for b = b[8:]; len(b) >= 8; {
		n := int(binary.BigEndian.Uint32(b))
		if n < 8 || n > len(b) {
			break
		}
		out = append(out, string(b[8:n]))
		b = b[n:]
	}
	return out
}

// ilstItem reads one item: its name (a four-character code, a freeform
// "----" mean:name, or a key index) and its first data value.
func ilstItem(item box, keys []string) (Tag, bool) {
	kids := boxes(item.body)
	key := item.typ
	if i := binary.BigEndian.Uint32([]byte(item.typ)); i >= 1 && int(i) <= len(keys) {
		key = keys[i-1]
	}
	if item.typ == "----" {
		if n, ok := child(kids, "name"); ok && len(n.body) >= 4 {
			key = string(n.body[4:])
		}
	}
	d, ok := child(kids, "data")
	if !ok || len(d.body) < 8 {
		return Tag{}, false
	}
	return Tag{Where: labeler.SourceMP4, Key: key, Value: string(d.body[8:])}, true
}
