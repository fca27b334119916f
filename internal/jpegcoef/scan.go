package jpegcoef

import (
	"bytes"
	"slices"
)

// Scan is one SOS header, the tables it uses and where its
// entropy-coded data lies.
type Scan struct {
	Comps          []int   // indices in Frame.Comps, in scan order
	DC, AC         []*Huff // each scan component's tables; nil where unused
	Td, Ta         []int   // their slots, as the SOS header names them
	Ss, Se, Ah, Al int
	Restart        int // restart interval in MCUs, 0 for none
	Header         Seg
	Start, End     int // the entropy-coded data, Data[Start:End]
}

// Interleaved reports whether the scan's MCUs hold several components.
func (s *Scan) Interleaved() bool { return len(s.Comps) > 1 }

// parseScan reads an SOS header, checks it against the frame and the
// tables defined so far, and finds the end of the scan's data.
func (p *parser) parseScan(seg Seg, b []byte) (int, error) {
	f := &p.f.Frame
	if f.Marker == 0 {
		return 0, corrupt("scan before the frame header")
	}
	n := 0
	if len(b) > 0 {
		n = int(b[0])
	}
	if n < 1 || n > 4 || len(b) != 4+2*n {
		return 0, corrupt("bad SOS segment")
	}
	seg.Scan = len(p.f.Scans)
	s := Scan{Header: seg, Restart: p.restart, Start: seg.End,
		Ss: int(b[1+2*n]), Se: int(b[2+2*n]), Ah: int(b[3+2*n] >> 4), Al: int(b[3+2*n] & 15)}
	if err := p.scanComps(&s, b[1:1+2*n]); err != nil {
		return 0, err
	}
	if err := p.checkScan(&s); err != nil {
		return 0, err
	}
	s.End = ecsEnd(p.f.Data, s.Start)
	p.f.Scans = append(p.f.Scans, s)
	p.f.Segs = append(p.f.Segs, seg)
	return s.End, nil
}

// scanComps resolves each scan component and its table slots, and
// latches a component's quantisation table at its first scan.
func (p *parser) scanComps(s *Scan, b []byte) error {
	f := &p.f.Frame
	blocks := 0
	for i := 0; i < len(b); i += 2 {
		ci := -1
		for j := range f.Comps {
			if f.Comps[j].ID == b[i] {
				ci = j
			}
		}
		td, ta := b[i+1]>>4, b[i+1]&15
		if ci < 0 || td > 3 || ta > 3 || (len(s.Comps) > 0 && ci <= s.Comps[len(s.Comps)-1]) {
			return corrupt("bad SOS segment: unknown, repeated or misordered component")
		}
		c := &f.Comps[ci]
		if c.Q == nil {
			if c.Q = p.q[c.Tq]; c.Q == nil {
				return corrupt("component %d uses an undefined quantisation table", c.ID)
			}
		}
		s.Comps = append(s.Comps, ci)
		s.DC, s.AC = append(s.DC, p.dc[td]), append(s.AC, p.ac[ta])
		s.Td, s.Ta = append(s.Td, int(td)), append(s.Ta, int(ta))
		blocks += c.H * c.V
	}
	if len(s.Comps) > 1 && blocks > 10 {
		return corrupt("bad SOS segment: %d blocks per MCU", blocks)
	}
	return nil
}

// checkScan applies T.81's rules for the scan parameters (G.1.1.1.1 for
// progressive) and checks that the tables the scan needs exist.
func (p *parser) checkScan(s *Scan) error {
	if !p.f.Frame.Progressive() {
		if s.Ss != 0 || s.Se != 63 || s.Ah != 0 || s.Al != 0 {
			return corrupt("bad sequential scan parameters")
		}
	} else if s.Ss > s.Se || s.Se > 63 || (s.Ss == 0) != (s.Se == 0) || s.Al > 13 ||
		(s.Ah != 0 && s.Ah != s.Al+1) || (s.Ss > 0 && len(s.Comps) != 1) {
		return corrupt("bad progressive scan parameters")
	}
	for i := range s.Comps {
		if !s.needsDC() {
			s.DC[i] = nil
		} else if s.DC[i] == nil {
			return corrupt("scan uses an undefined Huffman table")
		} else if slices.Max(s.DC[i].Values) > 15 {
			// libjpeg refuses such a DC table ("Bogus Huffman table
			// definition") once a scan uses it, coded or not.
			return corrupt("DC Huffman table with a symbol over 15")
		}
		if s.Se == 0 {
			s.AC[i] = nil
		} else if s.AC[i] == nil {
			return corrupt("scan uses an undefined Huffman table")
		}
	}
	return nil
}

// needsDC: sequential scans and first DC scans code DC differences.
func (s *Scan) needsDC() bool { return s.Ss == 0 && s.Ah == 0 }

// ecsEnd returns where the entropy-coded data from pos ends: at the first
// 0xFF that is neither stuffing (0xFF00) nor a restart marker, 0xFF fill
// bytes before either counting as part of them (T.81 B.1.1.5, F.1.2.3).
// Inside a scan nothing else can occur, so this is not a marker search.
func ecsEnd(data []byte, pos int) int {
	for pos < len(data) {
		i := bytes.IndexByte(data[pos:], 0xFF)
		if i < 0 {
			break
		}
		q := pos + i + 1
		for q < len(data) && data[q] == 0xFF {
			q++
		}
		if q < len(data) && data[q] != 0 && (data[q] < 0xD0 || data[q] > 0xD7) {
			return pos + i
		}
		pos = q + 1
	}
	return len(data)
}
