package video

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/nal"
	"github.com/belgi-kz/belgi/labeler"
)

// Smart render: when the label covers only the start (the badge for the
// first seconds, or the slate alone), the groups of pictures the badge
// touches are re-encoded with the source's own codec settings and every
// later packet is copied untouched. The segments (an optional slate, the
// labeled head, the source from its first clean key frame on) are joined
// by ffmpeg's concat demuxer; H.264 and HEVC segments get parameter-set
// identifiers of their own, and the first segment's configuration record
// lists the sets of all of them, so a decoder meets each picture with the
// set it was coded with. Sound is handled the same way in splice.go and
// smartaudio.go. Anything that can't be matched falls back to a full
// render, and the result's notes say why.

// smart is one planned smart render.
type smart struct {
	p          *plan
	dir        string        // work files
	codec      string        // h264, hevc or vp9
	enc        encoding      // software, in the source's family, whatever Spec.Video.Encoder says
	vd         ffmpeg.Detail // the source's picture stream
	start      float64       // the file's start time, seconds
	lengthSize int           // NAL length prefix of H.264/HEVC packets
	ids        []uint        // parameter-set ids free for new segments
	cutPTS     int64         // first copied frame, stream time base
	cut        float64       // the same, seconds from the file's start
	hasHead    bool          // frames before the cut are re-encoded with the badge
	audio      audioJoin
}

// errFallback marks a smart render that found, while running, that it
// can't match the source; the caller re-encodes the whole video instead.
var errFallback = errors.New("smart render not possible")

// labelsStartOnly reports whether the spec labels only the opening
// seconds, the case smart render exists for.
func labelsStartOnly(v labeler.VideoSpec) bool {
	return v.BadgeMode == labeler.BadgeStart || v.BadgeMode == labeler.BadgeSlate
}

// labelEnd is where, in seconds of the programme, no frame carries the
// badge any more.
func labelEnd(v labeler.VideoSpec) float64 {
	if v.BadgeMode == labeler.BadgeStart {
		return v.BadgeSeconds
	}
	return 0
}

// planSmart decides whether the plan can be rendered smartly. It returns
// nil and a note for the person when smart render was wanted but the
// source can't be matched, and nil with no note when it was not wanted.
func planSmart(ctx context.Context, p *plan, dir string) (*smart, string, error) {
	if !p.spec.Video.SmartRender || !labelsStartOnly(p.spec.Video) {
		return nil, "", nil
	}
	// The start may be negative (Opus pre-skip in WebM): seconds() would
	// clamp it, and every time below is measured from it.
	start, _ := strconv.ParseFloat(p.src.info.Format.StartTime, 64)
	s := &smart{p: p, dir: dir, codec: p.src.video.CodecName, start: start}
	sw := p.spec.Video
	sw.Encoder = labeler.EncoderSoftware
	s.enc = chooseVideo(ctx, p.src, p.container, sw)
	why, err := s.check(ctx)
	if err != nil || why != "" {
		return nil, fallbackNote(why), err
	}
	return s, "", nil
}

func fallbackNote(why string) string {
	if why == "" {
		return ""
	}
	return "smart render not used (" + why + "): the whole video was re-encoded"
}

// coversAll is why a video whose label lasts (nearly) to its end is
// re-encoded whole: there is nothing after the cut to copy.
const coversAll = "the label covers nearly the whole video"

// check tells why the source can't be rendered smartly, "" when it can.
func (s *smart) check(ctx context.Context) (string, error) {
	if why := s.checkSource(); why != "" {
		return why, nil
	}
	if labelEnd(s.p.spec.Video) > s.p.src.duration.Seconds()-0.5 {
		return coversAll, nil // known without looking for a cut
	}
	d, err := ffmpeg.StreamDetail(ctx, s.p.input, s.p.src.video.Index)
	if err != nil {
		return "", err
	}
	s.vd = d
	if why := s.checkStream(); why != "" {
		return why, nil
	}
	s.cutPTS, s.cut, err = s.findCut(ctx, labelEnd(s.p.spec.Video))
	switch {
	case errors.Is(err, errNoCut):
		return err.Error(), nil
	case err != nil:
		return "", err
	case s.cut > s.p.src.duration.Seconds()-0.5:
		return coversAll, nil
	}
	return s.planAudio(ctx)
}

// checkSource refuses what the joining can't keep exact: other
// containers, other codecs, a pixel format the encoder would change.
func (s *smart) checkSource() string {
	want := map[string]string{"h264": "libx264", "hevc": "libx265", "vp9": "libvpx-vp9"}[s.codec]
	switch {
	case family(s.p.container) != "mp4" && !matroska(s.p.container):
		return "it joins only MP4, MOV, MKV and WebM files"
	case want == "":
		return "it matches only H.264, HEVC and VP9 video, not " + s.codec
	case s.enc.codec != want || len(s.enc.notes) > 0:
		return "this ffmpeg can't encode " + s.codec + " in the source's pixel format"
	}
	return ""
}

// checkStream refuses interlaced pictures and codec set-ups it can't
// read, and finds parameter-set ids the new segments may use.
func (s *smart) checkStream() string {
	if s.vd.TimeBaseDen() == 0 || (s.codec == "vp9" && s.vd.TimeBase != "1/1000") {
		// VP9 segments are written as Matroska, whose clock here is
		// the millisecond; the concat demuxer joins equal clocks only.
		return "the video's clock (" + s.vd.TimeBase + " s) can't be matched"
	}
	if fo := s.vd.FieldOrder; fo != "" && fo != "progressive" && fo != "unknown" {
		return "the video is interlaced"
	}
	switch s.codec {
	case "h264":
		return s.h264Setup()
	case "hevc":
		return s.hevcSetup()
	}
	return ""
}

// h264Setup reads the source's avcC and picks free ids for the slate and
// the head.
func (s *smart) h264Setup() string {
	if profileX264(s.vd.Profile) == "" {
		return "the H.264 profile " + s.vd.Profile + " can't be matched"
	}
	c, err := nal.ParseAVCC(s.vd.Extradata)
	if err != nil {
		return "the H.264 set-up is not an avcC record"
	}
	sps, pps, err := c.IDs()
	if err != nil {
		return "the H.264 parameter sets are unreadable"
	}
	s.lengthSize = c.LengthSize
	s.ids = freeIDs(31, append(sps, pps...))
	return ""
}

// freeIDs lists ids from 0 to top that used does not contain.
func freeIDs(top uint, used []uint) []uint {
	taken := map[uint]bool{}
	for _, u := range used {
		taken[u] = true
	}
	var out []uint
	for i := uint(0); i <= top; i++ {
		if !taken[i] {
			out = append(out, i)
		}
	}
	return out
}

// profileX264 maps ffprobe's H.264 profile to x264's name for it.
func profileX264(p string) string {
	return map[string]string{"Constrained Baseline": "baseline", "Baseline": "baseline", "Main": "main",
		"High": "high", "High 10": "high10", "High 4:2:2": "high422", "High 4:4:4 Predictive": "high444"}[p]
}

// run renders: the new segments, the joined picture and sound, then the
// final file (marks are written by the caller, as for a full render).
func (s *smart) run(ctx context.Context, progress func(float64)) error {
	st := newStages(progress, s.weights())
	video, err := s.videoSegments(ctx, st)
	if err != nil {
		return err
	}
	audio, err := s.audioTrack(ctx, st)
	if err != nil {
		return err
	}
	if err := s.mux(ctx, video, audio, st); err != nil {
		return err
	}
	return s.verify(ctx)
}

// work names a file in the work folder.
func (s *smart) work(name string) string { return filepath.Join(s.dir, name) }

// segExt is the intermediate container: MP4 keeps any time base exactly
// and holds an avcC/hvcC Belgi can rewrite; VP9 stays in Matroska.
func (s *smart) segExt() string {
	if s.codec == "vp9" {
		return ".mkv"
	}
	return ".mp4"
}
