package labeler_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// TestFileErrorShape: every way a file can fail is a *FileError naming
// the file once, with the stage it failed at and the cause alone.
func TestFileErrorShape(t *testing.T) {
	dir := t.TempDir()
	blocked := write(t, dir+"/blocked", "a file where the output folder should be")
	for _, tc := range []struct {
		name, content string
		out           string // output folder, "" for the default
		stage         labeler.Stage
		cause         string
	}{
		{"fail.fk", "FAKE fail", "", labeler.StageLabel, "fake: broken on purpose"},
		{"damaged.fk", "FAKE damaged", "", labeler.StageDecode, "fake: damaged on purpose"},
		{"panic.fk", "FAKE panic", "", labeler.StageLabel, "internal error in Belgi (please report it with this file): a bug in a kind"},
		{"unmarked.fk", "FAKE unmarked", "", labeler.StageReadBack, "the output lacks Belgi's marks"},
		{"song.xyz", "\x00\x01binary", "", labeler.StageDecode, "unsupported file: content looks like application/octet-stream"},
		{"empty.xyz", "", "", labeler.StageDecode, "unsupported file: the file is empty"},
		{"blocked.fk", "FAKE b", blocked, labeler.StageWrite, "output folder: mkdir " + blocked + ": not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, filepath.Join(dir, "in", tc.name), tc.content)
			spec := labeler.DefaultSpec()
			spec.Out.Dir = tc.out
			r := run(t, spec, p)[0]
			var fe *labeler.FileError
			if r.Status != labeler.StatusError || !errors.As(r.Err, &fe) {
				t.Fatalf("%s %v, want a *FileError", r.Status, r.Err)
			}
			if fe.Name != tc.name || fe.Stage != tc.stage || fe.Err.Error() != tc.cause {
				t.Errorf("got {%q %q %q}, want {%q %q %q}", fe.Name, fe.Stage, fe.Err, tc.name, tc.stage, tc.cause)
			}
			if want := tc.name + ": " + string(tc.stage) + ": " + tc.cause; r.Err.Error() != want {
				t.Errorf("Error() = %q, want %q", r.Err, want)
			}
		})
	}
}

func TestFileErrorStages(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	a := write(t, dir+"/x/photo.fk", "FAKE 1")
	b := write(t, dir+"/y/photo.fk", "FAKE 2")
	spec := labeler.DefaultSpec()
	spec.Out.Dir = out
	var fe *labeler.FileError
	if err := run(t, spec, a, b)[1].Err; !errors.As(err, &fe) || fe.Stage != labeler.StageWrite || fe.Name != "photo.fk" {
		t.Errorf("name collision: %v, want a write-stage FileError", err)
	}
	// Cancelled before it started: the cause is the context's.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := labeler.NewRegistry(&fakeKind{}).Process(ctx, spec, labeler.Input{Path: a}, nil)
	if !errors.Is(res.Err, context.Canceled) || !errors.As(res.Err, &fe) {
		t.Errorf("cancelled: %v", res.Err)
	}
}

func TestAtStage(t *testing.T) {
	if labeler.AtStage(labeler.StageDecode, nil) != nil {
		t.Error("AtStage(nil) is not nil")
	}
	cause := os.ErrNotExist
	err := labeler.AtStage(labeler.StageDecode, cause)
	if err.Error() != cause.Error() || !errors.Is(err, cause) {
		t.Errorf("the mark changed the error: %q", err)
	}
}

func TestExpandErrorsAreFileErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere.fk")
	_, errs := labeler.NewRegistry(&fakeKind{}).Expand([]string{missing}, labeler.Output{})
	var fe *labeler.FileError
	if len(errs) != 1 || !errors.As(errs[0], &fe) || fe.Name != missing || fe.Stage != labeler.StageDecode {
		t.Fatalf("errors %v", errs)
	}
	if got, want := errs[0].Error(), missing+": decode: no such file or folder"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	reg := labeler.NewRegistry(&fakeKind{})
	rep, err := reg.Check(context.Background(), labeler.DefaultSpec(), write(t, dir+"/done.fk", "FAKE done"+string(mark)))
	if err != nil || !rep.Labeled || rep.Kind != "fake" {
		t.Errorf("labeled file: %+v %v", rep, err)
	}
	_, err = reg.Check(context.Background(), labeler.DefaultSpec(), write(t, dir+"/x.txt", "\x00\x01"))
	var fe *labeler.FileError
	if !errors.As(err, &fe) || fe.Name != "x.txt" || fe.Stage != labeler.StageDecode || !errors.Is(err, labeler.ErrUnsupported) {
		t.Errorf("unsupported file: %v", err)
	}
	if b, _ := json.Marshal(fe.Stage); string(b) != `"decode"` {
		t.Errorf("stage marshals as %s", b)
	}
}
