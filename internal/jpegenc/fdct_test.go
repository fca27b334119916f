package jpegenc

import (
	"math"
	"math/rand/v2"
	"testing"
)

// naiveDCT is T.81 A.3.3's definition, evaluated directly in float64.
func naiveDCT(in *[64]float64) (out [64]float64) {
	cu := func(u int) float64 {
		if u == 0 {
			return 1 / math.Sqrt2
		}
		return 1
	}
	for v := range 8 {
		for u := range 8 {
			var s float64
			for y := range 8 {
				for x := range 8 {
					s += in[y*8+x] * math.Cos(float64(2*x+1)*float64(u)*math.Pi/16) *
						math.Cos(float64(2*y+1)*float64(v)*math.Pi/16)
				}
			}
			out[v*8+u] = s * cu(u) * cu(v) / 4
		}
	}
	return out
}

// TestQuantizeMatchesDefinition runs fdct+quantize with an all-ones table
// and checks every coefficient against the rounded definition, so a wrong
// AAN constant, output slot or scale factor fails here.
func TestQuantizeMatchesDefinition(t *testing.T) {
	var ones [64]uint16
	for i := range ones {
		ones[i] = 1
	}
	recip := reciprocals(&ones)
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 200 {
		var ref [64]float64
		var src [64]byte
		for i := range src {
			s := rng.IntN(256)
			if trial == 0 {
				s = 0 // extreme DC
			}
			ref[i], src[i] = float64(s-128), byte(s)
		}
		want := naiveDCT(&ref)
		var blk [64]float32
		fdct(&blk, &src)
		blk[0] -= levelShiftDC
		var got [64]int32
		mask := quantize(&blk, &recip, &got)
		for k := range 64 {
			w := want[zigzag[k]]
			if math.Abs(float64(got[k])-w) > 0.51 {
				t.Fatalf("trial %d: coefficient %d = %d, definition %.3f", trial, k, got[k], w)
			}
			if (mask>>k&1 == 1) != (got[k] != 0) {
				t.Fatalf("trial %d: mask bit %d wrong for %d", trial, k, got[k])
			}
		}
	}
}
