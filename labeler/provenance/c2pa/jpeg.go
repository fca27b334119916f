package c2pa

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// jpegContainer carries a store in APP11 segments after the other APPn
// segments (C2PA "Embedding manifests into JPEG").
type jpegContainer struct{}

// Open reads only the header segments, where every C2PA segment lies: a
// photo's scan, nearly all of its bytes, is streamed from r when the
// layout is written, never held in memory or copied (a 25 MB photo was
// read whole three times per label, for the parent, the signing and the
// read-back). The prefix read grows until the walk reaches the first
// segment that is not APPn or COM.
func (jpegContainer) Open(r io.ReaderAt, size int64) (Layout, error) {
	for n := min(size, 1<<16); ; n = min(size, n*4) {
		head := make([]byte, n)
		if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
			return nil, fmt.Errorf("c2pa: %w", err)
		}
		l, err := parseJPEGPrefix(head, n == size)
		if errors.Is(err, errPrefixShort) {
			continue
		}
		if err != nil {
			return nil, err
		}
		en := l.maxEn + 1
		return withMPF(head, spliced{clean: l.clean, tail: io.NewSectionReader(r, n, size-n),
			at: l.insert, old: l.store, oldAt: l.storeAt,
			frame: func(store []byte) ([]byte, error) { return app11Segments(store, en) }}), nil
	}
}

// jpegLayout is what Belgi needs to know about a JPEG's header segments.
type jpegLayout struct {
	clean  []byte // the file without its C2PA APP11 segments
	insert int    // where new APP11 segments go in clean: before the first non-APPn marker
	store  []byte // the C2PA manifest store that was there, reassembled
	maxEn  int    // highest JPEG XT box instance number left in clean
	// storeAt is where the store's first segment began in the file.
	storeAt int64
}

// C2PA JPEG embedding (JPEG XT, ISO 18477-3): APP11, common identifier
// "JP", a box instance number En shared by all segments of one box, and a
// sequence number Z from 1. Each segment repeats the box's LBox/TBox.
const (
	mAPP11       = 0xEB
	maxSegment   = 65533                        // payload plus the two length bytes ≤ 65535
	app11Header  = 8                            // "JP", En, Z
	jpegChunkMax = maxSegment - app11Header - 8 // minus the repeated LBox/TBox
)

var errJPEG = errors.New("c2pa: jpeg: malformed header segments")

// errPrefixShort: the header segments run past the prefix read so far.
var errPrefixShort = errors.New("c2pa: jpeg: header segments run past the prefix")

// parseJPEG walks the segments up to the first one that is not APPn or
// COM, lifting out APP11 JUMBF segments that carry a C2PA store.
func parseJPEG(data []byte) (jpegLayout, error) { return parseJPEGPrefix(data, true) }

// parseJPEGPrefix is parseJPEG over the first bytes of a file; unless
// whole, a segment that runs past them is errPrefixShort, not malformed.
func parseJPEGPrefix(data []byte, whole bool) (jpegLayout, error) {
	short := func(err error) error {
		if whole {
			return err
		}
		return errPrefixShort
	}
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return jpegLayout{}, fmt.Errorf("%w: no SOI", errJPEG)
	}
	l := jpegLayout{storeAt: -1}
	parts := map[int][][]byte{} // En -> payloads after CI/En/Z, in Z order
	l.clean = append(l.clean, data[:2]...)
	p := 2
	for {
		if q := skipStray(data, p); q > p {
			l.clean = append(l.clean, data[p:q]...)
			p = q
		}
		if p+4 > len(data) {
			return jpegLayout{}, short(fmt.Errorf("%w: at offset %d", errJPEG, p))
		}
		if data[p] != 0xFF {
			return jpegLayout{}, fmt.Errorf("%w: at offset %d", errJPEG, p)
		}
		m := data[p+1]
		if (m < 0xE0 || m > 0xEF) && m != 0xFE {
			break
		}
		n := int(binary.BigEndian.Uint16(data[p+2:]))
		if n < 2 {
			return jpegLayout{}, fmt.Errorf("%w: segment 0x%02X at %d overruns", errJPEG, m, p)
		}
		if p+2+n > len(data) {
			return jpegLayout{}, short(fmt.Errorf("%w: segment 0x%02X at %d overruns", errJPEG, m, p))
		}
		seg, payload := data[p:p+2+n], data[p+4:p+2+n]
		if m == mAPP11 && l.takeJUMBF(payload, parts) {
			if l.storeAt < 0 {
				l.storeAt = int64(p)
			}
			p += 2 + n
			continue
		}
		l.clean = append(l.clean, seg...)
		p += 2 + n
	}
	l.insert = len(l.clean)
	l.clean = append(l.clean, data[p:]...)
	return l, l.joinStore(parts)
}

// skipStray steps over bytes between segments that belong to none, as
// libjpeg does (they are kept in place, never read as a marker).
func skipStray(data []byte, p int) int {
	if p >= len(data) || data[p] == 0xFF {
		return p
	}
	if i := bytes.IndexByte(data[p:], 0xFF); i >= 0 {
		return p + i
	}
	return len(data)
}

// takeJUMBF keeps a JPEG XT segment's payload if it belongs to a C2PA
// box, and reports whether it did. Other JUMBF boxes stay in the file.
func (l *jpegLayout) takeJUMBF(p []byte, parts map[int][][]byte) bool {
	if len(p) < app11Header+8 || p[0] != 'J' || p[1] != 'P' {
		return false
	}
	en := int(binary.BigEndian.Uint16(p[2:]))
	if _, ours := parts[en]; !ours {
		if !bytes.Equal(p[12:16], []byte("jumb")) || !isStoreStart(p[app11Header:]) {
			l.maxEn = max(l.maxEn, en)
			return false
		}
	}
	parts[en] = append(parts[en], p[app11Header:])
	return true
}

// isStoreStart: the description box right after the jumb header says c2pa.
func isStoreStart(b []byte) bool {
	return len(b) >= 8+8+16 && bytes.Equal(b[12:16], []byte("jumd")) && bytes.Equal(b[16:32], typeStore[:])
}

// joinStore glues the first C2PA box back together: the first segment's
// payload whole, the rest without their repeated box header.
func (l *jpegLayout) joinStore(parts map[int][][]byte) error {
	for _, segs := range parts {
		if l.store != nil {
			return fmt.Errorf("c2pa: jpeg: more than one manifest store")
		}
		l.store = append([]byte{}, segs[0]...)
		for _, s := range segs[1:] {
			l.store = append(l.store, s[8:]...)
		}
		if n := int(binary.BigEndian.Uint32(l.store)); n != len(l.store) {
			return fmt.Errorf("c2pa: jpeg: manifest store is %d bytes, its box says %d", len(l.store), n)
		}
	}
	return nil
}

// app11Segments splits a store into APP11 segments under instance en.
func app11Segments(store []byte, en int) ([]byte, error) {
	if len(store) < 8 {
		return nil, errors.New("c2pa: jpeg: empty manifest store")
	}
	head, body := store[:8], store[8:]
	var out []byte
	for z := 1; len(body) > 0; z++ {
		n := min(len(body), jpegChunkMax)
		out = append(out, 0xFF, mAPP11)
		out = binary.BigEndian.AppendUint16(out, uint16(2+app11Header+8+n))
		out = append(out, 'J', 'P')
		out = binary.BigEndian.AppendUint16(out, uint16(en))
		out = binary.BigEndian.AppendUint32(out, uint32(z))
		out = append(append(out, head...), body[:n]...)
		body = body[n:]
	}
	return out, nil
}
