package jpegscale

import (
	"errors"
	"fmt"
)

// scanComp is one component of a scan with its tables and the blocks it
// contributes to each MCU: h×v when interleaved, one block otherwise.
type scanComp struct {
	c      *component
	dc, ac *huffTable
	h, v   int
}

// scan is a parsed SOS header (T.81 B.2.3).
type scan struct {
	comps          []scanComp
	ss, se, ah, al int
}

// parseSOS reads a scan header and checks that it fits the frame.
func (d *decoder) parseSOS(b []byte) (*scan, error) {
	if len(b) < 1 || len(b) != 4+2*int(b[0]) || b[0] < 1 || b[0] > 4 {
		return nil, errors.New("jpegscale: bad SOS segment")
	}
	n := int(b[0])
	s := &scan{ss: int(b[1+2*n]), se: int(b[2+2*n]), ah: int(b[3+2*n] >> 4), al: int(b[3+2*n] & 15)}
	for i := range n {
		c := d.f.component(b[1+2*i])
		if c == nil {
			return nil, errors.New("jpegscale: bad SOS segment: unknown component")
		}
		td, ta := b[2+2*i]>>4, b[2+2*i]&15
		if td > 3 || ta > 3 {
			return nil, errors.New("jpegscale: bad SOS segment: table out of range")
		}
		sc := scanComp{c: c, dc: &d.dc[td], ac: &d.ac[ta], h: 1, v: 1}
		if n > 1 {
			sc.h, sc.v = c.h, c.v
		}
		s.comps = append(s.comps, sc)
	}
	return s, nil
}

func (f *frame) component(id byte) *component {
	for i := range f.comps {
		if f.comps[i].id == id {
			return &f.comps[i]
		}
	}
	return nil
}

// check refuses scans this decoder cannot read correctly, and latches
// each component's DC quantiser at its first scan.
func (d *decoder) check(s *scan) error {
	if d.f.progressive {
		if s.se != 0 || s.al > 13 || (s.ah != 0 && s.ah != s.al+1) {
			return errors.New("jpegscale: bad progressive DC scan")
		}
	} else if s.ss != 0 || s.se != 63 || s.ah != 0 || s.al != 0 {
		return errors.New("jpegscale: bad sequential scan parameters")
	}
	for _, sc := range s.comps {
		c := sc.c
		if s.ah == 0 && !sc.dc.defined || s.se > 0 && !sc.ac.defined {
			return errors.New("jpegscale: scan uses an undefined Huffman table")
		}
		if s.ah != 0 && !c.done {
			return errors.New("jpegscale: DC refinement before the first DC scan")
		}
		if c.q0 == 0 {
			if c.q0 = d.qdc[c.tq]; c.q0 == 0 {
				return errors.New("jpegscale: scan uses an undefined quantisation table")
			}
		}
	}
	return nil
}

// scan decodes the entropy-coded data that starts at pos and returns
// where it ends. Progressive AC scans are not decoded at all: they only
// sharpen, and the next marker is found by scanning for 0xFF.
func (d *decoder) scan(b []byte, pos int) (int, error) {
	if d.f == nil {
		return 0, errors.New("jpegscale: SOS before SOF")
	}
	s, err := d.parseSOS(b)
	if err != nil {
		return 0, err
	}
	if d.f.progressive && s.ss > 0 {
		return skipEntropy(d.data, pos), nil
	}
	if err := d.check(s); err != nil {
		return 0, err
	}
	pos, err = d.decodeMCUs(s, pos)
	for _, sc := range s.comps {
		sc.c.done = true
	}
	return pos, err
}

// decodeMCUs walks the scan's MCUs in raster order (T.81 A.2), handling
// restart markers between intervals.
func (d *decoder) decodeMCUs(s *scan, pos int) (int, error) {
	r := &bitReader{data: d.data, pos: pos}
	mx, my := d.f.mcusX, d.f.mcusY
	if len(s.comps) == 1 {
		mx, my = s.comps[0].c.bx, s.comps[0].c.by
	}
	d.resetPredictors(s)
	left, rst := d.restart, 0
	for y := range my {
		for x := range mx {
			if d.restart > 0 {
				if left == 0 {
					if err := d.nextInterval(r, rst, s); err != nil {
						return 0, err
					}
					left, rst = d.restart, rst+1
				}
				left--
			}
			if err := decodeMCU(r, s, x, y); err != nil {
				return 0, err
			}
			if r.overrun() {
				return 0, fmt.Errorf("jpegscale: scan ends early: %w", errTruncated)
			}
		}
	}
	return r.pos, nil
}

func (d *decoder) resetPredictors(s *scan) {
	for _, sc := range s.comps {
		sc.c.pred = 0
	}
}

// nextInterval expects RSTn (n = count mod 8) where the data stands and
// starts the next interval after it (T.81 E.2.4).
func (d *decoder) nextInterval(r *bitReader, count int, s *scan) error {
	if r.overrun() {
		return fmt.Errorf("jpegscale: restart interval ends early: %w", errTruncated)
	}
	m, next, ok := findMarker(d.data, r.pos)
	if !ok || m != 0xD0+byte(count&7) {
		return errors.New("jpegscale: corrupt data: missing restart marker")
	}
	r.restartAt(next)
	d.resetPredictors(s)
	return nil
}

// decodeMCU reads one MCU's blocks for every component of the scan.
func decodeMCU(r *bitReader, s *scan, x, y int) error {
	for i := range s.comps {
		sc := &s.comps[i]
		c := sc.c
		for v := range sc.v {
			row := c.dc[(y*sc.v+v)*c.bw+x*sc.h:]
			for h := range sc.h {
				if err := decodeBlock(r, s, sc, &row[h]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// decodeBlock stores a block's DC coefficient in *dc and skips its AC
// coefficients, or adds one refinement bit in a progressive DC scan.
func decodeBlock(r *bitReader, s *scan, sc *scanComp, dc *int32) error {
	if s.ah != 0 {
		*dc |= int32(r.bits(1)) << s.al
		return nil
	}
	size, err := sc.dc.decode(r)
	if err != nil {
		return err
	}
	if size > 11 {
		return errors.New("jpegscale: corrupt data: DC difference too large")
	}
	sc.c.pred += extend(r.bits(uint(size)), uint(size))
	*dc = sc.c.pred << s.al
	if s.se == 0 {
		return nil
	}
	return skipAC(r, sc.ac)
}
