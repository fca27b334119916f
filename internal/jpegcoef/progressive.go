package jpegcoef

// coefPlane holds one component's quantised coefficients, 64 per block
// in zigzag order, for the blocks [bx0, bx0+bw) × [by0, by0+bh), and for
// a progressive picture each block's mask of nonzero ones (masks.go).
type coefPlane struct {
	bx0, by0, bw, bh int
	data             []int16
	nz               []uint64
	scratch          bool // data is one block every block shares (see decodeAll)
}

// decodeAll decodes every scan of a progressive file into coefficients
// over the padded MCU grid (T.81 G.2), checking that the scans follow a
// valid progression (G.1.1.1.1) as they come. Without values it only
// proves the data: what decoding a progressive scan depends on is which
// coefficients are nonzero, never their values, so each block keeps its
// mask and writes its values into one scratch block per component.
func decodeAll(f *File, strict, values bool) ([]coefPlane, error) {
	if f.Frame.Blocks() > 8*len(f.Data) {
		return nil, corrupt("the header declares %d×%d pixels but the file is only %d bytes",
			f.Frame.Width, f.Frame.Height, len(f.Data))
	}
	all := mcuRect{0, 0, f.Frame.MCUsX, f.Frame.MCUsY}
	st := make([]coefPlane, len(f.Frame.Comps))
	if values {
		st = newStore(&f.Frame, all)
	}
	for i := range st {
		x0, y0, x1, y1 := all.blocks(&f.Frame.Comps[i])
		st[i].bx0, st[i].by0, st[i].bw, st[i].bh = x0, y0, x1-x0, y1-y0
		st[i].nz = make([]uint64, st[i].bw*st[i].bh)
		if !values {
			st[i].data, st[i].scratch = make([]int16, 64), true
		}
	}
	prog := newProgression(len(f.Frame.Comps))
	var buf []byte
	for i := range f.Scans {
		s := &f.Scans[i]
		if err := prog.next(s); err != nil {
			return nil, err
		}
		e, err := destuff(f, s, buf)
		if err != nil {
			return nil, err
		}
		if err := decodeScan(f, s, e, st, strict); err != nil {
			return nil, err
		}
		buf = e.buf
	}
	Recycle(buf)
	return st, nil
}

// progression is how many low bits of each coefficient are still to
// come, by component (-1: none of it has come yet).
type progression [][64]int

func newProgression(n int) progression {
	p := make(progression, n)
	for i := range p {
		for k := range p[i] {
			p[i][k] = -1
		}
	}
	return p
}

// next checks scan s against what came before and records it: a first
// scan of a band must find it untouched, a refinement must continue
// where the last scan of it stopped, and AC needs DC first.
func (p progression) next(s *Scan) error {
	for _, ci := range s.Comps {
		if s.Ss > 0 && p[ci][0] < 0 {
			return corrupt("AC scan before the first DC scan")
		}
		for k := s.Ss; k <= s.Se; k++ {
			want := -1
			if s.Ah != 0 {
				want = s.Ah
			}
			if p[ci][k] != want {
				return corrupt("scan refines coefficients out of order")
			}
			p[ci][k] = s.Al
		}
	}
	return nil
}

// decodeScan decodes one scan of any kind into st.
func decodeScan(f *File, s *Scan, e *ecs, st []coefPlane, strict bool) error {
	g := f.Frame.grid(s)
	if err := e.fit(g.intervals(s.Restart), strict); err != nil {
		return err
	}
	t := scanTables(s)
	r := &reader{buf: e.buf}
	for i := range e.ivs {
		r.seek(e.ivs[i].bit)
		u0, u1 := g.ivalUnits(s.Restart, i)
		var pred [4]int32
		eobrun := 0
		for u := u0; u < u1; u++ {
			if s.Ss > 0 && s.Ah == 0 && eobrun > 0 {
				// Blocks with nothing in a first AC band: none of their
				// coefficients is read (the scan has one component).
				n := min(eobrun, u1-u)
				eobrun -= n
				u += n - 1
				continue
			}
			ux, uy := u%g.nx, u/g.nx
			for _, p := range g.parts {
				blk, nz := st[p.comp].blockNZ(ux*p.h+p.dx, uy*p.v+p.dy)
				if err := r.progBlock(s, &t, p.sc, blk, nz, &pred[p.sc], &eobrun); err != nil {
					return err
				}
			}
		}
		if strict && eobrun > 0 {
			return corrupt("end-of-band run past a restart marker")
		}
		if err := ivalDone(r, e.ivalEnd(i), strict); err != nil {
			return err
		}
	}
	return nil
}

// progBlock decodes one block's share of scan s, keeping its mask nz.
func (r *reader) progBlock(s *Scan, t *tables, sc int, blk []int16, nz *uint64, pred *int32, eobrun *int) error {
	switch {
	case s.Ss == 0 && s.Ah == 0:
		if s.Se > 0 { // a sequential scan read into coefficients
			var b [64]int16
			if err := r.block(t.dc[sc], t.ac[sc], &b); err != nil {
				return err
			}
			*pred += int32(b[0])
			b[0] = int16(*pred)
			copy(blk, b[:])
			*nz = maskOf(blk)
			return nil
		}
		d, err := r.dcDiff(t.dc[sc])
		*pred += d
		blk[0] = int16(*pred << s.Al)
		*nz = *nz&^1 | maskOf64(blk[0] != 0)
		return err
	case s.Ss == 0:
		blk[0] |= int16(r.bits(1) << s.Al)
		*nz |= maskOf64(blk[0] != 0)
		return nil
	case s.Ah == 0:
		return r.acFirst(t.ac[sc], blk, nz, s.Ss, s.Se, s.Al, eobrun)
	}
	return r.acRefine(t.ac[sc], blk, nz, s.Ss, s.Se, s.Al, eobrun)
}

// maskOf64 is 1 for true.
func maskOf64(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// acFirst decodes the first scan of a band (T.81 G.1.2.2).
func (r *reader) acFirst(t *decTable, blk []int16, nz *uint64, ss, se, al int, eobrun *int) error {
	if *eobrun > 0 {
		*eobrun--
		return nil
	}
	for k := ss; k <= se; k++ {
		sym, err := r.decode(t)
		if err != nil {
			return err
		}
		run, size := int(sym>>4), uint(sym&15)
		switch {
		case size > 10:
			return corrupt("AC coefficient of %d bits", size)
		case size > 0:
			if k += run; k > se {
				return corrupt("AC run past the end of the band")
			}
			blk[k] = int16(r.receive(size) << al)
			*nz |= maskOf64(blk[k] != 0) << k
		case run == 15:
			if k += 15; k > se {
				return corrupt("AC run past the end of the band")
			}
		default:
			*eobrun = 1<<run - 1 + int(r.bits(uint(run)))
			return nil
		}
	}
	return nil
}

// acRefine decodes a refinement scan of a band (T.81 G.1.2.3): new
// coefficients of ±1<<al, and a correction bit for each coefficient that
// already has a value, in order.
func (r *reader) acRefine(t *decTable, blk []int16, nz *uint64, ss, se, al int, eobrun *int) error {
	p1, m1 := int16(1)<<al, int16(-1)<<al
	k := ss
	for *eobrun == 0 && k <= se {
		sym, err := r.decode(t)
		if err != nil {
			return err
		}
		run, size := int(sym>>4), sym&15
		var v int16
		switch {
		case size > 1:
			return corrupt("refinement coefficient of %d bits", size)
		case size == 1:
			v = m1
			if r.bits(1) == 1 {
				v = p1
			}
		case run != 15:
			*eobrun = 1<<run + int(r.bits(uint(run)))
			continue
		}
		if k = r.refineUpTo(blk, *nz, k, se, run, p1, m1); v != 0 {
			if k > se {
				return corrupt("AC run past the end of the band")
			}
			blk[k] = v
			*nz |= 1 << k
		}
		k++
	}
	if *eobrun > 0 {
		r.refineUpTo(blk, *nz, k, se, se+1, p1, m1)
		*eobrun--
	}
	return nil
}
