package video

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// badgeRegion records the badge for `check`: where it lies in the stored
// frame, what it looks like, and a time it shows (half a second into
// the programme, after the slate, within the badge's span).
func badgeRegion(b badge, s *source, spec labeler.Spec) *provenance.Region {
	r := provenance.RegionOf(b.patch, b.at, s.video.Width, s.video.Height)
	at := min(500*time.Millisecond, s.duration/2)
	if spec.Video.BadgeMode == labeler.BadgeStart {
		at = min(at, time.Duration(spec.Video.BadgeSeconds*float64(time.Second))/2)
	}
	if spec.Video.Slate {
		at += time.Duration(spec.Video.SlateSeconds * float64(time.Second))
	}
	r.At = max(at.Seconds(), 0.001)
	return &r
}

// VerifyLabel implements labeler.LabelVerifier: the frame Belgi's record
// names must show the badge it describes where it says.
func (Kind) VerifyLabel(ctx context.Context, path string, _ labeler.Report) (bool, error) {
	rec, err := videoRecord(ctx, path)
	if err != nil {
		return false, fmt.Errorf("%w: %v", labeler.ErrCannotVerify, err)
	}
	if rec.Region == nil {
		return false, fmt.Errorf("%w: the record does not say where the badge is (labeled by an older Belgi)", labeler.ErrCannotVerify)
	}
	s, err := probe(ctx, path)
	if err != nil {
		return false, fmt.Errorf("%w: %v", labeler.ErrCannotVerify, err)
	}
	frame, err := exactFrame(ctx, path, s, time.Duration(rec.Region.At*float64(time.Second)))
	if err != nil {
		return false, nil // no frame there: the programme was cut
	}
	ok, _ := rec.Region.Matches(frame)
	return ok, nil
}

// videoRecord reads Belgi's record: the MP4/MOV XMP box, or the XMP tag
// of other containers.
func videoRecord(ctx context.Context, path string) (provenance.Found, error) {
	head, err := labeler.ReadHead(path)
	if err != nil {
		return provenance.Found{}, err
	}
	if family(containerOf(head, path)) == "mp4" {
		return provenance.Read(sourceXMP(path)), nil
	}
	info, err := ffmpeg.Probe(ctx, path)
	if err != nil {
		return provenance.Found{}, err
	}
	return provenance.Read([]byte(lookup(info.Format.Tags, tagXMP))), nil
}

// exactFrame decodes the very frame at t in stored pixels: not turned, not
// made square, as the badge was recorded.
func exactFrame(ctx context.Context, path string, s *source, t time.Duration) (image.Image, error) {
	out, err := ffmpeg.Run(ctx, "ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-noautorotate",
		"-ss", secs(t), "-i", ffmpeg.SafePath(path), "-map", fmt.Sprintf("0:v:%d", s.vIndex),
		"-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "-")
	if err != nil {
		return nil, err
	}
	return png.Decode(bytes.NewReader(out))
}
