package video

import (
	"context"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// BenchmarkBadgeAnamorphic1080 is the Go side of labeling a rotated,
// anamorphic 1080p video: plan, draw, turn and squeeze the badge. It
// runs once per file, so it must stay far below a frame's encode time.
func BenchmarkBadgeAnamorphic1080(b *testing.B) {
	spec := labeler.DefaultSpec()
	s := &source{rotation: 90, sar: 4.0 / 3}
	s.video.Width, s.video.Height = 1440, 1080
	bg := render.Background{Mean: 0.5}
	for b.Loop() {
		dw, dh := s.displaySize()
		l, err := render.Plan(spec, dw, dh)
		if err != nil {
			b.Fatal(err)
		}
		patch, _, err := l.Draw(bg)
		if err != nil {
			b.Fatal(err)
		}
		r := squeeze(render.StoredRect(l.Rect, dw, dh, s.orientation()), s.sar)
		_ = resize(render.ToStored(patch, s.orientation()), r.Dx(), r.Dy())
	}
}

// BenchmarkSlate1080 draws a full-HD opening slate in three languages.
func BenchmarkSlate1080(b *testing.B) {
	spec := labeler.DefaultSpec()
	spec.Langs = append(spec.Langs, labeler.English)
	for b.Loop() {
		if _, err := render.Slate(spec, 1920, 1080); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLabelTiny labels the 320×240 3 s H.264 clip end to end
// (ffmpeg included): the fixed cost per file that a batch of short
// clips pays.
func BenchmarkLabelTiny(b *testing.B) {
	in := clip(b, "h264.mp4")
	spec := testSpec()
	spec.Video.Spoken = false
	spec.Out.Dir, spec.Out.Overwrite = b.TempDir(), true
	reg := labeler.NewRegistry(testKind())
	for b.Loop() {
		if res := reg.Process(context.Background(), spec, labeler.Input{Path: in}, nil); res.Status != labeler.StatusOK {
			b.Fatal(res.Err)
		}
	}
}
