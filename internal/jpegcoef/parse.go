package jpegcoef

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

var (
	// ErrUnsupported is wrapped by every error about a valid JPEG this
	// package does not rewrite: arithmetic coding, 12-bit samples,
	// lossless and hierarchical processes, a height set by DNL.
	ErrUnsupported = errors.New("unsupported JPEG variant")
	// ErrCorrupt is wrapped by every error about damaged or truncated data.
	ErrCorrupt = errors.New("corrupt JPEG data")
)

// Error is every error about the data: What it found, and Kind,
// ErrCorrupt or ErrUnsupported, which errors.Is sees through it.
type Error struct {
	What string
	Kind error
}

func (e *Error) Error() string { return "jpegcoef: " + e.What + ": " + e.Kind.Error() }

// Unwrap returns Kind.
func (e *Error) Unwrap() error { return e.Kind }

func corrupt(format string, a ...any) error {
	return &Error{What: fmt.Sprintf(format, a...), Kind: ErrCorrupt}
}

func unsupported(what string) error {
	return &Error{What: what, Kind: ErrUnsupported}
}

// File is a parsed JPEG: where each segment and scan lies in Data.
type File struct {
	Data   []byte
	Frame  Frame
	Scans  []Scan
	Colour Colour
	// Segs lists every marker from SOI to EOI in file order; an SOS
	// segment ends with its header, its scan's data follows.
	Segs []Seg
	// End is the offset just past EOI: Data[End:] is not part of the
	// picture (MPF images, vendor trailers).
	End int
	// Junk counts bytes found between segments where a marker belonged,
	// which libjpeg skips with a warning; Check refuses them.
	Junk int
}

// Seg is one marker segment, Data[Off:End] from its 0xFF to the end of
// its payload (fill bytes before it are not included).
type Seg struct {
	Marker   byte
	Off, End int
	Scan     int // index in Scans for SOS, -1 otherwise
}

// parser is the table state that DQT, DHT and DRI set as a file is read.
type parser struct {
	f       *File
	q       [4]*[64]uint16
	dc, ac  [4]*Huff
	restart int
}

// Parse walks data from SOI to EOI by segment lengths and records the
// frame, the tables each scan uses, and where each scan's data lies.
func Parse(data []byte) (*File, error) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil, corrupt("no SOI marker")
	}
	p := &parser{f: &File{Data: data}}
	p.f.Segs = append(p.f.Segs, Seg{Marker: 0xD8, Off: 0, End: 2, Scan: -1})
	if err := p.walk(2); err != nil {
		return nil, err
	}
	return p.f, p.f.finish()
}

// walk reads markers from pos until EOI.
func (p *parser) walk(pos int) error {
	data := p.f.Data
	for {
		off, m, err := p.nextMarker(pos)
		if err != nil {
			return err
		}
		pos = off + 2
		switch {
		case m == 0xD9:
			p.f.Segs = append(p.f.Segs, Seg{Marker: m, Off: off, End: pos, Scan: -1})
			p.f.End = pos
			return nil
		case m == 0x01:
			continue // TEM carries nothing
		case m >= 0xD0 && m <= 0xD8:
			return corrupt("marker 0xFF%02X outside a scan at byte %d", m, off)
		}
		if pos+2 > len(data) {
			return corrupt("segment 0xFF%02X at byte %d: truncated", m, off)
		}
		end := pos + int(binary.BigEndian.Uint16(data[pos:]))
		if end < pos+2 || end > len(data) {
			return corrupt("segment 0xFF%02X at byte %d runs past the end of the file", m, off)
		}
		seg := Seg{Marker: m, Off: off, End: end, Scan: -1}
		if pos, err = p.segment(seg, data[pos+2:end]); err != nil {
			return err
		}
	}
}

// nextMarker expects a marker at pos, after any 0xFF fill bytes. Bytes
// that are not a marker are skipped and counted in Junk, as libjpeg does.
func (p *parser) nextMarker(pos int) (int, byte, error) {
	data := p.f.Data
	if pos < len(data) && data[pos] != 0xFF {
		i := bytes.IndexByte(data[pos:], 0xFF)
		if i < 0 {
			return 0, 0, corrupt("no EOI marker")
		}
		p.f.Junk += i
		pos += i
	}
	for pos+1 < len(data) && data[pos+1] == 0xFF {
		pos++
	}
	if pos+1 >= len(data) {
		return 0, 0, corrupt("no EOI marker")
	}
	if m := data[pos+1]; m != 0 {
		return pos, m, nil
	}
	return 0, 0, corrupt("stuffed 0xFF00 outside a scan at byte %d", pos)
}

// segment acts on one marker segment and returns where the next starts.
func (p *parser) segment(s Seg, body []byte) (int, error) {
	m := s.Marker
	var err error
	switch {
	case m == 0xC0 || m == 0xC1 || m == 0xC2:
		err = p.parseSOF(m, body)
	case m == 0xC4:
		err = p.parseDHT(body)
	case m == 0xDB:
		err = p.parseDQT(body)
	case m == 0xDD:
		err = p.parseDRI(body)
	case m == 0xDA:
		return p.parseScan(s, body)
	case m >= 0xC3 && m <= 0xCF, m == 0xDC, m == 0xDE, m == 0xDF:
		err = unsupported(processName(m))
	case m == 0xE0 || m == 0xEE:
		p.f.Colour.parseApp(m, body)
	}
	p.f.Segs = append(p.f.Segs, s)
	return s.End, err
}

// processName names what the markers we refuse stand for (T.81 B.1.1.3).
func processName(m byte) string {
	switch m {
	case 0xC3:
		return "lossless JPEG"
	case 0xC5, 0xC6, 0xC7, 0xDE, 0xDF:
		return "hierarchical JPEG"
	case 0xC8:
		return "JPEG extension (SOF marker 0xC8)"
	case 0xDC:
		return "height defined by a DNL marker"
	}
	return "arithmetic coding"
}

func (p *parser) parseDQT(b []byte) error {
	for len(b) > 0 {
		pq, tq := b[0]>>4, b[0]&15
		size := 1 + 64<<pq
		if pq > 1 || tq > 3 || len(b) < size {
			return corrupt("bad DQT segment")
		}
		t := new([64]uint16)
		for k := range 64 {
			v := uint16(b[1+k<<pq])
			if pq == 1 {
				v = v<<8 | uint16(b[2+2*k])
			}
			if v == 0 {
				return corrupt("bad DQT segment: zero quantiser")
			}
			t[unzig[k]] = v
		}
		p.q[tq] = t
		b = b[size:]
	}
	return nil
}

func (p *parser) parseDHT(b []byte) error {
	for len(b) > 0 {
		tc, th := b[0]>>4, b[0]&15
		if tc > 1 || th > 3 {
			return corrupt("bad DHT segment")
		}
		h, rest, err := parseHuff(b[1:])
		if err != nil {
			return err
		}
		if tc == 0 {
			p.dc[th] = h
		} else {
			p.ac[th] = h
		}
		b = rest
	}
	return nil
}

func (p *parser) parseDRI(b []byte) error {
	if len(b) != 2 {
		return corrupt("bad DRI segment")
	}
	p.restart = int(binary.BigEndian.Uint16(b))
	return nil
}

// finish checks what only the whole file can show.
func (f *File) finish() error {
	if f.Frame.Marker == 0 {
		return corrupt("no frame header")
	}
	if len(f.Scans) == 0 {
		return corrupt("no scan")
	}
	for i := range f.Frame.Comps {
		if f.Frame.Comps[i].Q == nil {
			return corrupt("component %d is in no scan", f.Frame.Comps[i].ID)
		}
	}
	return nil
}
