package c2pa

import (
	"fmt"
	"io"
)

// maxInMemory bounds the pictures read whole into memory for signing.
const maxInMemory = 2 << 30

// readAll reads a small file whole, for containers whose layout is
// easiest to edit in memory (pictures).
func readAll(r io.ReaderAt, size int64) ([]byte, error) {
	if size > maxInMemory {
		return nil, fmt.Errorf("c2pa: a %d MiB picture is too large to sign", size>>20)
	}
	b := make([]byte, size)
	if _, err := r.ReadAt(b, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("c2pa: %w", err)
	}
	return b, nil
}

// spliced is a Layout for files held in memory: the file without its old
// store, where the framed store goes, and how the container frames it.
// A file whose store can only lie near its start (JPEG) keeps just that
// part in clean; the rest follows from tail, unread until written.
type spliced struct {
	clean []byte
	tail  *io.SectionReader // nil when clean is the whole file
	at    int
	old   []byte
	// oldAt is where the old store's framing began in the file; -1 when
	// unknown (only JPEG and PNG say).
	oldAt int64
	frame func(store []byte) ([]byte, error)
}

func (s spliced) Store() []byte { return s.old }

// storeOffset implements located.
func (s spliced) storeOffset() int64 { return s.oldAt }

// located is a Layout that knows where the store it found lies in the
// file, so a data hash can be checked to leave out that very place.
type located interface{ storeOffset() int64 }

func (s spliced) Reserve(w io.Writer, n int) (Slot, error) {
	f, err := s.frame(make([]byte, n))
	if err != nil {
		return Slot{}, err
	}
	for _, b := range [][]byte{s.clean[:s.at], f, s.clean[s.at:]} {
		if _, err := w.Write(b); err != nil {
			return Slot{}, err
		}
	}
	if s.tail != nil {
		if _, err := io.Copy(w, io.NewSectionReader(s.tail, 0, s.tail.Size())); err != nil {
			return Slot{}, err
		}
	}
	return Slot{Offset: int64(s.at), Length: int64(len(f))}, nil
}

func (s spliced) Wrap(store []byte) ([]byte, error) { return s.frame(store) }
