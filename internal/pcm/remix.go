package pcm

import "fmt"

// ToMono averages all channels into one.
func (p *PCM) ToMono() *PCM {
	if p.Channels == 1 {
		return p.Clone()
	}
	out := New(p.Rate, 1, p.Frames())
	inv := 1 / float32(p.Channels)
	for f := range p.Frames() {
		var sum float32
		for c := range p.Channels {
			sum += p.Samples[f*p.Channels+c]
		}
		out.Samples[f] = sum * inv
	}
	return out
}

// Spread maps a mono signal onto a layout of n channels the way speech is
// placed in a mix: mono stays mono, stereo gets it in both channels, 5.1
// and larger layouts (WAV/ffmpeg order FL FR FC LFE BL BR) get it in the
// centre channel only, 3 and 4 channels in the front pair. Loudness is
// matched afterwards, so the layout decides placement, not level.
func (p *PCM) Spread(n int) (*PCM, error) {
	if p.Channels != 1 {
		return nil, fmt.Errorf("pcm: Spread needs mono, got %d channels", p.Channels)
	}
	if n < 1 || n > 32 {
		return nil, fmt.Errorf("pcm: %d channels is not a layout Belgi can map a notice to", n)
	}
	targets := []int{0, 1}
	switch {
	case n == 1:
		targets = []int{0}
	case n >= 6:
		targets = []int{2}
	}
	out := New(p.Rate, n, p.Frames())
	for f, s := range p.Samples {
		for _, c := range targets {
			out.Samples[f*n+c] = s
		}
	}
	return out, nil
}
