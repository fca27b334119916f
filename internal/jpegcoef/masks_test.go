package jpegcoef

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
)

// refineRef is refineUpTo as T.81 G.1.2.3 says it, position by position.
func refineRef(r *reader, blk []int16, k, se, run int, p1, m1 int16) int {
	for ; k <= se; k++ {
		switch {
		case blk[k] != 0:
			r.correct(&blk[k], p1, m1)
		case run == 0:
			return k
		default:
			run--
		}
	}
	return k
}

// TestRefineUpToFollowsT81: the mask's shortcut reads the same
// correction bits into the same coefficients and stops at the same
// place as the position-by-position procedure, for any band, run and
// block.
func TestRefineUpToFollowsT81(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	bits := make([]byte, 64)
	for i := range 20000 {
		for j := range bits {
			bits[j] = byte(rng.Uint32())
		}
		var blk [64]int16
		for k := range blk {
			if rng.IntN(4) == 0 {
				blk[k] = int16(rng.IntN(9)-4) << 1
			}
		}
		ss := 1 + rng.IntN(63)
		se := ss + rng.IntN(64-ss)
		k := ss + rng.IntN(se-ss+2) - 1
		run := rng.IntN(20)
		if i%3 == 0 {
			run = se + 1 // after an end-of-band run
		}
		a, b := blk, blk
		ra, rb := &reader{buf: bits}, &reader{buf: bits}
		ka := refineRef(ra, a[:], k, se, run, 2, -2)
		kb := rb.refineUpTo(b[:], maskOf(b[:]), k, se, run, 2, -2)
		if ka != kb || a != b || ra.bitpos() != rb.bitpos() {
			t.Fatalf("k %d se %d run %d: stops at %d / %d, read %d / %d bits, blocks equal %v",
				k, se, run, ka, kb, ra.bitpos(), rb.bitpos(), slices.Equal(a[:], b[:]))
		}
	}
}

// TestMasksAloneProveProgressive: decoding a progressive file with its
// values and with masks alone (as Check does) accepts and refuses the
// same data, and ends with the same masks, intact or damaged.
func TestMasksAloneProveProgressive(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, fx := range jpegtest.Progressive {
		data := fx.Make(t)
		if data == nil {
			continue
		}
		for trial := range 40 {
			d := slices.Clone(data)
			if trial > 0 {
				f, _ := Parse(d)
				s := f.Scans[rng.IntN(len(f.Scans))]
				if s.End > s.Start {
					d[s.Start+rng.IntN(s.End-s.Start)] ^= 1 << rng.IntN(8)
				}
			}
			f, err := Parse(d)
			if err != nil {
				continue
			}
			a, aerr := decodeAll(f, true, true)
			b, berr := decodeAll(f, true, false)
			if (aerr == nil) != (berr == nil) {
				t.Fatalf("%s, trial %d: with values %v, masks alone %v", fx.Name, trial, aerr, berr)
			}
			for i := range a {
				for j := range a[i].nz {
					if a[i].nz[j]&^1 != b[i].nz[j]&^1 {
						t.Fatalf("%s, trial %d: component %d block %d masks differ", fx.Name, trial, i, j)
					}
				}
			}
		}
	}
}
