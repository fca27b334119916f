package video

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/internal/bmff"
	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// source is what Belgi needs to know about an input video.
type source struct {
	container string // sniffed, a key of containers
	info      ffmpeg.Info
	video     ffmpeg.Stream // the main picture
	vIndex    int           // its index among the video streams (0:v:N)
	audio     *ffmpeg.Stream
	duration  time.Duration
	// start is when the file's first packet plays (the format's start
	// time), 0 when unknown.
	start time.Duration
	// rotation is the display matrix's turn, counter-clockwise degrees,
	// normalised to 0, 90, 180 or 270.
	rotation int
	// sar is the sample (pixel) aspect ratio, width over height.
	sar float64
	// spans are the streams' packet spans, read when the header's
	// durations can't be trusted (fragmented MP4); nil otherwise.
	spans map[int]ffmpeg.Span
}

// probe reads a video's structure and streams and refuses what Belgi
// can't label, with a reason a person understands.
func probe(ctx context.Context, path string) (*source, error) {
	head, err := labeler.ReadHead(path)
	if err != nil {
		return nil, fmt.Errorf("video: %w", err)
	}
	s := &source{container: containerOf(head, path), sar: 1}
	if err := s.read(ctx, path, head); err != nil {
		return nil, labeler.AtStage(labeler.StageDecode, err)
	}
	return s, nil
}

// read fills the source from the file, or says why it can't be labeled.
func (s *source) read(ctx context.Context, path string, head []byte) error {
	var err error
	if err = structure(path, s.container); err != nil {
		return err
	}
	if s.info, err = ffmpeg.Probe(ctx, path); err != nil {
		return probeError(head, err)
	}
	if !s.pickVideo() {
		return noVideo(s.info)
	}
	if err := undecodable(s.video); err != nil {
		return err
	}
	if err := withoutBase(s.video); err != nil {
		return err
	}
	s.pickAudio()
	if err := s.timing(ctx, path); err != nil {
		return err
	}
	s.rotation = rotationOf(s.video)
	s.sar = parseRatio(s.video.SampleAspect, 1)
	if s.video.Width <= 0 || s.video.Height <= 0 {
		return fmt.Errorf("video: the video stream has no picture size")
	}
	return nil
}

// timing reads the start and the duration: from the header, or from the
// packets when the header's durations can't be trusted — a fragmented
// MP4 states none (or "unknown" as 0xFFFFFFFF ticks: 39 hours).
func (s *source) timing(ctx context.Context, path string) error {
	s.start = seconds(s.info.Format.StartTime)
	s.duration = seconds(s.info.Format.Duration)
	if s.duration <= 0 {
		s.duration = seconds(s.video.Duration)
	}
	if !s.fragmented(path) {
		return nil
	}
	spans, err := ffmpeg.PacketSpans(ctx, path)
	if err != nil {
		return fmt.Errorf("video: reading the fragments' timestamps: %w", err)
	}
	s.spans = spans
	first, last := math.Inf(1), math.Inf(-1)
	for _, sp := range spans {
		first, last = math.Min(first, sp.Start), math.Max(last, sp.End)
	}
	if last > first {
		s.duration = time.Duration((last - first) * float64(time.Second))
	}
	return nil
}

// fragmented reports an MP4 whose media lies in movie fragments.
func (s *source) fragmented(path string) bool {
	if family(s.container) != "mp4" {
		return false
	}
	f, m, err := bmff.OpenFile(path, os.O_RDONLY)
	if err != nil {
		return false
	}
	f.Close()
	return m.Fragmented()
}

// probeError says why ffprobe refused a file in a person's words: a
// missing ffprobe, a file that is no video at all, or a damaged one.
func probeError(head []byte, err error) error {
	if errors.Is(err, ffmpeg.ErrMissing) {
		return fmt.Errorf("video: %w", err)
	}
	if sniffContainer(head) == "" {
		if len(head) == 0 {
			return fmt.Errorf("video: the file is empty")
		}
		return fmt.Errorf("video: not a video file (content looks like %s)", http.DetectContentType(head))
	}
	return fmt.Errorf("video: the video is damaged or truncated and ffmpeg can't read it: %w", err)
}

// pickVideo chooses the first video stream that is not cover art.
func (s *source) pickVideo() bool {
	n := 0
	for _, st := range s.info.Streams {
		if st.CodecType != "video" {
			continue
		}
		if !st.AttachedPic() {
			s.video, s.vIndex = st, n
			return true
		}
		n++
	}
	return false
}

func (s *source) pickAudio() {
	for i, st := range s.info.Streams {
		if st.CodecType == "audio" {
			s.audio = &s.info.Streams[i]
			return
		}
	}
}

// displaySize is the frame a person sees: pixel aspect applied, then the
// rotation.
func (s *source) displaySize() (int, int) {
	w, h := s.squareSize()
	if s.rotation == 90 || s.rotation == 270 {
		return h, w
	}
	return w, h
}

// squareSize is the stored frame with square pixels, before rotation.
func (s *source) squareSize() (int, int) {
	w := s.video.Width
	if s.sar > 0 && math.Abs(s.sar-1) > 1e-6 {
		w = int(math.Round(float64(w) * s.sar))
	}
	return w, s.video.Height
}

// orientation is the EXIF orientation that turns stored pixels the way
// the rotation does, so package render's orientation helpers apply.
func (s *source) orientation() int {
	switch s.rotation {
	case 90: // counter-clockwise
		return 8
	case 180:
		return 3
	case 270:
		return 6
	}
	return 1
}

// frameRate is the stream's frame rate as ffmpeg writes it ("30000/1001").
func (s *source) frameRate() string {
	for _, r := range []string{s.video.RFrameRate, s.video.AvgFrameRate} {
		if parseRatio(r, 0) > 0 {
			return r
		}
	}
	return "25"
}

// rotationOf reads the display matrix's rotation (ffprobe reports it
// counter-clockwise, possibly negative), or the older "rotate" tag.
func rotationOf(st ffmpeg.Stream) int {
	deg := 0.0
	found := false
	for _, sd := range st.SideData {
		if r, ok := sd["rotation"].(float64); ok {
			deg, found = r, true
		}
	}
	if !found {
		if r, err := strconv.ParseFloat(st.Tags["rotate"], 64); err == nil {
			deg = -r // the tag counts clockwise
		}
	}
	q := int(math.Round(deg/90)) * 90
	return ((q % 360) + 360) % 360
}

// parseRatio reads "16:15" or "30000/1001"; def for anything unusable.
func parseRatio(s string, def float64) float64 {
	a, b, ok := strings.Cut(s, ":")
	if !ok {
		a, b, ok = strings.Cut(s, "/")
	}
	if !ok {
		if v, err := strconv.ParseFloat(s, 64); err == nil && v > 0 {
			return v
		}
		return def
	}
	n, err1 := strconv.ParseFloat(a, 64)
	d, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || n <= 0 || d <= 0 {
		return def
	}
	return n / d
}

func seconds(s string) time.Duration {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return time.Duration(v * float64(time.Second))
}
