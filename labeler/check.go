package labeler

import (
	"context"
	"errors"
	"slices"
)

// Examiner adds to a report what every format shares: the file's
// Content Credentials (validated, with the AI they declare). It is the
// read side of the Finisher, wired the same way (labeler/kinds), so the
// core does not import C2PA. It must be safe for concurrent use.
type Examiner interface {
	Examine(ctx context.Context, spec Spec, path string, rep *Report) error
}

// LabelVerifier is an optional ability of a Kind: it looks in a file's
// content for the perceivable label Belgi's record (rep) claims — the
// label's region in a picture or frame, the spoken notice in the sound.
// found is false when the content lacks it; err is set when it could not
// look (a tool missing, a record too old to say where the label is).
type LabelVerifier interface {
	VerifyLabel(ctx context.Context, path string, rep Report) (found bool, err error)
}

// ErrCannotVerify is wrapped by LabelVerifier errors that mean the label
// could not be looked for, rather than that looking failed.
var ErrCannotVerify = errors.New("the perceivable label cannot be checked")

// WithExaminer has Check pass every report through e too, after the
// examiners given before.
func (r *Registry) WithExaminer(e Examiner) *Registry {
	r.examiners = append(r.examiners, e)
	return r
}

// Check reads everything a file says about how it was made and whether
// it is labeled, for `belgi-cli check` and the app's file list: the
// kind's marks, the Content Credentials (validated against spec's trust
// anchors), AI statements in any metadata, and — when Belgi's record
// claims a label — whether the content really shows or sounds it. A
// record the content contradicts is reported not labeled, with
// WarnContentLacks. A failure is a *FileError at StageDecode.
func (r *Registry) Check(ctx context.Context, spec Spec, path string) (Report, error) {
	k, _, err := r.detect(path)
	if err != nil {
		return Report{}, fileError(path, StageDecode, err)
	}
	rep, err := r.inspect(ctx, spec, k, path)
	if err != nil {
		return rep, fileError(path, StageDecode, err)
	}
	rep.Finish()
	return rep, nil
}

// inspect is Check without the final warnings: the kind's report, the
// examiner's additions and the label looked for in the content.
func (r *Registry) inspect(ctx context.Context, spec Spec, k Kind, path string) (Report, error) {
	rep, err := k.Inspect(ctx, path)
	rep.Kind = k.Name()
	if err != nil {
		return rep, err
	}
	for _, e := range r.examiners {
		if err := e.Examine(ctx, spec, path, &rep); err != nil {
			rep.Warnings = append(rep.Warnings, err.Error())
		}
	}
	verifyLabel(ctx, k, path, &rep)
	return rep, ctx.Err()
}

// perceivableLayers are the layers a person perceives.
var perceivableLayers = []string{LayerVisible, LayerSpoken, LayerNotice}

// verifyLabel looks for the label Belgi's record claims, unless the
// examiner already vouched for it (Belgi's own valid signature) or the
// kind checked it while inspecting.
func verifyLabel(ctx context.Context, k Kind, path string, rep *Report) {
	v, ok := k.(LabelVerifier)
	if !rep.Labeled || rep.Perceivable != "" || !ok {
		return
	}
	found, err := v.VerifyLabel(ctx, path, *rep)
	switch {
	case errors.Is(err, ErrCannotVerify):
		rep.Perceivable = PerceivableUnchecked
		rep.Warnings = append(rep.Warnings, err.Error())
	case err != nil:
		rep.Perceivable = PerceivableUnchecked
		rep.Warnings = append(rep.Warnings, "the perceivable label was not checked: "+err.Error())
	case found:
		rep.Perceivable = PerceivableContent
	default:
		rep.Perceivable = PerceivableMissing
		rep.Layers = slices.DeleteFunc(rep.Layers, func(l string) bool { return slices.Contains(perceivableLayers, l) })
	}
}

// labeledAlready reports whether a file already carries Belgi's label,
// looked for in its content when its record claims one, so that a
// record copied onto an unlabeled file does not keep it from labeling.
func (r *Registry) labeledAlready(ctx context.Context, spec Spec, k Kind, path string) bool {
	rep, err := k.Inspect(ctx, path)
	if err != nil || !rep.Labeled {
		return false
	}
	if rep, err = r.inspect(ctx, spec, k, path); err != nil {
		return false
	}
	rep.Finish()
	return rep.Labeled
}
