//go:build cgo

package player

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/speaker"

	"github.com/belgi-kz/belgi/internal/pcm"
)

// outputRate is the one rate the speaker is opened at; sounds are
// resampled to it, because beep's speaker can be initialised only once.
const outputRate = beep.SampleRate(48000)

// Player plays one sound at a time. The zero value is not usable: call New.
type Player struct {
	mu      sync.Mutex
	inited  bool
	probe   func() error
	start   time.Duration // how long the device may take to pull samples
	playing context.CancelFunc
}

// New returns a player that probes the system's output devices.
func New() *Player {
	return &Player{probe: Probe, start: 1500 * time.Millisecond}
}

// Play plays p and returns when it has finished, when ctx is cancelled
// (nil), when Stop is called (nil), or with ErrNoDevice when no device
// plays it. It never blocks longer than p's duration plus a few seconds.
func (pl *Player) Play(ctx context.Context, p *pcm.PCM) error {
	if err := pl.open(); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	pl.replace(cancel)
	defer cancel()
	var pulled atomic.Int64
	done := make(chan struct{})
	src := &counter{s: stream(p), n: &pulled}
	speaker.Play(beep.Seq(beep.Resample(3, beep.SampleRate(p.Rate), outputRate, src), beep.Callback(func() { close(done) })))
	return pl.wait(ctx, done, &pulled, p.Duration())
}

// Stop ends the current playback, if any.
func (pl *Player) Stop() { pl.replace(nil) }

func (pl *Player) replace(cancel context.CancelFunc) {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	if pl.playing != nil {
		pl.playing()
	}
	pl.playing = cancel
}

func (pl *Player) open() error {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	if err := pl.probe(); err != nil {
		return err
	}
	if pl.inited {
		return nil
	}
	if err := speaker.Init(outputRate, outputRate.N(100*time.Millisecond)); err != nil {
		return fmt.Errorf("%w: %v", ErrNoDevice, err)
	}
	pl.inited = true
	return nil
}

// wait bounds a playback: the device must start pulling samples within
// pl.start, and finish within the sound's length plus a margin.
func (pl *Player) wait(ctx context.Context, done <-chan struct{}, pulled *atomic.Int64, length time.Duration) error {
	started := time.NewTimer(pl.start)
	defer started.Stop()
	deadline := time.NewTimer(length + pl.start + 2*time.Second)
	defer deadline.Stop()
	for {
		select {
		case <-done:
			return nil
		case <-ctx.Done():
			speaker.Clear()
			return nil
		case <-started.C:
			if pulled.Load() == 0 {
				speaker.Clear()
				return ErrNoDevice
			}
		case <-deadline.C:
			speaker.Clear()
			return fmt.Errorf("player: playback stalled after %d samples; is the audio output working?", pulled.Load())
		}
	}
}

// counter counts the frames the device pulls: proof that it plays.
type counter struct {
	s beep.Streamer
	n *atomic.Int64
}

func (c *counter) Stream(samples [][2]float64) (int, bool) {
	n, ok := c.s.Stream(samples)
	c.n.Add(int64(n))
	return n, ok
}

func (c *counter) Err() error { return c.s.Err() }

// stream turns PCM into beep's stereo frames: mono in both ears, more
// than two channels folded down (centre at -3 dB into both, LFE dropped,
// surrounds into their side).
func stream(p *pcm.PCM) beep.Streamer {
	pos := 0
	return beep.StreamerFunc(func(samples [][2]float64) (int, bool) {
		n := 0
		for ; n < len(samples) && pos < p.Frames(); n, pos = n+1, pos+1 {
			samples[n] = fold(p.Samples[pos*p.Channels : (pos+1)*p.Channels])
		}
		return n, n > 0
	})
}

func fold(f []float32) [2]float64 {
	switch len(f) {
	case 1:
		return [2]float64{float64(f[0]), float64(f[0])}
	case 2, 3, 4, 5:
		return [2]float64{float64(f[0]), float64(f[1])}
	}
	c := 0.707 * float64(f[2])
	return [2]float64{float64(f[0]) + c + 0.707*float64(f[4]), float64(f[1]) + c + 0.707*float64(f[5])}
}
