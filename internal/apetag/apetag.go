// Package apetag reads and writes APEv2 tags, the tags Monkey's Audio,
// WavPack and Musepack files end with: a 32-byte footer ("APETAGEX",
// version, size, item count, flags), an optional header like it, and
// items of a key and a value (UTF-8 text, binary data or a link).
package apetag

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Item types, from bits 1–2 of an item's flags.
const (
	Text    = 0
	Binary  = 1
	Locator = 2
)

// Item is one tag item, its value as stored.
type Item struct {
	Key   string
	Flags uint32
	Value []byte
}

// Type is the item's type: Text, Binary or Locator.
func (i Item) Type() int { return int(i.Flags>>1) & 3 }

// Values are a text item's values: APEv2 separates a list with NULs.
func (i Item) Values() []string {
	var out []string
	for _, v := range bytes.Split(i.Value, []byte{0}) {
		out = append(out, string(v))
	}
	return out
}

// Tag is a file's APEv2 tag and where it lies.
type Tag struct {
	Items []Item
	// Offset and Size are the bytes the tag takes, header included.
	Offset, Size int64
}

const (
	footerLen   = 32
	id3v1Len    = 128
	flagHeader  = 1 << 31 // the tag has a header
	flagIsHead  = 1 << 29 // this is the header, not the footer
	maxTag      = 64 << 20
	maxItems    = 1 << 16
	minKeyLen   = 2
	maxKeyLen   = 255
	itemHeadLen = 8
)

// Read finds the APEv2 tag at the end of a file of size bytes, before an
// ID3v1 tag if there is one; nil when there is none.
func Read(r io.ReaderAt, size int64) (*Tag, error) {
	end := size
	if size >= id3v1Len {
		var t [3]byte
		if _, err := r.ReadAt(t[:], size-id3v1Len); err == nil && string(t[:]) == "TAG" {
			end -= id3v1Len
		}
	}
	if end < footerLen {
		return nil, nil
	}
	var f [footerLen]byte
	if _, err := r.ReadAt(f[:], end-footerLen); err != nil || string(f[:8]) != "APETAGEX" {
		return nil, nil
	}
	le := binary.LittleEndian
	n, count, flags := int64(le.Uint32(f[12:])), le.Uint32(f[16:]), le.Uint32(f[20:])
	if n < footerLen || n > min(end, maxTag) || count > maxItems {
		return nil, errors.New("apetag: the tag's footer states an impossible size")
	}
	t := &Tag{Offset: end - n, Size: n}
	if flags&flagHeader != 0 {
		t.Offset, t.Size = t.Offset-footerLen, n+footerLen
	}
	if t.Offset < 0 {
		return nil, errors.New("apetag: the tag runs past the start of the file")
	}
	body := make([]byte, n-footerLen)
	if _, err := r.ReadAt(body, end-n); err != nil {
		return nil, fmt.Errorf("apetag: %w", err)
	}
	items, err := parseItems(body, int(count))
	t.Items = items
	return t, err
}

func parseItems(b []byte, count int) ([]Item, error) {
	items := make([]Item, 0, min(count, len(b)/(itemHeadLen+minKeyLen+1)))
	for range count {
		if len(b) < itemHeadLen {
			return items, errors.New("apetag: the items end early")
		}
		n, flags := binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])
		k := bytes.IndexByte(b[itemHeadLen:], 0)
		if k < minKeyLen || k > maxKeyLen || uint64(n) > uint64(len(b)-itemHeadLen-k-1) {
			return items, errors.New("apetag: an item is damaged")
		}
		key := string(b[itemHeadLen : itemHeadLen+k])
		v := b[itemHeadLen+k+1:]
		items = append(items, Item{Key: key, Flags: flags, Value: bytes.Clone(v[:n])})
		b = v[n:]
	}
	return items, nil
}

// Bytes encodes items as an APEv2 tag with a header and a footer.
func Bytes(items []Item) []byte {
	var body []byte
	le := binary.LittleEndian
	for _, it := range items {
		body = le.AppendUint32(body, uint32(len(it.Value)))
		body = le.AppendUint32(body, it.Flags)
		body = append(append(append(body, it.Key...), 0), it.Value...)
	}
	frame := func(flags uint32) []byte {
		b := append([]byte("APETAGEX"), le.AppendUint32(nil, 2000)...)
		b = le.AppendUint32(b, uint32(len(body)+footerLen))
		b = le.AppendUint32(b, uint32(len(items)))
		b = le.AppendUint32(b, flags)
		return append(b, make([]byte, 8)...)
	}
	out := append(frame(flagHeader|flagIsHead), body...)
	return append(out, frame(flagHeader)...)
}

// TextItem is a UTF-8 text item.
func TextItem(key, value string) Item { return Item{Key: key, Value: []byte(value)} }
