package audio

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/loudness"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/scratch"
	"github.com/belgi-kz/belgi/internal/wav"
)

// encodeWith writes p as a temporary 32-bit float WAV and
// has ffmpeg encode it to out with codec args, so a notice goes into the
// same codec, rate and channels as the programme it joins.
func encodeWith(ctx context.Context, p *pcm.PCM, out string, codec []string) error {
	src := out + ".notice.wav"
	var b bytes.Buffer
	if err := wav.Write(&b, wav.NewFormat(wav.TagFloat, 32, p.Rate, p.Channels), p); err != nil {
		return err
	}
	if err := os.WriteFile(src, b.Bytes(), 0o600); err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	defer os.Remove(src)
	args := append([]string{"-nostdin", "-v", "error", "-y", "-i", ffmpeg.SafePath(src)}, codec...)
	_, err := ffmpeg.Run(ctx, "ffmpeg", append(args, ffmpeg.SafePath(out))...)
	if err != nil {
		return fmt.Errorf("audio: encoding the notice: %w", err)
	}
	return nil
}

// measure decodes a programme with ffmpeg and returns its integrated
// loudness, reporting progress up to half of duration (seconds).
// It also returns the number of sample frames decoded.
func measure(ctx context.Context, path string, rate, channels int, duration float64, progress func(float64)) (float64, int64, error) {
	return measureAt(ctx, path, rate, channels, false, duration, progress)
}

// measureAt is measure, resampling to rate when resample is set.
func measureAt(ctx context.Context, path string, rate, channels int, resample bool, duration float64, progress func(float64)) (float64, int64, error) {
	m := loudness.New(rate, channels)
	var done int64
	opts := ffmpeg.DecodeOptions{Channels: channels}
	if resample {
		opts.Rate = rate
	}
	err := ffmpeg.Decode(ctx, path, opts, func(s []float32) error {
		m.Write(s)
		done += int64(len(s) / channels)
		if duration > 0 {
			progress(min(0.5, 0.5*float64(done)/float64(rate)/duration))
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("audio: measuring loudness: %w", err)
	}
	return m.Integrated(), done, nil
}

// tempDir makes a private working folder beside the output, so large
// intermediate files stay on the output's disk.
func tempDir(out string) (string, error) {
	d, err := scratch.Dir(filepath.Dir(out), "audio")
	if err != nil {
		return "", fmt.Errorf("audio: %w", err)
	}
	return d, nil
}
