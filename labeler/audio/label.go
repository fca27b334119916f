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
	switch format {
	case FormatWAV:
		return labelWAV(ctx, job)
	case FormatMP3:
		return labelMP3(ctx, job)
	}
	return labelOther(ctx, job, format)
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
	return inspectOther(ctx, path, format)
}

// describe names what a file that is not audio looks like, for errors.
func describe(head []byte) string {
	return http.DetectContentType(head)
}
