package audio

import (
	"encoding/binary"
	"errors"

	"github.com/belgi-kz/belgi/internal/wav"
)

// embeddedRIFF rebuilds the source's embedded WAV header and trailer for
// the labeled copy: every chunk kept (cue points, loops and BWF time
// references moved by t, stale digests dropped as in WAV), the data size
// that of total sample frames, the RIFF size to match. A header Belgi
// can't rebuild is left out, and the note says so.
func embeddedRIFF(s *wvSource, total int64, t timeline) (header, trailer []byte, note string) {
	if s.header == nil {
		return nil, nil, ""
	}
	chunks, err := riffChunks(s.header, true)
	var tail []wav.RawChunk
	if err == nil && s.trailer != nil {
		tail, err = riffChunks(s.trailer, false)
	}
	align := blockAlign(chunks)
	switch {
	case err != nil:
	case align == 0:
		err = errors.New("it has no fmt chunk")
	case total < 0:
		err = errors.New("the labeled copy's length is unknown")
	}
	if err != nil {
		return nil, nil, "the source's embedded WAV header was left out: " + err.Error()
	}
	chunks, tail = adjusted(chunks, t), adjusted(tail, t)
	trailer = appendChunks(nil, tail)
	data := total * int64(align)
	header = appendChunks([]byte("RIFF\x00\x00\x00\x00WAVE"), chunks)
	riff := int64(len(header)) + 8 + data + data&1 + int64(len(trailer)) - 8
	if riff > 1<<32-1 {
		return nil, nil, "the source's embedded WAV header was left out: the labeled copy passes 4 GiB"
	}
	binary.LittleEndian.PutUint32(header[4:], uint32(riff))
	header = binary.LittleEndian.AppendUint32(append(header, "data"...), uint32(data))
	if s.trailer == nil {
		trailer = nil
	}
	return header, trailer, ""
}

// riffChunks takes apart a RIFF header (from "RIFF" to the data chunk's
// size, which must end it) or a trailer (chunks only).
func riffChunks(b []byte, isHeader bool) ([]wav.RawChunk, error) {
	at := 0
	if isHeader {
		if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
			return nil, errors.New("it is not a RIFF WAVE header")
		}
		at = 12
	}
	var out []wav.RawChunk
	for at+8 <= len(b) {
		id, n := string(b[at:at+4]), int(binary.LittleEndian.Uint32(b[at+4:]))
		if isHeader && id == "data" {
			if at+8 != len(b) {
				return nil, errors.New("bytes follow its data chunk's header")
			}
			return out, nil
		}
		if n > len(b)-at-8 {
			return nil, errors.New("a chunk runs past its end")
		}
		out = append(out, wav.RawChunk{ID: id, Body: append([]byte(nil), b[at+8:at+8+n]...)})
		at += 8 + n + n&1
	}
	if isHeader {
		return nil, errors.New("it has no data chunk")
	}
	return out, nil
}

// blockAlign is the fmt chunk's bytes per sample frame, 0 without one.
func blockAlign(chunks []wav.RawChunk) int {
	for _, c := range chunks {
		if c.ID == "fmt " && len(c.Body) >= 14 {
			return int(binary.LittleEndian.Uint16(c.Body[12:]))
		}
	}
	return 0
}

// adjusted moves the chunks' sample positions by t and drops the stale.
func adjusted(chunks []wav.RawChunk, t timeline) []wav.RawChunk {
	var out []wav.RawChunk
	for _, c := range chunks {
		if adjustChunk(&c, t) {
			out = append(out, c)
		}
	}
	return out
}

func appendChunks(b []byte, chunks []wav.RawChunk) []byte {
	for _, c := range chunks {
		b = append(b, c.ID...)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(c.Body)))
		b = append(b, c.Body...)
		if len(c.Body)%2 == 1 {
			b = append(b, 0)
		}
	}
	return b
}
