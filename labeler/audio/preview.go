package audio

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"io"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/loudness"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler"
)

// previewSeconds is how much of the labeled result Preview draws.
const previewSeconds = 30

// Rendered is the beginning of a labeled result, computed in memory
// without writing a file: what the app draws and plays before labeling.
type Rendered struct {
	PCM *pcm.PCM
	// Notice is the span of the first notice, from the start of PCM.
	NoticeStart, NoticeEnd time.Duration
	// Notice alone, for the app's "play the notice" button.
	Notice *pcm.PCM
}

// Render returns the first seconds of what labeling path with spec would
// produce. Loudness is matched to those seconds of the programme only, so
// the level may differ slightly from the full label's.
func Render(ctx context.Context, path string, spec labeler.Spec, seconds float64) (*Rendered, error) {
	prog, err := excerpt(ctx, path, seconds)
	if err != nil {
		return nil, err
	}
	lufs := loudness.Integrated(prog.Samples, prog.Rate, prog.Channels)
	notice, err := Notice(ctx, spec, prog.Rate, prog.Channels, Target(lufs, spec.Audio))
	if err != nil {
		return nil, err
	}
	out := block(notice, slot{tail: true}, gapOf(spec.Audio))
	out.Samples = append(out.Samples, prog.Samples...)
	out = out.Slice(0, out.FramesFor(time.Duration(seconds*float64(time.Second))))
	return &Rendered{PCM: out, NoticeEnd: notice.Duration(), Notice: notice}, nil
}

// excerpt decodes the first seconds of an audio file: WAV natively, the
// rest through ffmpeg.
func excerpt(ctx context.Context, path string, seconds float64) (*pcm.PCM, error) {
	format, err := formatOf(path)
	if err != nil {
		return nil, err
	}
	if format == FormatWAV {
		src, err := openWAV(path)
		if err != nil {
			return nil, err
		}
		defer src.f.Close()
		in := src.info
		n := min(in.Frames(), int64(seconds*float64(in.Rate))) * int64(in.BlockAlign)
		raw := make([]byte, n)
		if _, err := io.ReadFull(io.NewSectionReader(src.f, in.Data.Offset, n), raw); err != nil {
			return nil, fmt.Errorf("audio: %w", err)
		}
		return &pcm.PCM{Rate: in.Rate, Channels: in.Channels, Samples: in.Decode(nil, raw)}, nil
	}
	p, err := probeAudio(ctx, path, format)
	if err != nil {
		return nil, err
	}
	out := &pcm.PCM{Rate: p.rate, Channels: p.channels}
	err = ffmpeg.DecodePCM(ctx, path, seconds, func(s []float32) error {
		out.Samples = append(out.Samples, s...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	return out, nil
}

// Colours of the waveform: the programme in slate, the notice in amber on
// a tinted band, so the label's place is obvious at a glance.
var (
	waveBG      = color.RGBA{0xF7, 0xF7, 0xF5, 0xFF}
	noticeBand  = color.RGBA{0xFF, 0xE9, 0xB3, 0xFF}
	programmeFG = color.RGBA{0x3B, 0x4A, 0x5A, 0xFF}
	noticeFG    = color.RGBA{0xC2, 0x6A, 0x00, 0xFF}
)

// Preview draws the waveform of the labeled result's first 30 seconds,
// max pixels wide and a quarter as tall, with the notice highlighted.
func (kind) Preview(ctx context.Context, path string, spec labeler.Spec, max int) (image.Image, error) {
	r, err := Render(ctx, path, spec, previewSeconds)
	if err != nil {
		return nil, err
	}
	return Waveform(r, max, max/4), nil
}

// Waveform draws r as a min/max envelope per pixel column.
func Waveform(r *Rendered, w, h int) image.Image {
	w, h = max(w, 16), max(h, 8)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	frames := r.PCM.Frames()
	end := int(float64(w) * r.NoticeEnd.Seconds() * float64(r.PCM.Rate) / float64(max(1, frames)))
	for x := range w {
		bg, fg := waveBG, programmeFG
		if x < end {
			bg, fg = noticeBand, noticeFG
		}
		lo, hi := columnRange(r.PCM, x*frames/w, (x+1)*frames/w)
		y0, y1 := level(hi, h), level(lo, h)
		for y := range h {
			c := bg
			if y >= y0 && y <= y1 {
				c = fg
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// columnRange is the lowest and highest sample (any channel) in frames
// [from, to).
func columnRange(p *pcm.PCM, from, to int) (lo, hi float32) {
	for _, v := range p.Slice(from, max(to, from+1)).Samples {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

func level(v float32, h int) int {
	v = max(-1, min(1, v))
	return int((1 - v) / 2 * float32(h-1))
}
