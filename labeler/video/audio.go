package video

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// duckRelease is how long the programme takes to come back to full level
// after the notice: short enough not to lose words, long enough not to
// pump.
const duckRelease = 0.5

// mixArgs are the arguments of the run that makes the labeled sound
// track for the main run: the source (input 0) and the notice (input 1,
// or 0 for a silent video's notice track) mixed into a lossless stream
// that keeps the source's timestamps, written to the main run's input
// as it goes (ffmpeg.RunProgressFed). Mixing in the main run, beside the
// picture, lets ffmpeg 5.1 end the sound early when the picture's input
// runs out (amix loses the samples it still holds).
func (p *plan) mixArgs() []string {
	args := []string{"-v", "error", "-copyts"}
	in := inputs{notice: 0}
	if p.src.audio != nil {
		args = append(args, "-i", ffmpeg.SafePath(p.input))
		in.notice = 1
	}
	if p.noticeWAV != "" {
		args = append(args, "-i", ffmpeg.SafePath(p.noticeWAV))
	}
	codec := []string{"-c:a", "flac", "-sample_fmt", "s32"}
	if audioChannels(p.src) > 8 {
		codec = []string{"-c:a", "pcm_f32le"}
	}
	args = append(args, "-filter_complex", strings.Join(p.trimmed(p.audioGraph(in)), ";"), "-map", "[a]")
	return append(append(args, codec...), "-f", "matroska", "pipe:1")
}

// audioGraph returns the filters that make the sound track [a], or nil
// when the source's sound is copied untouched. The notice starts with
// the file (over the slate, when there is one) and the programme is
// ducked under it.
func (p *plan) audioGraph(in inputs) []string {
	if p.src.audio == nil {
		if p.noticeWAV == "" {
			return nil
		}
		total := p.src.duration.Seconds() + p.slateSeconds()
		return []string{fmt.Sprintf("[%d:a]apad=whole_dur=%.3f,atrim=duration=%.3f[a]", in.notice, total, total)}
	}
	if p.noticeWAV == "" && p.slatePNG == "" {
		return nil
	}
	var g []string
	prog := "[0:a:0]"
	if p.slatePNG != "" {
		// Delayed by the slate like the picture, from the same start.
		g = append(g, fmt.Sprintf("[0:a:0]adelay=delays=%d:all=1[prog]", int(p.slateSeconds()*1000+0.5)))
		prog = "[prog]"
	}
	if p.noticeWAV == "" {
		return append(g, prog+"anull[a]")
	}
	return append(g, p.duck(prog)+"[d]", p.noticeIn(in)+"[n]",
		"[d][n]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[a]")
}

// duck lowers the programme by Duck dB while the notice plays, then
// brings it back over duckRelease seconds. t counts from the sound's own
// start, which timestamps copied from the source keep.
func (p *plan) duck(prog string) string {
	end := p.aStart() + p.noticeLen.Seconds()
	return fmt.Sprintf("%svolume=volume='pow(10,-%g*(1-clip((t-%.3f)/%g,0,1))/20)':eval=frame",
		prog, p.spec.Video.Duck, end, duckRelease)
}

// noticeIn converts the notice to the programme's rate and layout.
func (p *plan) noticeIn(in inputs) string {
	rate, layout := p.audioFormat()
	return fmt.Sprintf("[%d:a]aformat=sample_rates=%d:channel_layouts=%s", in.notice, rate, layout)
}

// audioFormat is the programme's sample rate and channel layout (48 kHz
// stereo for the notice-only track).
func (p *plan) audioFormat() (int, string) {
	if p.src.audio == nil {
		return 48000, "stereo"
	}
	return audioRate(p.src), audioLayout(p.src)
}

func audioRate(s *source) int {
	if r, err := strconv.Atoi(s.audio.SampleRate); err == nil && r > 0 {
		return r
	}
	return 48000
}

func audioChannels(s *source) int {
	if s.audio == nil || s.audio.Channels <= 0 {
		return 2
	}
	return s.audio.Channels
}

func audioLayout(s *source) string {
	l := s.audio.ChannelLayout
	if l == "" || strings.Contains(l, "unknown") {
		return fmt.Sprintf("%dc", audioChannels(s))
	}
	return l
}

func (p *plan) slateSeconds() float64 {
	if p.slatePNG == "" {
		return 0
	}
	return p.spec.Video.SlateSeconds
}

// total is the output's expected duration.
func (p *plan) total() time.Duration {
	return p.src.duration + time.Duration(p.slateSeconds()*float64(time.Second))
}

// aStart is when the source's sound starts, seconds.
func (p *plan) aStart() float64 {
	if p.src.audio == nil {
		return 0
	}
	v, _ := ffmpeg.Seconds(p.src.audio.StartTime)
	return v
}
