package jpegcoef

// rowStream lets a region of a single-scan sequential file hold one row
// of MCUs at a time: the first pass only finds where each row's run of
// units lies, and a row is decoded from the source's bits when its
// pixels are looked at and again when it is blended and written. The
// picture's memory then follows the file's size, not the label's area.
type rowStream struct {
	q       *seqScan
	row     int  // the MCU row in the region's store, -1 for none
	blended bool // whether it has been blended since it was decoded
	dc      [][]int32
}

// streams reports whether a sequential file is to be labeled row by row:
// one scan with every component, colours the region draws on its own
// planes, and a region whose coefficients would take several times the
// file's size (a big label on a highly compressed picture). A smaller
// region is decoded once, in the first pass, and kept: streaming decodes
// it twice more (for a look at its pixels and to write it), which costs
// more than the memory it saves.
func (p *Picture) streams() bool {
	return !p.f.Frame.Progressive() && len(p.f.Scans) == 1 &&
		len(p.f.Scans[0].Comps) == len(p.f.Frame.Comps) && (&Region{f: p.f, md: p.md}).rowWise() &&
		storeBytes(&p.f.Frame, p.m) > p.streamAbove
}

// storeBytes is the memory newStore takes for m.
func storeBytes(f *Frame, m mcuRect) int {
	n := 0
	for i := range f.Comps {
		x0, y0, x1, y1 := m.blocks(&f.Comps[i])
		n += (x1 - x0) * (y1 - y0) * 64 * 2
	}
	return n
}

// region is the store that holds unit u's blended coefficients.
func (q *seqScan) region(u int) ([]coefPlane, error) {
	if q.reg == nil {
		return q.st, nil
	}
	return q.reg.st, q.reg.load(q.rowOf(u), true)
}

// load makes the region's store hold MCU row my, decoded from the bits
// of its runs, and blended if asked.
func (r *Region) load(my int, blend bool) error {
	s := r.stream
	if s.row != my {
		if err := r.decodeRow(my); err != nil {
			return err
		}
		s.row, s.blended = my, false
	}
	if blend && !s.blended {
		r.blendRow(my)
		r.keepDC(my)
		s.blended = true
	}
	return nil
}

// decodeRow decodes the runs of MCU row my into the store (and the
// units after them into their runs).
func (r *Region) decodeRow(my int) error {
	q := r.stream.q
	for i := range r.st {
		r.st[i].by0 = my * r.f.Frame.Comps[i].V
	}
	rd := &reader{buf: q.e.buf}
	for k := range q.runs {
		rn := &q.runs[k]
		if q.rowOf(rn.u0) != my {
			continue
		}
		rd.seek(rn.start)
		pred := rn.pred
		for u := rn.u0; u < rn.u1; u++ {
			var blocks []int16
			if u == rn.u1-1 {
				blocks = rn.after
			}
			if err := q.readUnit(rd, u, &pred, blocks, r.st); err != nil {
				return err
			}
		}
	}
	return nil
}

// keepDC records row my's blended DC terms for Picture.DC.
func (r *Region) keepDC(my int) {
	for i, c := range r.f.Frame.Comps {
		x0, _, x1, _ := r.m.blocks(&c)
		for by := my * c.V; by < (my+1)*c.V; by++ {
			for bx := x0; bx < x1; bx++ {
				r.stream.dc[i][by*c.BW+bx] = int32(r.st[i].block(bx, by)[0])
			}
		}
	}
}
