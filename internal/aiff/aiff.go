// Package aiff walks the chunks of an AIFF or AIFF-C file (big-endian
// IFF: "FORM", its size and type, then chunks padded to an even length)
// and writes a file back from chunks, so that a labeled copy can carry
// its source's chunks byte for byte.
package aiff

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// ErrTruncated is wrapped when a chunk runs past the end of the file.
var ErrTruncated = errors.New("the file is truncated")

// Chunk locates one chunk's body.
type Chunk struct {
	ID     string
	Offset int64 // of the body, after the 8-byte header
	Size   int64 // without the pad byte
}

// File is an AIFF file's form type ("AIFF" or "AIFC") and its chunks in
// order.
type File struct {
	Form   string
	Chunks []Chunk
}

// Parse walks the chunks of the FORM at the start of r.
func Parse(r io.ReaderAt, size int64) (*File, error) {
	var h [12]byte
	if _, err := r.ReadAt(h[:], 0); err != nil || string(h[:4]) != "FORM" {
		return nil, errors.New("aiff: not an IFF FORM")
	}
	f := &File{Form: string(h[8:12])}
	if f.Form != "AIFF" && f.Form != "AIFC" {
		return nil, fmt.Errorf("aiff: a FORM of type %q, not AIFF", f.Form)
	}
	end := 8 + int64(binary.BigEndian.Uint32(h[4:8]))
	if end > size {
		return f, fmt.Errorf("aiff: %w: the FORM promises %d bytes, the file has %d", ErrTruncated, end, size)
	}
	for off := int64(12); off+8 <= end; {
		var ch [8]byte
		if _, err := r.ReadAt(ch[:], off); err != nil {
			return f, fmt.Errorf("aiff: %w", err)
		}
		c := Chunk{ID: string(ch[:4]), Offset: off + 8, Size: int64(binary.BigEndian.Uint32(ch[4:]))}
		if c.Offset+c.Size > end {
			return f, fmt.Errorf("aiff: %w: chunk %q runs past the end of the FORM", ErrTruncated, c.ID)
		}
		f.Chunks = append(f.Chunks, c)
		off = c.Offset + c.Size + c.Size&1
	}
	return f, nil
}

// Find returns the first chunk with the id.
func (f *File) Find(id string) (Chunk, bool) {
	for _, c := range f.Chunks {
		if c.ID == id {
			return c, true
		}
	}
	return Chunk{}, false
}

// Part is a chunk to write: its body in memory, or Size bytes of From
// at At (the sound data, copied without holding it).
type Part struct {
	ID   string
	Body []byte
	From io.ReaderAt
	At   int64
	Size int64
}

// Of is the part that copies chunk c of r as it is.
func Of(r io.ReaderAt, c Chunk) Part {
	return Part{ID: c.ID, From: r, At: c.Offset, Size: c.Size}
}

func (p Part) size() int64 {
	if p.From != nil {
		return p.Size
	}
	return int64(len(p.Body))
}

// Write writes a FORM of type form holding parts, each padded to an even
// length.
func Write(w io.Writer, form string, parts []Part) error {
	total := int64(4)
	for _, p := range parts {
		total += 8 + p.size() + p.size()&1
	}
	if total > 1<<32-1 {
		return errors.New("aiff: the file would pass 4 GiB")
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString("FORM")
	binary.Write(bw, binary.BigEndian, uint32(total))
	bw.WriteString(form)
	for _, p := range parts {
		if err := p.write(bw); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func (p Part) write(w *bufio.Writer) error {
	n := p.size()
	if len(p.ID) != 4 {
		return fmt.Errorf("aiff: chunk id %q is not 4 bytes", p.ID)
	}
	w.WriteString(p.ID)
	binary.Write(w, binary.BigEndian, uint32(n))
	var err error
	if p.From != nil {
		_, err = io.Copy(w, io.NewSectionReader(p.From, p.At, n))
	} else {
		_, err = w.Write(p.Body)
	}
	if err == nil && n&1 != 0 {
		err = w.WriteByte(0)
	}
	return err
}

// ShiftMarkers moves each marker of a MARK chunk body (count, then id,
// position in sample frames and a padded Pascal-string name) to
// shift(position).
func ShiftMarkers(b []byte, shift func(int64) int64) {
	if len(b) < 2 {
		return
	}
	n := int(binary.BigEndian.Uint16(b))
	at := 2
	for range n {
		if at+7 > len(b) {
			return
		}
		pos := b[at+2 : at+6]
		binary.BigEndian.PutUint32(pos, uint32(shift(int64(binary.BigEndian.Uint32(pos)))))
		name := 1 + int(b[at+6])
		at += 6 + name + name&1
	}
}
