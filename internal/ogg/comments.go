package ogg

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// Comments is a stream's comment header taken apart: the vendor string
// and the "KEY=value" comments, exactly as stored, in order.
type Comments struct {
	Vendor string
	List   []string
	// Tail is what follows the list and must be kept: Opus's binary
	// metadata (its first byte's low bit set). Vorbis's framing bit and
	// padding are not part of it.
	Tail []byte
}

// flacComment is a FLAC metadata block header's type for comments.
const flacComment = 4

// commentIndex is where each codec's comment packet is among its headers.
const commentIndex = 1

// prefixes open each codec's comment packet; FLAC's is a block header.
var prefixes = map[Codec]string{Vorbis: "\x03vorbis", Opus: "OpusTags", Speex: "", FLAC: ""}

// Comments takes the stream's comment packet apart.
func (s *Stream) Comments() (*Comments, error) {
	p := s.Headers[commentIndex]
	switch s.Codec {
	case FLAC:
		if len(p) < 4 || p[0]&0x7F != flacComment {
			return nil, errors.New("ogg: the FLAC stream's second header is not its comments")
		}
		p = p[4:]
	default:
		pre := prefixes[s.Codec]
		if !bytes.HasPrefix(p, []byte(pre)) {
			return nil, fmt.Errorf("ogg: the %s stream's second header is not its comments", s.Codec)
		}
		p = p[len(pre):]
	}
	return parseComments(s.Codec, p)
}

func parseComments(c Codec, b []byte) (*Comments, error) {
	bad := fmt.Errorf("ogg: the %s comment header is damaged", c)
	next := func() (string, bool) {
		if len(b) < 4 || uint64(binary.LittleEndian.Uint32(b)) > uint64(len(b)-4) {
			return "", false
		}
		n := binary.LittleEndian.Uint32(b)
		s := string(b[4 : 4+n])
		b = b[4+n:]
		return s, true
	}
	vendor, ok := next()
	if !ok || len(b) < 4 {
		return nil, bad
	}
	count := binary.LittleEndian.Uint32(b)
	b = b[4:]
	if uint64(count) > uint64(len(b)/4) {
		return nil, bad
	}
	cm := &Comments{Vendor: vendor, List: make([]string, 0, count)}
	for range count {
		s, ok := next()
		if !ok {
			return nil, bad
		}
		cm.List = append(cm.List, s)
	}
	if c == Opus && len(b) > 0 && b[0]&1 != 0 {
		cm.Tail = append([]byte(nil), b...)
	}
	return cm, nil
}

// Packet encodes the comments as codec c's comment packet; last marks a
// FLAC block as the last metadata block.
func (cm *Comments) Packet(c Codec, last bool) []byte {
	le := binary.LittleEndian
	b := le.AppendUint32(nil, uint32(len(cm.Vendor)))
	b = append(b, cm.Vendor...)
	b = le.AppendUint32(b, uint32(len(cm.List)))
	for _, s := range cm.List {
		b = le.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	switch c {
	case Vorbis:
		b = append(b, 1) // the framing bit
	case Opus:
		b = append(b, cm.Tail...)
	case FLAC:
		return append(FLACBlockHeader(flacComment, len(b), last), b...)
	}
	return append([]byte(prefixes[c]), b...)
}

// FLACBlockHeader is a FLAC metadata block's 4-byte header.
func FLACBlockHeader(typ, n int, last bool) []byte {
	t := byte(typ & 0x7F)
	if last {
		t |= 0x80
	}
	return []byte{t, byte(n >> 16), byte(n >> 8), byte(n)}
}
