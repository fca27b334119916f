package wav

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"

	"github.com/belgi-kz/belgi/internal/pcm"
)

// maxRIFF is the largest body a 32-bit RIFF size field can describe.
const maxRIFF = 1<<32 - 1

// RawChunk is a chunk to write: its four-character id and body.
type RawChunk struct {
	ID   string
	Body []byte
}

// WriteHeader writes the RIFF header, the fmt chunk (f.Raw), extra chunks
// and the header of a data chunk of dataSize bytes. The caller then
// writes exactly dataSize bytes and, if dataSize is odd, one zero byte.
func WriteHeader(w io.Writer, f Format, extra []RawChunk, dataSize int64) error {
	total := int64(4) + 8 + int64(len(f.Raw)) + int64(len(f.Raw)&1) + 8 + dataSize + dataSize&1
	for _, c := range extra {
		total += 8 + int64(len(c.Body)) + int64(len(c.Body)&1)
	}
	if total > maxRIFF {
		return errors.New("wav: the labeled file would exceed 4 GiB, the limit of a WAV file")
	}
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(total))
	b.WriteString("WAVE")
	chunk(&b, "fmt ", f.Raw)
	for _, c := range extra {
		chunk(&b, c.ID, c.Body)
	}
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(dataSize))
	_, err := w.Write(b.Bytes())
	return err
}

func chunk(b *bytes.Buffer, id string, body []byte) {
	b.WriteString(id)
	binary.Write(b, binary.LittleEndian, uint32(len(body)))
	b.Write(body)
	if len(body)&1 == 1 {
		b.WriteByte(0)
	}
}

// PCM16 is the format of a plain 16-bit PCM file.
func PCM16(rate, channels int) Format {
	return NewFormat(TagPCM, 16, rate, channels)
}

// NewFormat builds a plain (non-extensible) format description.
func NewFormat(tag, bits, rate, channels int) Format {
	raw := make([]byte, 16)
	le := binary.LittleEndian
	le.PutUint16(raw, uint16(tag))
	le.PutUint16(raw[2:], uint16(channels))
	le.PutUint32(raw[4:], uint32(rate))
	le.PutUint32(raw[8:], uint32(rate*channels*bits/8))
	le.PutUint16(raw[12:], uint16(channels*bits/8))
	le.PutUint16(raw[14:], uint16(bits))
	return Format{Tag: tag, Channels: channels, Rate: rate, Bits: bits, BlockAlign: channels * bits / 8, Raw: raw}
}

// Write writes p as a complete WAV file in format f (f's rate and
// channels must match p's).
func Write(w io.Writer, f Format, p *pcm.PCM, extra ...RawChunk) error {
	if f.Rate != p.Rate || f.Channels != p.Channels {
		return errors.New("wav: format does not match the samples")
	}
	data := f.Encode(make([]byte, 0, len(p.Samples)*f.Bits/8), p.Samples)
	if err := WriteHeader(w, f, extra, int64(len(data))); err != nil {
		return err
	}
	if len(data)&1 == 1 {
		data = append(data, 0)
	}
	_, err := w.Write(data)
	return err
}

// Decode reads a whole WAV file held in memory (a stock clip, a user's
// recording) into PCM.
func Decode(b []byte) (*pcm.PCM, error) {
	f, err := Parse(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	raw := b[f.Data.Offset : f.Data.Offset+f.Frames()*int64(f.BlockAlign)]
	return &pcm.PCM{Rate: f.Rate, Channels: f.Channels, Samples: f.Decode(make([]float32, 0, len(raw)*8/f.Bits), raw)}, nil
}
