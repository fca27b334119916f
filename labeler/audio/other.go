package audio

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler"
)

// probed is what Belgi needs to know of a non-WAV, non-MP3 programme.
type probed struct {
	format   string
	stream   ffmpeg.Stream
	rate     int
	channels int
	bitrate  int     // bit/s, 0 when unknown
	duration float64 // seconds
	frames   int64   // decoded sample frames, counted while measuring
	lufs     float64
}

func probeAudio(ctx context.Context, path, format string) (*probed, error) {
	info, err := ffmpeg.Probe(ctx, path)
	if err != nil {
		return nil, labeler.AtStage(labeler.StageDecode, fmt.Errorf("audio: %w", err))
	}
	for _, s := range info.Streams {
		if s.CodecType != "audio" {
			continue
		}
		p := &probed{format: format, stream: s, channels: s.Channels}
		p.rate, _ = strconv.Atoi(s.SampleRate)
		p.bitrate, _ = strconv.Atoi(s.BitRate)
		if p.bitrate == 0 {
			p.bitrate, _ = strconv.Atoi(info.Format.BitRate)
		}
		p.duration, _ = strconv.ParseFloat(info.Format.Duration, 64)
		if p.rate == 0 || p.channels == 0 {
			break
		}
		return p, nil
	}
	return nil, labeler.AtStage(labeler.StageDecode, errors.New("audio: no audio stream ffmpeg can decode"))
}

// codecArgs are ffmpeg's output options that encode like the programme:
// same codec, rate, channels, and bitrate (or sample depth for FLAC).
func (p *probed) codecArgs() []string {
	args := []string{"-ar", strconv.Itoa(p.rate), "-ac", strconv.Itoa(p.channels)}
	kbps := func(def int) string {
		if p.bitrate > 0 {
			return strconv.Itoa(max(8, p.bitrate/1000)) + "k"
		}
		return strconv.Itoa(def) + "k"
	}
	switch p.format {
	case FormatFLAC:
		args = append(args, "-c:a", "flac", "-sample_fmt", flacSampleFmt(p.stream.SampleFmt))
		if b := p.stream.BitsPerRawSample; b != "" && b != "0" {
			args = append(args, "-bits_per_raw_sample", b)
		}
	case FormatVorbis:
		args = append(args, "-c:a", "libvorbis", "-b:a", kbps(160))
	case FormatOpus:
		args = append(args, "-c:a", "libopus", "-b:a", kbps(96))
	case FormatM4A:
		args = append(args, "-c:a", "aac", "-b:a", kbps(160))
	}
	return append(args, "-f", muxer(p.format))
}

func flacSampleFmt(f string) string {
	if strings.HasPrefix(f, "s16") {
		return "s16"
	}
	return "s32"
}

func muxer(format string) string {
	switch format {
	case FormatFLAC:
		return "flac"
	case FormatM4A:
		return "ipod"
	}
	return "ogg"
}

// labelOther handles FLAC, Ogg Vorbis, Opus and M4A through ffmpeg:
// stream copy behind a notice encoded alike where the codec allows it,
// re-encoding otherwise.
func labelOther(ctx context.Context, job labeler.Job, format string) (labeler.Outcome, error) {
	if _, err := ffmpeg.Find("ffmpeg"); err != nil {
		return labeler.Outcome{}, fmt.Errorf("audio: %s files are written with ffmpeg: %w", format, err)
	}
	p, err := probeAudio(ctx, job.Input, format)
	if err != nil {
		return labeler.Outcome{}, err
	}
	if p.lufs, p.frames, err = measure(ctx, job.Input, p.rate, p.channels, p.duration, job.Progress); err != nil {
		return labeler.Outcome{}, err
	}
	target := Target(p.lufs, job.Spec.Audio)
	notice, err := Notice(ctx, job.Spec, p.rate, p.channels, target)
	if err != nil {
		return labeler.Outcome{}, err
	}
	notice = fillShare(notice, p.frames, job.Spec)
	slots := plan(p.frames, p.rate, job.Spec.Audio)
	xmp, err := packet(job.Spec, existingXMP(job.Input))
	if err != nil {
		return labeler.Outcome{}, fmt.Errorf("audio: %w", err)
	}
	how, err := p.join(ctx, job, notice, slots, xmp)
	if err != nil {
		return labeler.Outcome{}, err
	}
	if format == FormatM4A {
		if err := appendXMPBox(job.Temp, xmp); err != nil {
			return labeler.Outcome{}, err
		}
	}
	return labeler.Outcome{Layers: layers, Notes: []string{placementNote(slots, notice, target), how}}, nil
}

// join writes the output by stream copy when it can and by re-encoding
// otherwise, and says which it did.
func (p *probed) join(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot, xmp []byte) (string, error) {
	reason := p.copyBlocked(slots)
	if reason == "" {
		var err error
		if reason, err = p.concat(ctx, job, notice, slots, xmp); err != nil {
			return "", err
		}
		if reason == "" {
			return p.format + ": programme stream-copied untouched (no re-encode); " + p.markNote(), nil
		}
	}
	if err := p.reencode(ctx, job, notice, slots, xmp); err != nil {
		return "", err
	}
	return p.format + ": programme re-encoded because " + reason + "; " + p.markNote(), nil
}

func (p *probed) markNote() string {
	if p.format == FormatM4A {
		return "XMP in a uuid box, DigitalSourceType also in the comment tag"
	}
	return "XMP and DigitalSourceType in Vorbis comments"
}
