package flac

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Block types.
const (
	TypeStreamInfo    = 0
	TypeVorbisComment = 4
	TypePicture       = 6
)

// maxComments bounds the Vorbis comment block read into memory.
const maxComments = 16 << 20

// Block locates one metadata block.
type Block struct {
	Type   int
	Offset int64 // of the body, after the 4-byte header
	Size   int64
}

// Meta is what the metadata blocks say.
type Meta struct {
	Rate, Channels, Bits int
	// Samples is the total number of sample frames, 0 when unknown.
	Samples int64
	Blocks  []Block
	// Comments are the Vorbis comments, "KEY=value", in order.
	Comments []string
	// AudioOffset is where the first audio frame begins.
	AudioOffset int64
}

// ErrNotFLAC is returned when there is no "fLaC" marker at the offset.
var ErrNotFLAC = errors.New("not a FLAC stream")

// Read walks the metadata blocks of the FLAC stream that starts at off
// (after any ID3v2 tag) in a file of the given size.
func Read(r io.ReaderAt, off, size int64) (*Meta, error) {
	var magic [4]byte
	if _, err := r.ReadAt(magic[:], off); err != nil || string(magic[:]) != "fLaC" {
		return nil, ErrNotFLAC
	}
	m := &Meta{}
	at := off + 4
	for {
		var h [4]byte
		if _, err := r.ReadAt(h[:], at); err != nil {
			return m, fmt.Errorf("flac: the metadata ends early at byte %d: the file is truncated", at)
		}
		b := Block{Type: int(h[0] & 0x7F), Offset: at + 4, Size: int64(h[1])<<16 | int64(h[2])<<8 | int64(h[3])}
		if b.Offset+b.Size > size {
			return m, fmt.Errorf("flac: metadata block %d runs past the end of the file: the file is truncated", b.Type)
		}
		m.Blocks = append(m.Blocks, b)
		if err := m.take(r, b); err != nil {
			return m, err
		}
		at = b.Offset + b.Size
		if h[0]&0x80 != 0 {
			break
		}
	}
	m.AudioOffset = at
	if m.Rate == 0 {
		return m, errors.New("flac: the stream has no STREAMINFO block")
	}
	return m, nil
}

func (m *Meta) take(r io.ReaderAt, b Block) error {
	switch {
	case b.Type == TypeStreamInfo && b.Size >= 18:
		var si [18]byte
		if _, err := r.ReadAt(si[:], b.Offset); err != nil {
			return err
		}
		m.Rate = int(si[10])<<12 | int(si[11])<<4 | int(si[12]>>4)
		m.Channels = int(si[12]>>1&7) + 1
		m.Bits = int(si[12]&1)<<4 | int(si[13]>>4) + 1
		m.Samples = int64(si[13]&0x0F)<<32 | int64(binary.BigEndian.Uint32(si[14:18]))
	case b.Type == TypeVorbisComment && m.Comments == nil:
		if b.Size > maxComments {
			return fmt.Errorf("flac: a comment block of %d bytes is implausibly large", b.Size)
		}
		body := make([]byte, b.Size)
		if _, err := r.ReadAt(body, b.Offset); err != nil {
			return err
		}
		c, err := ParseComments(body)
		m.Comments = c
		return err
	}
	return nil
}

// ParseComments reads a Vorbis comment block (little-endian lengths):
// vendor string, count, then each "KEY=value".
func ParseComments(b []byte) ([]string, error) {
	bad := errors.New("flac: the Vorbis comment block is damaged")
	next := func() ([]byte, bool) {
		if len(b) < 4 {
			return nil, false
		}
		n := binary.LittleEndian.Uint32(b)
		if uint64(n) > uint64(len(b)-4) {
			return nil, false
		}
		s := b[4 : 4+n]
		b = b[4+n:]
		return s, true
	}
	if _, ok := next(); !ok || len(b) < 4 {
		return nil, bad
	}
	count := binary.LittleEndian.Uint32(b)
	b = b[4:]
	if uint64(count) > uint64(len(b)/4) {
		return nil, bad // each comment takes at least its 4-byte length
	}
	out := []string{}
	for range count {
		s, ok := next()
		if !ok {
			return out, bad
		}
		out = append(out, string(s))
	}
	return out, nil
}

// Comment returns the value of the first comment named key (compared
// without regard to case, as Vorbis comments are), or "".
func (m *Meta) Comment(key string) string {
	for _, c := range m.Comments {
		if k, v, ok := strings.Cut(c, "="); ok && strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}

// Count returns how many blocks of the type there are.
func (m *Meta) Count(typ int) int {
	n := 0
	for _, b := range m.Blocks {
		if b.Type == typ {
			n++
		}
	}
	return n
}
