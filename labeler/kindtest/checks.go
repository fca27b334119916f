package kindtest

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// previewMax is the size asked of a Previewer: small, so the suite stays
// quick, and smaller than most fixtures, so scaling down is exercised.
const previewMax = 120

// checkRecognised: the kind's Sniff accepts the fixture's head (unless the
// format is known by extension) and the registry picks this kind.
func checkRecognised(t *testing.T, reg *labeler.Registry, kind labeler.Kind, fx Fixture) {
	t.Helper()
	head := fx.Data[:min(len(fx.Data), 4096)]
	if !fx.ByExtension && !kind.Sniff(head) {
		t.Errorf("Sniff does not accept the fixture's first bytes")
	}
	if !slices.Contains(kind.Extensions(), strings.ToLower(filepath.Ext(fx.Name))) && !kind.Sniff(head) {
		t.Errorf("neither Sniff nor Extensions claim %s", fx.Name)
	}
	if k, err := reg.DetectBytes(fx.Name, head); err != nil || k.Name() != kind.Name() {
		t.Errorf("the registry detects %v (%v), want %s", k, err, kind.Name())
	}
}

// checkUnlabeled: an original Belgi never touched reads back as not
// labeled, so that nothing is skipped as "already labeled" by mistake.
func checkUnlabeled(t *testing.T, kind labeler.Kind, in string) {
	t.Helper()
	rep, err := kind.Inspect(context.Background(), in)
	if err != nil {
		t.Errorf("inspect original: %v", err)
		return
	}
	if rep.Labeled {
		t.Errorf("the unlabeled original reads back as labeled: %+v", rep)
	}
}

// checkPreview: a Previewer draws something, within the size asked for.
func checkPreview(t *testing.T, kind labeler.Kind, spec labeler.Spec, in string) {
	t.Helper()
	pv, ok := kind.(labeler.Previewer)
	if !ok {
		return
	}
	img, err := pv.Preview(context.Background(), in, spec, previewMax)
	if err != nil {
		t.Errorf("preview: %v", err)
		return
	}
	if b := img.Bounds(); b.Empty() || b.Dx() > previewMax || b.Dy() > previewMax {
		t.Errorf("preview is %v, want a picture within %d×%d", b, previewMax, previewMax)
	}
}

// checkRetarget: when a Retargeter names another extension, the output
// has it and its content is that format; otherwise the input's is kept.
func checkRetarget(t *testing.T, kind labeler.Kind, fx Fixture, out string) {
	t.Helper()
	ext := ""
	if rt, ok := kind.(labeler.Retargeter); ok {
		ext = rt.OutputExt(fx.Data[:min(len(fx.Data), 4096)])
	}
	if ext == "" {
		if filepath.Ext(out) != filepath.Ext(fx.Name) {
			t.Errorf("output %s changed the extension", filepath.Base(out))
		}
		return
	}
	if filepath.Ext(out) != ext {
		t.Errorf("output %s, want extension %s", filepath.Base(out), ext)
	}
	data, _ := os.ReadFile(out)
	want, _, _ := mime.ParseMediaType(mime.TypeByExtension(ext))
	if got, _, _ := mime.ParseMediaType(http.DetectContentType(data)); want != "" && got != want {
		t.Errorf("output %s holds %s, not %s", filepath.Base(out), got, want)
	}
}

// checkRefused: a bad fixture fails as a *FileError naming the file once,
// at the decode or label stage, and leaves nothing behind.
func checkRefused(t *testing.T, res labeler.Result, name, dir string) {
	t.Helper()
	var fe *labeler.FileError
	if res.Status != labeler.StatusError || !errors.As(res.Err, &fe) {
		t.Fatalf("bad input gave status %s, error %v; want a *labeler.FileError", res.Status, res.Err)
	}
	if fe.Name != name {
		t.Errorf("error names %q, want %q", fe.Name, name)
	}
	if fe.Stage != labeler.StageDecode && fe.Stage != labeler.StageLabel {
		t.Errorf("stage %q, want decode or label: %v", fe.Stage, res.Err)
	}
	if cause := fe.Err.Error(); strings.Contains(cause, name) || strings.Contains(cause, dir) {
		t.Errorf("the kind's message names the file itself: %q", cause)
	}
	if want := name + ": " + string(fe.Stage) + ": " + fe.Err.Error(); res.Err.Error() != want {
		t.Errorf("error %q, want %q", res.Err, want)
	}
	assertNoLeftovers(t, dir)
}

func checkLabeled(t *testing.T, kind labeler.Kind, spec labeler.Spec, res labeler.Result, fx Fixture) {
	t.Helper()
	if res.Status != labeler.StatusOK {
		t.Fatalf("status %s: %v", res.Status, res.Err)
	}
	rep, err := kind.Inspect(context.Background(), res.Output)
	if err != nil {
		t.Fatalf("inspect output: %v", err)
	}
	if !rep.Labeled || rep.DigitalSourceType != spec.DigitalSourceType() {
		t.Errorf("output reads back as labeled=%v dst=%q", rep.Labeled, rep.DigitalSourceType)
	}
	for _, l := range fx.Layers {
		if !slices.Contains(res.Layers, l) {
			t.Errorf("layers %v lack %q", res.Layers, l)
		}
	}
	assertNoLeftovers(t, filepath.Dir(res.Output))
}

// assertNoLeftovers fails if a temporary output survived.
func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".belgi-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}
