package video

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// How a smart render makes its sound track.
const (
	audioNone   = iota // no sound and none added
	audioCopy          // the source's sound copied whole (no notice, no slate)
	audioSplice        // re-encoded up to a packet after the notice, copied after it
	audioWhole         // re-encoded whole: a codec that can't be joined, or a notice-only track
)

// audioMargin is how far past the notice's ducking the sound is still
// re-encoded, so the join never falls inside the fade back.
const audioMargin = 0.25

// audioJoin is the plan for the sound.
type audioJoin struct {
	mode    int
	cut     float64 // first copied packet, seconds from the file's start
	rate    int     // samples per second
	frame   int     // samples per packet
	delay   int     // the encoder's priming, samples
	silence int     // samples under the slate
	lead    int     // samples between the file's start and the sound's
	pad     int     // silence before everything, so the head's packets end on the cut
	note    string  // why the sound was re-encoded whole
}

// join is where, in output samples, the copied packets begin.
func (a audioJoin) join() int { return a.silence + int(math.Round(a.cut*float64(a.rate))) }

// planAudio chooses how to make the sound; it never stops the smart
// render of the picture.
func (s *smart) planAudio(ctx context.Context) (string, error) {
	a := s.p.src.audio
	switch {
	case a == nil && s.p.noticeWAV == "":
		s.audio.mode = audioNone
	case a == nil:
		s.audio.mode = audioWhole
	case s.p.noticeWAV == "" && s.p.slatePNG == "":
		s.audio.mode = audioCopy
	default:
		why, err := s.planSplice(ctx)
		if err != nil {
			return "", err
		}
		s.audio.mode = audioSplice
		if why != "" {
			s.audio.mode, s.audio.note = audioWhole, "the sound was re-encoded whole: "+why
		}
	}
	return "", nil
}

// planSplice finds the first packet after the notice and the padding
// that lines the new packets up with it.
func (s *smart) planSplice(ctx context.Context) (string, error) {
	a := s.p.src.audio
	delay, ok := map[string]int{"aac": 1024, "opus": 312}[a.CodecName]
	if !ok || (a.CodecName == "aac" && a.Profile != "LC") {
		return a.CodecName + " " + a.Profile + " sound can't be joined", nil
	}
	d, err := ffmpeg.StreamDetail(ctx, s.p.input, a.Index)
	if err != nil {
		return "", err
	}
	rate, _ := strconv.Atoi(d.SampleRate)
	if d.TimeBaseDen() == 0 || rate <= 0 {
		return "the sound's clock is unusual", nil
	}
	from := max(0, s.p.noticeLen.Seconds()+duckRelease-s.p.slateSeconds()) + audioMargin
	ps, err := ffmpeg.Packets(ctx, s.p.input, a.Index, s.start+from, 10)
	if err != nil {
		return "", err
	}
	tb := 1 / float64(d.TimeBaseDen())
	for _, pk := range ps {
		if rel := float64(pk.PTS)*tb - s.start; rel >= from && pk.Duration > 0 {
			s.audio = audioJoin{cut: rel, rate: rate, delay: delay, frame: frameSamples(a.CodecName, pk.Duration, tb, rate),
				silence: int(math.Round(s.p.slateSeconds() * float64(rate))),
				lead:    max(0, int(math.Round((float64(d.StartPTS)*tb-s.start)*float64(rate))))}
			s.audio.pad = mod(-s.audio.join()-delay, s.audio.frame)
			s.p.soundFromStart = s.audio.lead > 0
			return "", nil
		}
	}
	return "the sound ends before the notice does", nil
}

// frameSamples is how many samples a packet holds: AAC-LC always 1024,
// Opus whatever the source's encoder chose (20 ms is usual).
func frameSamples(codec string, dur int64, tb float64, rate int) int {
	if codec == "aac" {
		return 1024
	}
	return int(math.Round(float64(dur) * tb * float64(rate)))
}

func mod(a, m int) int { return ((a % m) + m) % m }

// audioTrack makes the sound track's file(s) and returns what the final
// mux reads: the joined halves, a whole encode, or nothing (the sound is
// copied with the other streams, or there is none).
func (s *smart) audioTrack(ctx context.Context, st *stages) (track, error) {
	switch s.audio.mode {
	case audioWhole:
		out := s.work("sound" + s.audioJoinExt())
		return track{segs: []segment{{path: out}}}, s.runAudio(ctx, s.wholeArgs(out), st)
	case audioSplice:
		return s.spliceAudio(ctx, st)
	}
	return track{}, nil
}

// audioJoinExt is the container of the new sound: MP4 (MOV for MOV),
// whatever the output. Its edit list is the one place the encoder's
// priming and the padding can sit before time 0 and still reach the
// output with their negative time stamps, and the concat demuxer needs
// both halves of a join on the same clock (the sample rate).
func (s *smart) audioJoinExt() string {
	if s.p.container == "mov" {
		return ".mov"
	}
	return ".mp4"
}

func (s *smart) runAudio(ctx context.Context, args []string, st *stages) error {
	return ffmpeg.RunProgress(ctx, s.p.total(), st.at(stageAudio), args...)
}

// audioInputs are the sources of the sound graph: the programme (cut
// short when only its start is needed) and the notice.
func (s *smart) audioInputs(limit float64) ([]string, inputs) {
	args := []string{"-v", "error"}
	if limit > 0 {
		args = append(args, "-t", fmt.Sprintf("%.6f", limit))
	}
	args = append(args, "-i", ffmpegPath(s.p.input))
	in := inputs{notice: -1}
	if s.p.noticeWAV != "" {
		args, in.notice = append(args, "-i", ffmpegPath(s.p.noticeWAV)), 1
	}
	return args, in
}

// wholeArgs re-encodes the whole sound track with the notice mixed in.
func (s *smart) wholeArgs(out string) []string {
	args, in := s.audioInputs(0)
	g := s.p.audioGraph(in)
	args = append(args, "-filter_complex", strings.Join(g, ";"), "-map", "[a]", "-vn", "-sn", "-dn")
	args = append(args, plainOutput...)
	return append(append(args, s.p.audioEnc...), "-y", ffmpegPath(out))
}

// headAudioArgs encodes the opening sound (slate silence, the programme
// ducked under the notice) up to two packets past the cut, behind pad
// samples of silence; -output_ts_offset moves the pad and the priming
// before time 0, where the container's edit list skips them.
func (s *smart) headAudioArgs(out string) []string {
	a := s.audio
	upto := a.cut + float64(3*a.frame)/float64(a.rate)
	args, in := s.audioInputs(upto)
	rate, layout := s.p.audioFormat()
	g := append([]string{s.programme()}, s.p.audioGraph(in)...)
	for i := 1; i < len(g); i++ {
		g[i] = strings.Replace(g[i], "[0:a:0]", "[prog]", 1)
	}
	g = append(g, fmt.Sprintf("[a]atrim=end_sample=%d[t]", a.join()+2*a.frame))
	last := "[t]"
	if a.pad > 0 {
		g = append(g, fmt.Sprintf("anullsrc=r=%d:cl=%s,atrim=end_sample=%d[pad]", rate, layout, a.pad),
			"[pad][t]concat=n=2:v=0:a=1[h]")
		last = "[h]"
	}
	g = append(g, last+"asetpts=N/SR/TB[out]")
	args = append(args, "-filter_complex", strings.Join(g, ";"), "-map", "[out]", "-vn", "-sn", "-dn")
	args = append(args, plainOutput...)
	args = append(args, s.p.audioEnc...)
	if s.p.src.audio.CodecName == "opus" {
		args = append(args, "-frame_duration", strconv.FormatFloat(float64(a.frame)*1000/float64(a.rate), 'f', -1, 64))
	}
	return append(args, "-output_ts_offset", fmt.Sprintf("-%.9f", float64(a.pad)/float64(a.rate)), "-y", ffmpegPath(out))
}

// programme is the source's sound with time stamps counted in samples
// (a source on a millisecond clock, Matroska, would lend its rounding to
// the new packets, and the join is found by their time stamps), behind
// as much silence as it starts after the picture. The new sound thus
// starts at 0: a positive start would be written in an edit list in
// milliseconds, and the join must be exact to the sample.
func (s *smart) programme() string {
	f := "[0:a:0]asetpts=N/SR/TB"
	if s.audio.lead > 0 {
		f += fmt.Sprintf(",adelay=delays=%dS:all=1", s.audio.lead)
	}
	return f + "[prog]"
}

// plainOutput keeps an intermediate file to its one stream: ffmpeg copies
// chapters by default, and an MP4 with chapters gains a chapter track,
// whose start moves the file's start time, which the concat demuxer
// aligns segments by (a source with chapters came out 10 ms off).
var plainOutput = []string{"-map_chapters", "-1", "-map_metadata", "-1"}

// tailAudioArgs copies the source's sound packets from the cut on; the
// half-packet margin keeps rounding from dropping the first of them.
func (s *smart) tailAudioArgs(out string) []string {
	ss := s.audio.cut - float64(s.audio.frame)/float64(s.audio.rate)/2
	return []string{"-v", "error", "-i", ffmpegPath(s.p.input), "-map", "0:" + strconv.Itoa(s.p.src.audio.Index),
		"-c", "copy", "-ss", fmt.Sprintf("%.6f", ss), "-map_chapters", "-1", "-map_metadata", "-1", "-y", ffmpegPath(out)}
}
