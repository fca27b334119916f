package audio

import (
	"context"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/belgi-kz/belgi/assets"
	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/loudness"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// Spacing inside a notice: a pause after the cue and between sentences,
// long enough to hear the change of language.
const (
	cuePause  = 300 * time.Millisecond
	linePause = 400 * time.Millisecond
	// speechRate is the rate notices are assembled at: that of the stock
	// clips, so they need no resampling until the programme's rate is known.
	speechRate = 22050
	// DefaultLUFS is the target when a programme's loudness can't be
	// measured (silence, a very short file): EBU R128's programme level.
	DefaultLUFS = -23.0
	// ceiling is the highest peak a notice may reach, -1 dBFS, leaving room
	// for lossy encoders' overshoot.
	ceiling = 0.891
)

// Matched loudness is kept within this range: matching a whispered
// programme at -50 LUFS would bury the notice, and matching a -6 LUFS
// master would need heavy limiting of the words.
const (
	minMatchLUFS = -36.0
	maxMatchLUFS = -10.0
)

// Notice builds the spoken notice for spec at a programme's sample rate
// and channel count, at a loudness of lufs LUFS (integrated, BS.1770):
// the optional rhythm cue, then each label language's sentence (and the
// real-person line) in order — or the spec's custom recording — with
// fades at both ends. It contains no gap: callers put the silence they
// need around it. Custom wording (spec.Custom) is synthesized with
// espeak-ng, which then must be installed.
//
// The video kind calls it with its sound track's rate, channels and
// measured loudness; Target turns a measured loudness into lufs.
func Notice(ctx context.Context, spec labeler.Spec, rate, channels int, lufs float64) (*pcm.PCM, error) {
	mono, err := speech(ctx, spec)
	if err != nil {
		return nil, err
	}
	return fit(mono, spec.Audio, rate, channels, lufs)
}

// WriteNoticeWAV writes Notice's result as a 16-bit WAV file.
func WriteNoticeWAV(ctx context.Context, w io.Writer, spec labeler.Spec, rate, channels int, lufs float64) error {
	p, err := Notice(ctx, spec, rate, channels, lufs)
	if err != nil {
		return err
	}
	return wav.Write(w, wav.PCM16(rate, channels), p)
}

// NoticeBeside writes, as a 16-bit WAV file, the notice that goes beside
// a programme whose integrated loudness was measured at programme LUFS
// (-Inf when unknown or silent): at the loudness Target picks, the same
// rule audio files get. It is the video kind's NoticeSource, so a video's
// notice sounds as an audio file's would.
func NoticeBeside(ctx context.Context, w io.Writer, spec labeler.Spec, rate, channels int, programme float64) error {
	return WriteNoticeWAV(ctx, w, spec, rate, channels, Target(programme, spec.Audio))
}

// Target is the loudness a notice should have next to a programme
// measured at programme LUFS (-Inf or NaN when unknown): the spec's
// TargetLUFS when set, else the programme's, kept within the range a
// notice stays intelligible in. It is the one place this rule lives.
func Target(programme float64, a labeler.AudioSpec) float64 {
	switch {
	case a.TargetLUFS != 0:
		return a.TargetLUFS
	case math.IsInf(programme, 0) || math.IsNaN(programme):
		return DefaultLUFS
	}
	return max(minMatchLUFS, min(maxMatchLUFS, programme))
}

// fit resamples and maps a mono notice to the programme's layout, fades
// it, and sets its loudness.
func fit(mono *pcm.PCM, a labeler.AudioSpec, rate, channels int, lufs float64) (*pcm.PCM, error) {
	r, err := mono.Resample(rate)
	if err != nil {
		return nil, fmt.Errorf("audio: notice: %w", err)
	}
	p, err := r.Spread(channels)
	if err != nil {
		return nil, fmt.Errorf("audio: notice: %w", err)
	}
	p.Fade(time.Duration(a.FadeMillis * float64(time.Millisecond)))
	if math.IsInf(lufs, 0) || math.IsNaN(lufs) || lufs == 0 {
		lufs = DefaultLUFS
	}
	normalize(p, lufs)
	return p, nil
}

// normalize sets p's integrated loudness to lufs. The limiter that keeps
// peaks under the ceiling lowers loudness a little, so gain is corrected
// and limiting repeated until the measurement settles.
func normalize(p *pcm.PCM, lufs float64) {
	for range 4 {
		got := loudness.Integrated(p.Samples, p.Rate, p.Channels)
		if math.IsInf(got, -1) || math.Abs(got-lufs) < 0.05 {
			return
		}
		p.Gain(lufs - got)
		p.Limit(ceiling, 5*time.Millisecond, 50*time.Millisecond)
	}
}

// speech assembles the mono notice at speechRate: cue, then words.
func speech(ctx context.Context, spec labeler.Spec) (*pcm.PCM, error) {
	out := &pcm.PCM{Rate: speechRate, Channels: 1}
	if spec.Audio.Cue {
		out.Append(pcm.Cue(speechRate))
		out.Silence(cuePause)
	}
	clips, err := words(ctx, spec)
	if err != nil {
		return nil, err
	}
	for i, c := range clips {
		if i > 0 {
			out.Silence(linePause)
		}
		if err := out.Append(c); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// words returns the spoken sentences, mono at speechRate and trimmed.
func words(ctx context.Context, spec labeler.Spec) ([]*pcm.PCM, error) {
	if spec.Audio.CustomClip != "" {
		c, err := decodeClip(ctx, spec.Audio.CustomClip)
		if err != nil {
			return nil, err
		}
		return prepared(c)
	}
	var clips []*pcm.PCM
	for _, w := range spec.Wordings() {
		c, err := sentence(ctx, spec, w.Lang)
		if err != nil {
			return nil, err
		}
		clips = append(clips, c)
		if w.Person != "" {
			if c, err = stock(string(w.Lang), "person"); err != nil {
				return nil, err
			}
			clips = append(clips, c)
		}
	}
	return prepared(clips...)
}

// sentence is one language's notice: the stock clip, or custom wording
// spoken by espeak-ng.
func sentence(ctx context.Context, spec labeler.Spec, l labeler.Lang) (*pcm.PCM, error) {
	if text := spec.Custom[l]; text != "" && text != labeler.PresetNotice(l, spec.AI) {
		b, err := ffmpeg.Speak(ctx, string(l), 150, text)
		if err != nil {
			return nil, fmt.Errorf("audio: speaking the custom %s notice: %w", l, err)
		}
		return wav.Decode(b)
	}
	return stock(string(l), string(spec.AI))
}

func stock(lang, line string) (*pcm.PCM, error) {
	b, err := assets.NoticeClip(lang, line)
	if err != nil {
		return nil, err
	}
	return wav.Decode(b)
}

// prepared makes clips mono at speechRate with their silences trimmed
// (-50 dBFS), so the spacing is Belgi's, not the recording's.
func prepared(clips ...*pcm.PCM) ([]*pcm.PCM, error) {
	out := make([]*pcm.PCM, 0, len(clips))
	for _, c := range clips {
		m, err := c.ToMono().Resample(speechRate)
		if err != nil {
			return nil, err
		}
		m.Trim(0.00316, 20*time.Millisecond)
		if m.Frames() == 0 {
			return nil, fmt.Errorf("audio: the notice recording is silent")
		}
		out = append(out, m)
	}
	return out, nil
}
