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
		if container == "mp4" || container == "mov" {
			e.args = append(e.args, "-tag:v", "hvc1") // what Apple players expect
		}
	case "libvpx-vp9":
		e.args = append([]string{"-crf", crf, "-b:v", "0", "-row-mt", "1"}, vpxSpeed(v.Preset)...)
	case "mpeg4":
		e.args = []string{"-q:v", "2"} // MPEG-4 part 2 has no CRF; 2 is near-transparent
	}
	e.pixFmt, e.notes = pixFmtFor(ctx, e, s.video.PixFmt)
	e.args = append(e.args, "-pix_fmt", e.pixFmt)
	return e
}

// familyEncoder maps a source codec to an encoder this ffmpeg has.
func familyEncoder(ctx context.Context, codec, container string) encoding {
	fallback := encoding{codec: "libx264"}
	if container == "webm" { // WebM holds only VP8, VP9 and AV1
		fallback.codec = "libvpx-vp9"
	}
	want := map[string]string{"h264": "libx264", "hevc": "libx265", "vp9": "libvpx-vp9", "vp8": "libvpx-vp9", "mpeg4": "mpeg4"}[codec]
	switch {
	case want == "":
		fallback.notes = []string{"the source's " + codec + " video has no matching encoder here: re-encoded as " + fallback.codec}
	case !ffmpeg.HasEncoder(ctx, want):
		fallback.notes = []string{"this ffmpeg has no " + want + " encoder: the " + codec + " video was re-encoded with " + fallback.codec}
	default:
		e := encoding{codec: want}
		if codec == "vp8" {
			e.notes = []string{"VP8 video was re-encoded as VP9, its successor, for quality at the same size"}
		}
		return e
	}
	return fallback
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
		{"-color_primaries", st.ColorPrims}, {"-color_trc", st.ColorTransfer},
		{"-colorspace", st.ColorSpace}, {"-color_range", st.ColorRange},
	} {
		if kv[1] != "" && kv[1] != "unknown" && kv[1] != "reserved" {
			args = append(args, kv[0], kv[1])
		}
	}
	return args
}

// audioEncoder picks an encoder for a sound track that must be
// re-encoded (the notice was mixed in): the source's codec when possible,
// at the source's bit rate.
func audioEncoder(ctx context.Context, a *ffmpeg.Stream, container string) []string {
	enc := map[string]string{"aac": "aac", "opus": "libopus", "vorbis": "libvorbis", "mp3": "libmp3lame",
		"flac": "flac", "ac3": "ac3", "eac3": "eac3", "alac": "alac"}
	name := "aac"
	if container == "webm" {
		name = "libopus"
	}
	if a != nil {
		if e := enc[a.CodecName]; e != "" && ffmpeg.HasEncoder(ctx, e) {
			name = e
		} else if strings.HasPrefix(a.CodecName, "pcm_") {
			name = a.CodecName
		}
	}
	args := []string{"-c:a:0", name}
	if name == "flac" || name == "alac" || strings.HasPrefix(name, "pcm_") {
		return args
	}
	rate := "192k"
	if a != nil {
		if br, err := strconv.Atoi(a.BitRate); err == nil && br >= 32000 {
			rate = strconv.Itoa(br)
		}
	}
	return append(args, "-b:a:0", rate)
}
