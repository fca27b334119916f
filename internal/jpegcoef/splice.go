package jpegcoef

// The sequential splicer. Its first pass reads the whole scan: units
// outside the region are only stepped over, units inside it (and the
// unit after each run of them, whose DC prediction will change) are
// decoded and remembered with where their bits lie. Every bit of the
// source is read, so every bit the output copies has been decoded once,
// which is what Verify builds on, and every block's DC is known for a
// thumbnail. Its second pass writes the scan: intervals the region does
// not touch byte for byte, and in the others the bits of every untouched
// run copied, the remembered units coded again.

// run is a stretch of units the second pass codes again: consecutive
// units of the region, then (unless the interval ends first) the unit
// after them, whose DC prediction changes with theirs.
type run struct {
	u0, u1     int      // units [u0, u1)
	start, end int      // their bits in the destuffed data
	inEnd      int      // where the region's units end (before the one after)
	pred       [4]int32 // DC of the block before u0, by scan component
	after      []int16  // the coefficients of the unit after, if any
	coded      int      // how many bits the output gives the units (after write)
	sum        uint64   // checksum of what they were coded from (see sumBlock)
}

// seqScan is one sequential scan between the two passes.
type seqScan struct {
	s    *Scan
	g    grid
	e    *ecs
	t    tables
	ur   mcuRect   // the region in the scan's units
	runs []run     // in scan order
	ends []int     // where each interval's last unit ends
	kept []bool    // intervals copied byte for byte: untouched and without stray bytes
	dc   [][]int32 // every read block's DC, by component (see Picture.DC)
	f    *Frame
	st   []coefPlane // the region's coefficients, unless it streams
	reg  *Region     // the region, when it streams
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
// st, or, with st nil, only finding where the region's runs lie.
func readScan(f *File, s *Scan, m mcuRect, st []coefPlane, dc [][]int32) (*seqScan, error) {
	e, err := destuff(f, s, nil)
	if err != nil {
		return nil, err
	}
	q := &seqScan{s: s, g: f.Frame.grid(s), e: e, t: scanTables(s), ur: unitRect(&f.Frame, s, m), dc: dc, f: &f.Frame, st: st}
	if err := e.fit(q.g.intervals(s.Restart), false); err != nil {
		return nil, err
	}
	q.ends, q.kept = make([]int, len(e.ivs)), make([]bool, len(e.ivs))
	r := &reader{buf: e.buf}
	for i := range e.ivs {
		u0, u1 := q.g.ivalUnits(s.Restart, i)
		r.seek(e.ivs[i].bit)
		if err := q.readInterval(r, u0, u1); err != nil {
			return nil, err
		}
		end := e.ivalEnd(i)
		if err := ivalDone(r, end, false); err != nil {
			return nil, err
		}
		q.ends[i] = r.bitpos()
		// Stray bytes after an interval's data are left behind by
		// writing it bit by bit, like an interval the region touches.
		q.kept[i] = q.nextRegion(u0, u1) == u1 && end-q.ends[i] < 8
	}
	return q, nil
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
func (q *seqScan) readInterval(r *reader, u, end int) error {
	var pred [4]int32
	for u < end {
		next := q.nextRegion(u, end)
		if err := r.skipUnits(&q.g, &q.t, u, next-u, &pred, q.dc, q.f); err != nil {
			return err
		}
		if u = next; u < end {
			var err error
			if u, err = q.readRun(r, u, end, &pred); err != nil {
				return err
			}
		}
	}
	return nil
}

// readRun reads the region's units of one row from u on, and the unit
// after them, and remembers them as a run: decoded into the store, or,
// when the region streams, only stepped over (loadRow decodes them when
// they are needed). It returns the unit after the run.
func (q *seqScan) readRun(r *reader, u, end int, pred *[4]int32) (int, error) {
	rn := run{u0: u, start: r.bitpos(), pred: *pred}
	row := q.rowOf(u)
	n := 0
	for u+n < end && q.inRegion(u+n) && q.rowOf(u+n) == row {
		n++
	}
	if err := q.readUnits(r, u, n, pred, nil); err != nil {
		return 0, err
	}
	u += n
	rn.inEnd = r.bitpos()
	if u < end && !q.inRegion(u) {
		rn.after = make([]int16, 64*len(q.g.parts))
		if err := q.readUnits(r, u, 1, pred, rn.after); err != nil {
			return 0, err
		}
		u++
	}
	rn.u1, rn.end = u, r.bitpos()
	q.runs = append(q.runs, rn)
	return u, nil
}

// readUnits decodes n units from u into the store (or blocks), or steps
// over them when the region streams.
func (q *seqScan) readUnits(r *reader, u, n int, pred *[4]int32, blocks []int16) error {
	if q.st == nil {
		return r.skipUnits(&q.g, &q.t, u, n, pred, q.dc, q.f)
	}
	for i := range n {
		if err := q.readUnit(r, u+i, pred, blocks, q.st); err != nil {
			return err
		}
	}
	return nil
}

// rowOf is the region's MCU row that unit u lies in.
func (q *seqScan) rowOf(u int) int {
	if len(q.s.Comps) > 1 {
		return u / q.g.nx
	}
	return u / q.g.nx / q.f.Comps[q.s.Comps[0]].V
}

// readUnit decodes unit u into the store, or into blocks if not nil.
func (q *seqScan) readUnit(r *reader, u int, pred *[4]int32, blocks []int16, st []coefPlane) error {
	ux, uy := u%q.g.nx, u/q.g.nx
	for j, p := range q.g.parts {
		blk := (*[64]int16)(q.blockAt(blocks, u, j, st))
		if err := r.blockFast(q.t.dc[p.sc], q.t.full[p.sc], q.t.ac[p.sc], blk); err != nil {
			return err
		}
		pred[p.sc] += int32(blk[0])
		blk[0] = int16(pred[p.sc])
		q.dc[p.comp][(uy*p.v+p.dy)*q.f.Comps[p.comp].BW+ux*p.h+p.dx] = pred[p.sc]
	}
	return nil
}

// blockAt is where part j of unit u keeps its coefficients: in blocks if
// not nil (the unit after a run), else in st.
func (q *seqScan) blockAt(blocks []int16, u, j int, st []coefPlane) []int16 {
	if blocks != nil {
		return blocks[64*j : 64*j+64]
	}
	p := q.g.parts[j]
	ux, uy := u%q.g.nx, u/q.g.nx
	return st[p.comp].block(ux*p.h+p.dx, uy*p.v+p.dy)
}

// write is the second pass: it appends the scan's entropy-coded data to
// w, coding the special units with c's tables. With w nil it only has c
// count the symbols the special units need.
func (q *seqScan) write(w *writer, c *coder) error {
	k := 0 // next special
	for i, iv := range q.e.ivs {
		if q.kept[i] {
			if w != nil {
				w.raw(q.e.raw[iv.src:q.e.srcEnd(i)])
			}
			continue
		}
		var err error
		if k, err = q.writeInterval(w, c, k, iv.bit, q.ends[i]); err != nil {
			return err
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
// starting with run k; it returns the first run after it.
func (q *seqScan) writeInterval(w *writer, c *coder, k, from, end int) (int, error) {
	for ; k < len(q.runs) && q.runs[k].start < end; k++ {
		rn := &q.runs[k]
		if w != nil {
			w.copyBits(q.e.buf, from, rn.start)
		}
		b0 := c.w.bitCount()
		if err := q.codeRun(c, rn); err != nil {
			return k, err
		}
		rn.coded = c.w.bitCount() - b0
		from = rn.end
	}
	if w != nil {
		w.copyBits(q.e.buf, from, end)
	}
	return k, nil
}

// codeRun codes a run's units from their coefficients, blended.
func (q *seqScan) codeRun(c *coder, rn *run) error {
	st, err := q.region(rn.u0)
	if err != nil {
		return err
	}
	pred, sum := rn.pred, uint64(0)
	for u := rn.u0; u < rn.u1; u++ {
		var blocks []int16
		if u == rn.u1-1 {
			blocks = rn.after
		}
		for j, p := range q.g.parts {
			blk := (*[64]int16)(q.blockAt(blocks, u, j, st))
			if err := c.seqBlock(blk, pred[p.sc], q.s.Td[p.sc], 4+q.s.Ta[p.sc]); err != nil {
				return err
			}
			sum = sumBlock(sum, blk, int32(blk[0])-pred[p.sc])
			pred[p.sc] = int32(blk[0])
		}
	}
	rn.sum = sum
	return nil
}
