package pcm

import (
	"math"
	"time"
)

// Limit keeps peaks at or below ceiling (linear) with a look-ahead
// limiter: the gain needed at each frame is held for the look-ahead time
// before the peak, so it dips before the peak arrives, then recovers over
// release. It returns how many frames it touched. Matching a notice to a
// loud programme can push speech peaks past full scale; hard clipping
// would distort the very words that must be understood.
func (p *PCM) Limit(ceiling float64, lookahead, release time.Duration) int {
	n := p.Frames()
	need := make([]float64, n)
	for f := range n {
		need[f] = 1
		for c := range p.Channels {
			if a := math.Abs(float64(p.Samples[f*p.Channels+c])); a > ceiling {
				need[f] = min(need[f], ceiling/a)
			}
		}
	}
	hold := max(1, p.FramesFor(lookahead))
	gain := holdMin(need, hold)
	rel := math.Exp(-1 / max(1, release.Seconds()*float64(p.Rate)))
	g, touched := 1.0, 0
	for f := range n {
		if gain[f] < g {
			g = gain[f]
		} else {
			g = gain[f] + (g-gain[f])*rel
		}
		if g < 1 {
			touched++
			for c := range p.Channels {
				p.Samples[f*p.Channels+c] *= float32(g)
			}
		}
	}
	return touched
}

// holdMin returns, for each index i, the minimum of v over [i, i+w]: the
// gain a frame needs so that any peak within the look-ahead is covered.
// A monotonic queue of candidate indices keeps it linear in len(v).
func holdMin(v []float64, w int) []float64 {
	out := make([]float64, len(v))
	var q []int // indices with increasing values, all within the window
	for i := len(v) - 1; i >= 0; i-- {
		for len(q) > 0 && v[q[len(q)-1]] >= v[i] {
			q = q[:len(q)-1]
		}
		q = append(q, i)
		if q[0] > i+w {
			q = q[1:]
		}
		out[i] = v[q[0]]
	}
	return out
}
