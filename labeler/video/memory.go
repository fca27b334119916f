package video

import (
	"context"

	"github.com/belgi-kz/belgi/labeler"
)

// Peak memory of labeling one video, nearly all of it ffmpeg's: x264's
// look-ahead holds dozens of frames. Measured with /usr/bin/time on
// ffmpeg 5.1 re-encoding at CRF 18, preset medium: 1080p 520 MB, 2160p
// 1.7 GB; about 250 bytes per pixel of the frame, plus a base.
const (
	videoBytesPerPixel = 256
	videoBaseMemory    = 64 << 20
)

// EstimateMemory implements labeler.MemoryEstimator from the stream's
// frame size, as ffprobe reads it from the header.
func (Kind) EstimateMemory(ctx context.Context, path string, _ []byte, _ labeler.Spec) (int64, error) {
	src, err := probe(ctx, path)
	if err != nil {
		return 0, err
	}
	return videoBaseMemory + int64(src.video.Width)*int64(src.video.Height)*videoBytesPerPixel, nil
}
