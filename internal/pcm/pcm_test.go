package pcm

import (
	"math"
	"testing"
	"time"
)

func sine(rate, channels int, freq, amp float64, d time.Duration) *PCM {
	p := New(rate, channels, int(d.Seconds()*float64(rate)))
	for f := range p.Frames() {
		v := float32(amp * math.Sin(2*math.Pi*freq*float64(f)/float64(rate)))
		for c := range channels {
			p.Samples[f*channels+c] = v
		}
	}
	return p
}

// rms of channel 0, skipping the edges where the kernel sees zeros.
func rms(p *PCM) float64 {
	var sum float64
	from, to := p.Frames()/10, p.Frames()*9/10
	for f := from; f < to; f++ {
		v := float64(p.Samples[f*p.Channels])
		sum += v * v
	}
	return math.Sqrt(sum / float64(to-from))
}

func TestResampleKeepsToneAndLength(t *testing.T) {
	for _, tc := range []struct {
		from, to int
		freq     float64
	}{
		{22050, 8000, 1000}, {22050, 16000, 440}, {22050, 44100, 1000}, {22050, 48000, 3000},
		{22050, 96000, 5000}, {48000, 44100, 10000}, {44100, 22050, 1000},
	} {
		in := sine(tc.from, 1, tc.freq, 0.5, time.Second)
		out, err := in.Resample(tc.to)
		if err != nil {
			t.Fatal(err)
		}
		if out.Rate != tc.to || out.Frames() != tc.to {
			t.Errorf("%d→%d: %d frames at %d Hz, want %d", tc.from, tc.to, out.Frames(), out.Rate, tc.to)
		}
		if got, want := rms(out), 0.5/math.Sqrt2; math.Abs(got-want) > 0.01 {
			t.Errorf("%d→%d: rms %.4f, want %.4f", tc.from, tc.to, got, want)
		}
	}
}

func TestResampleRemovesAliases(t *testing.T) {
	// 10 kHz cannot exist at 8 kHz; it must vanish, not fold to 2 kHz.
	out, err := sine(22050, 1, 10000, 0.5, time.Second).Resample(8000)
	if err != nil {
		t.Fatal(err)
	}
	if r := rms(out); r > 0.005 {
		t.Errorf("aliased energy %.4f after downsampling", r)
	}
}

func TestSpreadLayouts(t *testing.T) {
	mono := &PCM{Rate: 8000, Channels: 1, Samples: []float32{0.5}}
	for _, tc := range []struct {
		n    int
		want []float32
	}{
		{1, []float32{0.5}},
		{2, []float32{0.5, 0.5}},
		{4, []float32{0.5, 0.5, 0, 0}},
		{6, []float32{0, 0, 0.5, 0, 0, 0}},
	} {
		p, err := mono.Spread(tc.n)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range tc.want {
			if p.Samples[i] != v {
				t.Errorf("%d channels: %v, want %v", tc.n, p.Samples, tc.want)
				break
			}
		}
	}
	if _, err := mono.Spread(0); err == nil {
		t.Error("0 channels accepted")
	}
}

func TestLimitKeepsCeiling(t *testing.T) {
	p := sine(48000, 2, 200, 2, 500*time.Millisecond)
	p.Limit(0.891, 5*time.Millisecond, 50*time.Millisecond)
	if pk := p.Peak(); pk > 0.8911 {
		t.Errorf("peak %.4f after limiting to 0.891", pk)
	}
}

func TestCueRhythm(t *testing.T) {
	c := Cue(8000)
	// ·− ··: marks 1+3+1+1 dots, gaps 1+3+1 dots: 11 dots in all.
	if got, want := c.Duration(), 11*cueDot; got != want {
		t.Errorf("cue lasts %v, want %v", got, want)
	}
}

func TestTrimAndFade(t *testing.T) {
	p := New(1000, 1, 300)
	for f := 100; f < 200; f++ {
		p.Samples[f] = 0.5
	}
	p.Trim(0.01, 10*time.Millisecond)
	if p.Frames() != 120 {
		t.Errorf("trimmed to %d frames, want 120", p.Frames())
	}
	p.Fade(20 * time.Millisecond)
	if p.Samples[0] != 0 || p.Samples[p.Frames()-1] == 0.5 {
		t.Errorf("fade left edges at %v and %v", p.Samples[0], p.Samples[p.Frames()-1])
	}
}

func BenchmarkResample22050To48000(b *testing.B) {
	p := sine(22050, 1, 440, 0.5, 5*time.Second)
	for b.Loop() {
		if _, err := p.Resample(48000); err != nil {
			b.Fatal(err)
		}
	}
}
