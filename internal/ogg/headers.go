package ogg

import (
	"errors"
	"fmt"
	"io"
)

// maxHeaders bounds the bytes of a stream's header packets read into
// memory: comments may carry cover art, but not this much.
const maxHeaders = 64 << 20

// ErrShared is wrapped when audio data shares a page with the headers,
// which the Vorbis, Opus, FLAC and Speex mappings forbid.
var ErrShared = errors.New("ogg: audio data shares a page with the header packets")

// Stream is a logical stream's header packets and the pages they lie on.
type Stream struct {
	Serial uint32
	Codec  Codec
	// Headers are the packets that describe the stream (identification,
	// comments, set-up), in order, before any audio.
	Headers [][]byte
	first   int64   // its first page, which holds the identification alone
	firstSq uint32  // that page's sequence number
	pages   []int64 // the later pages holding header packets
	next    uint32  // the sequence number of its first page after them
}

// FirstSound finds the first logical stream of a sound codec Belgi
// knows and reads its header packets.
func FirstSound(r io.ReaderAt, size int64) (*Stream, error) {
	var s *Stream
	var partial []byte
	total := 0
	for off := int64(0); off < size; {
		p, n, err := readPage(r, off, size)
		if err != nil {
			return nil, err
		}
		switch {
		case s == nil && p.flags&flagBOS != 0:
			if s, err = open(p, off); err != nil {
				return nil, err
			}
		case s != nil && p.serial == s.Serial:
			if p.flags&flagContinued == 0 && len(partial) > 0 {
				return nil, fmt.Errorf("ogg: a header packet ends without its rest at byte %d", off)
			}
			s.pages = append(s.pages, off)
			if partial, err = s.take(p, partial); err != nil {
				return nil, err
			}
			if total += len(p.body); total > maxHeaders {
				return nil, errors.New("ogg: the header packets are implausibly large")
			}
		}
		if s != nil && s.done() {
			s.next = p.seq + 1
			return s, nil
		}
		off += n
	}
	if s == nil {
		return nil, errors.New("ogg: no Vorbis, Opus, FLAC or Speex stream")
	}
	return nil, fmt.Errorf("%w: the header packets end early", ErrTruncated)
}

// open starts reading a stream at its first page, which must hold the
// identification packet and nothing else; nil for streams of other codecs.
func open(p page, off int64) (*Stream, error) {
	if len(p.lacing) == 0 {
		return nil, nil
	}
	end := len(p.lacing) - 1
	if p.lacing[end] == 255 {
		return nil, nil // not a codec Belgi knows: their first packets are short
	}
	c := identify(p.body)
	if c == "" {
		return nil, nil
	}
	for _, v := range p.lacing[:end] {
		if v != 255 {
			return nil, fmt.Errorf("ogg: the %s stream's first page holds more than its identification header", c)
		}
	}
	n, err := headerCount(c, p.body)
	if err != nil {
		return nil, err
	}
	s := &Stream{Serial: p.serial, Codec: c, Headers: make([][]byte, 1, n), first: off, firstSq: p.seq}
	s.Headers[0] = append([]byte(nil), p.body...)
	return s, nil
}

func (s *Stream) done() bool { return len(s.Headers) == cap(s.Headers) }

// take adds the packets a page completes, carrying a packet cut by the
// page's end in partial; audio after the last header packet is an error.
func (s *Stream) take(p page, partial []byte) ([]byte, error) {
	pos := 0
	for _, v := range p.lacing {
		if s.done() {
			return nil, fmt.Errorf("%w (page %d)", ErrShared, p.seq)
		}
		partial = append(partial, p.body[pos:pos+int(v)]...)
		pos += int(v)
		if v < 255 {
			s.Headers = append(s.Headers, partial)
			partial = nil
		}
	}
	return partial, nil
}
