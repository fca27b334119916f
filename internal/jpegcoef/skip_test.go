package jpegcoef

import (
	"bytes"
	"image"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
)

// walk decodes n units of a sequential scan from bit 0 of buf with one
// of the block decoders, and returns where it stopped, the DC terms and
// whether it failed.
type walk func(r *reader, g *grid, t *tables, n int) ([]int32, error)

var walks = map[string]walk{
	"skipUnits (skipFast, skipUnit)": func(r *reader, g *grid, t *tables, n int) ([]int32, error) {
		var pred [4]int32
		var dcs []int32
		for u := range n { // unit by unit, so the DC terms can be compared
			if err := r.skipUnits(g, t, u, 1, &pred, nil, nil); err != nil {
				return dcs, err
			}
			dcs = append(dcs, pred[:len(t.dc)]...)
		}
		return dcs, nil
	},
	"blockFast": func(r *reader, g *grid, t *tables, n int) ([]int32, error) {
		return walkBlocks(r, g, t, n, func(p part, blk *[64]int16) error {
			return r.blockFast(t.dc[p.sc], t.full[p.sc], t.ac[p.sc], blk)
		})
	},
	"block (one symbol at a time)": func(r *reader, g *grid, t *tables, n int) ([]int32, error) {
		return walkBlocks(r, g, t, n, func(p part, blk *[64]int16) error {
			return r.block(t.dc[p.sc], t.ac[p.sc], blk)
		})
	},
}

func walkBlocks(r *reader, g *grid, t *tables, n int, dec func(part, *[64]int16) error) ([]int32, error) {
	var pred [4]int32
	var dcs []int32
	var blk [64]int16
	for range n {
		for _, p := range g.parts {
			if err := dec(p, &blk); err != nil {
				return dcs, err
			}
			pred[p.sc] += int32(blk[0])
		}
		dcs = append(dcs, pred[:len(t.dc)]...)
	}
	return dcs, nil
}

// TestSkipAgreesWithDecode: the fused skip loop, the one-lookup block
// decoder and the one-symbol decoder read the same units from the same
// bits, intact or damaged: the same DC terms, the same end, the same
// refusals. Verify's argument rests on it (copied bits were stepped over
// by the first, coded runs are read back by the second).
func TestSkipAgreesWithDecode(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	big := []jpegtest.Fixture{ // long enough for skipFast to run
		{Name: "jpegenc 420 640x480", Make: jpegtest.Enc(640, 480, image.YCbCrSubsampleRatio420, 92, 0)},
		{Name: "cjpeg optimized 444 400x300", Make: jpegtest.Cjpeg(400, 300, "-sample", "1x1", "-optimize", "-quality", "97")},
	}
	for _, fx := range append(big, jpegtest.Sequential...) {
		data := fx.Make(t)
		if data == nil {
			continue
		}
		f, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		s := &f.Scans[0]
		if s.Restart != 0 {
			continue // one interval: the walks read the whole scan
		}
		e, _ := destuff(f, s, nil)
		g, tb := f.Frame.grid(s), scanTables(s)
		for trial := range 60 {
			buf := bytes.Clone(e.buf)
			if trial > 0 { // damage: a few bits flipped
				for range 1 + rng.IntN(4) {
					buf[rng.IntN(len(buf))] ^= 1 << rng.IntN(8)
				}
			}
			var first string
			var want []int32
			var wantEnd int
			var wantErr bool
			for name, w := range walks {
				r := &reader{buf: buf}
				dcs, err := w(r, &g, &tb, g.units())
				if first == "" {
					first, want, wantEnd, wantErr = name, dcs, r.bitpos(), err != nil
					continue
				}
				if (err != nil) != wantErr || !slices.Equal(dcs, want) || (err == nil && r.bitpos() != wantEnd) {
					t.Fatalf("%s, trial %d: %s and %s disagree (errors %v / %v, %d / %d DC terms, end %d / %d)",
						fx.Name, trial, first, name, wantErr, err, len(want), len(dcs), wantEnd, r.bitpos())
				}
			}
		}
	}
}
