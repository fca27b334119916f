package c2pa

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// riffContainer carries a store in a "C2PA" chunk, the last of the RIFF
// form (WAV, WebP, AVI), where c2pa-rs puts it. The file is streamed,
// never held whole: a WAV or AVI may be gigabytes.
type riffContainer struct{}

var errRIFF = errors.New("c2pa: riff: malformed chunks")

// maxStore bounds a manifest store read from a file.
const maxStore = 256 << 20

// riffChunk is one chunk: its id, where it starts and its data length.
type riffChunk struct {
	id   string
	off  int64
	size int64
}

// next is where the following chunk starts (data is padded to even).
func (c riffChunk) next() int64 { return c.off + 8 + c.size + c.size&1 }

type riffLayout struct {
	r     io.ReaderAt
	form  [4]byte
	keep  []riffChunk
	store []byte
}

func (riffContainer) Open(r io.ReaderAt, size int64) (Layout, error) {
	var h [12]byte
	if size < 12 {
		return nil, fmt.Errorf("%w: too short", errRIFF)
	}
	if _, err := r.ReadAt(h[:], 0); err != nil {
		return nil, fmt.Errorf("%w: %v", errRIFF, err)
	}
	if string(h[:4]) != "RIFF" {
		return nil, fmt.Errorf("c2pa: riff: RF64 and other forms are %w", ErrUnsupported)
	}
	end := 8 + int64(binary.LittleEndian.Uint32(h[4:]))
	if end > size || size-end > 1 {
		return nil, fmt.Errorf("c2pa: riff: files over 4 GiB or with extension forms are %w", ErrUnsupported)
	}
	l := &riffLayout{r: r, form: [4]byte(h[8:12])}
	return l, l.read(end)
}

// read lists the top-level chunks, keeping all but C2PA ones.
func (l *riffLayout) read(end int64) error {
	for off := int64(12); off < end; {
		if end-off < 8 {
			return fmt.Errorf("%w: %d stray bytes at %d", errRIFF, end-off, off)
		}
		var h [8]byte
		if _, err := l.r.ReadAt(h[:], off); err != nil {
			return fmt.Errorf("%w: %v", errRIFF, err)
		}
		c := riffChunk{id: string(h[:4]), off: off, size: int64(binary.LittleEndian.Uint32(h[4:]))}
		if c.off+8+c.size > end {
			return fmt.Errorf("%w: chunk %q at %d overruns", errRIFF, c.id, off)
		}
		if err := l.take(c); err != nil {
			return err
		}
		off = min(c.next(), end)
	}
	return nil
}

func (l *riffLayout) take(c riffChunk) error {
	if c.id != "C2PA" {
		l.keep = append(l.keep, c)
		return nil
	}
	if l.store != nil {
		return errors.New("c2pa: riff: more than one manifest store")
	}
	if c.size > maxStore {
		return fmt.Errorf("c2pa: riff: a %d MiB manifest store is implausible", c.size>>20)
	}
	l.store = make([]byte, c.size)
	_, err := l.r.ReadAt(l.store, c.off+8)
	return err
}

func (l *riffLayout) Store() []byte { return l.store }

// Reserve copies the kept chunks and appends the C2PA chunk.
func (l *riffLayout) Reserve(w io.Writer, n int) (Slot, error) {
	body := int64(4)
	for _, c := range l.keep {
		body += 8 + c.size + c.size&1
	}
	framed := 8 + int64(n) + int64(n&1)
	if body+framed > 1<<32-1 {
		return Slot{}, errors.New("c2pa: riff: the file would outgrow 4 GiB")
	}
	h := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(body+framed))...)
	if _, err := w.Write(append(h, l.form[:]...)); err != nil {
		return Slot{}, err
	}
	for _, c := range l.keep {
		if err := l.copyChunk(w, c); err != nil {
			return Slot{}, err
		}
	}
	ph, _ := l.Wrap(make([]byte, n))
	if _, err := w.Write(append(ph, make([]byte, n&1)...)); err != nil {
		return Slot{}, err
	}
	return Slot{Offset: 8 + body, Length: int64(len(ph))}, nil
}

// copyChunk copies a chunk with its pad byte, which a file's last chunk
// sometimes lacks; it is then written as zero.
func (l *riffLayout) copyChunk(w io.Writer, c riffChunk) error {
	if _, err := io.Copy(w, io.NewSectionReader(l.r, c.off, 8+c.size)); err != nil {
		return fmt.Errorf("c2pa: riff: %w", err)
	}
	if c.size&1 == 1 {
		_, err := w.Write([]byte{0})
		return err
	}
	return nil
}

// Wrap is the C2PA chunk's header and data, without the pad byte.
func (l *riffLayout) Wrap(store []byte) ([]byte, error) {
	out := append([]byte("C2PA"), binary.LittleEndian.AppendUint32(nil, uint32(len(store)))...)
	return append(out, store...), nil
}
