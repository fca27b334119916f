package ffmpeg

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Detail is what joining copied packets to new ones needs to know about
// one stream beyond Stream: its clock, its codec set-up and how its
// frames are ordered.
type Detail struct {
	ID         string `json:"id"` // the container's track id, "0x1"
	CodecName  string `json:"codec_name"`
	CodecTag   string `json:"codec_tag_string"`
	Profile    string `json:"profile"`
	Level      int    `json:"level"`
	PixFmt     string `json:"pix_fmt"`
	FieldOrder string `json:"field_order"`
	HasBFrames int    `json:"has_b_frames"`
	TimeBase   string `json:"time_base"` // "1/15360"
	StartPTS   int64  `json:"start_pts"`
	FrameSize  int    `json:"frame_size"` // audio samples per packet, 0 when variable
	SampleRate string `json:"sample_rate"`
	Channels   int    `json:"channels"`
	// InitialPadding is the audio encoder's delay in samples (AAC
	// priming, Opus pre-skip) as the container declares it.
	InitialPadding int    `json:"initial_padding"`
	ExtradataSize  int    `json:"extradata_size"`
	NbFramesText   string `json:"nb_frames"`
	ExtradataDump  string `json:"extradata"`
	// Extradata is the codec set-up (avcC, hvcC, ...), decoded from
	// ffprobe's hex dump.
	Extradata []byte `json:"-"`
}

// StreamDetail asks ffprobe about stream index (the file's numbering) of
// path, codec set-up included.
func StreamDetail(ctx context.Context, path string, index int) (Detail, error) {
	out, err := Run(ctx, "ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_data",
		"-select_streams", strconv.Itoa(index), SafePath(path))
	if err != nil {
		return Detail{}, fmt.Errorf("probe: %w", err)
	}
	var v struct{ Streams []Detail }
	if err := json.Unmarshal(out, &v); err != nil {
		return Detail{}, fmt.Errorf("probe: unreadable ffprobe output: %w", err)
	}
	if len(v.Streams) != 1 {
		return Detail{}, fmt.Errorf("probe: no stream %d", index)
	}
	d := v.Streams[0]
	if d.Extradata, err = ParseHexDump(d.ExtradataDump); err != nil {
		return Detail{}, err
	}
	if len(d.Extradata) != d.ExtradataSize {
		return Detail{}, fmt.Errorf("probe: codec set-up of %d bytes read as %d", d.ExtradataSize, len(d.Extradata))
	}
	return d, nil
}

// TimeBaseDen is the denominator of a "1/N" time base, 0 for others.
func (d Detail) TimeBaseDen() int {
	num, den, ok := strings.Cut(d.TimeBase, "/")
	n, err1 := strconv.Atoi(den)
	if !ok || num != "1" || err1 != nil || n <= 0 {
		return 0
	}
	return n
}

// ParseHexDump reads ffprobe's -show_data dump: lines of an 8-digit
// offset, a colon, up to 16 bytes as groups of hex digits in a
// 40-column field, then the bytes as text.
func ParseHexDump(dump string) ([]byte, error) {
	var out []byte
	for _, l := range strings.Split(dump, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		off, rest, ok := strings.Cut(l, ": ")
		if !ok || len(off) != 8 {
			return nil, errors.New("probe: unreadable hex dump")
		}
		if o, err := strconv.ParseUint(off, 16, 32); err != nil || int(o) != len(out) {
			return nil, errors.New("probe: hex dump offsets out of order")
		}
		field := strings.ReplaceAll(rest[:min(len(rest), 40)], " ", "")
		b, err := hex.DecodeString(field)
		if err != nil || len(b) > 16 {
			return nil, errors.New("probe: unreadable hex dump")
		}
		out = append(out, b...)
	}
	return out, nil
}

// NbFrames is the frame count the container declares, -1 when unknown.
func (d Detail) NbFrames() int {
	n, err := strconv.Atoi(d.NbFramesText)
	if err != nil {
		return -1
	}
	return n
}
