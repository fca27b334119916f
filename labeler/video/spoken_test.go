package video

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
)

// TestWAVLength: the notice's length is read from the WAV we wrote,
// as ffprobe states it (data bytes over bytes per second).
func TestWAVLength(t *testing.T) {
	for _, c := range []struct {
		rate, channels, frames int
		want                   time.Duration
	}{
		{48000, 2, 48000 * 3, 3 * time.Second},
		{22050, 1, 11025, 500 * time.Millisecond},
		{44100, 6, 441, 10 * time.Millisecond},
	} {
		var b bytes.Buffer
		if err := wav.Write(&b, wav.PCM16(c.rate, c.channels), pcm.New(c.rate, c.channels, c.frames)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "notice.wav")
		os.WriteFile(path, b.Bytes(), 0o600)
		if got, err := wavLength(path); err != nil || got != c.want {
			t.Errorf("%+v: got %v, %v", c, got, err)
		}
	}
	path := filepath.Join(t.TempDir(), "empty.wav")
	os.WriteFile(path, nil, 0o600)
	if _, err := wavLength(path); err == nil {
		t.Error("an empty file has a length")
	}
}
