package ogg

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// Codec is a sound codec's Ogg mapping, named from its first packet.
type Codec string

// The sound codecs whose header packets Belgi reads and writes.
const (
	Vorbis Codec = "vorbis"
	Opus   Codec = "opus"
	FLAC   Codec = "flac"
	Speex  Codec = "speex"
)

// identify names the codec a stream's first packet belongs to, "" for
// any other (Skeleton, Theora, ...).
func identify(p []byte) Codec {
	switch {
	case bytes.HasPrefix(p, []byte("\x01vorbis")):
		return Vorbis
	case bytes.HasPrefix(p, []byte("OpusHead")):
		return Opus
	case bytes.HasPrefix(p, []byte("\x7FFLAC")) && len(p) >= 13:
		return FLAC
	case bytes.HasPrefix(p, []byte("Speex   ")):
		return Speex
	}
	return ""
}

// headerCount is how many header packets a stream of codec c has, its
// first packet (identification) included, as that packet states.
func headerCount(c Codec, first []byte) (int, error) {
	switch c {
	case Vorbis:
		return 3, nil // identification, comments, set-up
	case Opus:
		return 2, nil // OpusHead, OpusTags
	case Speex:
		if len(first) < 80 {
			return 0, errors.New("ogg: the Speex header is too short")
		}
		extra := binary.LittleEndian.Uint32(first[76:80])
		if extra > 16 {
			return 0, errors.New("ogg: the Speex header claims implausibly many extra headers")
		}
		return 2 + int(extra), nil
	case FLAC:
		n := int(binary.BigEndian.Uint16(first[7:9]))
		if n == 0 {
			return 0, errors.New("ogg: the FLAC mapping does not say how many header packets follow")
		}
		return 1 + n, nil
	}
	return 0, errors.New("ogg: not a sound stream Belgi reads")
}

// SetFLACHeaders writes into a FLAC mapping's first packet how many
// header packets follow it.
func SetFLACHeaders(first []byte, n int) {
	binary.BigEndian.PutUint16(first[7:9], uint16(n))
}
