package jpegcoef

import "fmt"

// writeProgressive writes a progressive picture back progressive, with
// the source's own scan script (the same scans in the same order, so the
// file keeps its way of loading) and optimal Huffman tables per scan.
func (p *Picture) writeProgressive() ([]byte, error) {
	refreshMasks(&p.f.Frame, p.st, p.m)
	return p.assemble(true, func(w *writer, sg Seg) error {
		return writeProgScan(w, p.f, &p.f.Scans[sg.Scan], p.f.Data[sg.Off:sg.End], p.st)
	})
}

// writeProgScan writes one scan: counted first, then a DHT with the
// optimal tables for what it now codes, its header and its data. (The
// source's own tables seldom code a label's blocks: a progressive file's
// tables are optimised for its picture; measured in BenchmarkProgressiveOut,
// optimal tables also make the smaller file.)
func writeProgScan(w *writer, f *File, s *Scan, header []byte, st []coefPlane) error {
	count := &coder{freq: new([8][257]int)}
	if err := encodeScan(f, s, count, st); err != nil {
		return err
	}
	var t [8]*Huff
	for slot, h := range progTables(s) {
		if h != nil {
			t[slot] = optimalHuff(&count.freq[slot])
		}
	}
	return writeScanWith(w, f, s, header, st, t)
}

// progTables are the tables scan s codes with, by slot.
func progTables(s *Scan) [8]*Huff {
	var t [8]*Huff
	for i := range s.Comps {
		if s.needsDC() {
			t[s.Td[i]] = s.DC[i]
		}
		if s.Se > 0 {
			t[4+s.Ta[i]] = s.AC[i]
		}
	}
	return t
}

// writeScanWith writes a DHT with t (if the scan codes with tables), the
// header, and the scan coded with t.
func writeScanWith(w *writer, f *File, s *Scan, header []byte, st []coefPlane, t [8]*Huff) error {
	c := &coder{w: w}
	var dht []byte
	for slot, h := range t {
		if h != nil {
			c.tabs[slot] = h.encoder()
			dht = append(dht, h.segment(slot/4, slot%4)...)
		}
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
				blk, nz := st[p.comp].blockNZ(ux*p.h+p.dx, uy*p.v+p.dy)
				if err := e.block(p.sc, blk, *nz, &pred[p.sc]); err != nil {
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
