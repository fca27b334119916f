package video

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// encoding is how the labeled picture is encoded: the encoder, its
// options, and remarks for the person when the source's codec or pixel
// format could not be kept.
type encoding struct {
	codec  string
	args   []string
	pixFmt string
	notes  []string
	// A hardware encoder's needs (hwenc.go): options before the inputs,
	// and a filter ending the graph.
	inputArgs []string
	upload    string
}

// chooseVideo picks an encoder in the source's codec family: the label
// forces one re-encode, and staying in the family keeps the file playable
// wherever the original was.
func chooseVideo(ctx context.Context, s *source, container string, v labeler.VideoSpec) encoding {
	hw, note, ok := hardwareEncoding(ctx, s, container, v)
	if ok {
		return hw
	}
	e := familyEncoder(ctx, s.video.CodecName, container)
	if note != "" {
		e.notes = append(e.notes, note)
	}
	crf := strconv.Itoa(v.CRF)
	switch e.codec {
	case "libx264":
		e.args = []string{"-crf", crf, "-preset", v.Preset}
	case "libx265":
		e.args = []string{"-crf", crf, "-preset", v.Preset, "-x265-params", "log-level=error"}
		if family(container) == "mp4" {
			e.args = append(e.args, "-tag:v", "hvc1") // what Apple players expect
		}
	case "libvpx-vp9":
		e.args = append([]string{"-crf", crf, "-b:v", "0", "-row-mt", "1"}, vpxSpeed(v.Preset)...)
	case "libvpx":
		e.args = append([]string{"-crf", strconv.Itoa(max(4, v.CRF)), "-b:v", "20M"}, vpxSpeed(v.Preset)...)
	case "libsvtav1":
		e.args = []string{"-crf", strconv.Itoa(min(63, v.CRF+12)), "-preset", svtPreset(v.Preset)}
	default:
		// MPEG-1/2/4 part 2, H.263, WMV, RealVideo, MJPEG, Sorenson: no
		// CRF; quantiser 2 is near-transparent.
		e.args = []string{"-q:v", "2"}
	}
	e.pixFmt, e.notes = pixFmtFor(ctx, e, s.video.PixFmt)
	e.args = append(e.args, "-pix_fmt", e.pixFmt)
	return e
}

// videoEncoders maps a source codec to the encoder that writes it again.
var videoEncoders = map[string]string{
	"h264": "libx264", "hevc": "libx265", "vp9": "libvpx-vp9", "vp8": "libvpx", "av1": "libsvtav1",
	"mpeg4": "mpeg4", "mpeg2video": "mpeg2video", "mpeg1video": "mpeg1video", "h263": "h263", "h263p": "h263p",
	"flv1": "flv", "wmv1": "wmv1", "wmv2": "wmv2", "msmpeg4v3": "msmpeg4", "msmpeg4v2": "msmpeg4v2",
	"rv10": "rv10", "rv20": "rv20", "mjpeg": "mjpeg", "theora": "libtheora",
}

// videoCodecs lists what the muxers that take only a few codecs accept,
// and the encoder used when the source's codec is not among them.
var videoCodecs = map[string]struct {
	codecs   []string
	fallback string
}{
	"webm": {[]string{"vp8", "vp9", "av1"}, "libvpx-vp9"},
	"flv":  {[]string{"flv1", "h264"}, "libx264"},
	"3gp":  {[]string{"h263", "h264", "mpeg4"}, "libx264"},
	"3g2":  {[]string{"h263", "h264", "mpeg4"}, "libx264"},
	"mxf":  {[]string{"mpeg2video", "h264", "dnxhd"}, "mpeg2video"},
	"rm":   {[]string{"rv10", "rv20"}, "rv20"},
	"asf":  {[]string{"wmv1", "wmv2", "msmpeg4v3", "msmpeg4v2", "mpeg4", "h264"}, "wmv2"},
}

// familyEncoder maps a source codec to an encoder this ffmpeg has and the
// output container takes.
func familyEncoder(ctx context.Context, codec, container string) encoding {
	fallback := encoding{codec: "libx264"}
	if vc, ok := videoCodecs[container]; ok {
		fallback.codec = vc.fallback
	}
	want := videoEncoders[codec]
	switch {
	case want == "" || !takesVideo(container, codec):
		fallback.notes = []string{"no encoder here writes the source's " + codec + " video in " + containers[container].name +
			": re-encoded as " + codecOf(fallback.codec)}
	case !ffmpeg.HasEncoder(ctx, want):
		fallback.notes = []string{"this ffmpeg has no " + want + " encoder: the " + codec + " video was re-encoded as " + codecOf(fallback.codec)}
	default:
		return encoding{codec: want}
	}
	return fallback
}

func takesVideo(container, codec string) bool {
	vc, ok := videoCodecs[container]
	return !ok || slices.Contains(vc.codecs, codec)
}

// svtPreset maps an x264 preset to SVT-AV1's 0 (slowest) to 13.
func svtPreset(preset string) string {
	i := slices.Index(labeler.Presets, preset)
	if i < 0 {
		return "8"
	}
	return strconv.Itoa(max(2, 12-i))
}

// pixFmtFor keeps the source's pixel format when the encoder takes it.
func pixFmtFor(ctx context.Context, e encoding, src string) (string, []string) {
	fmts := ffmpeg.EncoderPixFmts(ctx, e.codec)
	if src != "" && (len(fmts) == 0 || slices.Contains(fmts, src)) {
		return src, e.notes
	}
	if src == "" {
		return "yuv420p", e.notes
	}
	return "yuv420p", append(e.notes, "pixel format "+src+" is not supported by "+e.codec+": written as yuv420p")
}

// vpxSpeed maps an x264 preset to libvpx's deadline and cpu-used.
func vpxSpeed(preset string) []string {
	i := slices.Index(labeler.Presets, preset)
	switch {
	case i <= 2:
		return []string{"-deadline", "realtime", "-cpu-used", "8"}
	case i <= 4:
		return []string{"-deadline", "good", "-cpu-used", "4"}
	case i == 5:
		return []string{"-deadline", "good", "-cpu-used", "2"}
	}
	return []string{"-deadline", "good", "-cpu-used", "1"}
}

// colourArgs carries the source's colour description to the encoder, so
// players convert the labeled video exactly as they did the original.
func colourArgs(st ffmpeg.Stream) []string {
	var args []string
	for _, kv := range [][2]string{
		{"-color_primaries", colourOption(st.ColorPrims)}, {"-color_trc", trcOption(st.ColorTransfer)},
		{"-colorspace", colourOption(st.ColorSpace)}, {"-color_range", st.ColorRange},
	} {
		if kv[1] != "" && kv[1] != "unknown" && kv[1] != "reserved" {
			args = append(args, kv[0], kv[1])
		}
	}
	return args
}

// colourOptions are the colour names ffprobe prints that the encoder
// options spell another way.
var colourOptions = map[string]string{
	"gbr": "rgb", "ycgco": "ycocg", "bt2020-10": "bt2020_10bit", "bt2020-12": "bt2020_12bit",
	"iec61966-2-1": "iec61966_2_1", "iec61966-2-4": "iec61966_2_4", "smpte428": "smpte428_1",
}

// trcOption is the transfer characteristic's name as the -color_trc
// option takes it: ffprobe prints two of them as the matching primaries.
func trcOption(name string) string {
	switch name {
	case "bt470m":
		return "gamma22"
	case "bt470bg":
		return "gamma28"
	}
	return colourOption(name)
}

func colourOption(name string) string {
	if o, ok := colourOptions[name]; ok {
		return o
	}
	return name
}

// audioEncoder picks an encoder for a sound track that must be
// re-encoded (the notice was mixed in): the source's codec when possible,
// at the source's bit rate.
func audioEncoder(ctx context.Context, a *ffmpeg.Stream, container string) []string {
	enc := map[string]string{"aac": "aac", "opus": "libopus", "vorbis": "libvorbis", "mp3": "libmp3lame",
		"flac": "flac", "ac3": "ac3", "eac3": "eac3", "alac": "alac", "mp2": "mp2", "wmav1": "wmav1", "wmav2": "wmav2"}
	name := map[string]string{"webm": "libopus", "asf": "wmav2", "mxf": "pcm_s16le", "rm": "ac3", "avi": "libmp3lame"}[container]
	if name == "" {
		name = "aac"
	}
	if a != nil {
		if e := enc[a.CodecName]; e != "" && ffmpeg.HasEncoder(ctx, e) {
			name = e
		} else if strings.HasPrefix(a.CodecName, "pcm_") {
			name = a.CodecName
		}
	}
	args := []string{"-c:a", name}
	if name == "flac" || name == "alac" || strings.HasPrefix(name, "pcm_") {
		return args
	}
	rate := "192k"
	if a != nil {
		if br, err := strconv.Atoi(a.BitRate); err == nil && br >= 32000 {
			rate = strconv.Itoa(br)
		}
	}
	return append(args, "-b:a", rate)
}
