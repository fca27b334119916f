package ffmpeg

import (
	"context"
	"os/exec"
	"testing"
)

func TestFirstPacketLead(t *testing.T) {
	cases := []struct {
		out        string
		rate, want int
	}{
		{"#tb 0: 1/44100\n#media_type 0: audio\n0,       -256,       -256,     1536,      557, 0x1\n0, 1280, 1280, 1536, 557, 0x2\n", 44100, 256},
		{"#tb 0: 1/48000\n0, 0, 0, 1024, 10, 0x1\n", 48000, 0},
		{"#tb 0: 1/1000\n0, -21, -21, 21, 10, 0x1\n", 48000, 1008}, // 21 ms
		{"nothing here", 48000, 0},
	}
	for _, c := range cases {
		if got := firstPacketLead([]byte(c.out), c.rate); got != c.want {
			t.Errorf("%q: %d, want %d", c.out, got, c.want)
		}
	}
}

// TestPriming asks this ffmpeg: its AC-3 and AAC encoders prime, FLAC
// does not.
func TestPriming(t *testing.T) {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip("ffmpeg is not installed")
	}
	ctx := context.Background()
	if n := Priming(ctx, []string{"-c:a", "ac3", "-b:a", "96000"}, 44100, 2); n != 256 {
		t.Errorf("AC-3 primes %d samples, want 256", n)
	}
	if n := Priming(ctx, []string{"-c:a", "aac"}, 48000, 1); n != 1024 {
		t.Errorf("AAC primes %d samples, want 1024", n)
	}
	if n := Priming(ctx, []string{"-c:a", "flac"}, 48000, 2); n != 0 {
		t.Errorf("FLAC primes %d samples", n)
	}
}
