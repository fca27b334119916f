package audio

import (
	"context"
	"net/http"

	"github.com/belgi-kz/belgi/labeler"
)

// Label labels one audio file; see the package comment for what happens
// to each format.
func (kind) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	format, err := formatOf(job.Input)
	if err != nil {
		return labeler.Outcome{}, err
	}
	var out labeler.Outcome
	switch format {
	case FormatWAV:
		out, err = labelWAV(ctx, job)
	case FormatMP3:
		out, err = labelMP3(ctx, job)
	default:
		out, err = labelOther(ctx, job, format)
	}
	return out, err
}

// Inspect reads the marks of any audio file Belgi labels.
func (kind) Inspect(ctx context.Context, path string) (labeler.Report, error) {
	format, err := formatOf(path)
	if err != nil {
		return labeler.Report{}, err
	}
	switch format {
	case FormatWAV:
		return inspectWAV(path)
	case FormatMP3:
		return inspectMP3(path)
	}
	return inspectOther(path, format)
}

// describe names what a file that is not audio looks like, for errors.
func describe(head []byte) string {
	return http.DetectContentType(head)
}
