package video

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// Inspect implements labeler.Kind. MP4/MOV marks are read in Go, so
// `check` works on them even without ffmpeg; Matroska and AVI tags and
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
	src, err := probe(ctx, path)
	switch {
	case err == nil:
		rep.Width, rep.Height = src.displaySize()
		if family(container) != "mp4" {
			reportTags(src.info.Format.Tags, &rep)
		}
	case errors.Is(err, ffmpeg.ErrMissing) && family(container) == "mp4":
		rep.Warnings = append(rep.Warnings, "ffprobe is not installed: the picture size was not read")
	case sniffContainer(head) == "":
		return rep, fmt.Errorf("video: not a video (content looks like %s)", http.DetectContentType(head))
	default:
		return rep, err
	}
	return rep, nil
}

// inspectMP4 walks the top-level boxes: a file whose boxes run past its
// end, or with no movie header, is reported as broken.
func inspectMP4(path string, rep *labeler.Report) error {
	f, _, boxes, err := openBoxes(path, os.O_RDONLY)
	if err != nil {
		return err
	}
	defer f.Close()
	if !hasBox(boxes, "moov") {
		return errors.New("the file has no movie header (moov): it is incomplete or not a video")
	}
	x, err := readXMPBox(f, boxes)
	if err != nil {
		return err
	}
	provenance.Read(x).Report(rep)
	return nil
}
