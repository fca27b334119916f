package loudness

import (
	"math"
)

// Silence is what Integrated reports when every block is gated out.
var Silence = math.Inf(-1)

// biquad is one second-order IIR section in direct form I.
type biquad struct {
	b0, b1, b2, a1, a2 float64
}

// kWeighting returns the two K-weighting stages for a sample rate. The
// analogue prototypes (shelf at about 1682 Hz, +4 dB; high-pass at about
// 38 Hz) are mapped with the bilinear transform, which reproduces the
// coefficients BS.1770 tabulates for 48 kHz and extends them to any rate.
func kWeighting(rate float64) [2]biquad {
	k := math.Tan(math.Pi * 1681.974450955533 / rate)
	q := 0.7071752369554196
	vh := math.Pow(10, 3.999843853973347/20)
	vb := math.Pow(vh, 0.4996667741545416)
	a0 := 1 + k/q + k*k
	shelf := biquad{
		b0: (vh + vb*k/q + k*k) / a0,
		b1: 2 * (k*k - vh) / a0,
		b2: (vh - vb*k/q + k*k) / a0,
		a1: 2 * (k*k - 1) / a0,
		a2: (1 - k/q + k*k) / a0,
	}
	k = math.Tan(math.Pi * 38.13547087602444 / rate)
	q = 0.5003270373238773
	a0 = 1 + k/q + k*k
	highpass := biquad{b0: 1, b1: -2, b2: 1, a1: 2 * (k*k - 1) / a0, a2: (1 - k/q + k*k) / a0}
	return [2]biquad{shelf, highpass}
}

// state is a biquad's memory for one channel.
type state struct{ x1, x2, y1, y2 float64 }

// Weight is a channel's BS.1770 weight for a layout of n channels in
// WAV/ffmpeg order: surrounds count 1.41 (+1.5 dB), the LFE not at all.
func Weight(channel, n int) float64 {
	if n < 6 {
		return 1
	}
	switch channel {
	case 3:
		return 0 // LFE
	case 4, 5:
		return 1.41
	}
	return 1
}

// Meter accumulates K-weighted energy. The zero value is not usable: call
// New.
type Meter struct {
	channels int
	hop      int // frames per 100 ms
	filters  [2]biquad
	states   [][2]state
	weights  []float64
	acc      float64   // weighted energy of the current hop
	inHop    int       // frames in the current hop so far
	hops     []float64 // mean weighted energy per completed hop
}

// New returns a meter for interleaved audio at rate with channels.
func New(rate, channels int) *Meter {
	m := &Meter{channels: channels, hop: max(1, rate/10), filters: kWeighting(float64(rate))}
	m.states = make([][2]state, channels)
	m.weights = make([]float64, channels)
	for c := range channels {
		m.weights[c] = Weight(c, channels)
	}
	return m
}

// Write feeds interleaved frames; a trailing partial frame is ignored.
// It works a hop (100 ms) and a channel at a time so the filter state
// lives in registers: an hour of stereo is measured in about two seconds.
func (m *Meter) Write(samples []float32) {
	n := len(samples) / m.channels
	for from := 0; from < n; {
		to := min(n, from+m.hop-m.inHop)
		for c, w := range m.weights {
			if w != 0 {
				m.acc += w * m.filter(c, samples, from, to)
			}
		}
		m.inHop += to - from
		from = to
		if m.inHop == m.hop {
			m.hops = append(m.hops, m.acc/float64(m.hop))
			m.acc, m.inHop = 0, 0
		}
	}
}

// filter runs channel c of frames [from, to) through both K-weighting
// stages and returns the sum of squares of the result.
func (m *Meter) filter(c int, samples []float32, from, to int) float64 {
	a, b := m.filters[0], m.filters[1]
	sa, sb := m.states[c][0], m.states[c][1]
	var e float64
	for i := from*m.channels + c; i < to*m.channels; i += m.channels {
		x := float64(samples[i])
		y := a.b0*x + a.b1*sa.x1 + a.b2*sa.x2 - a.a1*sa.y1 - a.a2*sa.y2
		sa.x2, sa.x1, sa.y2, sa.y1 = sa.x1, x, sa.y1, y
		z := b.b0*y + b.b1*sb.x1 + b.b2*sb.x2 - b.a1*sb.y1 - b.a2*sb.y2
		sb.x2, sb.x1, sb.y2, sb.y1 = sb.x1, y, sb.y1, z
		e += z * z
	}
	m.states[c][0], m.states[c][1] = sa, sb
	return e
}

// Integrated returns the gated integrated loudness in LUFS, or Silence
// when the programme is shorter than one block or entirely below the
// absolute gate.
func (m *Meter) Integrated() float64 {
	var blocks []float64
	for i := 0; i+4 <= len(m.hops); i++ {
		blocks = append(blocks, (m.hops[i]+m.hops[i+1]+m.hops[i+2]+m.hops[i+3])/4)
	}
	abs := gatedMean(blocks, energy(-70))
	if abs == 0 {
		return Silence
	}
	rel := gatedMean(blocks, energy(lufs(abs)-10))
	if rel == 0 {
		return Silence
	}
	return lufs(rel)
}

// gatedMean averages the blocks above gate; 0 when none is.
func gatedMean(blocks []float64, gate float64) float64 {
	var sum float64
	var n int
	for _, b := range blocks {
		if b > gate {
			sum += b
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

func lufs(e float64) float64   { return -0.691 + 10*math.Log10(e) }
func energy(l float64) float64 { return math.Pow(10, (l+0.691)/10) }

// Integrated measures a whole buffer at once.
func Integrated(samples []float32, rate, channels int) float64 {
	m := New(rate, channels)
	m.Write(samples)
	return m.Integrated()
}
