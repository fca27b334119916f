package jpegcoef

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestIDCTMatchesDefinition: the fast IDCT agrees with T.81 A.3.3's
// formula, evaluated in float64, within rounding.
func TestIDCTMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var q [64]uint16
	for i := range q {
		q[i] = uint16(1 + rng.IntN(30))
	}
	dq := newDequant(&q)
	for range 200 {
		blk := make([]int16, 64)
		for k := range 64 {
			if rng.IntN(3) == 0 {
				blk[k] = int16(rng.IntN(41) - 20)
			}
		}
		var got [64]byte
		idct(blk, dq, got[:], 8)
		want := directIDCT(blk, &q)
		for i := range 64 {
			if d := int(got[i]) - int(want[i]); d < -1 || d > 1 {
				t.Fatalf("sample %d: %d, definition says %d", i, got[i], want[i])
			}
		}
	}
}

func directIDCT(blk []int16, q *[64]uint16) [64]byte {
	var f [64]float64
	for k := range 64 {
		f[unzig[k]] = float64(blk[k]) * float64(q[unzig[k]])
	}
	var out [64]byte
	for y := range 8 {
		for x := range 8 {
			s := 0.0
			for v := range 8 {
				for u := range 8 {
					s += cu(u) * cu(v) * f[v*8+u] *
						math.Cos(float64(2*x+1)*float64(u)*math.Pi/16) *
						math.Cos(float64(2*y+1)*float64(v)*math.Pi/16)
				}
			}
			out[y*8+x] = byte(min(max(math.Round(s/4+128), 0), 255))
		}
	}
	return out
}

func cu(u int) float64 {
	if u == 0 {
		return 1 / math.Sqrt2
	}
	return 1
}
