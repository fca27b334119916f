package labeler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Status of one file after a batch.
type Status string

// The three ways a file can end.
const (
	StatusOK      Status = "ok"
	StatusSkipped Status = "skipped"
	StatusError   Status = "error"
)

// Result is what happened to one input.
type Result struct {
	Input        string        `json:"input"`
	Output       string        `json:"output,omitempty"`
	Kind         string        `json:"kind,omitempty"`
	Status       Status        `json:"status"`
	Err          error         `json:"-"`
	Reason       string        `json:"reason,omitempty"` // why skipped
	Layers       []string      `json:"layers,omitempty"`
	Notes        []string      `json:"notes,omitempty"`
	InputSHA256  string        `json:"input_sha256,omitempty"`
	OutputSHA256 string        `json:"output_sha256,omitempty"`
	Check        *Report       `json:"check,omitempty"` // the output read back
	Elapsed      time.Duration `json:"-"`
}

// Process labels one input: detect, label into a temporary file, sync,
// read back, rename. It never panics and never touches the original.
func (r *Registry) Process(ctx context.Context, spec Spec, in Input, progress func(float64)) (res Result) {
	start := time.Now()
	res = Result{Input: in.Path}
	defer func() {
		if p := recover(); p != nil {
			res.Status, res.Err = StatusError, fmt.Errorf("%s: internal error in Belgi (please report it with this file): %v", filepath.Base(in.Path), p)
		}
		res.Elapsed = time.Since(start)
	}()
	if progress == nil {
		progress = func(float64) {}
	}
	if in.Skip != "" {
		res.Status, res.Reason = StatusSkipped, in.Skip
		return res
	}
	if err := r.process(ctx, spec, in, progress, &res); err != nil {
		res.Status, res.Err = StatusError, err
	}
	return res
}

func (r *Registry) process(ctx context.Context, spec Spec, in Input, progress func(float64), res *Result) error {
	name := filepath.Base(in.Path)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	kind, skip, err := r.prepare(ctx, spec, in, res)
	if err != nil || skip {
		return err
	}
	before, err := os.Stat(in.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", name, friendlyPathErr(err))
	}
	if res.InputSHA256, err = hashFile(in.Path); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	tmp, err := write(ctx, r.finishing(kind), Job{Input: in.Path, Output: res.Output, Spec: spec, Progress: progress}, res)
	defer os.Remove(tmp) // a no-op once renamed
	if err != nil {
		return err
	}
	if err := unchanged(in.Path, before); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := publish(ctx, tmp, res); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	progress(1)
	return nil
}

// prepare picks the kind and the output name, and decides whether the
// file is skipped: its output exists, or it already carries Belgi's label.
func (r *Registry) prepare(ctx context.Context, spec Spec, in Input, res *Result) (Kind, bool, error) {
	name := filepath.Base(in.Path)
	kind, head, err := r.detect(in.Path)
	if err != nil {
		return nil, false, err
	}
	res.Kind = kind.Name()
	out, err := OutputPath(in, spec.Out)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", name, err)
	}
	res.Output = retarget(kind, head, out)
	if _, err := os.Lstat(res.Output); err == nil && !spec.Out.Overwrite {
		res.Status, res.Reason = StatusSkipped, "output exists (use overwrite to replace it)"
		return kind, true, nil
	}
	if !spec.Out.Relabel {
		if rep, err := kind.Inspect(ctx, in.Path); err == nil && rep.Labeled {
			res.Status, res.Reason = StatusSkipped, "already labeled by Belgi (relabel to label it again)"
			return kind, true, nil
		}
	}
	return kind, false, nil
}

// write has the kind label into a temporary file beside the output,
// makes it durable and readable, and reads it back. It returns the
// temporary file's name, which the caller removes unless it is renamed.
func write(ctx context.Context, kind Kind, job Job, res *Result) (string, error) {
	name := filepath.Base(job.Input)
	if err := os.MkdirAll(filepath.Dir(job.Output), 0o755); err != nil {
		return "", fmt.Errorf("%s: output folder: %w", name, err)
	}
	tmp, err := tempBeside(job.Output)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	job.Temp = tmp
	outcome, err := kind.Label(ctx, job)
	if err == nil {
		err = ctx.Err()
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return tmp, fmt.Errorf("%s: %w", name, err)
	}
	if err != nil {
		return tmp, err
	}
	res.Layers, res.Notes = outcome.Layers, outcome.Notes
	if err := syncFile(tmp); err != nil {
		return tmp, fmt.Errorf("%s: %w", name, err)
	}
	// CreateTemp made it private (0600); a labeled copy is for publishing.
	if err := os.Chmod(tmp, 0o644); err != nil {
		return tmp, fmt.Errorf("%s: %w", name, err)
	}
	report, err := verify(ctx, kind, job.Spec, tmp, name)
	res.Check = &report
	return tmp, err
}

// publish renames the verified temporary file into place, durably, and
// records the output's hash.
func publish(ctx context.Context, tmp string, res *Result) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.Rename(tmp, res.Output); err != nil {
		return err
	}
	syncDir(filepath.Dir(res.Output))
	var err error
	if res.OutputSHA256, err = hashFile(res.Output); err != nil {
		return err
	}
	res.Status = StatusOK
	return nil
}

// verify reads the output back: Belgi's marks must be there and name the
// spec's digital source type.
func verify(ctx context.Context, kind Kind, spec Spec, path, name string) (Report, error) {
	rep, err := kind.Inspect(ctx, path)
	if err != nil {
		return rep, fmt.Errorf("%s: reading the output back: %w", name, err)
	}
	if !rep.Labeled {
		return rep, fmt.Errorf("%s: reading the output back: Belgi's marks are missing", name)
	}
	if want := spec.DigitalSourceType(); rep.DigitalSourceType != want {
		return rep, fmt.Errorf("%s: reading the output back: digital source type is %q, want %q", name, rep.DigitalSourceType, want)
	}
	return rep, nil
}

// tempBeside creates an empty, hidden file next to out with out's
// extension, so tools that pick a format by extension (ffmpeg) still can.
func tempBeside(out string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(out), ".belgi-*"+filepath.Ext(out))
	if err != nil {
		return "", err
	}
	name := f.Name()
	return name, f.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes the rename durable; failure only weakens durability, so
// it is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

func unchanged(path string, before os.FileInfo) error {
	after, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("the original disappeared while labeling: %w", err)
	}
	if after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
		return errors.New("the original changed while it was being labeled; label it again")
	}
	return nil
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
