package jpegcoef

import (
	"errors"
	"fmt"
	"image"
)

// Picture is a JPEG opened to change one rectangle of it.
type Picture struct {
	f     *File
	md    model
	m     mcuRect
	st    []coefPlane // the region's coefficients (all of them, progressive)
	seq   []*seqScan  // sequential scans after the first pass
	notes []string
}

// Open parses data and refuses, with an error wrapping ErrUnsupported,
// files it cannot rewrite losslessly.
func Open(data []byte) (*Picture, error) {
	f, err := Parse(data)
	if err != nil {
		return nil, err
	}
	md, err := f.model()
	if err != nil {
		return nil, err
	}
	if !f.Frame.factorsFit() {
		return nil, unsupported("sampling factors that do not divide each other")
	}
	return &Picture{f: f, md: md}, nil
}

// Bounds is the picture's stored size.
func (p *Picture) Bounds() image.Rectangle {
	return image.Rect(0, 0, p.f.Frame.Width, p.f.Frame.Height)
}

// MCU is the size of the picture's MCUs: a change can only be made in
// whole MCUs.
func (p *Picture) MCU() image.Point {
	return image.Pt(8*p.f.Frame.Hmax, 8*p.f.Frame.Vmax)
}

// Trailing is how many bytes follow the source's EOI; Encode drops them.
func (p *Picture) Trailing() int { return len(p.f.Data) - p.f.End }

// Notes says what the rewrite did that a reader of the result should
// know (valid after Encode).
func (p *Picture) Notes() []string { return p.notes }

// Decode reads the picture as far as it must to show the MCUs that r
// touches, and returns them as pixels to draw on. Call it once.
func (p *Picture) Decode(r image.Rectangle) (*Region, error) {
	r = r.Intersect(p.Bounds())
	if r.Empty() || p.st != nil {
		return nil, errors.New("jpegcoef: nothing to decode, or decoded twice")
	}
	mcu := p.MCU()
	p.m = mcuRect{r.Min.X / mcu.X, r.Min.Y / mcu.Y, ceilDiv(r.Max.X, mcu.X), ceilDiv(r.Max.Y, mcu.Y)}
	if p.f.Frame.Progressive() {
		st, err := decodeAll(p.f, false)
		if err != nil {
			return nil, err
		}
		p.st = st
	} else if err := p.readScans(); err != nil {
		return nil, err
	}
	return newRegion(p.f, p.md, p.st, p.m), nil
}

// readScans is the splicer's first pass over every sequential scan.
func (p *Picture) readScans() error {
	p.st = newStore(&p.f.Frame, p.m)
	for i := range p.f.Scans {
		q, err := readScan(p.f, &p.f.Scans[i], p.m, p.st)
		if err != nil {
			return err
		}
		p.seq = append(p.seq, q)
	}
	return nil
}

// Encode writes the picture with the region's changes: SOI, the
// source's segments other than APPn and COM up to the first scan (a
// caller adds the metadata it wants), the scans, and EOI. Data after the
// source's EOI is not part of the result.
func (p *Picture) Encode(reg *Region) ([]byte, error) {
	if reg.commit() == 0 {
		p.notes = append(p.notes, "the label changed no block")
	}
	if p.f.Frame.Progressive() {
		return p.writeProgressive()
	}
	out, err := p.writeSequential(false)
	if errors.Is(err, errNoCode) {
		p.notes = append(p.notes, "Huffman tables re-optimised: the label needed codes the source's tables leave out (every coefficient outside the label is kept)")
		out, err = p.writeSequential(true)
	}
	return out, err
}

// writeSequential assembles the output around the spliced scans, or with
// every scan recoded under optimal tables.
func (p *Picture) writeSequential(recode bool) ([]byte, error) {
	data := p.f.Data
	w := &writer{out: make([]byte, 0, len(data)+len(data)/32+1024)}
	w.raw(data[:2])
	scanned := false
	for _, sg := range p.f.Segs[1:] {
		switch {
		case !scanned && isAppOrCOM(sg.Marker), recode && sg.Marker == 0xC4:
			continue
		case sg.Marker != 0xDA:
			w.raw(data[sg.Off:sg.End])
			continue
		}
		scanned = true
		q := p.seq[sg.Scan]
		var err error
		if recode {
			err = q.recodeScan(w, data[sg.Off:sg.End], p.st)
		} else {
			w.raw(data[sg.Off:sg.End])
			err = q.write(w, q.sourceCoder(w), p.st)
		}
		if err != nil {
			return nil, err
		}
	}
	return w.out, nil
}

func isAppOrCOM(m byte) bool { return m >= 0xE0 && m <= 0xEF || m == 0xFE }

// sourceCoder codes with the scan's own tables.
func (q *seqScan) sourceCoder(w *writer) *coder {
	c := &coder{w: w}
	for i := range q.s.Comps {
		c.tabs[q.s.Td[i]] = q.s.DC[i].encoder()
		c.tabs[4+q.s.Ta[i]] = q.s.AC[i].encoder()
	}
	return c
}

// recodeScan counts the scan's symbols, writes a DHT with optimal tables
// for its slots, the scan header, and the scan coded with them.
func (q *seqScan) recodeScan(w *writer, header []byte, st []coefPlane) error {
	count := &coder{freq: new([8][257]int)}
	if err := q.recode(count, st); err != nil {
		return err
	}
	c := &coder{w: w}
	var dht []byte
	for slot := range 8 {
		if !q.usesSlot(slot) {
			continue
		}
		h := optimalHuff(&count.freq[slot])
		c.tabs[slot] = h.encoder()
		dht = append(dht, h.segment(slot/4, slot%4)...)
	}
	if len(dht)+2 > 0xFFFF {
		return fmt.Errorf("jpegcoef: DHT segment of %d bytes", len(dht))
	}
	w.raw([]byte{0xFF, 0xC4, byte((len(dht) + 2) >> 8), byte(len(dht) + 2)})
	w.raw(dht)
	w.raw(header)
	return q.recode(c, st)
}

func (q *seqScan) usesSlot(slot int) bool {
	for i := range q.s.Comps {
		if slot == q.s.Td[i] || slot == 4+q.s.Ta[i] {
			return true
		}
	}
	return false
}
