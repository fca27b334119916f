package jpegcoef

// DC decodes only what a 1/8-scale picture needs: each component's DC
// coefficients, quantised, one per block of the padded MCU grid (BW×BH,
// row-major). Sequential scans are read with their AC coefficients
// stepped over; progressive AC scans are not read at all. Every
// component must get a DC scan.
func (f *File) DC() ([][]int32, error) {
	dc, _, err := f.coarse(false)
	return dc, err
}

// Low decodes what a 1/4-scale picture needs: DC's terms and, for each
// block, its three lowest AC terms, quantised, three per block in low
// (zigzag positions 1, 2 and 4: the first horizontal, vertical and
// diagonal harmonics), with the rest of the block stepped over. Of a
// progressive file it reads the DC scans and the first scans of the AC
// bands that hold those terms; their refinements, which only add low
// bits, and every other AC scan are not read.
func (f *File) Low() (dc, low [][]int32, err error) {
	return f.coarse(true)
}

// coarse reads the DC terms, and the low AC terms when withLow is set.
func (f *File) coarse(withLow bool) (dc, low [][]int32, err error) {
	if f.Frame.Blocks() > 8*len(f.Data) {
		return nil, nil, corrupt("the header declares %d×%d pixels but the file is only %d bytes",
			f.Frame.Width, f.Frame.Height, len(f.Data))
	}
	dc = make([][]int32, len(f.Frame.Comps))
	if withLow {
		low = make([][]int32, len(f.Frame.Comps))
	}
	for i, c := range f.Frame.Comps {
		dc[i] = make([]int32, c.BW*c.BH)
		if withLow {
			low[i] = make([]int32, 3*c.BW*c.BH)
		}
	}
	done := make([]bool, len(dc))
	var buf []byte
	for i := range f.Scans {
		s := &f.Scans[i]
		lowBand := low != nil && s.Ss > 0 && s.Ss <= 4 && s.Ah == 0 && len(s.Comps) == 1
		if s.Ss > 0 && !lowBand {
			continue
		}
		e, err := destuff(f, s, buf)
		if err != nil {
			return nil, nil, err
		}
		if lowBand {
			err = lowScan(f, s, e, low)
		} else {
			err = dcScan(f, s, e, coarseTerms{dc, low}, done)
		}
		if err != nil {
			return nil, nil, err
		}
		buf = e.buf
	}
	Recycle(buf)
	for i, d := range done {
		if !d {
			return nil, nil, corrupt("component %d has no DC scan", f.Frame.Comps[i].ID)
		}
	}
	return dc, low, nil
}

// coarseTerms are where a coarse read puts its terms; low is nil for a
// DC-only read.
type coarseTerms struct{ dc, low [][]int32 }

// dcScan reads the DC terms of one sequential or progressive DC scan.
func dcScan(f *File, s *Scan, e *ecs, out coarseTerms, done []bool) error {
	g := f.Frame.grid(s)
	if err := e.fit(g.intervals(s.Restart), false); err != nil {
		return err
	}
	for _, ci := range s.Comps {
		if s.Ah != 0 && !done[ci] {
			return corrupt("DC refinement before the first DC scan")
		}
	}
	t := scanTables(s)
	r := &reader{buf: e.buf}
	for i := range e.ivs {
		r.seek(e.ivs[i].bit)
		var pred [4]int32
		u0, u1 := g.ivalUnits(s.Restart, i)
		for u := u0; u < u1; u++ {
			if err := r.dcUnit(f, s, &g, &t, u, out, &pred); err != nil {
				return err
			}
		}
		if err := ivalDone(r, e.ivalEnd(i), false); err != nil {
			return err
		}
	}
	for _, ci := range s.Comps {
		done[ci] = true
	}
	return nil
}

// dcUnit reads the DC terms of unit u, and the low AC terms if asked.
func (r *reader) dcUnit(f *File, s *Scan, g *grid, t *tables, u int, out coarseTerms, pred *[4]int32) error {
	ux, uy := u%g.nx, u/g.nx
	for _, p := range g.parts {
		c := &f.Frame.Comps[p.comp]
		b := (uy*p.v+p.dy)*c.BW + ux*p.h + p.dx
		at := &out.dc[p.comp][b]
		if s.Ah != 0 {
			*at |= r.bits(1) << s.Al
			continue
		}
		d, err := r.dcFast(t.dc[p.sc])
		if err != nil {
			return err
		}
		pred[p.sc] += d
		*at = pred[p.sc] << s.Al
		switch {
		case s.Se > 0 && out.low != nil:
			if err := r.lowAC(t.skip[p.sc], t.ac[p.sc], (*[3]int32)(out.low[p.comp][3*b:])); err != nil {
				return err
			}
		case s.Se > 0:
			if err := r.skipAC(t.skip[p.sc], t.ac[p.sc], 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// lowAC reads the AC terms of one sequential block up to zigzag position
// 4, keeping positions 1, 2 and 4 in low, and steps over the rest.
func (r *reader) lowAC(t *skipTable, d *decTable, low *[3]int32) error {
	k := uint(1)
	for k <= 4 {
		step, v, err := r.acStep(d)
		if err != nil {
			return err
		}
		if step == 0 {
			return nil // EOB
		}
		k += step
		switch k - 1 { // the position v is at
		case 1:
			low[0] = v
		case 2:
			low[1] = v
		case 4:
			low[2] = v
		}
	}
	switch {
	case k > 64:
		return corrupt("AC run past the end of a block")
	case k == 64:
		return nil
	}
	return r.skipAC(t, d, k)
}

// lowScan reads the first scan of a progressive AC band that holds some
// of the low terms: one component, block by block over its plane, each
// block decoded into a scratch block (T.81 G.1.2.2) whose positions 1, 2
// and 4 are kept, already scaled by the scan's point transform.
func lowScan(f *File, s *Scan, e *ecs, low [][]int32) error {
	g := f.Frame.grid(s)
	if err := e.fit(g.intervals(s.Restart), false); err != nil {
		return err
	}
	t := scanTables(s)
	r := &reader{buf: e.buf}
	c := &f.Frame.Comps[s.Comps[0]]
	var blk [64]int16
	var nz uint64
	for i := range e.ivs {
		r.seek(e.ivs[i].bit)
		u0, u1 := g.ivalUnits(s.Restart, i)
		eobrun := 0
		for u := u0; u < u1; u++ {
			if eobrun > 0 { // a block with nothing in this band
				eobrun--
				continue
			}
			blk = [64]int16{}
			if err := r.acFirst(t.ac[0], blk[:], &nz, s.Ss, s.Se, s.Al, &eobrun); err != nil {
				return err
			}
			at := low[s.Comps[0]][3*((u/g.nx)*c.BW+u%g.nx):][:3]
			for j, k := range [3]int{1, 2, 4} {
				if k >= s.Ss && k <= s.Se {
					at[j] = midpoint(int32(blk[k]), s.Al)
				}
			}
		}
		if err := ivalDone(r, e.ivalEnd(i), false); err != nil {
			return err
		}
	}
	return nil
}

// midpoint is the expected value of a coefficient whose low al bits are
// still to come: a nonzero one lies anywhere in its 2^al-wide interval
// away from zero, so half a step is added to its magnitude; a zero one
// may have either sign, so it stays 0.
func midpoint(v int32, al int) int32 {
	switch {
	case al == 0 || v == 0:
		return v
	case v > 0:
		return v + 1<<(al-1)
	}
	return v - 1<<(al-1)
}
