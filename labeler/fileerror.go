package labeler

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
)

// Stage is the step of labeling at which a file failed.
type Stage string

// The stages of Process, in order. A FileError names one of them.
const (
	// StageDecode: finding out what the file is and reading it — the
	// kind's detection, the original's hash, and a kind finding its
	// input damaged or not what its name says.
	StageDecode Stage = "decode"
	// StageLabel: the kind's Label — drawing, mixing, encoding, marking.
	StageLabel Stage = "label"
	// StageWrite: the output — its name and folder, the temporary file,
	// sync and rename.
	StageWrite Stage = "write"
	// StageReadBack: reading the written output back to prove that both
	// layers are there.
	StageReadBack Stage = "read-back"
)

// FileError is how the core reports a file that failed: the input's name
// once, the stage, and the cause, which speaks only of the content (kinds
// never name the file). Its text is "NAME: stage: cause"; the UI and the
// CLI's JSON take the parts from the fields instead of parsing it.
type FileError struct {
	Name  string // the input's base name (for Expand, the path as given)
	Stage Stage
	Err   error // the cause
}

// Error implements error: "NAME: stage: cause".
func (e *FileError) Error() string {
	return e.Name + ": " + string(e.Stage) + ": " + e.Err.Error()
}

// Unwrap gives errors.Is and errors.As the cause.
func (e *FileError) Unwrap() error { return e.Err }

// stageMark carries a stage through a chain of wrapped errors without
// changing its text; see AtStage.
type stageMark struct {
	stage Stage
	err   error
}

func (m *stageMark) Error() string { return m.err.Error() }
func (m *stageMark) Unwrap() error { return m.err }

// AtStage marks err as having happened at stage, when that is not the
// step the core is in: a kind's Label that finds its input damaged
// returns AtStage(StageDecode, err), so the file is reported as
// unreadable rather than as failing to be labeled. The text of err is
// unchanged, and it may be wrapped further; the outermost mark wins.
// AtStage(s, nil) is nil.
func AtStage(stage Stage, err error) error {
	if err == nil {
		return nil
	}
	return &stageMark{stage: stage, err: err}
}

// fileError wraps err as the failure of the file at path, at stage unless
// err is marked with another (AtStage). A FileError is returned as is.
func fileError(path string, stage Stage, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	var m *stageMark
	if errors.As(err, &m) {
		stage = m.stage
	}
	return &FileError{Name: filepath.Base(path), Stage: stage, Err: err}
}

// friendlyPathErr words an error about a path the core reads for a person
// and, as the file is named once in front, leaves the path out.
func friendlyPathErr(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
