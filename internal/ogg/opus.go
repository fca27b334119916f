package ogg

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// OpusHead is what an Opus identification header says about how its
// packets decode.
type OpusHead struct {
	Channels  int
	PreSkip   int    // samples at 48 kHz the decoder drops at the start
	InputRate uint32 // the original input's rate, for information only
	Gain      int16  // output gain, dB in Q7.8, applied to every packet
	// Mapping is the channel mapping family and, for families other
	// than 0, the stream counts and the channel table.
	Mapping []byte
}

// ParseOpusHead reads an OpusHead packet.
func ParseOpusHead(p []byte) (OpusHead, error) {
	if len(p) < 19 || !bytes.HasPrefix(p, []byte("OpusHead")) {
		return OpusHead{}, errors.New("ogg: not an OpusHead packet")
	}
	h := OpusHead{
		Channels:  int(p[9]),
		PreSkip:   int(binary.LittleEndian.Uint16(p[10:12])),
		InputRate: binary.LittleEndian.Uint32(p[12:16]),
		Gain:      int16(binary.LittleEndian.Uint16(p[16:18])),
		Mapping:   p[18:],
	}
	if p[18] != 0 && len(p) < 21+h.Channels {
		return OpusHead{}, errors.New("ogg: the OpusHead channel mapping is cut short")
	}
	return h, nil
}

// SameMapping reports whether packets of both streams decode to the same
// channels the same way, so one header can serve both.
func (h OpusHead) SameMapping(o OpusHead) bool {
	return h.Channels == o.Channels && bytes.Equal(h.Mapping, o.Mapping)
}

// SetOpusInputRate writes the original input rate into an OpusHead packet.
func SetOpusInputRate(p []byte, rate uint32) {
	if len(p) >= 16 {
		binary.LittleEndian.PutUint32(p[12:16], rate)
	}
}
