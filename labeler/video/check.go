package video

import (
	"context"
	"fmt"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// checkOutput reads the output's streams back: ffmpeg can succeed and
// still have dropped a stream or cut the picture short, and a labeled
// copy that lost a subtitle track is not an honest copy.
func checkOutput(ctx context.Context, p *plan) error {
	info, err := ffmpeg.Probe(ctx, p.output)
	if err != nil {
		return fmt.Errorf("the labeled copy does not read back: %w", err)
	}
	want := len(p.src.info.Streams)
	if p.src.audio == nil && p.noticeWAV != "" {
		want++ // the notice-only track
	}
	if len(info.Streams) != want {
		return fmt.Errorf("the labeled copy has %d streams, the source %d", len(info.Streams), want)
	}
	out := &source{info: info, sar: 1}
	if !out.pickVideo() || out.video.Width != p.src.video.Width || out.video.Height != p.src.video.Height {
		return fmt.Errorf("the labeled copy's picture is not %d×%d", p.src.video.Width, p.src.video.Height)
	}
	if rotationOf(out.video) != p.src.rotation {
		return fmt.Errorf("the labeled copy lost its rotation of %d°", p.src.rotation)
	}
	return checkDuration(seconds(info.Format.Duration), p)
}

// checkDuration allows a quarter second: audio encoders pad their last
// frame and containers round differently, but a lost second is a fault.
func checkDuration(got time.Duration, p *plan) error {
	want := p.total()
	if want <= 0 {
		return nil
	}
	if d := got - want; d < -250*time.Millisecond || d > 250*time.Millisecond {
		return fmt.Errorf("the labeled copy lasts %s, expected %s", got.Round(time.Millisecond), want.Round(time.Millisecond))
	}
	return nil
}
