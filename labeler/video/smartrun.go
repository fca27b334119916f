package video

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// encodeVideo writes the labeled video: smartly when the label covers only
// the start and the source can be matched, whole otherwise. The notes
// say which, and why.
func encodeVideo(ctx context.Context, p *plan, dir string, progress func(float64)) ([]string, error) {
	s, note, err := planSmart(ctx, p, dir)
	if err != nil {
		return nil, err
	}
	if s != nil {
		err = s.run(ctx, progress)
		if err == nil {
			return s.notes(), nil
		}
		if !errors.Is(err, errFallback) || ctx.Err() != nil {
			return nil, err
		}
		note = fallbackNote(strings.TrimPrefix(err.Error(), errFallback.Error()+": "))
		p.soundFromStart = false
	}
	var notes []string
	if note != "" {
		notes = append(notes, note)
	}
	report := func(f float64) { progress(encodeFrom + (encodeTo-encodeFrom)*f) }
	if p.mix == nil {
		return notes, ffmpeg.RunProgress(ctx, p.total(), report, p.args()...)
	}
	err = ffmpeg.RunProgressFed(ctx, p.mix, p.total(), report, p.args()...)
	if errors.Is(err, ffmpeg.ErrFeed) {
		err = fmt.Errorf("mixing the notice into the sound: %w", err)
	}
	return notes, err
}

// notes are the remarks a smart render leaves in the result.
func (s *smart) notes() []string {
	out := []string{s.describe()}
	if e := s.p.spec.Video.Encoder; e != "" && e != labeler.EncoderSoftware {
		out = append(out, "the labeled start was encoded in software, to match the source's own encoding ("+e+" is used for full renders)")
	}
	if s.audio.note != "" {
		out = append(out, s.audio.note)
	}
	return out
}

// describe says what was copied, for the result's notes.
func (s *smart) describe() string {
	var b strings.Builder
	if s.hasHead {
		fmt.Fprintf(&b, "smart render: re-encoded the first %.2f s of video", s.cut)
		if s.p.slatePNG != "" {
			b.WriteString(" and the slate")
		}
	} else {
		b.WriteString("smart render: encoded the slate")
	}
	b.WriteString(", copied the rest untouched")
	if s.audio.mode == audioSplice {
		fmt.Fprintf(&b, "; sound re-encoded for the first %.2f s only", s.audio.cut)
	}
	return b.String()
}

// verify counts the output's video packets: the source's, plus the
// slate's. ffmpeg's concat demuxer can end a join early without an
// error, and a copy that lost its second half is not a labeled copy.
func (s *smart) verify(ctx context.Context) error {
	want, err := ffmpeg.CountPackets(ctx, s.p.input, s.p.src.video.Index)
	if err != nil {
		return err
	}
	got, err := ffmpeg.CountPackets(ctx, s.p.output, s.p.outIndex("[v]"))
	if err != nil {
		return err
	}
	if s.p.slatePNG != "" {
		want += int(math.Ceil(s.p.slateSeconds()*parseRatio(s.p.src.frameRate(), 25) - 1e-9))
	}
	if got != want {
		return fmt.Errorf("%w: the joined video has %d frames, not %d", errFallback, got, want)
	}
	return nil
}
