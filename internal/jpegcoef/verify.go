package jpegcoef

import (
	"errors"
	"slices"
)

// Verify proves out whole, exactly as Check(out) would, for a file made
// of Encode's output with segments added before its first scan (the
// caller's metadata), at a fraction of Check's cost: it decodes only what
// Encode coded, not the bits it copied.
//
// Why that is Check's guarantee, for a sequential picture spliced with
// the source's tables (anything else is handed to Check itself):
//
//   - Out is parsed, and refused for stray bytes between segments or
//     after EOI, exactly as Check refuses them. Its frame must declare
//     the source's size and components and its scans the source's
//     components, restart interval and Huffman tables (codes and
//     symbols), so decoding a bit string in out's scan means what it
//     meant in the source's, unit for unit.
//   - Each scan's data is destuffed with Check's own code, which checks
//     the restart markers' order and number strictly.
//   - A restart interval, as Check decodes it, is a sequence of units
//     from the interval's first bit. Encode wrote each interval as pieces
//     in unit order: stretches of source bits copied, and runs of units it
//     coded. Verify walks the same pieces from the interval's first bit:
//   - a copied stretch must equal, bit for bit, the source bits it came
//     from. The first pass decoded those very bits as whole units with
//     no error and ending exactly there (it reads every interval of the
//     source; see readScan). A Huffman decoder's output is a function of
//     the bits it reads and of its position in a unit, not of what
//     follows, so Check decodes the same units from the same bits here;
//   - a coded run is decoded from out's bits, as Check would, and must
//     end exactly where Encode's writer says it ended, with the
//     coefficients Encode coded (a checksum of them);
//   - after the last piece fewer than 8 bits may remain before the next
//     marker: Check's strict end of interval.
//
// The decoders involved accept the same streams: the first pass and
// Check step over blocks with skipAC, coded runs are read back with
// blockFast; both refuse an invalid code, a magnitude over 10 bits and a
// run past the block's end, as the fuzz target FuzzSplice cross-checks.
// TestVerifyCatchesDamage corrupts outputs at random places and shows
// Verify refuses every one Check refuses.
func (p *Picture) Verify(out []byte) error {
	if p.f.Frame.Progressive() || p.recoded || !p.encoded {
		return Check(out)
	}
	f, err := Parse(out)
	if err != nil {
		return err
	}
	if f.Junk > 0 {
		return corrupt("%d stray bytes between segments", f.Junk)
	}
	if f.End != len(out) {
		return corrupt("%d bytes after the EOI marker", len(out)-f.End)
	}
	if err := p.sameLayout(f); err != nil {
		return err
	}
	var buf []byte
	for i, q := range p.seq {
		e, err := destuff(f, &f.Scans[i], buf)
		if err != nil {
			return err
		}
		if err := q.verify(f, &f.Scans[i], e); err != nil {
			return err
		}
		buf = e.buf
	}
	Recycle(buf)
	return nil
}

// errLayout: the output's frame or scans are not the source's.
var errLayout = errors.New("jpegcoef: the output's frame or scans differ from the source's")

// sameLayout checks that f's frame and scans decode as the source's.
func (p *Picture) sameLayout(f *File) error {
	a, b := &p.f.Frame, &f.Frame
	if a.Marker != b.Marker || a.Width != b.Width || a.Height != b.Height || len(a.Comps) != len(b.Comps) || len(f.Scans) != len(p.seq) {
		return errLayout
	}
	for i := range a.Comps {
		if a.Comps[i].ID != b.Comps[i].ID || a.Comps[i].H != b.Comps[i].H || a.Comps[i].V != b.Comps[i].V {
			return errLayout
		}
	}
	for i, q := range p.seq {
		s, o := q.s, &f.Scans[i]
		if s.Restart != o.Restart || !slices.Equal(s.Comps, o.Comps) {
			return errLayout
		}
		for j := range s.Comps {
			if !keepsCodes(s.DC[j], o.DC[j]) || !keepsCodes(s.AC[j], o.AC[j]) {
				return errLayout
			}
		}
	}
	return nil
}

// keepsCodes reports whether the output's table b gives each code of
// the source's table a to the same symbol, and is itself a prefix code:
// the source's bits then decode under b exactly as under a (a code b
// adds is no prefix of a's and has none of them as a prefix), which is
// what lets Verify trust copied bits. b is a itself, or a extended by
// extendKeeping, whose codes come first in b's canonical order.
func keepsCodes(a, b *Huff) bool {
	if a == nil || b == nil || !b.fits() || len(b.Values) < len(a.Values) {
		return false
	}
	type code struct {
		sym  byte
		bits uint32
		l    uint
	}
	var ca, cb []code
	a.canonical(func(s byte, c uint32, l uint) { ca = append(ca, code{s, c, l}) })
	b.canonical(func(s byte, c uint32, l uint) { cb = append(cb, code{s, c, l}) })
	return slices.Equal(ca, cb[:len(ca)])
}

// verify walks one output scan's intervals piece by piece, as Verify
// says; o is its destuffed data and s its header as parsed from out.
func (q *seqScan) verify(f *File, s *Scan, o *ecs) error {
	if err := o.fit(q.g.intervals(s.Restart), true); err != nil {
		return err
	}
	t := scanTables(s)
	r := &reader{buf: o.buf}
	k := 0
	for i := range o.ivs {
		pos, end, from := o.ivs[i].bit, o.ivalEnd(i), q.e.ivs[i].bit
		var err error
		for ; !q.kept[i] && k < len(q.runs) && q.runs[k].start < q.ends[i]; k++ {
			rn := &q.runs[k]
			if pos, err = q.sameAs(o, pos, end, from, rn.start); err != nil {
				return err
			}
			if pos, err = q.verifyRun(r, &t, rn, pos, end); err != nil {
				return err
			}
			from = rn.end
		}
		if pos, err = q.sameAs(o, pos, end, from, q.ends[i]); err != nil {
			return err
		}
		if end-pos >= 8 {
			return corrupt("%d stray bytes in the scan data", (end-pos)/8)
		}
	}
	return nil
}

// sameAs checks that out's bits from pos (before end) are the source's
// bits [from, to), and returns the position after them.
func (q *seqScan) sameAs(o *ecs, pos, end, from, to int) (int, error) {
	n := to - from
	if pos+n > end {
		return 0, corrupt("scan data ends early")
	}
	if !sameBits(o.buf, pos, q.e.buf, from, n) {
		return 0, corrupt("the output's scan data differs from the bits it copied")
	}
	return pos + n, nil
}

// verifyRun decodes a coded run from out's bits at pos, as Check would,
// and checks it ends where the writer ended it, with what it coded.
func (q *seqScan) verifyRun(r *reader, t *tables, rn *run, pos, end int) (int, error) {
	r.seek(pos)
	var sum uint64
	var blk [64]int16
	for u := rn.u0; u < rn.u1; u++ {
		for _, p := range q.g.parts {
			if err := r.blockFast(t.dc[p.sc], t.full[p.sc], t.ac[p.sc], &blk); err != nil {
				return 0, err
			}
			sum = sumBlock(sum, &blk, int32(blk[0]))
		}
	}
	if next := pos + rn.coded; r.bitpos() != next || next > end || sum != rn.sum {
		return 0, corrupt("the label's blocks do not read back as they were coded")
	}
	return pos + rn.coded, nil
}

// sumBlock folds a block's AC terms and its coded DC difference into a
// checksum: a polynomial hash with an odd multiplier over 64-bit words
// that pack the terms without loss, so any single changed term changes
// it. Four terms a word make the chain of multiplications, which wait
// on each other, a quarter as long.
func sumBlock(h uint64, blk *[64]int16, dcDiff int32) uint64 {
	const k = 0x9E3779B97F4A7C15
	h = h*k + (uint64(uint32(dcDiff)) | uint64(uint16(blk[1]))<<32 | uint64(uint16(blk[2]))<<48)
	for i := 3; i < 63; i += 4 {
		w := (*[4]int16)(blk[i:])
		h = h*k + (uint64(uint16(w[0])) | uint64(uint16(w[1]))<<16 | uint64(uint16(w[2]))<<32 | uint64(uint16(w[3]))<<48)
	}
	return h*k + uint64(uint16(blk[63]))
}
