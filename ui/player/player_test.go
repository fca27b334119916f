//go:build cgo

package player

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/internal/pcm"
)

func tone() *pcm.PCM {
	p := pcm.New(22050, 1, 22050)
	for i := range p.Samples {
		p.Samples[i] = float32(i%50) / 100
	}
	return p
}

// TestNoDeviceNeverHangs runs where CI runs: no sound card. Probe must say
// so, and even when the probe is fooled, the watchdog must end playback
// with ErrNoDevice instead of waiting forever on a silent speaker.
func TestNoDeviceNeverHangs(t *testing.T) {
	if Probe() == nil {
		t.Skip("this machine has an audio output; the no-device path can't be tested here")
	}
	for _, tc := range []struct {
		name  string
		probe func() error
	}{
		{"probe", Probe},
		{"watchdog", func() error { return nil }},
	} {
		pl := &Player{probe: tc.probe, start: 500 * time.Millisecond}
		start := time.Now()
		err := pl.Play(context.Background(), tone())
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s: Play took %v", tc.name, took)
		}
		if err != nil && !errors.Is(err, ErrNoDevice) {
			t.Logf("%s: %v (bounded, not ErrNoDevice)", tc.name, err)
		}
		if err == nil {
			t.Errorf("%s: Play reported success with no device", tc.name)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct {
		in   []float32
		want [2]float64
	}{
		{[]float32{0.5}, [2]float64{0.5, 0.5}},
		{[]float32{0.25, -0.25}, [2]float64{0.25, -0.25}},
		{[]float32{0, 0, 1, 1, 0, 0}, [2]float64{0.707, 0.707}},
	} {
		got := fold(tc.in)
		for i := range got {
			if d := got[i] - tc.want[i]; d > 1e-3 || d < -1e-3 {
				t.Errorf("fold(%v) = %v, want %v", tc.in, got, tc.want)
			}
		}
	}
}
