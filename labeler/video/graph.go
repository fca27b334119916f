package video

import (
	"fmt"
	"image"
	"strconv"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// plan is one ffmpeg run: the inputs beside the source, what to do with
// the picture and the sound, and the streams of the labeled copy.
type plan struct {
	src       *source
	input     string
	output    string
	container string // the output's, a key of containers
	spec      labeler.Spec
	enc       encoding
	badgePNG  string
	badgeAt   image.Point
	audioEnc  []string      // encoder arguments when the sound is re-encoded
	trim      float64       // seconds of the sound's start its encoder's priming replaces
	slatePNG  string        // "" without a slate
	noticeWAV string        // "" without a spoken notice
	noticeLen time.Duration // the notice's length, for ducking
	chapters  string        // an ffmetadata file of chapters moved by the slate
	mix       []string      // the run mixing the labeled sound track, fed to the main run; nil: none
	meta      []string      // -metadata arguments
	packet    []byte        // the XMP packet
	streams   []outStream   // the labeled copy's streams, in order
	shift     float64       // how far the muxer moved the whole timeline (read back)
	aigc      bool          // the TC260 AIGC record is written (cn profile)
	// soundFromStart: the labeled sound starts with the file, silent
	// until the source's sound began (a smart render's joined track).
	soundFromStart bool
	// region is the badge as recorded for `check`.
	region *provenance.Region
}

// inputs are numbered in this order; optional ones only when used.
type inputs struct {
	badge, slate, notice, rest, chapters, mixed int
}

// args builds ffmpeg's command line (without the progress options).
// Timestamps are copied as they are (-copyts): every stream starts when
// it started in the source, so sound, picture and subtitles stay in step.
func (p *plan) args() []string {
	args, in := p.inputArgs()
	graph, _ := p.graph(in)
	args = append(args, "-filter_complex", graph)
	for _, o := range p.streams {
		switch o.label {
		case "[v]":
			args = append(args, "-map", o.label)
		case "[a]":
			args = append(args, "-map", fmt.Sprintf("%d:a:0", in.mixed))
		case "":
			args = append(args, "-map", fmt.Sprintf("%d:%d", in.rest, o.src))
		}
	}
	args = append(args, "-map_metadata", "0", "-map_chapters", strconv.Itoa(in.chapters))
	args = append(args, p.streamMeta(0)...)
	return append(args, p.codecArgs()...)
}

// inputArgs lists the inputs: the source, the badge, the slate, the
// mixed sound, the source again offset by the slate (for copied
// streams) and the moved chapters.
func (p *plan) inputArgs() ([]string, inputs) {
	args := append(append([]string{"-v", "error"}, p.enc.inputArgs...),
		"-copyts", "-noautorotate", "-i", ffmpeg.SafePath(p.input), "-i", ffmpeg.SafePath(p.badgePNG))
	in := inputs{badge: 1, slate: -1, notice: -1, mixed: -1}
	n := 2
	if p.slatePNG != "" {
		args = append(args, "-loop", "1", "-framerate", p.src.frameRate(), "-t", p.slateSecs(), "-i", ffmpeg.SafePath(p.slatePNG))
		in.slate, n = n, n+1
	}
	if p.mix != nil {
		args = append(args, "-f", "matroska", "-i", "pipe:0")
		in.mixed, n = n, n+1
	}
	if p.slatePNG != "" {
		// Streams copied as they are (subtitles, other sound tracks)
		// start after the slate too.
		args = append(args, "-noautorotate", "-itsoffset", p.slateSecs(), "-i", ffmpeg.SafePath(p.input))
		in.rest, n = n, n+1
	}
	if p.chapters != "" {
		args = append(args, "-f", "ffmetadata", "-i", ffmpeg.SafePath(p.chapters))
		in.chapters = n
	}
	return args, in
}

// streamMeta gives each stream of the copy its source stream's tags
// (language, title, handler) and dispositions; ffmpeg copies them for
// copied streams but not for the filter graph's outputs.
func (p *plan) streamMeta(source int) []string {
	var args []string
	for k, o := range p.streams {
		if o.src < 0 {
			continue
		}
		args = append(args, fmt.Sprintf("-map_metadata:s:%d", k), fmt.Sprintf("%d:s:%d", source, o.src))
		if o.label != "" {
			args = append(args, fmt.Sprintf("-disposition:%d", k), disposition(p.src.info.Streams[o.src]))
		}
	}
	return args
}

// disposition is a stream's disposition flags as ffmpeg takes them.
func disposition(st ffmpeg.Stream) string {
	var on []string
	for _, f := range []string{"default", "forced", "original", "dub", "comment", "hearing_impaired", "visual_impaired", "captions", "descriptions"} {
		if st.Disposition[f] != 0 {
			on = append(on, f)
		}
	}
	if len(on) == 0 {
		return "0"
	}
	return strings.Join(on, "+")
}

// codecArgs encode the filtered streams and copy the rest.
func (p *plan) codecArgs() []string {
	args := []string{"-c", "copy"}
	for k, o := range p.streams {
		switch o.label {
		case "[v]":
			// Each frame keeps its timestamp: no frame is dropped or
			// repeated to make a variable rate constant.
			args = append(args, fmt.Sprintf("-c:%d", k), p.enc.codec, fmt.Sprintf("-fps_mode:%d", k), "passthrough")
			args = append(args, indexed(p.enc.args, k)...)
			args = append(args, indexed(colourArgs(p.src.video), k)...)
		case "[a]":
			args = append(args, indexed(p.audioEnc, k)...)
		}
	}
	args = append(args, containers[p.container].args...)
	args = append(args, p.meta...)
	return append(args, "-f", containers[p.container].muxer, "-y", ffmpeg.SafePath(p.output))
}

// indexed points per-stream options ("-crf", "-c:a:0") at output stream
// k; options that are not per stream pass through.
func indexed(args []string, k int) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if base, _, ok := strings.Cut(a, ":"); ok && strings.HasPrefix(a, "-") {
			a = base
		}
		if perStream[a] && i+1 < len(args) {
			out = append(out, fmt.Sprintf("%s:%d", a, k), args[i+1])
			i++
			continue
		}
		out = append(out, args[i])
	}
	return out
}

// perStream lists the options that take a stream specifier.
var perStream = map[string]bool{
	"-c": true, "-b": true, "-crf": true, "-preset": true, "-pix_fmt": true, "-q": true, "-tag": true,
	"-color_primaries": true, "-color_trc": true, "-colorspace": true, "-color_range": true,
	"-x265-params": true, "-deadline": true, "-cpu-used": true, "-row-mt": true, "-profile": true,
	"-svtav1-params": true, "-qscale": true, "-g": true,
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
		g = append(g, p.slateGraph(in, vout)...)
	}
	if p.enc.upload != "" {
		g = append(g, vout+p.enc.upload[1:]+"[v]")
	}
	return strings.Join(g, ";"), false
}

// slateGraph puts the slate before the programme without moving its
// timestamps' origin: the programme is delayed by the slate (tpad), and
// the slate card covers the delay, so the picture still starts when it
// started and stays in step with the sound, delayed alike.
func (p *plan) slateGraph(in inputs, out string) []string {
	start := p.vStart()
	return []string{
		fmt.Sprintf("[pv]tpad=start_duration=%s:color=black[pad]", p.slateSecs()),
		fmt.Sprintf("[%d:v]scale=%d:%d:out_color_matrix=%s:out_range=%s,format=%s,setsar=%s,setpts=PTS-STARTPTS+%.6f/TB[sv]",
			in.slate, p.src.video.Width, p.src.video.Height, matrixOf(p.src.video), rangeOf(p.src.video), p.enc.pixFmt, p.sar(), start),
		fmt.Sprintf("[pad][sv]overlay=eof_action=pass:enable='lt(t,%.6f)',format=%s%s", start+p.slateSeconds(), p.enc.pixFmt, out),
	}
}

// enable limits the badge to the first seconds in start mode and hides
// it in slate mode; t is the frame's time, which starts at the picture's
// start time (-copyts).
func (p *plan) enable() string {
	switch p.spec.Video.BadgeMode {
	case labeler.BadgeSlate: // the slate is the label
		return ":enable=0"
	case labeler.BadgeAll:
		return ""
	}
	return fmt.Sprintf(":enable='lt(t,%.3f)'", p.vStart()+p.spec.Video.BadgeSeconds)
}

// vStart is when the source's picture starts, seconds.
func (p *plan) vStart() float64 {
	v, _ := ffmpeg.Seconds(p.src.video.StartTime)
	return v
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
