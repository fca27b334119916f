package jpegcoef

// The sequential splicer. Its first pass reads a scan up to the end of
// the last restart interval the region touches: units outside the region
// are only stepped over, units inside it (and the unit after each run of
// them, whose DC prediction will change) are decoded and remembered with
// where their bits lie. Its second pass writes the scan: intervals the
// region does not touch byte for byte, and in the others the bits of
// every untouched run copied, the remembered units coded again.

// special is a unit the second pass codes again.
type special struct {
	unit       int
	start, end int      // its bits in the destuffed data
	pred       [4]int32 // DC of the block before it, by scan component
	blocks     []int16  // its coefficients, when it lies outside the region
}

// seqScan is one sequential scan between the two passes.
type seqScan struct {
	s        *Scan
	g        grid
	e        *ecs
	t        tables
	ur       mcuRect   // the region in the scan's units
	specials []special // in scan order
	ends     []int     // where each read interval's last unit ends, -1 if unread
	dc       [][]int32 // every read block's DC, by component (see Picture.DC)
	f        *Frame
}

// unitRect is the region in units of scan s: MCUs when interleaved, the
// component's blocks (inside its plane) otherwise.
func unitRect(f *Frame, s *Scan, m mcuRect) mcuRect {
	if len(s.Comps) > 1 {
		return m
	}
	c := &f.Comps[s.Comps[0]]
	x0, y0, x1, y1 := m.blocks(c)
	return mcuRect{x0, y0, min(x1, c.BX), min(y1, c.BY)}
}

// readScan is the first pass over scan s, filling the region's blocks of
// st.
func readScan(f *File, s *Scan, m mcuRect, st []coefPlane, dc [][]int32) (*seqScan, error) {
	e, err := destuff(f, s, nil)
	if err != nil {
		return nil, err
	}
	q := &seqScan{s: s, g: f.Frame.grid(s), e: e, t: scanTables(s), ur: unitRect(&f.Frame, s, m), dc: dc, f: &f.Frame}
	if err := e.fit(q.g.intervals(s.Restart), false); err != nil {
		return nil, err
	}
	q.ends = make([]int, len(e.ivs))
	r := &reader{buf: e.buf}
	for i := range e.ivs {
		q.ends[i] = -1
		u0, u1 := q.g.ivalUnits(s.Restart, i)
		if q.nextRegion(u0, u1) == u1 {
			continue
		}
		r.seek(e.ivs[i].bit)
		if err := q.readInterval(r, u0, u1, st); err != nil {
			return nil, err
		}
		if err := ivalDone(r, e.ivalEnd(i), false); err != nil {
			return nil, err
		}
		q.ends[i] = r.bitpos()
	}
	return q, nil
}

// readSkipped reads the DC terms of the intervals the first pass left
// unread.
func (q *seqScan) readSkipped() error {
	r := &reader{buf: q.e.buf}
	for i, iv := range q.e.ivs {
		if q.ends[i] >= 0 {
			continue
		}
		r.seek(iv.bit)
		var pred [4]int32
		u0, u1 := q.g.ivalUnits(q.s.Restart, i)
		if err := r.skipUnits(&q.g, &q.t, u0, u1-u0, &pred, q.dc, q.f); err != nil {
			return err
		}
	}
	return nil
}

// inRegion reports whether unit u lies in the region.
func (q *seqScan) inRegion(u int) bool {
	x, y := u%q.g.nx, u/q.g.nx
	return x >= q.ur.x0 && x < q.ur.x1 && y >= q.ur.y0 && y < q.ur.y1
}

// nextRegion is the first region unit in [u, end), or end.
func (q *seqScan) nextRegion(u, end int) int {
	if q.ur.empty() {
		return end
	}
	x, y := u%q.g.nx, u/q.g.nx
	switch {
	case y < q.ur.y0:
		y, x = q.ur.y0, q.ur.x0
	case y >= q.ur.y1:
		return end
	case x < q.ur.x0:
		x = q.ur.x0
	case x >= q.ur.x1:
		if y+1 >= q.ur.y1 {
			return end
		}
		y, x = y+1, q.ur.x0
	}
	return min(y*q.g.nx+x, end)
}

// readInterval reads units [u, end) of one interval.
func (q *seqScan) readInterval(r *reader, u, end int, st []coefPlane) error {
	var pred [4]int32
	after := false // the previous unit was in the region
	for u < end {
		if in := q.inRegion(u); in || after {
			if err := q.readSpecial(r, u, &pred, st, in); err != nil {
				return err
			}
			after = in
			u++
			continue
		}
		next := q.nextRegion(u, end)
		if err := r.skipUnits(&q.g, &q.t, u, next-u, &pred, q.dc, q.f); err != nil {
			return err
		}
		u = next
	}
	return nil
}

// readSpecial decodes unit u and remembers it; DCs are stored absolute.
func (q *seqScan) readSpecial(r *reader, u int, pred *[4]int32, st []coefPlane, in bool) error {
	sp := special{unit: u, start: r.bitpos(), pred: *pred}
	if !in {
		sp.blocks = make([]int16, 64*len(q.g.parts))
	}
	for j, p := range q.g.parts {
		blk := (*[64]int16)(q.blockOf(&sp, j, st))
		if err := r.blockFast(q.t.dc[p.sc], q.t.full[p.sc], q.t.ac[p.sc], blk); err != nil {
			return err
		}
		pred[p.sc] += int32(blk[0])
		blk[0] = int16(pred[p.sc])
		ux, uy := u%q.g.nx, u/q.g.nx
		q.dc[p.comp][(uy*p.v+p.dy)*q.f.Comps[p.comp].BW+ux*p.h+p.dx] = pred[p.sc]
	}
	sp.end = r.bitpos()
	q.specials = append(q.specials, sp)
	return nil
}

// blockOf is where part j of special sp keeps its coefficients.
func (q *seqScan) blockOf(sp *special, j int, st []coefPlane) []int16 {
	if sp.blocks != nil {
		return sp.blocks[64*j : 64*j+64]
	}
	p := q.g.parts[j]
	ux, uy := sp.unit%q.g.nx, sp.unit/q.g.nx
	return st[p.comp].block(ux*p.h+p.dx, uy*p.v+p.dy)
}

// write is the second pass: it appends the scan's entropy-coded data to
// w, coding the special units with c's tables. With w nil it only has c
// count the symbols the special units need.
func (q *seqScan) write(w *writer, c *coder, st []coefPlane) error {
	k := 0 // next special
	for i, iv := range q.e.ivs {
		switch {
		case q.ends[i] >= 0:
			var err error
			if k, err = q.writeInterval(w, c, st, k, iv.bit, q.ends[i]); err != nil {
				return err
			}
		case w != nil:
			w.raw(q.e.raw[iv.src:q.e.srcEnd(i)])
			continue
		}
		switch {
		case w == nil:
		case i+1 < len(q.e.ivs):
			w.marker(0xD0 + byte(i&7))
		default:
			w.align()
		}
	}
	return nil
}

// writeInterval writes one read interval from bit from to bit end,
// starting with special k; it returns the first special after it.
func (q *seqScan) writeInterval(w *writer, c *coder, st []coefPlane, k, from, end int) (int, error) {
	var pred [4]int32
	last := -1 // where the previous special of this interval ended
	for ; k < len(q.specials) && q.specials[k].start < end; k++ {
		sp := &q.specials[k]
		if sp.start != last {
			if w != nil {
				w.copyBits(q.e.buf, from, sp.start)
			}
			pred = sp.pred
		}
		for j, p := range q.g.parts {
			blk := (*[64]int16)(q.blockOf(sp, j, st))
			if err := c.seqBlock(blk, pred[p.sc], q.s.Td[p.sc], 4+q.s.Ta[p.sc]); err != nil {
				return k, err
			}
			pred[p.sc] = int32(blk[0])
		}
		from, last = sp.end, sp.end
	}
	if w != nil {
		w.copyBits(q.e.buf, from, end)
	}
	return k, nil
}
