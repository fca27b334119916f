package jpegcoef

// Check proves that data is one whole, undamaged JPEG: its segments walk
// cleanly from SOI to EOI with nothing between or after them, and every
// scan's entropy-coded data decodes to its end, with every restart
// marker in order and no bytes left over. It is the read-back of an
// output, so it is strict where decoders only warn.
func Check(data []byte) error {
	f, err := Parse(data)
	if err != nil {
		return err
	}
	if f.Junk > 0 {
		return corrupt("%d stray bytes between segments", f.Junk)
	}
	if f.End != len(data) {
		return corrupt("%d bytes after the EOI marker", len(data)-f.End)
	}
	return f.decodes()
}

// decodes entropy-decodes every scan of f to its end.
func (f *File) decodes() error {
	if f.Frame.Progressive() {
		_, err := decodeAll(f, true, false)
		return err
	}
	var buf []byte
	for i := range f.Scans {
		e, err := destuff(f, &f.Scans[i], buf)
		if err != nil {
			return err
		}
		if err := checkScan(f, &f.Scans[i], e); err != nil {
			return err
		}
		buf = e.buf
	}
	Recycle(buf)
	return nil
}

// checkScan decodes every block of a sequential scan, interval by
// interval.
func checkScan(f *File, s *Scan, e *ecs) error {
	g := f.Frame.grid(s)
	if err := e.fit(g.intervals(s.Restart), true); err != nil {
		return err
	}
	t := scanTables(s)
	r := &reader{buf: e.buf}
	var pred [4]int32
	for i := range e.ivs {
		r.seek(e.ivs[i].bit)
		u0, u1 := g.ivalUnits(s.Restart, i)
		if err := r.skipUnits(&g, &t, u0, u1-u0, &pred, nil, nil); err != nil {
			return err
		}
		if err := ivalDone(r, e.ivalEnd(i), true); err != nil {
			return err
		}
	}
	return nil
}

// skipUnits steps over units [u, u+n), adding each block's DC
// difference to pred by scan component and, when dc is not nil, storing
// each block's DC there (by component, over the padded MCU grid). Most
// units go through skipFast; the last few of the data, one at a time
// through skipUnit, which minds the data's end.
func (r *reader) skipUnits(g *grid, t *tables, u, n int, pred *[4]int32, dc [][]int32, f *Frame) error {
	var ps [10]skipPart
	parts := skipParts(g, t, f, &ps)
	for n > 0 {
		done, err := r.skipFast(parts, g.nx, u, n, pred, dc)
		if err != nil {
			return err
		}
		if u, n = u+done, n-done; n > 0 {
			if err := r.skipUnit(parts, g.nx, u, pred, dc); err != nil {
				return err
			}
			u, n = u+1, n-1
		}
	}
	return nil
}

// skipUnit steps over unit u, refilling with care near the data's end.
func (r *reader) skipUnit(parts []skipPart, nx, u int, pred *[4]int32, dc [][]int32) error {
	ux, uy := u%nx, u/nx
	for _, p := range parts {
		d, err := r.dcFast(p.dc)
		if err != nil {
			return err
		}
		pred[p.sc] += d
		if dc != nil {
			dc[p.comp][(uy*p.v+p.dy)*p.bw+ux*p.h+p.dx] = pred[p.sc]
		}
		if err := r.skipAC(p.skip, p.ac, 1); err != nil {
			return err
		}
	}
	return nil
}

// dcFast reads a DC difference through the one-lookup path when the
// code is short, which it nearly always is.
func (r *reader) dcFast(t *decTable) (int32, error) {
	if r.n < 32 {
		r.refill()
	}
	e := t.look[r.acc>>(64-lookBits)]
	l, s := uint(e>>8), uint(e&0xFF)
	if e == 0 || s > 11 {
		return r.dcDiff(t)
	}
	v := int32(r.acc << l >> 32 >> (32 - s))
	if s > 0 && v < 1<<(s-1) {
		v += -1<<s + 1
	}
	r.acc <<= l + s
	r.n -= l + s
	return v, nil
}

// ivalDone checks that an interval's blocks used its bits: none past its
// end, and (strictly) no whole byte left over before the next marker.
func ivalDone(r *reader, end int, strict bool) error {
	pos := r.bitpos()
	if pos > end {
		return corrupt("scan data ends early")
	}
	if strict && end-pos >= 8 {
		return corrupt("%d stray bytes in the scan data", (end-pos)/8)
	}
	return nil
}
