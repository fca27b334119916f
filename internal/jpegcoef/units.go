package jpegcoef

// grid is the order a scan visits blocks in (T.81 A.2): units (MCUs of
// an interleaved scan, single blocks otherwise) in raster order, each
// made of parts.
type grid struct {
	nx, ny int
	parts  []part
}

// part is one block of a unit: block (ux·h+dx, uy·v+dy) of a component.
type part struct {
	sc, comp int // index in the scan, in the frame
	dx, dy   int
	h, v     int
}

// grid lays out scan s. A lone component's scan is not interleaved: its
// units are the blocks that cover the component's plane (T.81 A.2.2).
func (f *Frame) grid(s *Scan) grid {
	if len(s.Comps) == 1 {
		c := &f.Comps[s.Comps[0]]
		return grid{nx: c.BX, ny: c.BY, parts: []part{{sc: 0, comp: s.Comps[0], h: 1, v: 1}}}
	}
	g := grid{nx: f.MCUsX, ny: f.MCUsY}
	for i, ci := range s.Comps {
		c := &f.Comps[ci]
		for dy := range c.V {
			for dx := range c.H {
				g.parts = append(g.parts, part{sc: i, comp: ci, dx: dx, dy: dy, h: c.H, v: c.V})
			}
		}
	}
	return g
}

func (g *grid) units() int { return g.nx * g.ny }

// intervals is how many restart intervals a scan of g has.
func (g *grid) intervals(restart int) int {
	if restart == 0 {
		return 1
	}
	return ceilDiv(g.units(), restart)
}

// ivalUnits is the range of units interval i covers.
func (g *grid) ivalUnits(restart, i int) (int, int) {
	if restart == 0 {
		return 0, g.units()
	}
	return i * restart, min((i+1)*restart, g.units())
}

// tables are a scan's decoding tables by scan component.
type tables struct {
	dc   []*decTable
	ac   []*decTable
	skip []*skipTable
	full []*fullTable
}

func scanTables(s *Scan) tables {
	var t tables
	for i := range s.Comps {
		var dc, ac *decTable
		var sk *skipTable
		var fu *fullTable
		if s.DC[i] != nil {
			dc = s.DC[i].decoder()
		}
		if s.AC[i] != nil {
			ac, sk, fu = s.AC[i].decoder(), s.AC[i].skipper(), s.AC[i].fuller()
		}
		t.dc, t.ac, t.skip, t.full = append(t.dc, dc), append(t.ac, ac), append(t.skip, sk), append(t.full, fu)
	}
	return t
}
