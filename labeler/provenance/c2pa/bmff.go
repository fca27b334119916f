package c2pa

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// bmffContainer carries a store in a top-level uuid box (purpose
// "manifest") right after ftyp, as c2pa-rs places it. Everything after
// ftyp moves by the box's size, so the chunk offsets in moov (stco and
// co64) are moved too, before anything is hashed. Fragmented files
// (moof) are not signed: their media offsets live in every fragment.
type bmffContainer struct{}

// maxMoov bounds the movie box read into memory to patch its offsets.
const maxMoov = 512 << 20

type bmffLayout struct {
	r       io.ReaderAt
	ftyp    bmffBox
	keep    []bmffBox // after ftyp, without C2PA boxes
	removed []bmffBox // C2PA boxes left out
	store   []byte
}

func (bmffContainer) Open(r io.ReaderAt, size int64) (Layout, error) {
	boxes, err := topBoxes(r, size)
	if err != nil {
		return nil, err
	}
	if len(boxes) == 0 || boxes[0].typ != "ftyp" {
		return nil, errors.New("c2pa: bmff: the file does not start with ftyp")
	}
	l := &bmffLayout{r: r, ftyp: boxes[0]}
	for _, b := range boxes[1:] {
		if err := l.take(b); err != nil {
			return nil, err
		}
	}
	return l, nil
}

func (l *bmffLayout) take(b bmffBox) error {
	store, purpose, ok, err := c2paBox(l.r, b, maxStore)
	if err != nil {
		return err
	}
	if !ok {
		l.keep = append(l.keep, b)
		return nil
	}
	l.removed = append(l.removed, b)
	if purpose == "manifest" && l.store == nil {
		l.store = store
	}
	return nil
}

func (l *bmffLayout) Store() []byte { return l.store }

// Reserve writes ftyp, the placeholder box, then every other box, with
// moov's chunk offsets moved to where the media now lies.
func (l *bmffLayout) Reserve(w io.Writer, n int) (Slot, error) {
	ph, _ := l.Wrap(make([]byte, n))
	shift := func(off int64) int64 {
		d := int64(len(ph))
		for _, b := range l.removed {
			if b.off < off {
				d -= b.size
			}
		}
		return off + d
	}
	if _, err := io.Copy(w, io.NewSectionReader(l.r, l.ftyp.off, l.ftyp.size)); err != nil {
		return Slot{}, err
	}
	if _, err := w.Write(ph); err != nil {
		return Slot{}, err
	}
	for _, b := range l.keep {
		if err := l.copyBox(w, b, shift); err != nil {
			return Slot{}, err
		}
	}
	return Slot{Offset: l.ftyp.size, Length: int64(len(ph))}, nil
}

func (l *bmffLayout) copyBox(w io.Writer, b bmffBox, shift func(int64) int64) error {
	switch b.typ {
	case "moof", "sidx", "mfra":
		return fmt.Errorf("c2pa: bmff: fragmented files are %w", ErrUnsupported)
	case "moov":
		body, err := b.body(l.r, maxMoov)
		if err != nil {
			return err
		}
		if err := moveChunkOffsets(body, 0, shift); err != nil {
			return err
		}
		head := make([]byte, b.header)
		if _, err := l.r.ReadAt(head, b.off); err != nil {
			return err
		}
		_, err = w.Write(append(head, body...))
		return err
	}
	_, err := io.Copy(w, io.NewSectionReader(l.r, b.off, b.size))
	return err
}

// Wrap is the C2PA uuid box: version and flags 0, purpose "manifest",
// a zero offset to auxiliary (Merkle) boxes, then the store.
func (l *bmffLayout) Wrap(store []byte) ([]byte, error) {
	body := append(append([]byte{}, c2paUUID[:]...), 0, 0, 0, 0)
	body = append(append(body, "manifest\x00"...), make([]byte, 8)...)
	size := 8 + len(body) + len(store)
	if size > 1<<32-1 {
		return nil, errors.New("c2pa: bmff: manifest store too large")
	}
	out := binary.BigEndian.AppendUint32(nil, uint32(size))
	return append(append(append(out, "uuid"...), body...), store...), nil
}

// moveChunkOffsets walks a box payload for stco and co64 tables (in
// moov/trak/mdia/minf/stbl) and moves every offset with shift.
func moveChunkOffsets(b []byte, depth int, shift func(int64) int64) error {
	if depth > 8 {
		return fmt.Errorf("%w: boxes nested too deep", errBMFF)
	}
	rd := bytes.NewReader(b)
	boxes, err := boxesIn(rd, 0, int64(len(b)))
	if err != nil {
		return err
	}
	for _, c := range boxes {
		body := b[c.off+c.header : c.off+c.size]
		switch c.typ {
		case "trak", "mdia", "minf", "stbl":
			err = moveChunkOffsets(body, depth+1, shift)
		case "stco":
			err = moveTable(body, 4, shift)
		case "co64":
			err = moveTable(body, 8, shift)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// moveTable rewrites a chunk offset table in place.
func moveTable(b []byte, width int, shift func(int64) int64) error {
	if len(b) < 8 {
		return fmt.Errorf("%w: short chunk offset table", errBMFF)
	}
	n := int64(binary.BigEndian.Uint32(b[4:]))
	if n > int64(len(b)-8)/int64(width) {
		return fmt.Errorf("%w: chunk offset table overruns", errBMFF)
	}
	for i := range n {
		p := b[8+i*int64(width):]
		if width == 4 {
			v := shift(int64(binary.BigEndian.Uint32(p)))
			if v > 1<<32-1 {
				return errors.New("c2pa: bmff: a 32-bit chunk offset would overflow")
			}
			binary.BigEndian.PutUint32(p, uint32(v))
		} else {
			binary.BigEndian.PutUint64(p, uint64(shift(int64(binary.BigEndian.Uint64(p)))))
		}
	}
	return nil
}
