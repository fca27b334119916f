package video

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// duckRelease is how long the programme takes to come back to full level
// after the notice: short enough not to lose words, long enough not to
// pump.
const duckRelease = 0.5

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
		rate, layout := p.audioFormat()
		g = append(g, fmt.Sprintf("anullsrc=r=%d:cl=%s,atrim=duration=%.3f[sil]", rate, layout, p.slateSeconds()),
			"[sil][0:a:0]concat=n=2:v=0:a=1[prog]")
		prog = "[prog]"
	}
	if p.noticeWAV == "" {
		return append(g, prog+"anull[a]")
	}
	return append(g, p.duck(prog)+"[d]", p.noticeIn(in)+"[n]",
		"[d][n]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[a]")
}

// duck lowers the programme by Duck dB while the notice plays, then
// brings it back over duckRelease seconds.
func (p *plan) duck(prog string) string {
	end := p.noticeLen.Seconds()
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
