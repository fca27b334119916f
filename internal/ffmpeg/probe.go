package ffmpeg

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Stream is the part of ffprobe's stream description Belgi uses.
type Stream struct {
	Index         int               `json:"index"`
	CodecType     string            `json:"codec_type"` // video, audio, subtitle, data, attachment
	CodecName     string            `json:"codec_name"` // "unknown" when no codec is known for it
	CodecLongName string            `json:"codec_long_name"`
	CodecTag      string            `json:"codec_tag_string"` // the container's fourcc: "ac-4", "vvc1"
	StartTime     string            `json:"start_time"`       // seconds, "" when unknown
	Profile       string            `json:"profile"`
	Width         int               `json:"width"`
	Height        int               `json:"height"`
	PixFmt        string            `json:"pix_fmt"`
	SampleAspect  string            `json:"sample_aspect_ratio"`
	RFrameRate    string            `json:"r_frame_rate"`
	AvgFrameRate  string            `json:"avg_frame_rate"`
	SampleRate    string            `json:"sample_rate"`
	Channels      int               `json:"channels"`
	ChannelLayout string            `json:"channel_layout"`
	SampleFmt     string            `json:"sample_fmt"`
	BitRate       string            `json:"bit_rate"`
	Duration      string            `json:"duration"`
	ColorSpace    string            `json:"color_space"`
	ColorTransfer string            `json:"color_transfer"`
	ColorPrims    string            `json:"color_primaries"`
	ColorRange    string            `json:"color_range"`
	Tags          map[string]string `json:"tags"`
	SideData      []map[string]any  `json:"side_data_list"`
	Disposition   map[string]int    `json:"disposition"`
	// BitsPerRawSample is the source's sample depth (24 for 24-bit FLAC,
	// which decodes to 32-bit samples); "" when the codec has none.
	BitsPerRawSample string `json:"bits_per_raw_sample"`
	// ExtradataHash fingerprints the codec set-up (e.g. Vorbis codebooks):
	// two streams with equal hashes can share one header when joined.
	ExtradataHash string `json:"extradata_hash"`
}

// Format is ffprobe's container description.
type Format struct {
	FormatName string            `json:"format_name"`
	Duration   string            `json:"duration"`
	BitRate    string            `json:"bit_rate"`
	Tags       map[string]string `json:"tags"`
	// StartTime is when the first packet plays, seconds ("0.000000").
	StartTime string `json:"start_time"`
	// NbStreams counts every stream, including ones ffprobe lists
	// without detail.
	NbStreams int `json:"nb_streams"`
}

// Info is what ffprobe says about a file.
type Info struct {
	Streams  []Stream  `json:"streams"`
	Format   Format    `json:"format"`
	Chapters []Chapter `json:"chapters"`
	// Programs are an MPEG transport stream's services, with their tags
	// (service_name, service_provider).
	Programs []Program `json:"programs"`
	// FirstSpans are the streams' spans over the file's first
	// FirstPackets packets, by index: when the streams really start,
	// which a header may state as its first key frame's time or not at
	// all.
	FirstSpans map[int]Span `json:"-"`
	// FirstKeys are the times (pts, seconds) of the key-frame packets
	// among those first packets, by stream index. Whole is true when
	// they were all of the file's packets (a clip of a second or so), so
	// that FirstKeys lists every key frame.
	FirstKeys map[int][]float64 `json:"-"`
	Whole     bool              `json:"-"`
}

// FirstPackets is how many packets Probe reads to find when each stream
// starts: enough for B-frame reordering and for sound interleaved with
// the picture.
const FirstPackets = 96

// Program is one service of a transport stream.
type Program struct {
	Tags map[string]string `json:"tags"`
}

// Chapter is one chapter mark.
type Chapter struct {
	Start string            `json:"start_time"` // seconds
	End   string            `json:"end_time"`
	Tags  map[string]string `json:"tags"`
}

// Probe asks ffprobe about a file and its first packets' times, once
// per version of the file: the answer is remembered while the file
// keeps its size and modification time. Its errors do not name the
// file: the caller knows which file it asked about.
func Probe(ctx context.Context, path string) (Info, error) {
	out, err := cachedProbe(ctx, path, "-v", "error", "-print_format", "json",
		"-show_format", "-show_streams", "-show_chapters", "-show_programs", "-show_data_hash", "md5",
		"-show_entries", "packet=stream_index,pts_time,duration_time,flags", "-read_intervals", "%+#"+strconv.Itoa(FirstPackets))
	if err != nil {
		return Info{}, err
	}
	var v struct {
		Info
		Packets []struct {
			Index    int    `json:"stream_index"`
			PTS      string `json:"pts_time"`
			Duration string `json:"duration_time"`
			Flags    string `json:"flags"`
		} `json:"packets"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		return Info{}, fmt.Errorf("unreadable ffprobe output: %w", err)
	}
	v.FirstSpans, v.FirstKeys = map[int]Span{}, map[int][]float64{}
	for _, p := range v.Packets {
		addSpan(v.FirstSpans, p.Index, p.PTS, p.Duration)
		if t, ok := Seconds(p.PTS); ok && strings.HasPrefix(p.Flags, "K") {
			v.FirstKeys[p.Index] = append(v.FirstKeys[p.Index], t)
		}
	}
	v.Whole = len(v.Packets) < FirstPackets
	return v.Info, nil
}

// Seconds reads a duration or time ffprobe printed; ok is false for
// "N/A", an empty value or nonsense.
func Seconds(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// Count returns how many streams have the codec type, leaving out
// attached pictures (cover art), which are not a programme.
func (i Info) Count(codecType string) int {
	n := 0
	for _, s := range i.Streams {
		if s.CodecType == codecType && !s.AttachedPic() {
			n++
		}
	}
	return n
}

// AttachedPic reports whether the stream is a still picture attached to
// the file (cover art), not a video.
func (s Stream) AttachedPic() bool { return s.Disposition["attached_pic"] != 0 }

// knownFourCCs name codecs this ffmpeg may have no decoder for, by the
// fourcc their container gives them.
var knownFourCCs = map[string]string{
	"ac-4": "Dolby AC-4", "mha1": "MPEG-H 3D Audio", "mhm1": "MPEG-H 3D Audio", "dtsx": "DTS:X", "iamf": "IAMF",
	"enca": "encrypted audio", "vvc1": "VVC (H.266)", "vvi1": "VVC (H.266)", "dav1": "Dolby Vision in AV1",
	"dvav": "Dolby Vision in AVC", "dva1": "Dolby Vision in AVC", "dvh1": "Dolby Vision in HEVC",
	"dvhe": "Dolby Vision in HEVC", "apv1": "APV", "evc1": "MPEG-5 EVC", "lcev": "LCEVC", "encv": "encrypted video",
}

// Unknown reports whether ffmpeg knows no codec for the stream, and
// names it for a person: by its fourcc when Belgi knows that name, as
// "an unknown codec (xxxx)" otherwise.
func (s Stream) Unknown() (string, bool) {
	if s.CodecName != "" && s.CodecName != "unknown" && s.CodecName != "none" {
		return s.CodecName, false
	}
	tag := strings.Trim(s.CodecTag, "[]0 ")
	if name := knownFourCCs[tag]; name != "" {
		return name, true
	}
	if tag == "" {
		return "an unknown codec", true
	}
	return "an unknown codec (" + tag + ")", true
}
