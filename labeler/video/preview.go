package video

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// Preview implements labeler.Previewer: the first second's frame (the
// first frame of shorter clips) with the label, as PreviewAt draws it.
func (Kind) Preview(ctx context.Context, path string, spec labeler.Spec, max int) (image.Image, error) {
	return PreviewAt(ctx, path, spec, time.Second, max)
}

// PreviewAt draws the frame shown at t (clamped to the clip) with the
// label on it, upright and at most max pixels on its longer side. The
// label is planned at the full displayed size and drawn scaled, so the
// preview shows the output's exact line breaks. In start:N mode a frame
// after N seconds is shown without the label, as the output will be.
func PreviewAt(ctx context.Context, path string, spec labeler.Spec, t time.Duration, max int) (*image.RGBA, error) {
	s, err := probe(ctx, path)
	if err != nil {
		return nil, err
	}
	t = min(max0(t), lastFrame(s))
	frame, err := displayedFrame(ctx, path, s, t, max)
	if err != nil {
		return nil, err
	}
	if spec.Video.BadgeMode == labeler.BadgeSlate || spec.Video.BadgeMode == labeler.BadgeStart && t.Seconds() >= spec.Video.BadgeSeconds {
		return frame, nil
	}
	dw, dh := s.displaySize()
	l, err := render.Plan(anchored(spec, s), dw, dh)
	if err != nil {
		return frame, err
	}
	sl := l.Scaled(float64(frame.Rect.Dx()) / float64(dw))
	patch, _, err := sl.Draw(render.Measure(frame, sl.Rect))
	if err != nil {
		return frame, err
	}
	draw.Draw(frame, sl.Rect, patch, image.Point{}, draw.Over)
	return frame, nil
}

// SlatePreview draws the opening slate for a video of the given path, at
// most max pixels on its longer side.
func SlatePreview(ctx context.Context, path string, spec labeler.Spec, max int) (*image.RGBA, error) {
	s, err := probe(ctx, path)
	if err != nil {
		return nil, err
	}
	dw, dh := s.displaySize()
	w, h := render.FitWithin(dw, dh, max)
	return render.Slate(spec, w, h)
}

// Duration is how long a video plays, for the preview's time slider.
func Duration(ctx context.Context, path string) (time.Duration, error) {
	s, err := probe(ctx, path)
	if err != nil {
		return 0, err
	}
	return s.duration, nil
}

// displayedFrame decodes the frame at t as a person sees it: turned by
// the rotation, pixels made square, scaled to fit max.
func displayedFrame(ctx context.Context, path string, s *source, t time.Duration, limit int) (*image.RGBA, error) {
	dw, dh := s.displaySize()
	w, h := render.FitWithin(dw, dh, limit)
	out, err := ffmpeg.Run(ctx, "ffmpeg", "-hide_banner", "-nostdin", "-v", "error",
		"-ss", secs(t), "-i", ffmpeg.SafePath(path), "-map", fmt.Sprintf("0:v:%d", s.vIndex),
		"-frames:v", "1", "-vf", fmt.Sprintf("scale=%d:%d,setsar=1", w, h),
		"-f", "image2pipe", "-c:v", "png", "-")
	if err != nil {
		return nil, fmt.Errorf("video: %w", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		return nil, fmt.Errorf("video: no frame at %s", secs(t))
	}
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Rect, img, img.Bounds().Min, draw.Src)
	return rgba, nil
}

// lastFrame is a time safely before the end, where a frame still exists.
func lastFrame(s *source) time.Duration {
	return max0(s.duration - 100*time.Millisecond)
}

func max0(d time.Duration) time.Duration {
	if d < 0 {
		return 0
	}
	return d
}
