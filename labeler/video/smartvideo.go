package video

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/nal"
)

// segment is one file the concat demuxer reads: a new encode, or the
// source from the cut on (dur 0: to its end).
type segment struct {
	path     string
	dur      float64 // seconds this segment lasts in the output
	outpoint float64 // or: drop its packets from here on (seconds)
	in       float64 // the source's in point, absolute seconds; only for the source
	isSrc    bool
}

// track is a concat list and the offset its input needs: the concat
// demuxer moves each file's first time stamp to where the previous file
// ended, so a segment whose first frame is not at 0 (a B-frame delay, a
// picture that starts after the sound) would move; the durations and
// the offset below put every packet back where it belongs.
type track struct {
	segs   []segment
	offset float64
}

// videoSegments encodes the slate and the labeled head, gives their
// parameter sets ids of their own in one shared record, and returns the
// segments in playing order.
func (s *smart) videoSegments(ctx context.Context, st *stages) (track, error) {
	var made []segment
	var slate, head *segment
	if s.p.slatePNG != "" {
		slate = &segment{path: s.work("slate" + s.segExt())}
		if err := s.encode(ctx, s.slateArgs(slate.path, s.segID(0)), s.p.slateSeconds(), st.at(stageSlate)); err != nil {
			return track{}, err
		}
		made = append(made, *slate)
	}
	if s.hasHead {
		head = &segment{path: s.work("head" + s.segExt())}
		if err := s.encode(ctx, s.headArgs(head.path, s.segID(len(made))), s.cut, st.at(stageHead)); err != nil {
			return track{}, err
		}
		made = append(made, *head)
	}
	if err := s.shareParameterSets(ctx, made); err != nil {
		return track{}, err
	}
	for _, seg := range []*segment{slate, head} {
		if seg != nil {
			if err := s.alignStreams(ctx, seg); err != nil {
				return track{}, err
			}
		}
	}
	return s.placeVideo(ctx, slate, head)
}

// placeVideo sets the segments' durations: the slate lasts until the
// programme's first frame (or the cut), the head from its first frame to
// the cut, and the source runs from the cut to its end.
func (s *smart) placeVideo(ctx context.Context, slate, head *segment) (track, error) {
	var t track
	headStart := s.cut
	if head != nil {
		var err error
		if headStart, err = formatStart(ctx, head.path); err != nil {
			return t, err
		}
		head.dur = s.cut - headStart
	}
	switch {
	case slate != nil:
		slate.dur = s.p.slateSeconds() + headStart
		t.segs = append(t.segs, *slate)
	case head != nil:
		t.offset = headStart
	}
	if head != nil {
		t.segs = append(t.segs, *head)
	}
	tb := 1 / float64(s.vd.TimeBaseDen())
	t.segs = append(t.segs, segment{path: s.p.input, in: float64(s.cutPTS) * tb, isSrc: true})
	return t, nil
}

// formatStart is the first time stamp of a file, as the concat demuxer
// sees it.
func formatStart(ctx context.Context, path string) (float64, error) {
	info, err := ffmpeg.Probe(ctx, path)
	if err != nil {
		return 0, err
	}
	v, _ := strconv.ParseFloat(info.Format.StartTime, 64)
	return v, nil
}

// alignStreams puts the segment's picture at the source's picture's
// position among its streams: the concat demuxer pairs streams by
// position. The places before it are filled with the source's own first
// streams, copied for as long as the segment lasts; the joins never use
// them.
func (s *smart) alignStreams(ctx context.Context, seg *segment) error {
	n := s.p.src.video.Index
	if n == 0 {
		return nil
	}
	out := strings.TrimSuffix(seg.path, s.segExt()) + "-aligned" + s.segExt()
	args := []string{"-v", "error", "-i", ffmpegPath(seg.path), "-t", "1", "-i", ffmpegPath(s.p.input)}
	for i := range n {
		args = append(args, "-map", fmt.Sprintf("1:%d", i))
	}
	args = append(append(args, "-map", "0:0", "-c", "copy"), plainOutput...)
	if s.segExt() == ".mp4" {
		args = append(args, "-video_track_timescale", strconv.Itoa(s.vd.TimeBaseDen()))
	}
	if _, err := ffmpeg.Run(ctx, "ffmpeg", append(args, "-y", ffmpegPath(out))...); err != nil {
		return fmt.Errorf("%w: the streams before the picture can't be carried in the segment: %v", errFallback, err)
	}
	seg.path = out
	return nil
}

// segID is the parameter-set id of the n-th new segment.
func (s *smart) segID(n int) uint {
	if n < len(s.ids) {
		return s.ids[n]
	}
	return 0
}

// encode runs one segment's encode and checks that the segment has the
// source's clock: the concat demuxer does not convert between clocks.
func (s *smart) encode(ctx context.Context, args []string, dur float64, progress func(float64)) error {
	if err := ffmpeg.RunProgress(ctx, durationOf(dur), progress, args...); err != nil {
		return err
	}
	progress(1)
	d, err := ffmpeg.StreamDetail(ctx, args[len(args)-1], 0)
	if err != nil {
		return err
	}
	if d.TimeBase != s.vd.TimeBase {
		return fmt.Errorf("%w: the new segment's clock (%s s) differs from the source's (%s s)", errFallback, d.TimeBase, s.vd.TimeBase)
	}
	return nil
}

// slateArgs encodes the slate card for SlateSeconds at the source's
// frame rate, with the head's encoder settings.
func (s *smart) slateArgs(out string, id uint) []string {
	v := s.p.src.video
	args := []string{"-v", "error", "-loop", "1", "-framerate", s.p.src.frameRate(), "-t", s.p.slateSecs(),
		"-i", ffmpegPath(s.p.slatePNG), "-vf", fmt.Sprintf("scale=%d:%d,format=%s,setsar=%s", v.Width, v.Height, s.enc.pixFmt, s.p.sar()),
		"-an"}
	args = append(append(args, plainOutput...), s.encoderArgs(id)...)
	return append(args, "-y", ffmpegPath(out))
}

// headArgs encodes the source's frames before the cut with the badge,
// keeping every frame's time stamp (variable frame rates included).
func (s *smart) headArgs(out string, id uint) []string {
	// ffmpeg moves the file's start to 0 by the start time in whole
	// microseconds, rounded to the stream's clock; so does this.
	startUS := math.Round(s.start * 1e6)
	end := s.cutPTS - int64(math.Round(startUS*float64(s.vd.TimeBaseDen())/1e6))
	bd, format := badgeFilter(1, s.p.src.video)
	graph := fmt.Sprintf("%s;[0:v:%d]trim=end_pts=%d[src];[src][bd]overlay=%d:%d:format=%s%s,format=%s,setsar=%s[v]",
		bd, s.p.src.vIndex, end, s.p.badgeAt.X, s.p.badgeAt.Y, format, s.p.enable(), s.enc.pixFmt, s.p.sar())
	args := []string{"-v", "error", "-noautorotate", "-i", ffmpegPath(s.p.input), "-i", ffmpegPath(s.p.badgePNG),
		"-filter_complex", graph, "-map", "[v]", "-an", "-fps_mode", "passthrough",
		"-enc_time_base", "1/" + strconv.Itoa(s.vd.TimeBaseDen())}
	args = append(append(args, plainOutput...), s.encoderArgs(id)...)
	return append(args, "-y", ffmpegPath(out))
}

// encoderArgs are the full render's encoder settings, pinned to the
// source's profile, level and colour description, with the segment's
// own parameter-set id.
func (s *smart) encoderArgs(id uint) []string {
	args := append([]string{"-c:v", s.enc.codec}, s.enc.args...)
	args = append(args, colourArgs(s.p.src.video)...)
	switch s.codec {
	case "h264":
		args = append(args, "-profile:v", profileX264(s.vd.Profile), "-x264-params", "sps-id="+strconv.Itoa(int(id)))
		if s.vd.Level > 0 {
			args = append(args, "-level:v", strconv.Itoa(s.vd.Level))
		}
	case "hevc":
		args = append(withX265Params(args, s.x265Params()), "-profile:v", hevcProfile(s.vd.Profile))
	}
	if s.segExt() == ".mp4" {
		args = append(args, "-video_track_timescale", strconv.Itoa(s.vd.TimeBaseDen()))
	}
	return args
}

// withX265Params appends params to the -x265-params value in args.
func withX265Params(args []string, params string) []string {
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "-x265-params" {
			args[i+1] += ":" + params
			return args
		}
	}
	return append(args, "-x265-params", params)
}

// shareParameterSets writes into the first segment a configuration
// record with the parameter sets of the source and of every new segment.
func (s *smart) shareParameterSets(ctx context.Context, segs []segment) error {
	if s.codec == "vp9" || len(segs) == 0 {
		return nil
	}
	var merged []byte
	box := "avcC"
	var err error
	if s.codec == "hevc" {
		box = "hvcC"
		merged, err = s.mergeHEVC(ctx, segs)
	} else {
		merged, err = s.mergeH264(ctx, segs)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: %v", errFallback, err)
	}
	return replaceCodecConfig(segs[0].path, box, merged)
}

// mergeH264 joins the avcC records of the source and the segments.
func (s *smart) mergeH264(ctx context.Context, segs []segment) ([]byte, error) {
	var cs []nal.AVCC
	for i, r := range append([]string{""}, segPaths(segs)...) {
		ed := s.vd.Extradata
		if i > 0 {
			d, err := ffmpeg.StreamDetail(ctx, r, 0)
			if err != nil {
				return nil, err
			}
			ed = d.Extradata
		}
		c, err := nal.ParseAVCC(ed)
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	m, err := nal.MergeAVCC(cs...)
	return m.Bytes(), err
}

func segPaths(segs []segment) []string {
	var out []string
	for _, s := range segs {
		out = append(out, s.path)
	}
	return out
}

// ffmpegPath is ffmpeg.SafePath, short for the argument lists here.
func ffmpegPath(p string) string { return ffmpeg.SafePath(p) }

// hevcLevel writes an HEVC general_level_idc (30 × the level) the way
// x265 takes it: "4.1".
func hevcLevel(idc int) string {
	return strings.TrimSuffix(strconv.FormatFloat(float64(idc)/30, 'f', 1, 64), ".0")
}
