package audio

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// frameSizes are codec frames in samples: the unit "within one frame"
// is counted in. Codecs not listed count as one sample.
var frameSizes = map[string]int{
	"aac": 1024, "mp3": 1152, "mp2": 1152, "opus": 960, "vorbis": 2048, "ac3": 1536, "eac3": 1536,
	"wmav1": 2048, "wmav2": 2048, "speex": 640, "flac": 4608, "alac": 4096, "wavpack": 22050, "amr_nb": 160, "amr_wb": 320,
}

// readBack proves the labeled copy whole: it decodes to the end without
// a single error, holds the programme in the codec, rate and channels
// chosen, keeps the source's cover art where the container can, and lasts
// the programme plus the added notices, within one codec frame.
func (p *probed) readBack(ctx context.Context, path, src string, added float64) error {
	if p.out.muxer == "ogg" {
		if err := verifyOgg(path); err != nil {
			return err
		}
	}
	info, err := ffmpeg.Probe(ctx, path)
	if err != nil {
		return fmt.Errorf("audio: the labeled copy does not read back: %w", err)
	}
	if err := p.sameStreams(info); err != nil {
		return fmt.Errorf("audio: the labeled copy is wrong: %w", err)
	}
	n, err := decodedFrames(ctx, path, src, p.channels)
	if err != nil {
		return fmt.Errorf("audio: the labeled copy does not decode: %w", err)
	}
	want := float64(p.frames) + added*float64(p.rate)
	if tol := frameTolerance(codecOf(p.encoder)); math.Abs(float64(n)-want) > float64(tol) {
		return fmt.Errorf("audio: the labeled copy decodes to %.3f s, expected %.3f s (the programme and %.3f s of notice)",
			float64(n)/float64(p.rate), want/float64(p.rate), added)
	}
	return nil
}

// decodedFrames decodes the labeled copy at path to the end and counts
// its sample frames. Any decoding error fails it — unless the source
// (src) does not decode cleanly either: what ffmpeg finds wrong there
// (a Lyrics3 tag it reads as frames, a damaged frame the programme
// carries) is copied along, and is the source's, not Belgi's.
func decodedFrames(ctx context.Context, path, src string, channels int) (int64, error) {
	count := func(strict bool) (int64, error) {
		return countFrames(ctx, path, ffmpeg.DecodeOptions{Strict: strict, Channels: channels})
	}
	n, err := count(true)
	if err == nil || ctx.Err() != nil {
		return n, err
	}
	if serr := ffmpeg.Decode(ctx, src, ffmpeg.DecodeOptions{Strict: true}, func([]float32) error { return nil }); serr == nil {
		return n, err // the source decodes cleanly: the fault is the copy's
	}
	return count(false)
}

// countFrames decodes path to the end and counts its sample frames of
// o.Channels samples.
func countFrames(ctx context.Context, path string, o ffmpeg.DecodeOptions) (int64, error) {
	var n int64
	err := ffmpeg.Decode(ctx, path, o, func(s []float32) error {
		n += int64(len(s))
		return nil
	})
	return n / int64(max(1, o.Channels)), err
}

// frameTolerance is one codec frame, plus what a lossy encoder's
// priming and padding add at a join (up to a frame each): a copied join
// keeps the notice's, which no decoder trims mid-stream.
func frameTolerance(codec string) int {
	f := max(1, frameSizes[codec])
	if lossless(codec) {
		return f
	}
	return 3 * f
}

func (p *probed) sameStreams(info ffmpeg.Info) error {
	if info.Count("audio") != 1 {
		return fmt.Errorf("%d sound streams, want 1", info.Count("audio"))
	}
	var a ffmpeg.Stream
	for _, s := range info.Streams {
		if s.CodecType == "audio" {
			a = s
			break
		}
	}
	rate, _ := strconv.Atoi(a.SampleRate)
	switch {
	case a.CodecName != codecOf(p.encoder):
		return fmt.Errorf("the sound is %s, want %s", a.CodecName, codecOf(p.encoder))
	case rate != p.rate || a.Channels != p.channels:
		return fmt.Errorf("the sound is %d Hz × %d, want %d Hz × %d", rate, a.Channels, p.rate, p.channels)
	}
	if want := p.pictures(); p.out.pictures && countPictures(info) != want {
		return fmt.Errorf("%d cover pictures, the source has %d", countPictures(info), want)
	}
	return nil
}

func countPictures(info ffmpeg.Info) int {
	n := 0
	for _, s := range info.Streams {
		if s.AttachedPic() {
			n++
		}
	}
	return n
}
