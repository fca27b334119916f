package jpegcoef

import "fmt"

// writeProgressive writes a progressive picture back progressive, with
// the source's own scan script (the same scans in the same order, so
// the file keeps its size and its way of loading) and, for each scan,
// the optimal Huffman tables for what it now codes.
func (p *Picture) writeProgressive() ([]byte, error) {
	data := p.f.Data
	w := &writer{out: make([]byte, 0, len(data)+len(data)/32+1024)}
	w.raw(data[:2])
	scanned := false
	for _, sg := range p.f.Segs[1:] {
		switch {
		case !scanned && isAppOrCOM(sg.Marker), sg.Marker == 0xC4:
			continue
		case sg.Marker != 0xDA:
			w.raw(data[sg.Off:sg.End])
			continue
		}
		scanned = true
		if err := writeProgScan(w, p.f, &p.f.Scans[sg.Scan], data[sg.Off:sg.End], p.st); err != nil {
			return nil, err
		}
	}
	return w.out, nil
}

// writeProgScan counts the scan's symbols, then writes a DHT with the
// optimal tables, the scan's header and its data.
func writeProgScan(w *writer, f *File, s *Scan, header []byte, st []coefPlane) error {
	count := &coder{freq: new([8][257]int)}
	if err := encodeScan(f, s, count, st); err != nil {
		return err
	}
	c := &coder{w: w}
	var dht []byte
	for _, slot := range scanSlots(s) {
		h := optimalHuff(&count.freq[slot])
		c.tabs[slot] = h.encoder()
		dht = append(dht, h.segment(slot/4, slot%4)...)
	}
	if len(dht) > 0 {
		if len(dht)+2 > 0xFFFF {
			return fmt.Errorf("jpegcoef: DHT segment of %d bytes", len(dht))
		}
		w.raw([]byte{0xFF, 0xC4, byte((len(dht) + 2) >> 8), byte(len(dht) + 2)})
		w.raw(dht)
	}
	w.raw(header)
	return encodeScan(f, s, c, st)
}

// scanSlots lists the table slots a scan codes with (DC 0-3, AC 4-7).
func scanSlots(s *Scan) []int {
	var used [8]bool
	for i := range s.Comps {
		if s.needsDC() {
			used[s.Td[i]] = true
		}
		if s.Se > 0 {
			used[4+s.Ta[i]] = true
		}
	}
	var out []int
	for slot, u := range used {
		if u {
			out = append(out, slot)
		}
	}
	return out
}

// encodeScan codes (or counts) one progressive scan from st, restart
// interval by restart interval.
func encodeScan(f *File, s *Scan, c *coder, st []coefPlane) error {
	g := f.Frame.grid(s)
	e := &progEncoder{c: c, s: s}
	n := g.intervals(s.Restart)
	for i := range n {
		var pred [4]int32
		u0, u1 := g.ivalUnits(s.Restart, i)
		for u := u0; u < u1; u++ {
			ux, uy := u%g.nx, u/g.nx
			for _, p := range g.parts {
				if err := e.block(p.sc, st[p.comp].block(ux*p.h+p.dx, uy*p.v+p.dy), &pred[p.sc]); err != nil {
					return err
				}
			}
		}
		if s.Ss > 0 {
			if err := e.flushRun(4 + s.Ta[0]); err != nil {
				return err
			}
		}
		if c.w != nil && i+1 < n {
			c.w.marker(0xD0 + byte(i&7))
		}
	}
	if c.w != nil {
		c.w.align()
	}
	return nil
}
