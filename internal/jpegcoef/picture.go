package jpegcoef

import (
	"errors"
	"image"
)

// Picture is a JPEG opened to change one rectangle of it.
type Picture struct {
	f     *File
	md    model
	m     mcuRect
	st    []coefPlane // the region's coefficients (all of them, progressive)
	seq   []*seqScan  // sequential scans after the first pass
	dc    [][]int32   // every block's DC as the first pass read it
	notes []string
	// encoded: Encode succeeded; recoded: with new tables, every unit
	// coded again (see Verify).
	encoded, recoded bool
	// streamAbove is the region store's size above which a sequential
	// file streams (see streams): four times the file's size, about what
	// the file's copies (the destuffed scan, the output) take already.
	streamAbove int
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
	return &Picture{f: f, md: md, streamAbove: 4 * len(data)}, nil
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

// Bits says how many entropy-coded bits the MCUs of the decoded region
// take in a sequential file, and how many all scans take; after Decode.
// (Progressive files spread a block over many scans: inside is 0.)
func (p *Picture) Bits() (inside, total int) {
	for _, q := range p.seq {
		total += len(q.e.buf) * 8
		for _, rn := range q.runs {
			inside += rn.inEnd - rn.start
		}
	}
	if p.seq == nil {
		for i := range p.f.Scans {
			total += 8 * (p.f.Scans[i].End - p.f.Scans[i].Start)
		}
	}
	return inside, total
}

// File is the parsed source.
func (p *Picture) File() *File { return p.f }

// DC returns each component's DC coefficients, quantised, one per block
// of the padded MCU grid (BW×BH): the picture as Encode writes it, at
// 1/8 scale, for a thumbnail. Sequential files got them in the first
// pass. Call it after Encode.
func (p *Picture) DC() ([][]int32, error) {
	if p.f.Frame.Progressive() {
		dc := make([][]int32, len(p.st))
		for i, c := range p.st {
			dc[i] = make([]int32, c.bw*c.bh)
			for j := range dc[i] {
				dc[i][j] = int32(c.data[64*j])
			}
		}
		return dc, nil
	}
	if p.st == nil {
		return p.dc, nil // the region's rows kept theirs as they were written
	}
	for i, c := range p.st {
		bw := p.f.Frame.Comps[i].BW
		for y := range c.bh {
			for x := range c.bw {
				p.dc[i][(c.by0+y)*bw+c.bx0+x] = int32(c.block(c.bx0+x, c.by0+y)[0])
			}
		}
	}
	return p.dc, nil
}

// Trailing is how many bytes follow the source's EOI; Encode drops them.
func (p *Picture) Trailing() int { return len(p.f.Data) - p.f.End }

// Notes says what the rewrite did that a reader of the result should
// know (valid after Encode).
func (p *Picture) Notes() []string { return p.notes }

// Release hands the picture's scan buffers back for the next picture.
// Call it when done with p, Verify included: p is unusable afterwards.
func (p *Picture) Release() {
	for _, q := range p.seq {
		Recycle(q.e.buf)
		q.e.buf = nil
	}
	p.seq = nil
}

// Decode reads the picture as far as it must to show the MCUs that r
// touches, and returns them as pixels to draw on. Call it once.
func (p *Picture) Decode(r image.Rectangle) (*Region, error) {
	r = r.Intersect(p.Bounds())
	if r.Empty() || p.dc != nil || p.st != nil {
		return nil, errors.New("jpegcoef: nothing to decode, or decoded twice")
	}
	mcu := p.MCU()
	p.m = mcuRect{r.Min.X / mcu.X, r.Min.Y / mcu.Y, ceilDiv(r.Max.X, mcu.X), ceilDiv(r.Max.Y, mcu.Y)}
	switch {
	case p.f.Frame.Progressive():
		st, err := decodeAll(p.f, false, true)
		if err != nil {
			return nil, err
		}
		p.st = st
	case p.streams():
		if err := p.readScans(nil); err != nil {
			return nil, err
		}
		row := p.m
		row.y1 = row.y0 + 1
		reg := newRegion(p.f, p.md, newStore(&p.f.Frame, row), p.m)
		reg.stream = &rowStream{q: p.seq[0], row: -1, dc: p.dc}
		p.seq[0].reg = reg
		return reg, nil
	default:
		p.st = newStore(&p.f.Frame, p.m)
		if err := p.readScans(p.st); err != nil {
			return nil, err
		}
	}
	return newRegion(p.f, p.md, p.st, p.m), nil
}

// readScans is the splicer's first pass over every sequential scan,
// decoding the region's units into st unless it is nil.
func (p *Picture) readScans(st []coefPlane) error {
	p.dc = make([][]int32, len(p.f.Frame.Comps))
	for i, c := range p.f.Frame.Comps {
		p.dc[i] = make([]int32, c.BW*c.BH)
	}
	for i := range p.f.Scans {
		q, err := readScan(p.f, &p.f.Scans[i], p.m, st, p.dc)
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
	out, err := p.encode(reg)
	if err == nil && reg.changed == 0 {
		p.notes = append(p.notes, "the label changed no block")
	}
	p.encoded = err == nil
	return out, err
}

func (p *Picture) encode(reg *Region) ([]byte, error) {
	reg.commit()
	if p.f.Frame.Progressive() {
		return p.writeProgressive()
	}
	out, err := p.writeSequential(nil, false)
	if !errors.Is(err, errNoCode) {
		return out, err
	}
	needs, err := p.needs()
	if err != nil {
		return nil, err
	}
	if tabs, ok := p.keepingTables(needs); ok {
		return p.writeSequential(tabs, false)
	}
	tabs, note, err := p.recodeTables(needs)
	if err != nil {
		return nil, err
	}
	p.notes = append(p.notes, note)
	p.recoded = true
	return p.writeSequential(tabs, true)
}

// writeSequential assembles the output around the spliced scans. Given
// tables for each scan, it writes them in a DHT before the scan; with
// recode every unit is coded again under them, else the tables keep the
// source's codes (extendKeeping) and the scan is spliced as ever.
func (p *Picture) writeSequential(tabs [][8]*Huff, recode bool) ([]byte, error) {
	return p.assemble(tabs != nil, func(w *writer, sg Seg) error {
		q, header := p.seq[sg.Scan], p.f.Data[sg.Off:sg.End]
		switch {
		case recode:
			return q.recodeScan(w, header, &tabs[sg.Scan])
		case tabs != nil:
			if err := writeDHT(w, &tabs[sg.Scan]); err != nil {
				return err
			}
			w.raw(header)
			return q.write(w, q.coder(w, &tabs[sg.Scan]))
		}
		w.raw(header)
		return q.write(w, q.coder(w, q.sourceTables()))
	})
}

// assemble writes SOI, the source's segments but APPn and COM before the
// first scan (and DHT when the scans bring their own), and each scan as
// scan writes it, header included.
func (p *Picture) assemble(newTables bool, scan func(w *writer, sg Seg) error) ([]byte, error) {
	data := p.f.Data
	w := &writer{out: scratch(len(data) + len(data)/32 + 1024)}
	w.raw(data[:2])
	scanned := false
	for _, sg := range p.f.Segs[1:] {
		switch {
		case !scanned && isAppOrCOM(sg.Marker), newTables && sg.Marker == 0xC4:
			continue
		case sg.Marker != 0xDA:
			w.raw(data[sg.Off:sg.End])
			continue
		}
		scanned = true
		if err := scan(w, sg); err != nil {
			return nil, err
		}
	}
	return w.out, nil
}

func isAppOrCOM(m byte) bool { return m >= 0xE0 && m <= 0xEF || m == 0xFE }
