package c2pa

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/belgi-kz/belgi/internal/mp3"
)

// id3Container carries a store in an ID3v2 GEOB frame whose MIME type is
// application/c2pa, in the tag at the start of an MP3 file; c2pa-rs does
// the same for FLAC, in an ID3v2 tag put in front of the fLaC stream.
// The data hash leaves out just the frame's data, as c2pa-rs's does.
type id3Container struct{}

// GEOB frame fields c2pa-rs writes; older stores used the second MIME.
const (
	geobMIME    = "application/c2pa"
	geobOldMIME = "application/x-c2pa-manifest-store"
	geobPrefix  = "\x00" + geobMIME + "\x00c2pa\x00c2pa manifest store\x00"
)

type id3Layout struct {
	r      io.ReaderAt
	size   int64
	tag    *mp3.Tag // nil: the file has no tag yet
	tagEnd int64
	store  []byte
}

func (id3Container) Open(r io.ReaderAt, size int64) (Layout, error) {
	l := &id3Layout{r: r, size: size}
	var h [10]byte
	if n, _ := r.ReadAt(h[:], 0); n < 10 {
		return nil, errors.New("c2pa: id3: file too short")
	}
	l.tagEnd = int64(mp3.TagSize(h[:]))
	if l.tagEnd == 0 {
		return l, nil
	}
	if l.tagEnd > size || l.tagEnd > maxStore {
		return nil, errors.New("c2pa: id3: the tag runs past the end of the file")
	}
	raw := make([]byte, l.tagEnd)
	if _, err := r.ReadAt(raw, 0); err != nil {
		return nil, fmt.Errorf("c2pa: id3: %w", err)
	}
	var err error
	if l.tag, err = mp3.ParseTag(raw); err != nil {
		return nil, err
	}
	return l, l.liftStore()
}

// liftStore takes the C2PA GEOB frames out of the tag.
func (l *id3Layout) liftStore() error {
	var keep []mp3.TagFrame
	for _, f := range l.tag.Frames {
		data, ok := geobC2PA(f)
		if !ok {
			keep = append(keep, f)
			continue
		}
		if l.store != nil {
			return errors.New("c2pa: id3: more than one manifest store")
		}
		l.store = data
	}
	l.tag.Frames = keep
	return nil
}

// geobC2PA returns a GEOB frame's data if its MIME type says C2PA. The
// filename and description are skipped by their encoding's terminator.
func geobC2PA(f mp3.TagFrame) ([]byte, bool) {
	if f.ID != "GEOB" || f.Flags&0x00CF != 0 || len(f.Body) < 2 {
		return nil, false // compressed, encrypted or otherwise transformed
	}
	enc, rest := f.Body[0], f.Body[1:]
	mime, rest, ok := bytes.Cut(rest, []byte{0})
	if !ok || (string(mime) != geobMIME && string(mime) != geobOldMIME) {
		return nil, false
	}
	term := []byte{0}
	if enc == 1 || enc == 2 {
		term = []byte{0, 0}
	}
	for range 2 { // filename, then description
		i := indexTerm(rest, term)
		if i < 0 {
			return nil, false
		}
		rest = rest[i+len(term):]
	}
	return rest, true
}

// indexTerm finds a string terminator, aligned for UTF-16.
func indexTerm(b, term []byte) int {
	for i := 0; i+len(term) <= len(b); i += len(term) {
		if bytes.Equal(b[i:i+len(term)], term) {
			return i
		}
	}
	return -1
}

func (l *id3Layout) Store() []byte { return l.store }

// Reserve writes the tag with a GEOB frame last, then the audio.
func (l *id3Layout) Reserve(w io.Writer, n int) (Slot, error) {
	t := &mp3.Tag{Major: 4}
	if l.tag != nil {
		if l.tag.Major == 0 {
			return Slot{}, fmt.Errorf("c2pa: id3: files whose ID3v2 tag is v2.2, unsynchronised or has an extended header are %w", ErrUnsupported)
		}
		t = &mp3.Tag{Major: l.tag.Major, Frames: l.tag.Frames}
	}
	t.Frames = append(t.Frames, mp3.TagFrame{ID: "GEOB", Body: append([]byte(geobPrefix), make([]byte, n)...)})
	tag := t.Bytes()
	if len(tag) > 1<<28 {
		return Slot{}, errors.New("c2pa: id3: the tag would outgrow ID3v2's 256 MiB")
	}
	if _, err := w.Write(tag); err != nil {
		return Slot{}, err
	}
	if _, err := io.Copy(w, io.NewSectionReader(l.r, l.tagEnd, l.size-l.tagEnd)); err != nil {
		return Slot{}, fmt.Errorf("c2pa: id3: %w", err)
	}
	return Slot{Offset: int64(len(tag) - n), Length: int64(n)}, nil
}

func (l *id3Layout) Wrap(store []byte) ([]byte, error) { return store, nil }

// isMP3 accepts an ID3v2 tag or an MPEG audio frame at the start.
func isMP3(h []byte) bool { return mp3.Sniff(h) }

// isFLAC accepts a FLAC stream, also behind an ID3v2 tag when the head
// reaches past it.
func isFLAC(h []byte) bool {
	if n := mp3.TagSize(h); n > 0 && n+4 <= len(h) {
		h = h[n:]
	}
	return bytes.HasPrefix(h, []byte("fLaC"))
}
