package audio

import (
	"context"
	"encoding/binary"
	"fmt"
	"strconv"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// coded is a WAV whose data chunk holds a codec rather than PCM.
type coded struct {
	src      *wavSource
	codec    string // as ffprobe names it: adpcm_ima_wav, mp3...
	frames   int64  // decoded sample frames
	rate     int
	channels int
}

// labelCodedWAV labels a WAV holding IMA or MS ADPCM, A-law, µ-law, MPEG
// or another codec ffmpeg decodes. Where the codec's blocks or frames
// stand alone, the programme's are copied untouched behind a notice
// encoded alike; otherwise the programme is re-encoded in the same codec
// (or 16-bit PCM when no encoder here writes it). The RIFF chunks —
// LIST/INFO, bext, iXML, cue points — are carried over as for PCM.
func labelCodedWAV(ctx context.Context, job labeler.Job, src *wavSource) (labeler.Outcome, error) {
	if _, err := ffmpeg.Find("ffmpeg"); err != nil {
		return labeler.Outcome{}, fmt.Errorf("audio: WAVs holding a codec are decoded with ffmpeg: %w", err)
	}
	c, err := newCoded(ctx, job, src)
	if err != nil {
		return labeler.Outcome{}, err
	}
	lufs, err := c.measure(ctx, job)
	if err != nil {
		return labeler.Outcome{}, err
	}
	target := Target(lufs, job.Spec.Audio)
	notice, err := Notice(ctx, job.Spec, c.rate, c.channels, target)
	if err != nil {
		return labeler.Outcome{}, err
	}
	slots := plan(c.frames, c.rate, job.Spec.Audio)
	j, err := c.join(ctx, job, notice, slots)
	if err != nil {
		return labeler.Outcome{}, err
	}
	side, notes, err := src.sideChunks(job.Spec, j.timeline, c.frames+j.timeline.added())
	if err != nil {
		return labeler.Outcome{}, err
	}
	if err := c.write(job.Temp, j, withFact(side, c.frames+j.timeline.added())); err != nil {
		return labeler.Outcome{}, err
	}
	if err := c.readBack(ctx, job.Temp, j); err != nil {
		return labeler.Outcome{}, err
	}
	notes = append([]string{placementNote(slots, notice, target), j.how + "; XMP in the _PMX chunk"}, notes...)
	return labeler.Outcome{Layers: layers, Notes: append(notes, src.formNotes()...)}, nil
}

// newCoded asks ffprobe what the data chunk holds.
func newCoded(ctx context.Context, job labeler.Job, src *wavSource) (*coded, error) {
	info, err := ffmpeg.Probe(ctx, job.Input)
	if err != nil {
		return nil, damaged(fmt.Errorf("audio: ffmpeg can't read the WAV's codec (0x%04X): %w", src.info.Tag, err))
	}
	if info.Count("audio") == 0 {
		return nil, damaged(fmt.Errorf("audio: the WAV's codec (0x%04X) is not one ffmpeg decodes", src.info.Tag))
	}
	c := &coded{src: src, codec: info.Streams[0].CodecName, rate: src.info.Rate, channels: src.info.Channels}
	if r, _ := strconv.Atoi(info.Streams[0].SampleRate); r > 0 {
		c.rate = r
	}
	return c, nil
}

// measure decodes the programme once, measuring its loudness and
// counting its frames; fewer frames than the fact chunk states mean the
// data was cut short.
func (c *coded) measure(ctx context.Context, job labeler.Job) (float64, error) {
	l, n, err := measure(ctx, job.Input, c.rate, c.channels, 0, job.Progress)
	if err != nil {
		return 0, err
	}
	c.frames = n
	if fact := c.src.info.FactSamples; fact > 0 && n+int64(max(c.samplesPerBlock(), 1152)) < fact {
		return 0, damaged(fmt.Errorf("audio: the file is truncated: its fact chunk promises %d samples, only %d decode%s", fact, n, repairHint))
	}
	return l, nil
}

// withFact makes sure a fact chunk states the sample count, as every WAV
// holding a codec must have.
func withFact(side []wav.RawChunk, samples int64) []wav.RawChunk {
	for _, c := range side {
		if c.ID == "fact" {
			return side
		}
	}
	fact := wav.RawChunk{ID: "fact", Body: binary.LittleEndian.AppendUint32(nil, uint32(min(samples, 1<<32-1)))}
	return append([]wav.RawChunk{fact}, side...)
}

// noticeFor is a slot's block, padded with silence to whole codec blocks
// of spb samples.
func noticeFor(notice *pcm.PCM, s slot, a labeler.AudioSpec, spb int) *pcm.PCM {
	b := block(notice, s, gapOf(a))
	if r := b.Frames() % spb; spb > 1 && r != 0 {
		b.Samples = append(b.Samples, make([]float32, (spb-r)*b.Channels)...)
	}
	return b
}
