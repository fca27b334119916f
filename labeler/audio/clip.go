package audio

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/flac"
	"github.com/gopxl/beep/v2/mp3"
	"github.com/gopxl/beep/v2/vorbis"

	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
)

// maxClip bounds a custom notice recording: a notice longer than a minute
// is a programme, and the bound keeps a mistaken choice from filling
// memory.
const maxClipSeconds = 60

// decodeClip reads a user's notice recording (WAV, MP3, FLAC, Ogg Vorbis)
// in pure Go, so custom recordings work without ffmpeg.
func decodeClip(ctx context.Context, path string) (*pcm.PCM, error) {
	name := filepath.Base(path)
	if strings.EqualFold(filepath.Ext(path), ".wav") {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("audio: notice recording: %w", err)
		}
		p, err := wav.Decode(b)
		if err != nil {
			return nil, fmt.Errorf("audio: notice recording %s: %w", name, err)
		}
		return p, checkClip(p, name)
	}
	p, err := decodeBeep(path)
	if err != nil {
		return nil, fmt.Errorf("audio: notice recording %s: %w", name, err)
	}
	return p, checkClip(p, name)
}

func checkClip(p *pcm.PCM, name string) error {
	if p.Frames() > maxClipSeconds*p.Rate {
		return fmt.Errorf("audio: notice recording %s is %.0f s long: keep a notice under %d s", name, p.Duration().Seconds(), maxClipSeconds)
	}
	return nil
}

// decodeBeep decodes MP3, FLAC or Ogg Vorbis with beep's pure-Go decoders.
func decodeBeep(path string) (*pcm.PCM, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var s beep.StreamSeekCloser
	var format beep.Format
	switch strings.ToLower(filepath.Ext(path)) {
	case ".mp3":
		s, format, err = mp3.Decode(f)
	case ".flac":
		s, format, err = flac.Decode(f)
	default:
		s, format, err = vorbis.Decode(f)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	defer s.Close()
	return drain(s, format)
}

// drain reads a beep stream (always two channels) into PCM, keeping one
// channel when the source was mono.
func drain(s beep.Streamer, format beep.Format) (*pcm.PCM, error) {
	ch := min(2, max(1, format.NumChannels))
	p := &pcm.PCM{Rate: int(format.SampleRate), Channels: ch}
	buf := make([][2]float64, 4096)
	limit := (maxClipSeconds + 1) * p.Rate
	for p.Frames() <= limit {
		n, ok := s.Stream(buf)
		for _, fr := range buf[:n] {
			p.Samples = append(p.Samples, float32(fr[0]))
			if ch == 2 {
				p.Samples = append(p.Samples, float32(fr[1]))
			}
		}
		if !ok {
			break
		}
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	return p, nil
}
