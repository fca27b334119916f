package audio

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler"
)

// probed is what Belgi needs to know of a programme labeled through
// ffmpeg, and how it will be written.
type probed struct {
	format   string    // the source's format
	out      container // how the output is written
	info     ffmpeg.Info
	stream   ffmpeg.Stream // the programme
	rate     int           // the programme's rate as decoded and written
	resample bool          // decode resampled to rate (DSD)
	channels int
	bitrate  int     // bit/s, 0 when unknown
	duration float64 // seconds the container declares, 0 when unknown
	frames   int64   // decoded sample frames, counted while measuring
	lufs     float64
	encoder  string   // ffmpeg's encoder for the output's programme
	notes    []string // why the codec or container changed
	chapters string   // an ffmetadata file of the moved chapters, "" without
}

// probeAudio reads the programme's stream and plans how to write it.
func probeAudio(ctx context.Context, path, format string) (*probed, error) {
	info, err := ffmpeg.Probe(ctx, path)
	if err != nil {
		return nil, damaged(fmt.Errorf("audio: ffmpeg can't read the file (damaged, or not audio): %w", err))
	}
	p := &probed{format: format, out: containers[format], info: info}
	if err := p.pick(); err != nil {
		return nil, damaged(err)
	}
	if format == FormatOgg {
		p.out = containers[oggFormats[p.stream.CodecName]]
	}
	p.chooseEncoder(ctx)
	return p, nil
}

// oggFormats names an Ogg file by its sound's codec.
var oggFormats = map[string]string{"vorbis": FormatVorbis, "opus": FormatOpus, "flac": FormatOggFLAC, "speex": FormatSpeex}

// pick takes the first sound stream as the programme and refuses one no
// decoder here reads, naming its codec.
func (p *probed) pick() error {
	for _, s := range p.info.Streams {
		if s.CodecType != "audio" {
			continue
		}
		if _, unknown := s.Unknown(); unknown {
			return undecodable(s)
		}
		p.stream, p.channels = s, s.Channels
		p.rate, _ = strconv.Atoi(s.SampleRate)
		p.bitrate, _ = strconv.Atoi(s.BitRate)
		if p.bitrate == 0 {
			p.bitrate, _ = strconv.Atoi(p.info.Format.BitRate)
		}
		p.duration, _ = ffmpeg.Seconds(p.info.Format.Duration)
		if p.rate == 0 || p.channels == 0 {
			return fmt.Errorf("audio: the %s stream has no sample rate or channels", s.CodecName)
		}
		return nil
	}
	return fmt.Errorf("audio: the file has no sound stream ffmpeg can read")
}

func undecodable(s ffmpeg.Stream) error {
	name, _ := s.Unknown()
	return fmt.Errorf("audio: the sound is %s, which no decoder here reads, so the spoken notice can't be added; "+
		"export the programme from its source as AAC, FLAC or WAV and label that", name)
}

// labelOther labels every format but WAV and MP3 through ffmpeg: stream
// copy behind a notice encoded alike where the codec allows it,
// re-encoding otherwise.
func labelOther(ctx context.Context, job labeler.Job, format string) (labeler.Outcome, error) {
	if _, err := ffmpeg.Find("ffmpeg"); err != nil {
		return labeler.Outcome{}, fmt.Errorf("audio: %s files are written with ffmpeg: %w", format, err)
	}
	if err := complete(job.Input, format); err != nil {
		return labeler.Outcome{}, err
	}
	p, err := probeAudio(ctx, job.Input, format)
	if err != nil {
		return labeler.Outcome{}, err
	}
	if err := p.declared(job.Input); err != nil {
		return labeler.Outcome{}, err
	}
	if p.lufs, p.frames, err = measureAt(ctx, job.Input, p.rate, p.channels, p.resample, p.duration, job.Progress); err != nil {
		return labeler.Outcome{}, err
	}
	if err := p.wholeDecoded(); err != nil {
		return labeler.Outcome{}, err
	}
	target := Target(p.lufs, job.Spec.Audio)
	notice, err := Notice(ctx, job.Spec, p.rate, p.channels, target)
	if err != nil {
		return labeler.Outcome{}, err
	}
	notice = fillShare(notice, p.frames, job.Spec)
	slots := plan(p.frames, p.rate, job.Spec.Audio)
	return p.write(ctx, job, notice, slots, target)
}

// write joins notice and programme into job.Temp, adds the marks the
// container can't take from ffmpeg, and reads the result back.
func (p *probed) write(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot, target float64) (labeler.Outcome, error) {
	xmp, err := packet(job.Spec, p.existingXMP(job.Input))
	if err != nil {
		return labeler.Outcome{}, fmt.Errorf("audio: %w", err)
	}
	if len(p.info.Chapters) > 0 {
		dir, err := tempDir(job.Temp)
		if err != nil {
			return labeler.Outcome{}, err
		}
		defer os.RemoveAll(dir)
		if p.chapters, err = writeChapters(dir, p.info.Chapters, timelineOf(slots, notice, job.Spec.Audio), p.rate); err != nil {
			return labeler.Outcome{}, err
		}
	}
	how, added, err := p.join(ctx, job, notice, slots, xmp)
	if err != nil {
		return labeler.Outcome{}, err
	}
	if err := p.finish(job, xmp); err != nil {
		return labeler.Outcome{}, err
	}
	if err := p.readBack(ctx, job.Temp, job.Input, added); err != nil {
		return labeler.Outcome{}, err
	}
	notes := append([]string{placementNote(slots, notice, target), how}, p.notes...)
	return labeler.Outcome{Layers: layers, Notes: notes}, nil
}

// join writes the output by stream copy when it can and by re-encoding
// otherwise, and says which it did and how many seconds it added (a
// copied join keeps the notice encoder's priming and padding).
func (p *probed) join(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot, xmp []byte) (string, float64, error) {
	name := p.outName()
	reason := p.copyBlocked(slots)
	if reason == "" {
		var err error
		var added float64
		if reason, added, err = p.concat(ctx, job, notice, slots, xmp); err != nil {
			return "", 0, err
		}
		if reason == "" {
			return name + ": programme stream-copied untouched (no re-encode); " + p.markNote(), added, nil
		}
	}
	if err := p.reencode(ctx, job, notice, slots, xmp); err != nil {
		return "", 0, err
	}
	added := 0.0
	for _, s := range slots {
		added += block(notice, s, gapOf(job.Spec.Audio)).Duration().Seconds()
	}
	return name + ": programme re-encoded (" + codecOf(p.encoder) + ") because " + reason + "; " + p.markNote(), added, nil
}

// outName names the written format for notes.
func (p *probed) outName() string {
	if p.out.into != "" {
		return containers[p.out.into].name
	}
	return p.out.name
}

func (p *probed) markNote() string {
	switch p.out.marks {
	case marksMP4:
		return "XMP in a uuid box, DigitalSourceType also in the comment tag"
	case marksMatroska:
		return "XMP and DIGITAL_SOURCE_TYPE in Matroska tags"
	case marksTags:
		return "XMP and DigitalSourceType in the container's tags"
	}
	return "XMP and DigitalSourceType in Vorbis comments"
}

// writeChapters writes the source's chapters moved along the timeline
// (programme frames at rate) as an ffmetadata file in dir.
func writeChapters(dir string, chapters []ffmpeg.Chapter, t timeline, rate int) (string, error) {
	shift := func(s float64) float64 {
		return float64(t.shift(int64(math.Round(s*float64(rate))))) / float64(rate)
	}
	path := filepath.Join(dir, "chapters.txt")
	if err := os.WriteFile(path, []byte(ffmpeg.ChaptersMetadata(chapters, shift)), 0o600); err != nil {
		return "", fmt.Errorf("audio: %w", err)
	}
	return path, nil
}
