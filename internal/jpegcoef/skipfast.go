package jpegcoef

import "encoding/binary"

// maxBlockBytes bounds the data one block of a sequential scan can take:
// a DC code and magnitude (16+11 bits) and 63 AC codes with magnitudes
// (16+10 bits each), three ZRLs and an EOB.
const maxBlockBytes = (27 + 63*26 + 4*16 + 7) / 8

// skipPart is one part of a unit with everything the fused loop needs.
type skipPart struct {
	dc       *decTable
	skip     *skipTable
	ac       *decTable
	sc, comp int
	dy, dx   int
	h, v, bw int
}

// skipParts lays out g's parts for skipFast (at most 10 of them).
func skipParts(g *grid, t *tables, f *Frame, ps *[10]skipPart) []skipPart {
	parts := ps[:len(g.parts)]
	for j, p := range g.parts {
		parts[j] = skipPart{dc: t.dc[p.sc], skip: t.skip[p.sc], ac: t.ac[p.sc], sc: p.sc, comp: p.comp,
			dy: p.dy, dx: p.dx, h: p.h, v: p.v}
		if f != nil {
			parts[j].bw = f.Comps[p.comp].BW
		}
	}
	return parts
}

// skipFast steps over up to n units from u, as skipUnits does, and
// returns how many it did: it stops early only when the data left is
// short enough that a unit might read past it, which the careful path
// (skipUnit) handles. It is the hot loop of the splicer's first pass
// and of Check: DC and AC decoding fused, the bit accumulator in
// registers across blocks, an unconditional 8-byte refill per lookup
// (no end-of-data test: the loop runs only where a whole unit fits).
func (r *reader) skipFast(parts []skipPart, nx, u, n int, pred *[4]int32, dc [][]int32) (int, error) {
	buf := r.buf
	safe := len(buf) - 8 - maxBlockBytes*len(parts)
	acc, nb, pos := r.acc, r.n, r.pos
	ux, uy := u%nx, u/nx
	done := 0
	for ; done < n && pos < safe; done++ {
		for j := range parts {
			p := &parts[j]
			acc |= binary.BigEndian.Uint64(buf[pos:]) >> (nb & 63)
			pos += int(63-nb) >> 3
			nb |= 56
			var d int32
			if e := p.dc.look[acc>>(64-lookBits)]; e != 0 && e&0xFF <= 11 {
				l, s := uint(e>>8), uint(e&0xFF)
				d = int32(acc << (l & 63) >> 32 >> ((32 - s) & 63))
				// Sign extension without a branch, which would
				// mispredict half the time: if d < 2^(s-1), d += 1-2^s
				// (for s = 0 both shifts give 0 and d stays 0).
				d += (d - 1<<(s-1)) >> 31 & (-1<<s + 1)
				acc <<= (l + s) & 63
				nb -= l + s
			} else {
				r.acc, r.n, r.pos = acc, nb, pos
				var err error
				if d, err = r.dcDiff(p.dc); err != nil {
					return done, err
				}
				acc, nb, pos = r.acc, r.n, r.pos
			}
			pred[p.sc] += d
			if dc != nil {
				dc[p.comp][(uy*p.v+p.dy)*p.bw+ux*p.h+p.dx] = pred[p.sc]
			}
			k, skip := uint(1), p.skip
			for {
				acc |= binary.BigEndian.Uint64(buf[pos:]) >> (nb & 63)
				pos += int(63-nb) >> 3
				nb |= 56
				e := uint(skip[acc>>(64-skipBits)])
				adv := e & 0x7F
				if e == 0 || k+adv+(e>>12&1) > 64 {
					// A long code, or several symbols crossing the block's end.
					r.acc, r.n, r.pos = acc, nb, pos
					step, _, err := r.acStep(p.ac)
					if err != nil {
						return done, err
					}
					acc, nb, pos = r.acc, r.n, r.pos
					if k += step; step == 0 || k >= 64 {
						break
					}
					continue
				}
				b := e >> 7 & 31
				acc <<= b & 63
				nb -= b
				k += adv
				if e&skipEOB != 0 || k >= 64 {
					break
				}
			}
			if k > 64 {
				return done, corrupt("AC run past the end of a block")
			}
		}
		if ux++; ux == nx {
			ux, uy = 0, uy+1
		}
	}
	r.acc, r.n, r.pos = acc, nb, pos
	return done, nil
}
