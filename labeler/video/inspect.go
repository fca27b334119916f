package video

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/belgi-kz/belgi/internal/bmff"
	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// Inspect implements labeler.Kind. MP4/MOV marks are read in Go, so
// `check` works on them even without ffmpeg; other containers' tags and
// the displayed size come from ffprobe.
func (Kind) Inspect(ctx context.Context, path string) (labeler.Report, error) {
	head, err := labeler.ReadHead(path)
	if err != nil {
		return labeler.Report{}, fmt.Errorf("video: %w", err)
	}
	container := containerOf(head, path)
	rep := labeler.Report{Kind: labeler.KindVideo, Format: container}
	if family(container) == "mp4" {
		if err := inspectMP4(path, &rep); err != nil {
			return rep, fmt.Errorf("video: %w", err)
		}
	}
	info, err := ffmpeg.Probe(ctx, path)
	switch {
	case err == nil:
		s := &source{info: info, sar: 1}
		if s.pickVideo() {
			s.rotation, s.sar = rotationOf(s.video), parseRatio(s.video.SampleAspect, 1)
			rep.Width, rep.Height = s.displaySize()
		}
		if family(container) != "mp4" {
			reportTags(tagSets(info), &rep)
		}
	case errors.Is(err, ffmpeg.ErrMissing) && family(container) == "mp4":
		rep.Warnings = append(rep.Warnings, "ffprobe is not installed: the picture size was not read")
	case sniffContainer(head) == "":
		return rep, fmt.Errorf("video: not a video (content looks like %s)", http.DetectContentType(head))
	default:
		return rep, fmt.Errorf("video: %w", err)
	}
	return rep, nil
}

// inspectMP4 walks the boxes: a file whose boxes run past its end, or
// with no movie header, is reported as broken. XMP is read from the
// top-level uuid box, or QuickTime's moov/udta/XMP_.
func inspectMP4(path string, rep *labeler.Report) error {
	f, m, err := bmff.OpenFile(path, os.O_RDONLY)
	if err != nil {
		return err
	}
	defer f.Close()
	if m.Moov == nil {
		return errors.New("the file has no movie header (moov): it is incomplete or not a video")
	}
	x, err := m.XMP(f)
	if err != nil {
		return err
	}
	if x == nil {
		x = m.QuickTimeXMP()
	}
	provenance.Read(x).Report(rep)
	return nil
}
