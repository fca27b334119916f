package wav

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Format tags Belgi understands (after resolving WAVE_FORMAT_EXTENSIBLE).
const (
	TagPCM        = 1
	TagFloat      = 3
	tagExtensible = 0xFFFE
)

// Format describes the samples of a data chunk.
type Format struct {
	Tag        int // TagPCM or TagFloat
	Channels   int
	Rate       int
	Bits       int    // bits per sample as stored: 8, 16, 24, 32 or 64
	BlockAlign int    // bytes per frame
	Raw        []byte // the fmt chunk's body, kept so outputs repeat it exactly
}

// Chunk locates one chunk's body in the file.
type Chunk struct {
	ID     string
	Offset int64 // of the body, after the 8-byte header
	Size   int64 // of the body, without the pad byte
}

// File is a parsed WAVE file: its format, data chunk and every chunk in
// file order (fmt and data included).
type File struct {
	Format
	Data   Chunk
	Chunks []Chunk
}

// ErrNotWAV is wrapped when the file is not RIFF/WAVE at all.
var ErrNotWAV = errors.New("not a WAV file")

// Parse maps the chunks of a WAVE file of the given size.
func Parse(r io.ReaderAt, size int64) (*File, error) {
	var hdr [12]byte
	if _, err := r.ReadAt(hdr[:], 0); err != nil {
		return nil, fmt.Errorf("wav: %w: too short", ErrNotWAV)
	}
	switch {
	case string(hdr[0:4]) == "RF64":
		return nil, errors.New("wav: RF64 (over 4 GiB) is not supported yet; split the recording")
	case string(hdr[0:4]) != "RIFF" || string(hdr[8:12]) != "WAVE":
		return nil, fmt.Errorf("wav: %w", ErrNotWAV)
	}
	f := &File{}
	if err := f.walk(r, size); err != nil {
		return nil, err
	}
	if f.Channels == 0 {
		return nil, errors.New("wav: no fmt chunk")
	}
	if f.Data.ID == "" {
		return nil, errors.New("wav: no data chunk (the file may be truncated)")
	}
	return f, nil
}

func (f *File) walk(r io.ReaderAt, size int64) error {
	for off := int64(12); off+8 <= size; {
		var h [8]byte
		if _, err := r.ReadAt(h[:], off); err != nil {
			return fmt.Errorf("wav: chunk at %d: %w", off, err)
		}
		c := Chunk{ID: string(h[:4]), Offset: off + 8, Size: int64(binary.LittleEndian.Uint32(h[4:]))}
		if c.Offset+c.Size > size {
			if c.ID != "data" {
				return fmt.Errorf("wav: chunk %q runs past the end of the file: the file is truncated", c.ID)
			}
			if c.Size != 0xFFFFFFFF && c.Size != 0 {
				return fmt.Errorf("wav: data chunk says %d bytes but only %d remain: the file is truncated", c.Size, size-c.Offset)
			}
			c.Size = size - c.Offset // a recorder that never finished the header
		}
		if err := f.take(r, c); err != nil {
			return err
		}
		off = c.Offset + c.Size + c.Size&1
	}
	return nil
}

func (f *File) take(r io.ReaderAt, c Chunk) error {
	f.Chunks = append(f.Chunks, c)
	switch c.ID {
	case "fmt ":
		if c.Size < 16 || c.Size > 1024 {
			return fmt.Errorf("wav: fmt chunk of %d bytes", c.Size)
		}
		raw := make([]byte, c.Size)
		if _, err := r.ReadAt(raw, c.Offset); err != nil {
			return fmt.Errorf("wav: fmt chunk: %w", err)
		}
		fm, err := parseFormat(raw)
		if err != nil {
			return err
		}
		f.Format = fm
	case "data":
		if f.Data.ID == "" {
			f.Data = c
		}
	}
	return nil
}

func parseFormat(raw []byte) (Format, error) {
	le := binary.LittleEndian
	fm := Format{Tag: int(le.Uint16(raw)), Channels: int(le.Uint16(raw[2:])), Rate: int(le.Uint32(raw[4:])),
		BlockAlign: int(le.Uint16(raw[12:])), Bits: int(le.Uint16(raw[14:])), Raw: raw}
	if fm.Tag == tagExtensible && len(raw) >= 40 {
		fm.Tag = int(le.Uint16(raw[24:])) // the sub-format GUID starts with the tag
	}
	switch {
	case fm.Tag != TagPCM && fm.Tag != TagFloat:
		return fm, fmt.Errorf("wav: sample format 0x%04x is not PCM or float; convert it first", fm.Tag)
	case fm.Channels < 1 || fm.Channels > 32:
		return fm, fmt.Errorf("wav: %d channels", fm.Channels)
	case fm.Rate < 1000 || fm.Rate > 768000:
		return fm, fmt.Errorf("wav: sample rate %d Hz", fm.Rate)
	case !supportedBits(fm.Tag, fm.Bits):
		return fm, fmt.Errorf("wav: %d-bit samples are not supported", fm.Bits)
	case fm.BlockAlign != fm.Channels*fm.Bits/8:
		return fm, fmt.Errorf("wav: block align %d does not fit %d channels of %d bits", fm.BlockAlign, fm.Channels, fm.Bits)
	}
	return fm, nil
}

func supportedBits(tag, bits int) bool {
	if tag == TagFloat {
		return bits == 32 || bits == 64
	}
	return bits == 8 || bits == 16 || bits == 24 || bits == 32
}

// ReadChunk returns the body of the first chunk with id, or nil.
func (f *File) ReadChunk(r io.ReaderAt, id string, limit int64) ([]byte, error) {
	for _, c := range f.Chunks {
		if c.ID != id {
			continue
		}
		if c.Size > limit {
			return nil, fmt.Errorf("wav: %s chunk of %d bytes is too large", id, c.Size)
		}
		b := make([]byte, c.Size)
		_, err := r.ReadAt(b, c.Offset)
		return b, err
	}
	return nil, nil
}

// Frames is the number of sample frames in the data chunk.
func (f *File) Frames() int64 { return f.Data.Size / int64(f.BlockAlign) }
