package jpegscale

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// component is one frame component and its grid of DC coefficients, kept
// over the padded MCU grid (T.81 A.2.4) so interleaved scans need no
// edge tests. dc holds quantised values; q0 is the DC quantiser latched
// when the component's first scan starts, as later DQTs may replace it.
type component struct {
	id     byte
	h, v   int
	tq     int
	q0     int32
	bw, bh int // stored grid: MCUs × factors
	bx, by int // blocks that cover the plane, for non-interleaved scans
	dc     []int32
	pred   int32
	done   bool // its first DC scan has been read
}

// frame is what the SOF segment declares.
type frame struct {
	progressive  bool
	w, h         int
	hmax, vmax   int
	mcusX, mcusY int
	comps        []component
}

// parseSOF reads a frame header (T.81 B.2.2) and allocates the DC grids,
// refusing a header whose blocks could not fit in dataLen bytes: every
// block costs at least one bit, so a small file cannot make us allocate
// for a huge declared size.
func parseSOF(b []byte, progressive bool, dataLen int) (*frame, error) {
	if len(b) < 6 {
		return nil, errors.New("jpegscale: short SOF segment")
	}
	if b[0] != 8 {
		return nil, fmt.Errorf("jpegscale: %d-bit samples: %w", b[0], ErrUnsupported)
	}
	f := &frame{progressive: progressive, h: int(binary.BigEndian.Uint16(b[1:])), w: int(binary.BigEndian.Uint16(b[3:]))}
	n := int(b[5])
	if f.h == 0 {
		return nil, fmt.Errorf("jpegscale: height defined by DNL: %w", ErrUnsupported)
	}
	if f.w == 0 || n == 0 || len(b) < 6+3*n {
		return nil, errors.New("jpegscale: bad SOF segment")
	}
	if n != 1 && n != 3 && n != 4 {
		return nil, fmt.Errorf("jpegscale: %d components: %w", n, ErrUnsupported)
	}
	if err := f.readComponents(b[6:], n); err != nil {
		return nil, err
	}
	return f, f.allocate(dataLen)
}

func (f *frame) readComponents(b []byte, n int) error {
	f.comps = make([]component, n)
	for i := range f.comps {
		c := &f.comps[i]
		c.id, c.h, c.v, c.tq = b[3*i], int(b[3*i+1]>>4), int(b[3*i+1]&15), int(b[3*i+2])
		if c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3 {
			return errors.New("jpegscale: bad SOF segment: sampling factor or table out of range")
		}
		for j := range i {
			if f.comps[j].id == c.id {
				return errors.New("jpegscale: bad SOF segment: repeated component id")
			}
		}
		f.hmax, f.vmax = max(f.hmax, c.h), max(f.vmax, c.v)
	}
	if n == 1 {
		// A lone component's scan is never interleaved: its factors
		// mean nothing (T.81 A.2.2), so treat them as 1×1.
		f.comps[0].h, f.comps[0].v, f.hmax, f.vmax = 1, 1, 1, 1
	}
	return nil
}

func (f *frame) allocate(dataLen int) error {
	f.mcusX, f.mcusY = ceilDiv(f.w, 8*f.hmax), ceilDiv(f.h, 8*f.vmax)
	total := 0
	for i := range f.comps {
		c := &f.comps[i]
		c.bw, c.bh = f.mcusX*c.h, f.mcusY*c.v
		c.bx = ceilDiv(ceilDiv(f.w*c.h, f.hmax), 8)
		c.by = ceilDiv(ceilDiv(f.h*c.v, f.vmax), 8)
		total += c.bw * c.bh
	}
	if total > 8*dataLen {
		return fmt.Errorf("jpegscale: the header declares %d×%d pixels but the file is only %d bytes: %w", f.w, f.h, dataLen, errTruncated)
	}
	for i := range f.comps {
		c := &f.comps[i]
		c.dc = make([]int32, c.bw*c.bh)
	}
	return nil
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// tables are the decoding state that DQT, DHT and DRI segments set.
type tables struct {
	qdc     [4]int32 // DC entry of each quantisation table, 0 if undefined
	dc, ac  [4]huffTable
	restart int
}

// parseDQT keeps only the first (DC) entry of each table (T.81 B.2.4.1):
// it is the only one a 1/8 decode uses.
func (t *tables) parseDQT(b []byte) error {
	for len(b) > 0 {
		pq, tq := b[0]>>4, b[0]&15
		size := 1 + 64*(1+int(pq))
		if pq > 1 || tq > 3 || len(b) < size {
			return errors.New("jpegscale: bad DQT segment")
		}
		q := int32(b[1])
		if pq == 1 {
			q = int32(binary.BigEndian.Uint16(b[1:]))
		}
		if q == 0 {
			return errors.New("jpegscale: bad DQT segment: zero quantiser")
		}
		t.qdc[tq] = q
		b = b[size:]
	}
	return nil
}

// parseDHT reads every table in one segment (T.81 B.2.4.2).
func (t *tables) parseDHT(b []byte) error {
	for len(b) > 0 {
		tc, th := b[0]>>4, b[0]&15
		if tc > 1 || th > 3 {
			return errors.New("jpegscale: bad DHT segment")
		}
		dst := &t.dc[th]
		if tc == 1 {
			dst = &t.ac[th]
		}
		var err error
		if b, err = dst.parse(b[1:]); err != nil {
			return err
		}
	}
	return nil
}

func (t *tables) parseDRI(b []byte) error {
	if len(b) != 2 {
		return errors.New("jpegscale: bad DRI segment")
	}
	t.restart = int(binary.BigEndian.Uint16(b))
	return nil
}

// colour is what APP0 and APP14 say about how components map to colour.
type colour struct {
	jfif      bool
	adobe     bool
	transform byte
}

func (c *colour) parseApp(marker byte, b []byte) {
	switch {
	case marker == 0xE0 && bytes.HasPrefix(b, []byte("JFIF\x00")):
		c.jfif = true
	case marker == 0xEE && len(b) >= 12 && bytes.HasPrefix(b, []byte("Adobe")):
		c.adobe, c.transform = true, b[11]
	}
}
