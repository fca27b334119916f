package video

import (
	"context"
	"math"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// TestLabelClips labels every fixture with the defaults and checks what
// a video editor cares about: streams, codec, duration and rotation kept,
// the badge bottom-right of the displayed frame, the marks readable.
func TestLabelClips(t *testing.T) {
	cases := []struct {
		clip   string
		codec  string // the output's video codec
		w, h   int    // displayed size
		spoken bool
	}{
		{"h264.mp4", "h264", 320, 240, true},
		{"vp9.webm", "vp9", 320, 240, true},
		{"hevc.mp4", "hevc", 320, 240, true},
		{"silent.mp4", "h264", 320, 240, false},
		{"rot90.mp4", "h264", 240, 320, true},
		{"rot270.mov", "h264", 240, 320, true},
		{"wide.mkv", "h264", 640, 240, true},
		{"subs.mkv", "h264", 320, 240, true},
		{"mpeg4.avi", "mpeg4", 320, 240, true},
	}
	for _, c := range cases {
		t.Run(c.clip, func(t *testing.T) {
			t.Parallel()
			in := clip(t, c.clip)
			spec := testSpec()
			res := label(t, testKind(), in, spec)
			src, out := mustProbe(t, in), mustProbe(t, res.Output)
			if got, want := streamTypes(out), streamTypes(src); got != want {
				t.Errorf("streams %q, want %q", got, want)
			}
			if out.video.CodecName != c.codec {
				t.Errorf("video codec %s, want %s", out.video.CodecName, c.codec)
			}
			if d := math.Abs(out.duration.Seconds() - src.duration.Seconds()); d > 0.1 {
				t.Errorf("duration %s, source %s", out.duration, src.duration)
			}
			if out.rotation != src.rotation || out.video.PixFmt != src.video.PixFmt {
				t.Errorf("rotation %d pix_fmt %s, source %d %s", out.rotation, out.video.PixFmt, src.rotation, src.video.PixFmt)
			}
			if w, h := out.displaySize(); w != c.w || h != c.h {
				t.Errorf("displayed %d×%d, want %d×%d", w, h, c.w, c.h)
			}
			assertBadge(t, in, res.Output, anchored(spec, src), 1.5, 1.5, true) // subs.mkv: top-right
			assertMarks(t, res, c.w, c.h, c.spoken)
		})
	}
}

func assertMarks(t *testing.T, res labeler.Result, w, h int, spoken bool) {
	t.Helper()
	rep, err := New().Inspect(context.Background(), res.Output)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Labeled || rep.DigitalSourceType != labeler.DSTTrained || rep.Width != w || rep.Height != h {
		t.Errorf("inspect: %+v", rep)
	}
	if res.LabelArea <= 0 || res.LabelArea > 9 {
		t.Errorf("label_area %.2f %%, want the compact badge's share of the frame", res.LabelArea)
	}
	hasSpoken := false
	for _, l := range rep.Layers {
		hasSpoken = hasSpoken || l == labeler.LayerSpoken
	}
	if hasSpoken != spoken {
		t.Errorf("layers %v, spoken want %v", rep.Layers, spoken)
	}
	if family(rep.Format) == "mp4" && haveExiftool(t) {
		if got := exiftool(t, res.Output); got != labeler.DSTTrained {
			t.Errorf("exiftool reads DigitalSourceType %q", got)
		}
	}
}
