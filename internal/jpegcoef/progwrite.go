package jpegcoef

import (
	"errors"
	"fmt"
)

// writeProgressive writes a progressive picture back progressive, with
// the source's own scan script (the same scans in the same order, so the
// file keeps its way of loading) and, per scan, Huffman tables
// estimated in one pass over the label (estimatedProgTables), or,
// should they lack a code, optimal ones.
func (p *Picture) writeProgressive() ([]byte, error) {
	refreshMasks(&p.f.Frame, p.st, p.m)
	return p.assemble(true, func(w *writer, sg Seg) error {
		s := &p.f.Scans[sg.Scan]
		guess, err := estimatedProgTables(p.f, s, p.st, p.m)
		if err != nil {
			return err
		}
		return writeProgScan(w, p.f, s, p.f.Data[sg.Off:sg.End], p.st, &guess)
	})
}

// writeProgScan writes one scan: a DHT, its header and its data, in one
// pass over the picture with the tables guessed (see
// estimatedProgTables). Should they lack a symbol the scan codes, or
// without a guess, the scan is counted in full first and written with
// optimal tables for exactly what it codes.
func writeProgScan(w *writer, f *File, s *Scan, header []byte, st []coefPlane, guess *[8]*Huff) error {
	if guess != nil {
		at := *w
		err := writeScanWith(w, f, s, header, st, *guess)
		if !errors.Is(err, errNoCode) {
			return err
		}
		w.out, w.acc, w.n, w.bits = w.out[:len(at.out)], at.acc, at.n, at.bits
	}
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

// estimatedProgTables are optimal tables for an estimate of what scan s
// codes: the source's symbol counts, which its own optimised tables give
// (see sourceCounts), plus those of the label's blocks m, counted alone,
// and every symbol the seams around the label may need. One pass over
// the label replaces a counting pass over the whole picture.
func estimatedProgTables(f *File, s *Scan, st []coefPlane, m mcuRect) ([8]*Huff, error) {
	var t [8]*Huff
	count := &coder{freq: new([8][257]int)}
	if err := encodeUnits(f, s, count, st, unitRect(&f.Frame, s, m)); err != nil {
		return t, err
	}
	g := f.Frame.grid(s)
	for slot, h := range progTables(s) {
		if h == nil {
			continue
		}
		freq := sourceCounts(f, s, h, slot)
		for sym, n := range count.freq[slot][:256] {
			freq[sym] += n
			if seamSymbol(s, g.nx*g.ny, slot, sym) {
				freq[sym] = max(freq[sym], 1)
			}
		}
		t[slot] = optimalHuff(&freq)
	}
	return t, nil
}

// sourceCounts estimates how often scan s coded each symbol of its table
// h in slot: an optimised table gives a symbol of probability p a code
// of about -log2 p bits, and the scan's length says how many symbols
// there were. A DC first scan codes one symbol per block, exactly.
func sourceCounts(f *File, s *Scan, h *Huff, slot int) [257]int {
	var freq [257]int
	var weight, bitsPer float64
	h.canonical(func(sym byte, _ uint32, l uint) {
		p := 1 / float64(uint(1)<<l)
		weight += p
		bitsPer += p * float64(l+extraBits(sym, slot))
	})
	if weight == 0 {
		return freq
	}
	n := float64(s.End-s.Start) * 8 / (bitsPer / weight)
	if slot < 4 {
		n = 0
		for i, ci := range s.Comps {
			if s.Td[i] == slot {
				n += float64(f.Frame.Comps[ci].BW * f.Frame.Comps[ci].BH)
			}
		}
	}
	h.canonical(func(sym byte, _ uint32, l uint) {
		freq[sym] = max(1, int(n/weight/float64(uint(1)<<l)+0.5))
	})
	return freq
}

// extraBits is how many bits follow a symbol's code in a table of slot: a DC
// difference's or an AC value's magnitude (one sign bit in a refinement
// scan), or an end-of-band run's length. Correction bits are left out.
func extraBits(sym byte, slot int) uint {
	run, size := uint(sym>>4), uint(sym&15)
	switch {
	case slot < 4:
		return size
	case size == 0 && run < 15:
		return run
	}
	return size
}

// seamSymbol reports whether the seams around the label may code sym
// in slot of scan s, whose units are n blocks or MCUs: for an AC table
// every end-of-band run length up to n (the label cuts the picture's
// runs short) and the zero run, for a DC table every difference size
// (the block after the label is predicted from it).
func seamSymbol(s *Scan, n, slot, sym int) bool {
	if slot < 4 {
		return sym <= 11-s.Al
	}
	switch run, size := sym>>4, sym&15; {
	case size != 0:
		return false
	case run == 15:
		return s.Se-s.Ss >= 16
	default:
		return 1<<run <= min(n, 0x7FFF)
	}
}

// encodeUnits counts what the units of r in scan s code, as if they
// made a scan of their own.
func encodeUnits(f *File, s *Scan, c *coder, st []coefPlane, r mcuRect) error {
	g := f.Frame.grid(s)
	e := &progEncoder{c: c, s: s}
	var pred [4]int32
	for uy := r.y0; uy < r.y1; uy++ {
		for ux := r.x0; ux < r.x1; ux++ {
			if err := e.unit(g, st, ux, uy, &pred); err != nil {
				return err
			}
		}
	}
	return e.endRun()
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
			if err := e.unit(g, st, u%g.nx, u/g.nx, &pred); err != nil {
				return err
			}
		}
		if err := e.endRun(); err != nil {
			return err
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
