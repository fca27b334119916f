package labeler

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/belgi-kz/belgi/internal/filehash"
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
	LabelArea    float64       `json:"label_area,omitempty"` // % of the displayed frame the label covers
	InputSHA256  string        `json:"input_sha256,omitempty"`
	OutputSHA256 string        `json:"output_sha256,omitempty"`
	Check        *Report       `json:"check,omitempty"` // the output read back
	Elapsed      time.Duration `json:"-"`

	// InputSize is the original's size in bytes, for the ledger.
	InputSize int64 `json:"input_size,omitempty"`
	// C2PAManifest is the label (urn:c2pa:...) of the manifest signed
	// into the output, as read back; "" when none was.
	C2PAManifest string `json:"c2pa_manifest,omitempty"`
	// companions are published with the output (see Outcome).
	companions []Companion
}

// Process labels one input: detect, label into a temporary file, sync,
// read back, rename. It never panics and never touches the original. A
// failure is reported as a *FileError: the input's name, the stage, the
// cause.
func (r *Registry) Process(ctx context.Context, spec Spec, in Input, progress func(float64)) (res Result) {
	start := time.Now()
	res = Result{Input: in.Path}
	p := &pass{reg: r, spec: spec, in: in, res: &res, stage: StageDecode, progress: progress}
	defer func() {
		if v := recover(); v != nil {
			p.fail(fmt.Errorf("internal error in Belgi (please report it with this file): %v", v))
		}
		res.Elapsed = time.Since(start)
	}()
	if p.progress == nil {
		p.progress = func(float64) {}
	}
	if in.Skip != "" {
		res.Status, res.Reason = StatusSkipped, in.Skip
		return res
	}
	if in.AI != "" {
		p.spec.AI = in.AI
	}
	if err := p.run(ctx); err != nil {
		p.fail(err)
	}
	return res
}

// pass is one file going through Process. stage is the step it is at, so
// that every failure, a panic included, is reported at the right one.
type pass struct {
	reg      *Registry
	spec     Spec
	in       Input
	res      *Result
	stage    Stage
	progress func(float64)
}

func (p *pass) fail(err error) {
	p.res.Status, p.res.Err = StatusError, fileError(p.in.Path, p.stage, err)
}

func (p *pass) run(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	kind, skip, err := p.prepare(ctx)
	if err != nil || skip {
		return err
	}
	before, err := os.Stat(p.in.Path)
	if err != nil {
		return friendlyPathErr(err)
	}
	p.res.InputSize = before.Size()
	release, err := admit(ctx, kind, p.in.Path, before.Size(), p.spec)
	if err != nil {
		return err
	}
	defer release()
	if p.res.InputSHA256, err = hashFile(p.in.Path); err != nil {
		return friendlyPathErr(err)
	}
	p.stage = StageWrite
	created, err := makeDirs(filepath.Dir(p.res.Output))
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	tmp, err := p.write(ctx, p.reg.finishing(kind))
	defer discard(tmp, created, p.res)
	defer removeCompanions(p.res)
	if err != nil {
		return err
	}
	p.stage = StageLabel
	if err := unchanged(p.in.Path, before); err != nil {
		return err
	}
	p.stage = StageWrite
	if err := p.publish(ctx, tmp); err != nil {
		return err
	}
	p.progress(1)
	return nil
}

// prepare picks the kind and the output name, and decides whether the
// file is skipped: its output exists, or it already carries Belgi's label.
func (p *pass) prepare(ctx context.Context) (Kind, bool, error) {
	kind, head, err := p.reg.detect(p.in.Path)
	if err != nil {
		return nil, false, err
	}
	res := p.res
	res.Kind = kind.Name()
	out, err := OutputPath(p.in, p.spec.Out)
	if err != nil {
		return nil, false, AtStage(StageWrite, err)
	}
	res.Output = retarget(kind, head, p.in.Path, out)
	sweepOutput(res.Output)
	if _, err := os.Lstat(res.Output); err == nil && !p.spec.Out.Overwrite {
		res.Status, res.Reason = StatusSkipped, "output exists (use overwrite to replace it)"
		return kind, true, nil
	}
	if !p.spec.Out.Relabel && p.reg.labeledAlready(ctx, p.spec, kind, p.in.Path) {
		res.Status, res.Reason = StatusSkipped, "already labeled by Belgi (relabel to label it again)"
		return kind, true, nil
	}
	return kind, false, nil
}

// write has the kind label into a temporary file beside the output,
// makes it durable and readable, and reads it back. It returns the
// temporary file's name, which the caller removes unless it is renamed.
func (p *pass) write(ctx context.Context, kind Kind) (string, error) {
	job := Job{Input: p.in.Path, Output: p.res.Output, Spec: p.spec, Progress: p.progress}
	p.stage = StageWrite
	tmp, err := tempBeside(job.Output)
	if err != nil {
		return "", err
	}
	job.Temp = tmp
	p.stage = StageLabel
	outcome, err := kind.Label(ctx, job)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return tmp, err
	}
	p.res.Layers, p.res.Notes, p.res.companions = outcome.Layers, outcome.Notes, outcome.Companions
	p.res.LabelArea = math.Round(outcome.LabelArea*100) / 100 // hundredths of a percent are plenty
	if outcome.Check != nil {
		p.stage = StageReadBack
		if err := outcome.Check(ctx); err != nil {
			return tmp, err
		}
	}
	p.stage = StageWrite
	if err := syncFile(tmp); err != nil {
		return tmp, err
	}
	// CreateTemp made it private (0600); a labeled copy is for publishing.
	if err := os.Chmod(tmp, 0o644); err != nil {
		return tmp, err
	}
	p.stage = StageReadBack
	report, err := verify(ctx, kind, p.spec, tmp)
	if report.C2PAManifest == "" {
		report.C2PAManifest = outcome.C2PAManifest // the finisher read it back
	}
	p.res.Check, p.res.C2PAManifest = &report, report.C2PAManifest
	return tmp, err
}

// publish renames the verified temporary file into place, durably, and
// records the output's hash.
func (p *pass) publish(ctx context.Context, tmp string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	res := p.res
	if err := os.Rename(tmp, res.Output); err != nil {
		return err
	}
	publishCompanions(res)
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
func verify(ctx context.Context, kind Kind, spec Spec, path string) (Report, error) {
	rep, err := kind.Inspect(ctx, path)
	if err != nil {
		// Whatever the kind says of its input, here it is the output.
		return rep, AtStage(StageReadBack, err)
	}
	if !rep.Labeled {
		return rep, errors.New("the output lacks Belgi's marks")
	}
	if want := spec.DigitalSourceType(); rep.DigitalSourceType != want {
		return rep, fmt.Errorf("the output's digital source type is %q, want %q", rep.DigitalSourceType, want)
	}
	return rep, nil
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

func hashFile(path string) (string, error) { return filehash.SHA256(path) }

// publishCompanions renames each companion into place after the output.
// One that cannot be is left out, with a note: the output stands on its
// own marks.
func publishCompanions(res *Result) {
	for _, c := range res.companions {
		if err := os.Rename(c.Temp, c.Final); err != nil {
			res.Notes = append(res.Notes, fmt.Sprintf("%s was not written beside the output: %v", filepath.Base(c.Final), err))
		}
	}
	res.companions = nil
}

// removeCompanions deletes companions not published (a failed file).
func removeCompanions(res *Result) {
	for _, c := range res.companions {
		_ = os.Remove(c.Temp)
	}
}
