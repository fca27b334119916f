package video

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/scratch"
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
		return false, fmt.Errorf("%w: the record does not say where the badge is (an older Belgi, or a container such as FLV too small for the full record)", labeler.ErrCannotVerify)
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

// exactFrame decodes the frame shown at t (the last one that starts at
// or before t) in stored pixels: not turned, not made square, as the
// badge was recorded. Input seeking would drop a frame that starts
// before t and is still on screen at t (a clip of one frame), so the
// start is decoded, no further than a second past t.
func exactFrame(ctx context.Context, path string, s *source, t time.Duration) (image.Image, error) {
	dir, err := scratch.Dir("", "verify")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "frame.png")
	_, err = ffmpeg.Run(ctx, "ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-noautorotate",
		"-t", secs(t+time.Second), "-i", ffmpeg.SafePath(path), "-map", fmt.Sprintf("0:v:%d", s.vIndex),
		"-vf", "select='lte(t,"+secs(t)+")'", "-fps_mode", "passthrough", "-update", "1", "-c:v", "png", out)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return nil, err // no frame at or before t: the programme was cut
	}
	return png.Decode(bytes.NewReader(data))
}
