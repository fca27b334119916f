package ffmpeg

import (
	"context"
	"github.com/belgi-kz/belgi/internal/scratch"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Speak synthesizes text with espeak-ng in the given voice ("kk", "ru",
// "en") at words per minute, and returns a WAV file's bytes (espeak-ng
// writes 22,050 Hz mono 16-bit). The text goes in on standard input, so
// whatever the text says it can never become an option.
func Speak(ctx context.Context, voice string, wpm int, text string) ([]byte, error) {
	dir, err := scratch.Dir("", "speak")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "speech.wav")
	if err := Pipe(ctx, strings.NewReader(text), nil, "espeak-ng",
		"-v", voice, "-s", strconv.Itoa(wpm), "-w", out); err != nil {
		return nil, err
	}
	return os.ReadFile(out)
}
