package pcm

import (
	"math"
	"time"
)

// The rhythm cue is Morse "AI" (·− ··): short-long-short-short, the audio
// pattern China's GB 45438-2025 suggests for AI content. A dot of 100 ms
// is slow enough to be heard as rhythm, not as a buzz.
const (
	cueDot  = 100 * time.Millisecond
	cueFreq = 880.0 // Hz: clear on phone speakers, away from speech formants
)

// Cue returns the rhythm cue as mono PCM at rate, peaking at 0.5.
func Cue(rate int) *PCM {
	p := &PCM{Rate: rate, Channels: 1}
	// ·− (A), letter gap, ·· (I): marks and the silences after them.
	steps := []struct{ on, off int }{{1, 1}, {3, 3}, {1, 1}, {1, 0}}
	for _, s := range steps {
		p.Samples = append(p.Samples, tone(rate, time.Duration(s.on)*cueDot)...)
		p.Silence(time.Duration(s.off) * cueDot)
	}
	return p
}

// tone is a sine burst with 5 ms raised-cosine edges (no clicks).
func tone(rate int, d time.Duration) []float32 {
	n := int(d.Seconds() * float64(rate))
	edge := rate / 200
	out := make([]float32, n)
	for i := range out {
		g := 1.0
		if k := min(i, n-1-i); k < edge {
			g = 0.5 - 0.5*math.Cos(math.Pi*float64(k)/float64(edge))
		}
		out[i] = float32(0.5 * g * math.Sin(2*math.Pi*cueFreq*float64(i)/float64(rate)))
	}
	return out
}
