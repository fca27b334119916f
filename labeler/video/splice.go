package video

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// spliceAudio encodes the sound's head, copies its tail, checks that
// they meet on a packet boundary with the same codec set-up, and returns
// the concat list that joins them.
func (s *smart) spliceAudio(ctx context.Context, st *stages) (track, error) {
	head, tail := s.work("sound-head"+s.audioJoinExt()), s.work("sound-tail"+s.audioJoinExt())
	if err := s.runAudio(ctx, s.headAudioArgs(head), st); err != nil {
		return track{}, err
	}
	if _, err := ffmpeg.Run(ctx, "ffmpeg", s.tailAudioArgs(tail)...); err != nil {
		return track{}, err
	}
	if why, err := s.audioMatches(ctx, head); err != nil || why != "" {
		if err != nil {
			return track{}, err
		}
		s.audio.mode, s.audio.note = audioWhole, "the sound was re-encoded whole: "+why
		return s.audioTrack(ctx, st)
	}
	start, err := formatStart(ctx, head)
	if err != nil {
		return track{}, err
	}
	out := float64(s.audio.join()) / float64(s.audio.rate)
	return track{segs: []segment{{path: head, outpoint: out}, {path: tail}}, offset: start + s.opusDelayFix()}, nil
}

// audioMatches compares the new head's codec set-up with the source's
// (the joined track has one) and, where the clock allows, checks that a
// head packet ends exactly where the copied ones begin.
func (s *smart) audioMatches(ctx context.Context, head string) (string, error) {
	src, err := ffmpeg.StreamDetail(ctx, s.p.input, s.p.src.audio.Index)
	if err != nil {
		return "", err
	}
	got, err := ffmpeg.StreamDetail(ctx, head, 0)
	if err != nil {
		return "", err
	}
	if !sameAudioSetup(s.p.src.audio.CodecName, src.Extradata, got.Extradata) {
		return "the encoder's set-up differs from the source's", nil
	}
	if got.TimeBaseDen() != s.audio.rate {
		return "", nil // Matroska's millisecond clock: the math above is all there is
	}
	at := int64(s.audio.join() - s.audio.frame)
	ps, err := ffmpeg.Packets(ctx, head, 0, float64(at)/float64(s.audio.rate)-0.1, 0.5)
	if err != nil {
		return "", err
	}
	for _, p := range ps {
		if p.PTS == at && p.Duration == int64(s.audio.frame) {
			return "", nil
		}
	}
	return "the new packets do not line up with the copied ones", nil
}

// sameAudioSetup compares codec set-ups: for AAC the object type, rate
// and channel configuration (the first 13 bits of the
// AudioSpecificConfig), for Opus the channel count and mapping (OpusHead
// without pre-skip, input rate and gain).
func sameAudioSetup(codec string, a, b []byte) bool {
	switch codec {
	case "aac":
		return len(a) >= 2 && len(b) >= 2 && a[0] == b[0] && a[1]&0xF8 == b[1]&0xF8 && a[1]&0x78 != 0
	case "opus":
		return len(a) >= 19 && len(b) >= 19 && a[9] == b[9] && bytes.Equal(a[18:], b[18:])
	}
	return false
}

// writeList writes a concat demuxer script for the segments.
func (s *smart) writeList(name string, segs []segment) (string, error) {
	var b strings.Builder
	b.WriteString("ffconcat version 1.0\n")
	for _, seg := range segs {
		// The concat demuxer reads a relative name from the list's
		// folder, not the working directory.
		abs, err := filepath.Abs(seg.path)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "file %s\n", concatQuote(abs))
		switch {
		case seg.isSrc:
			fmt.Fprintf(&b, "inpoint %.6f\n", seg.in)
		case seg.outpoint > 0:
			// Rounded down to the microsecond, so that the packet
			// starting exactly there is dropped, not kept.
			fmt.Fprintf(&b, "outpoint %.6f\n", math.Floor(seg.outpoint*1e6)/1e6)
		case seg.dur > 0:
			fmt.Fprintf(&b, "duration %.6f\n", seg.dur)
		}
	}
	path := s.work(name)
	return path, os.WriteFile(path, []byte(b.String()), 0o600)
}

// concatQuote quotes a path for a concat script: inside single quotes,
// a quote is written '\”.
func concatQuote(p string) string {
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}

// mux joins the picture and the sound with every other stream the plan
// keeps, laid out as a full render lays them out.
func (s *smart) mux(ctx context.Context, video, audio track, st *stages) error {
	args, err := s.input([]string{"-v", "error", "-copyts"}, "video.txt", video)
	if err != nil {
		return err
	}
	src, sound := 1, -1
	if len(audio.segs) > 0 {
		if args, err = s.input(args, "sound.txt", audio); err != nil {
			return err
		}
		src, sound = 2, 1
	}
	args = append(args, "-itsoffset", fmt.Sprintf("%.6f", s.p.slateSeconds()-s.start), "-i", ffmpegPath(s.p.input))
	args = append(args, s.maps(src, sound)...)
	args = append(args, s.muxCodecArgs()...)
	return ffmpeg.RunProgress(ctx, s.p.total(), st.at(stageMux), append(args, "-y", ffmpegPath(s.p.output))...)
}

// input adds a track as an input: one file read as it is, or a concat
// list of several.
func (s *smart) input(args []string, list string, t track) ([]string, error) {
	args = append(args, "-itsoffset", fmt.Sprintf("%.6f", t.offset))
	if len(t.segs) == 1 && !t.segs[0].isSrc {
		return append(args, "-i", ffmpegPath(t.segs[0].path)), nil
	}
	path, err := s.writeList(list, t.segs)
	if err != nil {
		return nil, err
	}
	return append(args, "-f", "concat", "-safe", "0", "-auto_convert", "0", "-i", ffmpegPath(path)), nil
}

// maps lays the streams out in the plan's order (the source's, less what
// the container can't hold): the joined picture (input 0), the joined
// sound (input sound, -1 without one) and every other stream copied
// from the source (input src), with the source's chapters, tags and
// dispositions.
func (s *smart) maps(src, sound int) []string {
	var maps []string
	for _, o := range s.p.streams {
		isAudio := o.label == "[a]" || (s.p.src.audio != nil && o.src == s.p.src.audio.Index)
		switch {
		case o.label == "[v]":
			maps = append(maps, "-map", fmt.Sprintf("0:%d", s.p.src.video.Index))
		case isAudio && sound >= 0:
			maps = append(maps, "-map", fmt.Sprintf("%d:0", sound))
		case o.src >= 0 && o.label != "chapters":
			maps = append(maps, "-map", fmt.Sprintf("%d:%d", src, o.src))
		}
	}
	in := strconv.Itoa(src)
	maps = append(maps, "-map_metadata", in, "-map_chapters", in)
	return append(maps, s.p.streamMeta(src)...)
}

// muxCodecArgs copies everything, keeps the source's clock and sample
// entry name, and adds the marks' tags.
func (s *smart) muxCodecArgs() []string {
	args := []string{"-c", "copy"}
	if family(s.p.container) == "mp4" {
		args = append(args, "-video_track_timescale", strconv.Itoa(s.vd.TimeBaseDen()))
		if tag := s.vd.CodecTag; tag == "avc1" || tag == "avc3" || tag == "hvc1" || tag == "hev1" {
			args = append(args, "-tag:v:0", tag)
		}
	}
	return append(args, s.p.meta...)
}

// opusDelayFix: ffmpeg 5.1's Matroska demuxer reports Opus packets a
// CodecDelay early, and its muxer does not add it back; copied packets
// would drift that much ahead of the picture.
func (s *smart) opusDelayFix() float64 {
	if !matroska(s.p.container) || s.p.src.audio.CodecName != "opus" {
		return 0
	}
	return float64(s.audio.delay) / 48000
}
