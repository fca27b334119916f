package video

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// checkOutput reads the labeled copy back with ffprobe and holds it to
// the plan: ffmpeg can succeed and still have dropped a stream, changed
// a codec, cut the picture short or moved a track in time, and a labeled
// copy with any of those faults is not an honest copy of the source.
func checkOutput(ctx context.Context, p *plan) error {
	info, err := ffmpeg.Probe(ctx, p.output)
	if err != nil {
		return fmt.Errorf("the labeled copy does not read back: %w", err)
	}
	if err := p.checkStreams(info); err != nil {
		return fmt.Errorf("the labeled copy is wrong: %w", err)
	}
	out := &source{info: info, sar: 1}
	if !out.pickVideo() || out.video.Width != p.src.video.Width || out.video.Height != p.src.video.Height {
		return fmt.Errorf("the labeled copy's picture is not %d×%d", p.src.video.Width, p.src.video.Height)
	}
	if rotationOf(out.video) != p.src.rotation {
		return fmt.Errorf("the labeled copy lost its rotation of %d°", p.src.rotation)
	}
	if err := p.checkStarts(info); err != nil {
		return err
	}
	return p.checkEnd(info)
}

// firstPackets is when each stream's first packets play, by index, as
// the probe read them.
func firstPackets(info ffmpeg.Info) map[int]float64 {
	out := map[int]float64{}
	for i, s := range info.FirstSpans {
		out[i] = s.Start
	}
	return out
}

// checkStreams: the planned streams, in order, each of the planned type
// and codec.
func (p *plan) checkStreams(info ffmpeg.Info) error {
	if len(info.Streams) != len(p.streams) {
		return fmt.Errorf("it has %d streams, %d were planned", len(info.Streams), len(p.streams))
	}
	for k, o := range p.streams {
		st := info.Streams[k]
		if st.CodecType != o.kind || !sameCodec(st.CodecName, o.codec) {
			return fmt.Errorf("stream %d is %s %s, want %s %s", k, st.CodecType, st.CodecName, o.kind, o.codec)
		}
	}
	return nil
}

// sameCodec compares codec names as ffprobe gives them; MPEG audio
// layers 2 and 3 share one MP4 object type, so each may read as the
// other, and a track of a codec ffmpeg does not know stays unknown.
func sameCodec(got, want string) bool {
	mpeg := map[string]bool{"mp2": true, "mp3": true}
	return got == want || want == "unknown" || (mpeg[got] && mpeg[want])
}

// frame is one picture's duration, the unit timing is checked in: the
// longer of the nominal and the average frame's, since a variable-rate
// file states a fine time base as its rate (600 fps for 7).
func (p *plan) frame() float64 {
	f := 0.0
	for _, r := range []string{p.src.video.RFrameRate, p.src.video.AvgFrameRate} {
		if v := parseRatio(r, 0); v > 0 {
			f = math.Max(f, 1/v)
		}
	}
	if f == 0 || f > 1 {
		return 0.04
	}
	return f
}

// firstStart is the first of the streams' starts.
func firstStart(starts map[int]float64) float64 {
	first := math.Inf(1)
	for _, t := range starts {
		first = math.Min(first, t)
	}
	return first
}

// checkStarts: every stream starts when it started in the source (the
// slate delays copied streams, and a muxer that can't store a negative
// start moves all streams alike), within one frame. Starts are the first
// packets' times on both sides.
func (p *plan) checkStarts(out ffmpeg.Info) error {
	src, dst := firstPackets(p.src.info), firstPackets(out)
	shift, known, err := p.startShift(src, dst)
	if err != nil {
		// Containers with no timestamps of their own (MXF) are given them
		// by the muxer; the header's start times must agree then.
		src, dst = statedStarts(p.src.info), statedStarts(out)
		if shift, known, _ = p.startShift(src, dst); known {
			err = nil
		}
	}
	if err != nil || !known {
		return err
	}
	p.shift = shift
	for k, o := range p.streams {
		in, ok1 := src[o.src]
		out, ok2 := dst[k]
		if !ok1 || !ok2 || o.src < 0 {
			continue
		}
		if o.label == "chapters" {
			continue
		}
		want, tol := in+shift, p.frame()+0.001
		if o.label == "" && p.slatePNG != "" {
			want += p.slateSeconds()
		}
		if o.label == "[a]" {
			tol += p.primed() // a re-encoded track starts with its encoder's priming
			if p.soundFromStart {
				want = firstStart(src) + shift
			}
		}
		if math.Abs(out-want) > tol {
			return fmt.Errorf("stream %d of the labeled copy starts at %.3f s, the source's at %.3f s: it would play out of step", k, out, in)
		}
	}
	return nil
}

// startShift is how far the muxer moved the whole timeline, measured on
// the picture: 0, or the amount that made a negative start 0 (Matroska
// stores none). known is false when the picture's start can't be read.
func (p *plan) startShift(src, out map[int]float64) (shift float64, known bool, err error) {
	for k, o := range p.streams {
		if o.label != "[v]" {
			continue
		}
		in, ok1 := src[o.src]
		got, ok2 := out[k]
		if !ok1 || !ok2 {
			return 0, false, nil
		}
		shift = got - in
		switch {
		case math.Abs(shift) <= p.frame()+0.001:
			return 0, true, nil
		case shift > 0 && shift <= -earliest(src)+p.frame()+p.primed()+0.001:
			return shift, true, nil
		}
		return 0, true, fmt.Errorf("the labeled copy's picture starts at %.3f s, the source's at %.3f s", got, in)
	}
	return 0, false, nil
}

// statedStarts are the streams' start times as the header states them.
func statedStarts(info ffmpeg.Info) map[int]float64 {
	out := map[int]float64{}
	for i, st := range info.Streams {
		if v, ok := ffmpeg.Seconds(st.StartTime); ok {
			out[i] = v
		}
	}
	return out
}

// primed is one frame of the re-encoded sound, in seconds (0 when the
// sound is copied): encoders prime their first packet with that much,
// and a muxer that stores no negative time moves the whole timeline by it.
func (p *plan) primed() float64 {
	for _, o := range p.streams {
		if o.label != "[a]" {
			continue
		}
		rate := float64(audioRate(p.src))
		if p.src.audio == nil {
			rate = 48000
		}
		return float64(codecFrames[o.codec]) / rate
	}
	return 0
}

// codecFrames are sound codec frames in samples.
var codecFrames = map[string]int{
	"aac": 1024, "mp3": 1152, "mp2": 1152, "opus": 960, "vorbis": 2048, "ac3": 1536, "eac3": 1536,
	"wmav1": 2048, "wmav2": 2048, "flac": 4608, "alac": 4096,
}

// earliest is the earliest of the starts (negative when the sound
// starts before zero, as encoder priming does), at most 0.
func earliest(starts map[int]float64) float64 {
	return math.Min(0, firstStart(starts))
}

// audioFrame bounds a sound codec frame (AAC 1024, AC-3 1536 samples at
// 44.1 or 48 kHz, Opus 20 ms, Vorbis up to 2048): an encoder pads the
// last one and primes the first.
const audioFrame = 0.05

// checkEnd: the copy ends when the source's kept streams end, plus the
// slate and any shift of the whole timeline, within a picture frame and
// a sound frame.
func (p *plan) checkEnd(info ffmpeg.Info) error {
	in, ok := p.sourceEnd()
	if !ok {
		return nil
	}
	want := in + p.shift + p.slateSeconds()
	got, ok := streamsEnd(info, p.container)
	if !ok {
		return errors.New("the labeled copy states no duration")
	}
	if math.Abs(got-want) > p.frame()+audioFrame {
		return fmt.Errorf("the labeled copy ends at %.3f s, the source at %.3f s (plus %.3f s of slate)", got, in, p.slateSeconds())
	}
	return nil
}

// streamsEnd is when a file's streams end: the latest stated start plus
// duration, or the container's end. ffprobe gives an MP4's duration on
// the movie's timeline, which starts at 0, and others' from the first
// packet.
func streamsEnd(info ffmpeg.Info, container string) (float64, bool) {
	end, all := 0.0, len(info.Streams) > 0
	for _, st := range info.Streams {
		s, ok1 := ffmpeg.Seconds(st.StartTime)
		d, ok2 := ffmpeg.Seconds(st.Duration)
		if st.CodecType == "subtitle" || st.CodecType == "data" || st.CodecType == "attachment" {
			continue
		}
		if !ok1 || !ok2 {
			all = false
			break
		}
		end = math.Max(end, s+d)
	}
	if all && end > 0 {
		return end, true
	}
	start, _ := ffmpeg.Seconds(info.Format.StartTime)
	dur, ok := ffmpeg.Seconds(info.Format.Duration)
	if family(container) == "mp4" {
		return dur, ok
	}
	return start + dur, ok
}

// sourceEnd is when the source's streams that were kept end: each
// stream's packets' span (read for fragmented files), or its stated start
// and duration; the container's end when they are not stated.
func (p *plan) sourceEnd() (float64, bool) {
	end, all := 0.0, true
	for _, o := range p.streams {
		if o.src < 0 || o.label == "chapters" {
			continue
		}
		st := p.src.info.Streams[o.src]
		if sp, ok := p.src.spans[o.src]; ok {
			end = math.Max(end, sp.End)
			continue
		}
		if st.CodecType == "subtitle" || st.CodecType == "data" || st.CodecType == "attachment" {
			continue
		}
		s, ok1 := ffmpeg.Seconds(st.StartTime)
		d, ok2 := ffmpeg.Seconds(st.Duration)
		if !ok1 || !ok2 {
			all = false
			continue
		}
		end = math.Max(end, s+d)
	}
	if all && end > 0 {
		return end, true
	}
	if p.src.spans != nil {
		return p.src.start.Seconds() + p.src.duration.Seconds(), true
	}
	return streamsEnd(p.src.info, p.src.container)
}
