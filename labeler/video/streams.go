package video

import (
	"fmt"
	"slices"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// outStream is one stream of the labeled file. Streams keep the source's
// order; Belgi only ever leaves some out (saying why) or adds the notice
// track of a silent video at the end.
type outStream struct {
	src   int    // the source stream's index, -1 for the added notice track
	label string // the filter graph's output ("[v]", "[a]"), "" when copied
	kind  string // codec type: video, audio, subtitle, data, attachment
	codec string // the codec the read-back expects, as ffprobe names it
}

// planStreams decides, stream by stream, what the labeled copy holds:
// the main picture through the filter graph, the sound through it when
// the notice or slate changes it, and everything else copied when the
// container can hold it. It returns notes on what was left out.
func (p *plan) planStreams(audioFiltered bool) []string {
	var notes []string
	var chapterTrack []outStream
	c := containers[p.container]
	for _, st := range p.src.info.Streams {
		o := outStream{src: st.Index, kind: st.CodecType, codec: st.CodecName}
		switch {
		case p.chapterTrack(st):
			// ffmpeg writes it anew from the chapters, after the others.
			o.label = "chapters"
			chapterTrack = append(chapterTrack, o)
			continue
		case st.Index == p.src.video.Index:
			o.label, o.codec = "[v]", codecOf(p.enc.codec)
		case audioFiltered && p.src.audio != nil && st.Index == p.src.audio.Index:
			o.label, o.codec = "[a]", codecOf(audioCodec(p.audioEnc))
		default:
			if why := leaveOut(st, c, p.container); why != "" {
				notes = append(notes, why)
				continue
			}
		}
		p.streams = append(p.streams, o)
	}
	if audioFiltered && p.src.audio == nil {
		p.streams = append(p.streams, outStream{src: -1, label: "[a]", kind: "audio", codec: codecOf(audioCodec(p.audioEnc))})
	}
	p.streams = append(p.streams, chapterTrack...)
	return notes
}

// outIndex is the index in the labeled copy of the stream the filter
// graph's output label makes ("[v]"), -1 when there is none.
func (p *plan) outIndex(label string) int {
	for k, o := range p.streams {
		if o.label == label {
			return k
		}
	}
	return -1
}

// chapterTrack: MP4 and MOV keep chapters in a text track, which ffmpeg
// shows as a data stream and writes again from the chapters it copies.
func (p *plan) chapterTrack(st ffmpeg.Stream) bool {
	return family(p.container) == "mp4" && family(p.src.container) == "mp4" && st.CodecType == "data" &&
		st.CodecName == "bin_data" && strings.Trim(st.CodecTag, "[]0 ") == "text" && len(p.src.info.Chapters) > 0
}

// leaveOut says why a stream Belgi would copy can't go in the labeled
// copy, "" when it can.
func leaveOut(st ffmpeg.Stream, c container, name string) string {
	what := describeStream(st)
	switch st.CodecType {
	case "video":
		if st.AttachedPic() {
			return what + " was left out: it shows the picture without the label"
		}
		return what + " was left out: only the main picture carries the label, and a second one would show it unlabeled"
	case "subtitle":
		if !c.takesSubtitle(st.CodecName) {
			return fmt.Sprintf("%s was left out: %s can't hold %s subtitles", what, c.name, st.CodecName)
		}
	case "data":
		if !keepsData(st, c, name) {
			return fmt.Sprintf("%s was left out: ffmpeg can't copy it into %s", what, c.name)
		}
	case "attachment":
		if c.marks != marksMatroska {
			return what + " was left out: only Matroska holds attachments"
		}
	}
	return ""
}

// keepsData: timecode tracks go where the muxer knows them; tracks of a
// codec ffmpeg doesn't know (timed metadata: mebx, mett) only QuickTime's
// muxer copies as they are.
func keepsData(st ffmpeg.Stream, c container, name string) bool {
	tag := strings.Trim(st.CodecTag, "[]0 ")
	switch {
	case tag == "tmcd" || st.CodecName == "timed_id3":
		return c.data
	case st.CodecName == "" || st.CodecName == "unknown" || st.CodecName == "none":
		return name == "mov"
	}
	return c.data && c.marks == marksMatroska
}

// describeStream names a stream for notes: "stream 2 (data, mett)".
func describeStream(st ffmpeg.Stream) string {
	codec := st.CodecName
	if codec == "" || codec == "unknown" || codec == "none" {
		codec = strings.Trim(st.CodecTag, "[]0 ")
	}
	if st.CodecType == "video" && st.Width > 0 {
		codec = fmt.Sprintf("%s %d×%d", codec, st.Width, st.Height)
	}
	return fmt.Sprintf("stream %d (%s, %s)", st.Index, st.CodecType, codec)
}

// codecOf is the codec an encoder writes, as ffprobe names it. Hardware
// encoders are named codec_api ("h264_nvenc", "hevc_vaapi").
func codecOf(encoder string) string {
	if c, ok := encoderCodecs[encoder]; ok {
		return c
	}
	if codec, family, ok := strings.Cut(encoder, "_"); ok && slices.Contains(ffmpeg.HWFamilies, family) {
		return codec // the inverse of ffmpeg.HWEncoderName
	}
	return encoder
}

var encoderCodecs = map[string]string{
	"libx264": "h264", "libx265": "hevc", "libvpx-vp9": "vp9", "libvpx": "vp8", "libsvtav1": "av1",
	"libaom-av1": "av1", "flv": "flv1", "msmpeg4": "msmpeg4v3", "libopus": "opus", "libvorbis": "vorbis",
	"libmp3lame": "mp3", "libtheora": "theora",
}

// audioCodec is the encoder named in audio encoder arguments.
func audioCodec(args []string) string {
	for i := 0; i+1 < len(args); i++ {
		if strings.HasPrefix(args[i], "-c:a") {
			return args[i+1]
		}
	}
	return ""
}
