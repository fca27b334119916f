package wav

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Format tags Belgi names (after resolving WAVE_FORMAT_EXTENSIBLE).
const (
	TagPCM        = 1
	TagMSADPCM    = 2
	TagFloat      = 3
	TagALaw       = 6
	TagMuLaw      = 7
	TagIMAADPCM   = 0x11
	TagMPEG       = 0x50
	TagMPEGLayer3 = 0x55
	tagExtensible = 0xFFFE
)

// Format describes the samples of a data chunk.
type Format struct {
	Tag        int // the codec: TagPCM, TagFloat, TagIMAADPCM...
	Channels   int
	Rate       int
	Bits       int    // bits per sample as stored (0 for some codecs)
	BlockAlign int    // bytes per frame (PCM) or per codec block
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
	// Form is the file's first four bytes: "RIFF", or "RF64" and "BW64"
	// for files whose sizes live in a ds64 chunk (over 4 GiB).
	Form   string
	Data   Chunk
	Chunks []Chunk
	// FactSamples is the sample count a fact chunk states (compressed
	// codecs), -1 without one.
	FactSamples int64
	// Unfinished: the data chunk's size said 0 or 0xFFFFFFFF, as a
	// recorder writes before it finishes the header; the data is taken
	// to run to the end of the file.
	Unfinished bool
}

// ErrNotWAV is wrapped when the file is not RIFF/WAVE at all.
var ErrNotWAV = errors.New("not a WAV file")

// ErrTruncated is wrapped when the file ends before its chunks do.
var ErrTruncated = errors.New("the file is truncated")

// Parse maps the chunks of a WAVE file of the given size.
func Parse(r io.ReaderAt, size int64) (*File, error) {
	var hdr [12]byte
	if _, err := r.ReadAt(hdr[:], 0); err != nil {
		return nil, fmt.Errorf("wav: %w: too short", ErrNotWAV)
	}
	f := &File{Form: string(hdr[0:4]), FactSamples: -1}
	switch {
	case string(hdr[8:12]) != "WAVE":
		return nil, fmt.Errorf("wav: %w", ErrNotWAV)
	case f.Form != "RIFF" && f.Form != "RF64" && f.Form != "BW64":
		return nil, fmt.Errorf("wav: %w", ErrNotWAV)
	}
	w := walker{r: r, size: size, f: f}
	if err := w.walk(); err != nil {
		return nil, err
	}
	if f.Channels == 0 {
		return nil, errors.New("wav: no fmt chunk")
	}
	if f.Data.ID == "" {
		return nil, fmt.Errorf("wav: no data chunk: %w", ErrTruncated)
	}
	return f, nil
}

// walker reads chunk headers in order, taking 64-bit sizes from a ds64
// chunk (EBU Tech 3306) where a 32-bit size field says 0xFFFFFFFF.
type walker struct {
	r    io.ReaderAt
	size int64
	f    *File
	ds64 map[string]int64 // chunk id -> 64-bit size
}

func (w *walker) walk() error {
	for off := int64(12); off+8 <= w.size; {
		var h [8]byte
		if _, err := w.r.ReadAt(h[:], off); err != nil {
			return fmt.Errorf("wav: chunk at %d: %w", off, err)
		}
		c := Chunk{ID: string(h[:4]), Offset: off + 8, Size: int64(binary.LittleEndian.Uint32(h[4:]))}
		if err := w.sized(&c); err != nil {
			return err
		}
		if err := w.take(c); err != nil {
			return err
		}
		off = c.Offset + c.Size + c.Size&1
	}
	return nil
}

// sized resolves a chunk's real size and checks it fits in the file.
func (w *walker) sized(c *Chunk) error {
	if c.Size == 0xFFFFFFFF && w.ds64 != nil {
		if s, ok := w.ds64[c.ID]; ok {
			c.Size = s
		}
	}
	if c.Offset+c.Size <= w.size {
		return nil
	}
	if c.ID != "data" {
		return fmt.Errorf("wav: chunk %q runs past the end of the file: %w", c.ID, ErrTruncated)
	}
	if c.Size != 0xFFFFFFFF && c.Size != 0 {
		return fmt.Errorf("wav: the data chunk says %d bytes but only %d remain: %w", c.Size, w.size-c.Offset, ErrTruncated)
	}
	c.Size = w.size - c.Offset // a recorder that never finished the header
	w.f.Unfinished = true
	return nil
}

func (w *walker) take(c Chunk) error {
	f := w.f
	f.Chunks = append(f.Chunks, c)
	switch c.ID {
	case "ds64":
		return w.readDS64(c)
	case "fmt ":
		if c.Size < 16 || c.Size > 1024 {
			return fmt.Errorf("wav: fmt chunk of %d bytes", c.Size)
		}
		raw := make([]byte, c.Size)
		if _, err := w.r.ReadAt(raw, c.Offset); err != nil {
			return fmt.Errorf("wav: fmt chunk: %w", err)
		}
		fm, err := parseFormat(raw)
		if err != nil {
			return err
		}
		f.Format = fm
	case "fact":
		var b [4]byte
		// A ds64 chunk's 64-bit count wins over fact's 32-bit one.
		if _, err := w.r.ReadAt(b[:], c.Offset); err == nil && c.Size >= 4 && w.ds64 == nil {
			f.FactSamples = int64(binary.LittleEndian.Uint32(b[:]))
		}
	case "data":
		if f.Data.ID == "" {
			f.Data = c
		}
	}
	return nil
}

// readDS64 reads the 64-bit sizes: RIFF, data, sample count, then a
// table of other chunks' sizes.
func (w *walker) readDS64(c Chunk) error {
	if c.Size < 28 || c.Size > 1<<20 {
		return fmt.Errorf("wav: ds64 chunk of %d bytes", c.Size)
	}
	b := make([]byte, c.Size)
	if _, err := w.r.ReadAt(b, c.Offset); err != nil {
		return fmt.Errorf("wav: ds64 chunk: %w", err)
	}
	le := binary.LittleEndian
	w.ds64 = map[string]int64{"data": int64(le.Uint64(b[8:]) & (1<<62 - 1))}
	if n := int(le.Uint32(b[24:])); n > 0 {
		for i := 0; i < n && 28+12*i+12 <= len(b); i++ {
			e := b[28+12*i:]
			w.ds64[string(e[:4])] = int64(le.Uint64(e[4:]) & (1<<62 - 1))
		}
	}
	if fs := int64(le.Uint64(b[16:])); fs > 0 {
		w.f.FactSamples = fs
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
	case fm.Channels < 1 || fm.Channels > 64:
		return fm, fmt.Errorf("wav: %d channels", fm.Channels)
	case fm.Rate < 1000 || fm.Rate > 768000:
		return fm, fmt.Errorf("wav: sample rate %d Hz", fm.Rate)
	case fm.BlockAlign < 1:
		return fm, errors.New("wav: block align 0")
	case !fm.PCM():
		return fm, nil // a codec: ffmpeg decodes it
	case !supportedBits(fm.Tag, fm.Bits):
		return fm, fmt.Errorf("wav: %d-bit samples are not supported", fm.Bits)
	case fm.BlockAlign != fm.Channels*fm.Bits/8:
		return fm, fmt.Errorf("wav: block align %d does not fit %d channels of %d bits", fm.BlockAlign, fm.Channels, fm.Bits)
	}
	return fm, nil
}

// PCM reports whether the samples are plain integer or float PCM, which
// Belgi reads and writes itself; anything else is a codec.
func (f Format) PCM() bool { return f.Tag == TagPCM || f.Tag == TagFloat }

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

// Frames is the number of sample frames in a PCM data chunk.
func (f *File) Frames() int64 { return f.Data.Size / int64(f.BlockAlign) }
