package bmff

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// XMPUUID is the extended type of the box that holds XMP in ISO base
// media files (XMP specification part 3).
var XMPUUID = [16]byte{0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC}

// maxMoov bounds the movie header held in memory: hours of video with
// millions of samples stay far below it.
const maxMoov = 256 << 20

// File is the top-level structure of an ISO BMFF file, with its movie
// header (moov) read into memory.
type File struct {
	Size int64
	Top  []Box
	Moov []byte // the moov box's payload; nil without one
}

// Open lists a file's top-level boxes and reads its moov. A box that
// runs past the end yields the boxes before it and an error wrapping
// ErrTruncated.
func Open(r io.ReaderAt, size int64) (*File, error) {
	f := &File{Size: size}
	top, err := List(r, 0, size)
	f.Top = top
	if m, ok := Find(top, "moov"); ok {
		_, n := m.Body()
		if n > maxMoov {
			return f, fmt.Errorf("a movie header of %d MiB is implausibly large", n>>20)
		}
		f.Moov = make([]byte, n)
		if _, rerr := r.ReadAt(f.Moov, m.Offset+m.Header); rerr != nil {
			return f, fmt.Errorf("reading the movie header: %w", rerr)
		}
	}
	return f, err
}

// Fragmented reports whether the media lies in movie fragments (moof)
// whose durations the movie header does not state.
func (f *File) Fragmented() bool {
	_, moof := Find(f.Top, "moof")
	return moof || Child(f.Moov, "mvex") != nil
}

// XMP returns the payload of the first top-level XMP uuid box, or nil.
func (f *File) XMP(r io.ReaderAt) ([]byte, error) {
	for _, b := range f.Top {
		if b.Type != "uuid" || b.UUID != XMPUUID {
			continue
		}
		off, n := b.Body()
		if n > 16<<20 {
			return nil, fmt.Errorf("an XMP box of %d bytes is implausibly large", n)
		}
		buf := make([]byte, n)
		_, err := r.ReadAt(buf, off)
		return buf, err
	}
	return nil, nil
}

// QuickTimeXMP returns the XMP a QuickTime movie keeps in moov/udta/XMP_,
// or nil.
func (f *File) QuickTimeXMP() []byte {
	return Path(f.Moov, "udta", "XMP_")
}

// Complete reports why the file is incomplete: no movie header, or
// sample data that lies beyond the end of the file. A nil error means
// every chunk the tracks point to is present.
func (f *File) Complete() error {
	if f.Moov == nil {
		if _, ok := Find(f.Top, "moof"); !ok {
			return errors.New("there is no movie header (moov): the file is incomplete or not a movie")
		}
	}
	for i, t := range f.Tracks() {
		end, err := t.DataEnd()
		if err != nil {
			return fmt.Errorf("track %d: %w", i+1, err)
		}
		if end > f.Size {
			return fmt.Errorf("%w: track %d's samples run to byte %d of a %d-byte file (%.0f%% is missing)",
				ErrTruncated, i+1, end, f.Size, 100*float64(end-f.Size)/float64(end))
		}
	}
	return nil
}

// Track is one trak box of the movie header.
type Track struct {
	Payload []byte // the trak box's payload
	Offset  int64  // of the payload within moov's payload
}

// Tracks lists the movie's tracks in file order.
func (f *File) Tracks() []Track {
	boxes, _ := Parse(f.Moov)
	var out []Track
	for _, b := range boxes {
		if b.Type == "trak" {
			off, _ := b.Body()
			out = append(out, Track{Payload: Payload(f.Moov, b), Offset: off})
		}
	}
	return out
}

// Handler is the track's handler type: "vide", "soun", "text", "meta"...
func (t Track) Handler() string {
	h := Path(t.Payload, "mdia", "hdlr")
	if len(h) < 12 {
		return ""
	}
	return string(h[8:12])
}

// MatrixOffset is where the track header's 36-byte matrix sits within
// the track's payload, or -1.
func (t Track) MatrixOffset() int {
	boxes, _ := Parse(t.Payload)
	b, ok := Find(boxes, "tkhd")
	if !ok {
		return -1
	}
	off, n := b.Body()
	at := off + 4 + 36 // version and flags, then the version 0 fields
	if n > 0 && t.Payload[off] == 1 {
		at += 12 // 64-bit times and duration
	}
	if at+36 > b.End() {
		return -1
	}
	return int(at)
}

// FindTrack returns the n-th track (from 0) with the handler, or false.
func (f *File) FindTrack(handler string, n int) (Track, bool) {
	for _, t := range f.Tracks() {
		if t.Handler() != handler {
			continue
		}
		if n == 0 {
			return t, true
		}
		n--
	}
	return Track{}, false
}

// HasUUID reports whether any top-level uuid box has the extended type.
func (f *File) HasUUID(id [16]byte) bool {
	for _, b := range f.Top {
		if b.Type == "uuid" && bytes.Equal(b.UUID[:], id[:]) {
			return true
		}
	}
	return false
}

// SampleEntry is the type of the track's first sample description
// ("avc1", "hvc1", "mp4a"; "encv"/"enca" when the samples are encrypted).
func (t Track) SampleEntry() string {
	stsd := Path(t.Payload, "mdia", "minf", "stbl", "stsd")
	if len(stsd) < 16 {
		return ""
	}
	boxes, _ := Parse(stsd[8:]) // version, flags and entry count first
	if len(boxes) == 0 {
		return ""
	}
	return boxes[0].Type
}

// Encrypted reports whether the movie's samples are encrypted (Common
// Encryption): a protection system header, or a protected sample entry.
func (f *File) Encrypted() bool {
	boxes, _ := Parse(f.Moov)
	if _, ok := Find(boxes, "pssh"); ok {
		return true
	}
	for _, t := range f.Tracks() {
		switch t.SampleEntry() {
		case "encv", "enca", "enct", "encs":
			return true
		}
	}
	return false
}

// OpenFile opens the file at path (with flag: os.O_RDONLY, or O_RDWR to
// edit it) and walks its top-level boxes. The caller closes the file;
// on error it is already closed.
func OpenFile(path string, flag int) (*os.File, *File, error) {
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	m, err := Open(f, st.Size())
	if err != nil {
		f.Close()
		return nil, m, err
	}
	return f, m, nil
}
