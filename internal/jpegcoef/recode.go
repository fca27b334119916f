package jpegcoef

import "fmt"

// recode is the splicer's fallback when a changed block needs a symbol
// the source's Huffman tables cannot code (optimised tables leave out
// the symbols a picture did not use): every block of the scan is decoded
// and coded again, with the region's blocks taken from the store, once
// to count symbols and once to write with the optimal tables for those
// counts. It is lossless like the splice, only slower, and streams like
// it: no scan is held as coefficients.
func (q *seqScan) recode(c *coder) error {
	r := &reader{buf: q.e.buf}
	var blk [64]int16
	for i, iv := range q.e.ivs {
		r.seek(iv.bit)
		var dpred, epred [4]int32
		u0, u1 := q.g.ivalUnits(q.s.Restart, i)
		for u := u0; u < u1; u++ {
			in := q.inRegion(u)
			ux, uy := u%q.g.nx, u/q.g.nx
			for _, p := range q.g.parts {
				if err := r.blockFast(q.t.dc[p.sc], q.t.full[p.sc], q.t.ac[p.sc], &blk); err != nil {
					return err
				}
				dpred[p.sc] += int32(blk[0])
				blk[0] = int16(dpred[p.sc])
				src := &blk
				if in {
					st, err := q.region(u)
					if err != nil {
						return err
					}
					src = (*[64]int16)(st[p.comp].block(ux*p.h+p.dx, uy*p.v+p.dy))
				}
				if err := c.seqBlock(src, epred[p.sc], q.s.Td[p.sc], 4+q.s.Ta[p.sc]); err != nil {
					return err
				}
				epred[p.sc] = int32(src[0])
			}
		}
		if c.w != nil && i+1 < len(q.e.ivs) {
			c.w.marker(0xD0 + byte(i&7))
		}
	}
	if c.w != nil {
		c.w.align()
	}
	return nil
}

// sourceTables are the scan's own tables by slot.
func (q *seqScan) sourceTables() *[8]*Huff {
	var t [8]*Huff
	for i := range q.s.Comps {
		t[q.s.Td[i]], t[4+q.s.Ta[i]] = q.s.DC[i], q.s.AC[i]
	}
	return &t
}

// coder codes into w with the tables t.
func (q *seqScan) coder(w *writer, t *[8]*Huff) *coder {
	c := &coder{w: w}
	for slot, h := range t {
		if h != nil {
			c.tabs[slot] = h.encoder()
		}
	}
	return c
}

// needs counts, for each scan, the symbols its spliced writing codes.
func (p *Picture) needs() ([]*coder, error) {
	needs := make([]*coder, len(p.seq))
	for i, q := range p.seq {
		needs[i] = &coder{freq: new([8][257]int)}
		if err := q.write(nil, needs[i]); err != nil {
			return nil, err
		}
	}
	return needs, nil
}

// recodeTables chooses tables for recoding every scan when the source's
// lack codes the label needs and cannot keep their own codes (see
// keepingTables): the source's, extended with those codes (so the
// picture outside the label keeps its size), or, if a table has no room
// left, optimal tables for the whole scan.
func (p *Picture) recodeTables(needs []*coder) ([][8]*Huff, string, error) {
	tabs := make([][8]*Huff, len(p.seq))
	optimal := false
	for i, q := range p.seq {
		need := needs[i]
		src := q.sourceTables()
		for slot, h := range src {
			if h != nil {
				tabs[i][slot] = h.extend(lacking(h, &need.freq[slot]), &need.freq[slot])
			}
			if h != nil && tabs[i][slot] == nil {
				opt, err := q.optimalTables()
				if err != nil {
					return nil, "", err
				}
				tabs[i], optimal = opt, true
				break
			}
		}
	}
	if optimal {
		return tabs, "Huffman tables re-optimised: the label needed codes the source's tables had no room for (every coefficient outside the label is kept)", nil
	}
	return tabs, "Huffman tables extended with codes the label needs, and the picture re-coded with them (every coefficient outside the label is kept)", nil
}

// keepingTables extends each scan's tables with the codes the label
// needs without changing any code they have (see extendKeeping); ok is
// false when one has no room for them.
func (p *Picture) keepingTables(needs []*coder) ([][8]*Huff, bool) {
	tabs := make([][8]*Huff, len(p.seq))
	for i, q := range p.seq {
		for slot, h := range q.sourceTables() {
			if h == nil {
				continue
			}
			missing := lacking(h, &needs[i].freq[slot])
			if len(missing) == 0 {
				tabs[i][slot] = h
				continue
			}
			if tabs[i][slot] = h.extendKeeping(missing, &needs[i].freq[slot]); tabs[i][slot] == nil {
				return nil, false
			}
		}
	}
	return tabs, true
}

// lacking lists the symbols counted in freq that h cannot code.
func lacking(h *Huff, freq *[257]int) []byte {
	var out []byte
	enc := h.encoder()
	for s := range 256 {
		if freq[s] > 0 && enc[s] == 0 {
			out = append(out, byte(s))
		}
	}
	return out
}

// optimalTables counts every symbol of the recoded scan and returns the
// optimal tables for those counts.
func (q *seqScan) optimalTables() ([8]*Huff, error) {
	var t [8]*Huff
	count := &coder{freq: new([8][257]int)}
	if err := q.recode(count); err != nil {
		return t, err
	}
	for slot, h := range q.sourceTables() {
		if h != nil {
			t[slot] = optimalHuff(&count.freq[slot])
		}
	}
	return t, nil
}

// recodeScan writes a DHT with the tables t for the scan's slots, the
// scan header, and the scan coded with them.
func (q *seqScan) recodeScan(w *writer, header []byte, t *[8]*Huff) error {
	if err := writeDHT(w, t); err != nil {
		return err
	}
	w.raw(header)
	return q.recode(q.coder(w, t))
}

// writeDHT writes one DHT segment defining the tables t by slot.
func writeDHT(w *writer, t *[8]*Huff) error {
	var dht []byte
	for slot, h := range t {
		if h != nil {
			dht = append(dht, h.segment(slot/4, slot%4)...)
		}
	}
	if len(dht)+2 > 0xFFFF {
		return fmt.Errorf("jpegcoef: DHT segment of %d bytes", len(dht))
	}
	w.raw([]byte{0xFF, 0xC4, byte((len(dht) + 2) >> 8), byte(len(dht) + 2)})
	w.raw(dht)
	return nil
}
