package ffmpeg

import (
	"context"
	"encoding/json"
	"fmt"
)

// Stream is the part of ffprobe's stream description Belgi uses.
type Stream struct {
	Index         int               `json:"index"`
	CodecType     string            `json:"codec_type"` // video, audio, subtitle, data
	CodecName     string            `json:"codec_name"`
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
}

// Info is what ffprobe says about a file.
type Info struct {
	Streams []Stream `json:"streams"`
	Format  Format   `json:"format"`
}

// Probe asks ffprobe about a file.
func Probe(ctx context.Context, path string) (Info, error) {
	out, err := Run(ctx, "ffprobe", "-v", "error", "-print_format", "json",
		"-show_format", "-show_streams", "-show_data_hash", "md5", SafePath(path))
	if err != nil {
		return Info{}, err
	}
	var info Info
	if err := json.Unmarshal(out, &info); err != nil {
		return Info{}, fmt.Errorf("unreadable ffprobe output: %w", err)
	}
	return info, nil
}
