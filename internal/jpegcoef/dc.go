package jpegcoef

// DC decodes only what a 1/8-scale picture needs: each component's DC
// coefficients, quantised, one per block of the padded MCU grid (BW×BH,
// row-major). Sequential scans are read with their AC coefficients
// stepped over; progressive AC scans are not read at all. Every
// component must get a DC scan.
func (f *File) DC() ([][]int32, error) {
	if f.Frame.Blocks() > 8*len(f.Data) {
		return nil, corrupt("the header declares %d×%d pixels but the file is only %d bytes",
			f.Frame.Width, f.Frame.Height, len(f.Data))
	}
	dc := make([][]int32, len(f.Frame.Comps))
	for i, c := range f.Frame.Comps {
		dc[i] = make([]int32, c.BW*c.BH)
	}
	done := make([]bool, len(dc))
	var buf []byte
	for i := range f.Scans {
		s := &f.Scans[i]
		if s.Ss > 0 {
			continue
		}
		e, err := destuff(f, s, buf)
		if err != nil {
			return nil, err
		}
		if err := dcScan(f, s, e, dc, done); err != nil {
			return nil, err
		}
		buf = e.buf
	}
	Recycle(buf)
	for i, d := range done {
		if !d {
			return nil, corrupt("component %d has no DC scan", f.Frame.Comps[i].ID)
		}
	}
	return dc, nil
}

// dcScan reads the DC terms of one sequential or progressive DC scan.
func dcScan(f *File, s *Scan, e *ecs, dc [][]int32, done []bool) error {
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
			if err := r.dcUnit(f, s, &g, &t, u, dc, &pred); err != nil {
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

// dcUnit reads the DC terms of unit u.
func (r *reader) dcUnit(f *File, s *Scan, g *grid, t *tables, u int, dc [][]int32, pred *[4]int32) error {
	ux, uy := u%g.nx, u/g.nx
	for _, p := range g.parts {
		c := &f.Frame.Comps[p.comp]
		at := &dc[p.comp][(uy*p.v+p.dy)*c.BW+ux*p.h+p.dx]
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
		if s.Se > 0 {
			if err := r.skipAC(t.skip[p.sc], t.ac[p.sc]); err != nil {
				return err
			}
		}
	}
	return nil
}
