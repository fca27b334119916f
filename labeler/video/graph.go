package video

import (
	"fmt"
	"image"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// plan is one ffmpeg run: the inputs beside the source and what to do
// with the picture and the sound.
type plan struct {
	src       *source
	input     string
	output    string
	container string // mp4, mov, webm, matroska, avi
	spec      labeler.Spec
	enc       encoding
	badgePNG  string
	badgeAt   image.Point
	audioEnc  []string      // encoder arguments when the sound is re-encoded
	slatePNG  string        // "" without a slate
	noticeWAV string        // "" without a spoken notice
	noticeLen time.Duration // the notice's length, for ducking
	meta      []string      // -metadata arguments
	packet    []byte        // the XMP packet
}

// inputs are numbered in this order; optional ones only when used.
type inputs struct {
	badge, slate, notice, rest int
}

// args builds ffmpeg's command line (without the progress options).
func (p *plan) args() []string {
	var in inputs
	args := append(append([]string{"-v", "error"}, p.enc.inputArgs...), "-noautorotate", "-i", ffmpeg.SafePath(p.input), "-i", ffmpeg.SafePath(p.badgePNG))
	n := 2
	in.badge, in.slate, in.notice, in.rest = 1, -1, -1, 0
	if p.slatePNG != "" {
		args = append(args, "-loop", "1", "-framerate", p.src.frameRate(), "-t", p.slateSecs(), "-i", ffmpeg.SafePath(p.slatePNG))
		in.slate, n = n, n+1
	}
	if p.noticeWAV != "" {
		args = append(args, "-i", ffmpeg.SafePath(p.noticeWAV))
		in.notice, n = n, n+1
	}
	if p.slatePNG != "" {
		// Streams copied as they are (subtitles, other sound tracks)
		// start after the slate too.
		args = append(args, "-noautorotate", "-itsoffset", p.slateSecs(), "-i", ffmpeg.SafePath(p.input))
		in.rest = n
	}
	graph, audio := p.graph(in)
	args = append(args, "-filter_complex", graph, "-map", "[v]")
	if audio {
		args = append(args, "-map", "[a]")
	}
	args = append(args, p.copyMaps(in.rest, audio)...)
	return append(args, p.codecArgs(audio)...)
}

// copyMaps keeps every other stream, chapters and tags of the source.
// Streams are named one by one: ffmpeg 5.1's negative maps ("-map
// -0:v:0") also cancel filter outputs, which would drop the picture.
func (p *plan) copyMaps(rest int, audioDone bool) []string {
	var maps []string
	for _, st := range p.src.info.Streams {
		if st.Index == p.src.video.Index || (audioDone && p.src.audio != nil && st.Index == p.src.audio.Index) {
			continue
		}
		maps = append(maps, "-map", fmt.Sprintf("%d:%d", rest, st.Index))
	}
	return append(maps, "-map_metadata", "0", "-map_chapters", "0")
}

func (p *plan) codecArgs(audio bool) []string {
	args := []string{"-c", "copy", "-c:v:0", p.enc.codec}
	args = append(args, p.enc.args...)
	args = append(args, colourArgs(p.src.video)...)
	if audio {
		args = append(args, p.audioEnc...)
	}
	args = append(args, p.meta...)
	return append(args, "-y", ffmpeg.SafePath(p.output))
}

// graph is the filter graph: the badge overlaid on the picture, the slate
// in front, the notice mixed into the sound. It reports whether it
// produces a sound track [a].
func (p *plan) graph(in inputs) (string, bool) {
	vout := "[v]"
	if p.enc.upload != "" {
		vout = "[vsw]" // the frames go to the GPU last
	}
	out := vout
	if p.slatePNG != "" {
		out = "[pv]"
	}
	bd, format := badgeFilter(in.badge, p.src.video)
	g := []string{bd, fmt.Sprintf("[0:v:%d][bd]overlay=%d:%d:format=%s%s,format=%s,setsar=%s%s",
		p.src.vIndex, p.badgeAt.X, p.badgeAt.Y, format, p.enable(), p.enc.pixFmt, p.sar(), out)}
	if p.slatePNG != "" {
		g = append(g, fmt.Sprintf("[%d:v]scale=%d:%d,format=%s,setsar=%s[sv]",
			in.slate, p.src.video.Width, p.src.video.Height, p.enc.pixFmt, p.sar()),
			"[sv][pv]concat=n=2:v=1:a=0"+vout)
	}
	if p.enc.upload != "" {
		g = append(g, vout+p.enc.upload[1:]+"[v]")
	}
	a := p.audioGraph(in)
	return strings.Join(append(g, a...), ";"), len(a) > 0
}

// enable limits the badge to the first seconds in start mode; t is the
// frame's time, which starts at the file's start time.
func (p *plan) enable() string {
	switch p.spec.Video.BadgeMode {
	case labeler.BadgeSlate: // the slate is the label
		return ":enable=0"
	case labeler.BadgeAll:
		return ""
	}
	st := seconds(p.src.info.Format.StartTime).Seconds()
	return fmt.Sprintf(":enable='lt(t,%.3f)'", st+p.spec.Video.BadgeSeconds)
}

// sar is the source's pixel aspect as setsar takes it.
func (p *plan) sar() string {
	r := strings.Replace(p.src.video.SampleAspect, ":", "/", 1)
	if parseRatio(r, 0) <= 0 {
		return "1"
	}
	return r
}

func (p *plan) slateSecs() string {
	return fmt.Sprintf("%.3f", p.spec.Video.SlateSeconds)
}
