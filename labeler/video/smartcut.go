package video

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/nal"
)

// cutSearch is how far past the label's end a clean key frame is looked
// for, in windows of cutWindow seconds: a GOP longer than a minute (a
// screen recording) leaves nothing worth copying.
const (
	cutWindow  = 20.0
	cutWindows = 3
)

// errNoCut is wrapped when no key frame after the label can start a
// copied part.
var errNoCut = errors.New("no key frame after the label starts a clean group of pictures")

// findCut returns the time stamp (stream time base) and the time in
// seconds from the file's start of the first key frame at or after
// `after` seconds from which the source decodes on its own: an IDR
// picture for H.264, an IDR or a CRA without skipped leading pictures
// for HEVC, any key frame for VP9.
func (s *smart) findCut(ctx context.Context, after float64) (int64, float64, error) {
	tb := 1 / float64(s.vd.TimeBaseDen())
	for w := range cutWindows {
		from := s.start + after + float64(w)*cutWindow
		ps, err := ffmpeg.Packets(ctx, s.p.input, s.p.src.video.Index, from, cutWindow)
		if err != nil {
			return 0, 0, err
		}
		for _, pts := range keyTimes(ps) {
			rel := float64(pts)*tb - s.start
			if rel < after-tb/2 {
				continue
			}
			ok, err := s.cleanStart(ctx, rel)
			if err != nil {
				return 0, 0, err
			}
			if ok {
				s.hasHead = after > 0 || ps[0].PTS < pts || w > 0
				return pts, rel, nil
			}
		}
	}
	return 0, 0, errNoCut
}

// keyTimes lists the key frames' time stamps in presentation order.
func keyTimes(ps []ffmpeg.Packet) []int64 {
	var out []int64
	for _, p := range ps {
		if p.Key {
			out = append(out, p.PTS)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// cleanStart reads the packets from the key frame at rel seconds and
// tells whether decoding can start there without any earlier picture.
func (s *smart) cleanStart(ctx context.Context, rel float64) (bool, error) {
	if s.codec == "vp9" {
		return true, nil
	}
	// Half a frame late: a seek lands on the key frame at or before the
	// time, so whichever way the time rounds it lands on this one.
	half := 0.5 / parseRatio(s.p.src.frameRate(), 25)
	data, err := ffmpeg.PacketData(ctx, s.p.input, s.p.src.video.Index, rel+half, 12)
	if err != nil {
		return false, err
	}
	units, err := nal.Split(data, s.lengthSize)
	if err != nil {
		return false, fmt.Errorf("reading the key frame: %w", err)
	}
	if s.codec == "h264" {
		return startsWithIDR(units), nil
	}
	return nal.HEVCCleanStart(units), nil
}

// startsWithIDR reports whether the first picture is an IDR picture.
func startsWithIDR(units [][]byte) bool {
	for _, u := range units {
		switch nal.H264Type(u) {
		case 5:
			return true
		case 1, 2, 3, 4:
			return false
		}
	}
	return false
}
