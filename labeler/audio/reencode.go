package audio

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler"
)

// reencode streams the decoded programme through Go, which puts the
// notice blocks in at their slots, into an ffmpeg encoder set up like the
// programme. Nothing is held in memory beyond a pipe's buffer.
func (p *probed) reencode(ctx context.Context, job labeler.Job, notice *pcm.PCM, slots []slot, xmp []byte) error {
	inputs := append([]string{"-i", ffmpeg.SafePath(job.Input)}, p.chapterInput()...)
	out := append([]string{"-map", "0:a"}, p.keepArgs()...)
	out = append(append(out, p.codecArgs()...), p.metaArgs(job.Spec, xmp)...)
	sp := splice{input: job.Input, decode: p.decodeOptions(), rate: p.rate, channels: p.channels, total: p.frames,
		slots: slots, block: func(s slot) *pcm.PCM { return block(notice, s, gapOf(job.Spec.Audio)) }, progress: job.Progress}
	return sp.encode(ctx, inputs, out, job.Temp)
}

// splice is a programme decoded by ffmpeg with notice blocks put in.
type splice struct {
	input    string
	decode   ffmpeg.DecodeOptions
	rate     int
	channels int
	total    int64 // the programme's frames, for progress
	slots    []slot
	block    func(slot) *pcm.PCM
	progress func(float64)
}

// encode pipes the spliced sound as f32le (input 0) into an ffmpeg run
// with the further inputs and output args, writing out.
func (sp splice) encode(ctx context.Context, inputs, outArgs []string, out string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pr, pw := io.Pipe()
	w := &splicer{w: pw, channels: sp.channels, slots: sp.slots, total: sp.total, progress: sp.progress, block: sp.block}
	done := make(chan error, 1)
	go func() {
		err := ffmpeg.Decode(ctx, sp.input, sp.decode, w.write)
		if err == nil {
			err = w.finish()
		}
		pw.CloseWithError(err)
		done <- err
	}()
	args := []string{"-nostdin", "-v", "error", "-y", "-f", "f32le", "-ar", strconv.Itoa(sp.rate), "-ac", strconv.Itoa(sp.channels),
		"-i", "pipe:0"}
	args = append(append(args, inputs...), outArgs...)
	err := ffmpeg.Pipe(ctx, pr, nil, "ffmpeg", append(args, ffmpeg.SafePath(out))...)
	pr.CloseWithError(errors.New("encoder stopped"))
	if derr := <-done; err == nil && derr != nil {
		err = derr
	}
	return err
}

// decodeOptions decode the programme at the rate it is written at.
func (p *probed) decodeOptions() ffmpeg.DecodeOptions {
	if p.resample {
		return ffmpeg.DecodeOptions{Rate: p.rate, Channels: p.channels}
	}
	return ffmpeg.DecodeOptions{Channels: p.channels}
}

// splicer writes programme samples to w, inserting each slot's block when
// the programme reaches it.
type splicer struct {
	w        io.Writer
	channels int
	slots    []slot
	next     int
	pos      int64
	total    int64
	block    func(slot) *pcm.PCM
	progress func(float64)
	buf      []byte
}

func (s *splicer) write(samples []float32) error {
	for len(samples) > 0 {
		if s.next < len(s.slots) && s.slots[s.next].at <= s.pos {
			if err := s.put(s.block(s.slots[s.next]).Samples); err != nil {
				return err
			}
			s.next++
			continue
		}
		n := int64(len(samples) / s.channels)
		if n == 0 { // would loop for ever: Decode gives whole frames
			return fmt.Errorf("audio: %d samples are not whole frames of %d channels", len(samples), s.channels)
		}
		if s.next < len(s.slots) {
			n = min(n, s.slots[s.next].at-s.pos)
		}
		if err := s.put(samples[:n*int64(s.channels)]); err != nil {
			return err
		}
		s.pos += n
		samples = samples[n*int64(s.channels):]
	}
	s.progress(0.5 + 0.5*float64(s.pos)/float64(max(1, s.total)))
	return nil
}

// finish writes the slots at or past the programme's end.
func (s *splicer) finish() error {
	for ; s.next < len(s.slots); s.next++ {
		if err := s.put(s.block(s.slots[s.next]).Samples); err != nil {
			return err
		}
	}
	return nil
}

func (s *splicer) put(samples []float32) error {
	s.buf = s.buf[:0]
	for _, v := range samples {
		s.buf = binary.LittleEndian.AppendUint32(s.buf, math.Float32bits(v))
	}
	_, err := s.w.Write(s.buf)
	return err
}
