package ui

import (
	"errors"

	"github.com/belgi-kz/belgi/labeler"
)

// failure takes a file's error apart: the stage it failed at and the
// cause, from the core's *labeler.FileError, so nothing is sliced out of
// the message. An error of another shape is all cause, at no stage.
func failure(err error) (labeler.Stage, string) {
	var fe *labeler.FileError
	if errors.As(err, &fe) {
		return fe.Stage, fe.Err.Error()
	}
	return "", err.Error()
}

// failureText says in a person's words, in the interface language, what
// could not be done, followed by the core's cause.
func failureText(tr *translator, stage labeler.Stage, cause string) string {
	data := map[string]any{"Cause": cause}
	switch stage {
	case labeler.StageDecode:
		return tr.L("Could not read the file: {{.Cause}}", data)
	case labeler.StageLabel:
		return tr.L("Could not label the file: {{.Cause}}", data)
	case labeler.StageWrite:
		return tr.L("Could not write the labeled copy: {{.Cause}}", data)
	case labeler.StageReadBack:
		return tr.L("The labeled copy failed its check: {{.Cause}}", data)
	}
	return tr.L("Failed: {{.Reason}}", map[string]any{"Reason": cause})
}
