package audio

import (
	"context"
	"fmt"
	"os"

	"github.com/belgi-kz/belgi/internal/mp3"
)

// readBack proves a labeled MP3 whole: its frames walk cleanly to the
// end, as many as were written, under a header frame that counts them;
// and ffmpeg decodes it without an error to that many samples, less
// what the LAME tag says to trim, within one frame.
func (s *mp3Source) readBack(ctx context.Context, path, src string, j mp3Join) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	b = b[min(len(b), mp3.TagSize(b)) : len(b)-len(s.v1)-len(s.trailer)]
	st, err := mp3.Scan(b)
	switch {
	case err != nil:
		return fmt.Errorf("audio: the labeled copy does not read back: %w", err)
	case len(st.Frames) != len(j.frames) || st.Info == nil || st.Info.Frames != len(j.frames):
		return fmt.Errorf("audio: the labeled copy holds %d frames, %d were written", len(st.Frames), len(j.frames))
	case st.Truncated() != "":
		return fmt.Errorf("audio: the labeled copy is damaged: %s", st.Truncated())
	}
	spf := s.stream.First.SamplesPerFrame()
	want := len(j.frames) * spf
	if s.lame() != nil {
		want -= j.delay + j.padding
	}
	n64, err := decodedFrames(ctx, path, src, s.stream.First.Channels())
	n := int(n64)
	if err != nil {
		return fmt.Errorf("audio: the labeled copy does not decode: %w", err)
	}
	if d := n - want; d > spf || d < -spf {
		return fmt.Errorf("audio: the labeled copy decodes to %d samples, expected %d", n, want)
	}
	return nil
}
