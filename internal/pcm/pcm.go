package pcm

import (
	"fmt"
	"math"
	"time"
)

// PCM is sound as interleaved frames: Samples[f*Channels+c] is channel c
// of frame f. Channel order follows WAV/ffmpeg (FL FR FC LFE BL BR).
type PCM struct {
	Rate     int // frames per second
	Channels int
	Samples  []float32
}

// New returns silence of the given length.
func New(rate, channels, frames int) *PCM {
	return &PCM{Rate: rate, Channels: channels, Samples: make([]float32, frames*channels)}
}

// Frames is the number of sample frames.
func (p *PCM) Frames() int {
	if p == nil || p.Channels == 0 {
		return 0
	}
	return len(p.Samples) / p.Channels
}

// Duration is the length in time.
func (p *PCM) Duration() time.Duration {
	if p == nil || p.Rate == 0 {
		return 0
	}
	return time.Duration(float64(p.Frames()) / float64(p.Rate) * float64(time.Second))
}

// FramesFor converts a duration to frames at the PCM's rate.
func (p *PCM) FramesFor(d time.Duration) int {
	return int(math.Round(d.Seconds() * float64(p.Rate)))
}

// Append adds q's frames after p's; both must share rate and channels.
func (p *PCM) Append(q *PCM) error {
	if q.Rate != p.Rate || q.Channels != p.Channels {
		return fmt.Errorf("pcm: can't join %d Hz × %d to %d Hz × %d", q.Rate, q.Channels, p.Rate, p.Channels)
	}
	p.Samples = append(p.Samples, q.Samples...)
	return nil
}

// Silence appends d of silence.
func (p *PCM) Silence(d time.Duration) {
	p.Samples = append(p.Samples, make([]float32, p.FramesFor(d)*p.Channels)...)
}

// Slice returns frames [from, to) sharing p's memory.
func (p *PCM) Slice(from, to int) *PCM {
	from, to = max(0, min(from, p.Frames())), max(0, min(to, p.Frames()))
	return &PCM{Rate: p.Rate, Channels: p.Channels, Samples: p.Samples[from*p.Channels : to*p.Channels]}
}

// Clone returns a deep copy.
func (p *PCM) Clone() *PCM {
	return &PCM{Rate: p.Rate, Channels: p.Channels, Samples: append([]float32(nil), p.Samples...)}
}

// Gain multiplies every sample by a factor given in decibels.
func (p *PCM) Gain(db float64) {
	g := float32(math.Pow(10, db/20))
	for i := range p.Samples {
		p.Samples[i] *= g
	}
}

// Peak is the largest absolute sample value.
func (p *PCM) Peak() float64 {
	var m float32
	for _, s := range p.Samples {
		m = max(m, s, -s)
	}
	return float64(m)
}

// Fade applies raised-cosine fades of length d at both ends, so the
// notice starts and stops without a click.
func (p *PCM) Fade(d time.Duration) {
	n := min(p.FramesFor(d), p.Frames()/2)
	last := p.Frames() - 1
	for f := range n {
		g := float32(0.5 - 0.5*math.Cos(math.Pi*float64(f)/float64(n)))
		for c := range p.Channels {
			p.Samples[f*p.Channels+c] *= g
			p.Samples[(last-f)*p.Channels+c] *= g
		}
	}
}

// Trim removes leading and trailing frames whose every channel stays
// below threshold (linear), keeping pad of context on each side.
// Synthesized and recorded clips carry uneven silence; trimming makes the
// gap before the programme the one the spec asked for.
func (p *PCM) Trim(threshold float64, pad time.Duration) {
	first, last := -1, -1
	for f := range p.Frames() {
		for c := range p.Channels {
			if math.Abs(float64(p.Samples[f*p.Channels+c])) >= threshold {
				if first < 0 {
					first = f
				}
				last = f
				break
			}
		}
	}
	if first < 0 {
		p.Samples = p.Samples[:0]
		return
	}
	k := p.FramesFor(pad)
	*p = *p.Slice(first-k, last+1+k)
}
