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
	return Header{Format: f, Extra: extra, DataSize: dataSize}.Write(w)
}

// Header is the start of a WAVE file, up to the data chunk's body.
type Header struct {
	// Form is "RIFF", "RF64" or "BW64". A RIFF file that would outgrow
	// 4 GiB is written as RF64, with its sizes in a ds64 chunk.
	Form     string
	Format   Format
	Extra    []RawChunk // written between fmt and data
	DataSize int64
	// Samples is the sample count RF64's ds64 states, for codecs whose
	// data is not whole PCM frames; 0 counts PCM frames.
	Samples int64
}

// Write writes the header.
func (h Header) Write(w io.Writer) error {
	var body int64 = 4 + 8 + int64(len(h.Format.Raw)) + int64(len(h.Format.Raw)&1) + 8 + h.DataSize + h.DataSize&1
	for _, c := range h.Extra {
		body += 8 + int64(len(c.Body)) + int64(len(c.Body)&1)
	}
	form := h.Form
	if form == "" || (form == "RIFF" && body > maxRIFF) {
		form = map[bool]string{true: "RF64", false: "RIFF"}[body > maxRIFF]
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString(form)
	if form == "RIFF" {
		binary.Write(&b, le, uint32(body))
		b.WriteString("WAVE")
	} else {
		binary.Write(&b, le, uint32(0xFFFFFFFF))
		b.WriteString("WAVE")
		chunk(&b, "ds64", h.ds64(body+36))
	}
	chunk(&b, "fmt ", h.Format.Raw)
	for _, c := range h.Extra {
		chunk(&b, c.ID, c.Body)
	}
	b.WriteString("data")
	if form == "RIFF" {
		binary.Write(&b, le, uint32(h.DataSize))
	} else {
		binary.Write(&b, le, uint32(0xFFFFFFFF))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// ds64 is the body of the chunk that holds an RF64 file's sizes: the
// RIFF body, the data chunk and the sample count.
func (h Header) ds64(riff int64) []byte {
	samples := h.Samples
	if samples == 0 && h.Format.BlockAlign > 0 {
		samples = h.DataSize / int64(h.Format.BlockAlign)
	}
	b := make([]byte, 28)
	le := binary.LittleEndian
	le.PutUint64(b, uint64(riff))
	le.PutUint64(b[8:], uint64(h.DataSize))
	le.PutUint64(b[16:], uint64(samples))
	return b
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
