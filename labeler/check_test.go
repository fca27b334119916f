package labeler_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// sidecarFinisher writes a companion file beside every output, and a
// finisher that breaks the read-back on request ("FAKE unsigned").
type sidecarFinisher struct{}

func (sidecarFinisher) Finish(_ context.Context, job labeler.Job, out labeler.Outcome) (labeler.Outcome, error) {
	tmp := filepath.Join(filepath.Dir(job.Output), ".belgi-side.tmp")
	if err := os.WriteFile(tmp, []byte("side"), 0o644); err != nil {
		return out, err
	}
	out.Companions = append(out.Companions, labeler.Companion{Temp: tmp, Final: job.Output + ".side"})
	if b, _ := os.ReadFile(job.Input); strings.HasPrefix(string(b), "FAKE unsigned") {
		return out, os.WriteFile(job.Temp, []byte("no mark"), 0o644) // read-back fails
	}
	return out, nil
}

// TestCompanionsPublishedWithTheOutput: a companion (a C2PA sidecar)
// appears with its output, after it; when the output fails, neither it
// nor its temporary file is left.
func TestCompanionsPublishedWithTheOutput(t *testing.T) {
	dir := t.TempDir()
	reg := labeler.NewRegistry(&fakeKind{}).WithFinisher(sidecarFinisher{})
	spec := labeler.DefaultSpec()
	spec.Out.Dir = filepath.Join(dir, "out")
	ok := reg.Process(context.Background(), spec, labeler.Input{Path: write(t, dir+"/a.fk", "FAKE a")}, nil)
	if ok.Status != labeler.StatusOK {
		t.Fatalf("%v", ok.Err)
	}
	if b, err := os.ReadFile(ok.Output + ".side"); err != nil || string(b) != "side" {
		t.Errorf("companion of a good file: %q, %v", b, err)
	}
	bad := reg.Process(context.Background(), spec, labeler.Input{Path: write(t, dir+"/b.fk", "FAKE unsigned")}, nil)
	if bad.Status != labeler.StatusError {
		t.Fatalf("read-back should fail: %s", bad.Status)
	}
	left, _ := filepath.Glob(filepath.Join(spec.Out.Dir, "b.fk*"))
	temps, _ := filepath.Glob(filepath.Join(spec.Out.Dir, ".belgi-*"))
	if len(left) > 0 || len(temps) > 0 {
		t.Errorf("a failed file left %v %v", left, temps)
	}
}

// verifyingKind is fakeKind whose content check finds the label when the
// file says "shown", cannot look when it says "unknown".
type verifyingKind struct{ fakeKind }

func (*verifyingKind) VerifyLabel(_ context.Context, path string, _ labeler.Report) (bool, error) {
	b, err := os.ReadFile(path)
	switch {
	case err != nil:
		return false, err
	case strings.Contains(string(b), "unknown"):
		return false, errors.Join(labeler.ErrCannotVerify, errors.New("no tool"))
	}
	return strings.Contains(string(b), "shown"), nil
}

// aiExaminer says every file's metadata declares AI.
type aiExaminer struct{}

func (aiExaminer) Examine(_ context.Context, _ labeler.Spec, _ string, rep *labeler.Report) error {
	rep.AddDeclaration(labeler.Declaration{Where: labeler.SourceID3, Type: labeler.DSTTrained})
	return nil
}

// TestCheckVerdicts: Check holds Belgi's record to the content, and AI
// provenance without a label is warned about.
func TestCheckVerdicts(t *testing.T) {
	dir := t.TempDir()
	reg := labeler.NewRegistry(&verifyingKind{}).WithExaminer(aiExaminer{})
	cases := []struct {
		content     string
		labeled     bool
		perceivable string
		warn        string
	}{
		{"FAKE shown" + string(mark), true, labeler.PerceivableContent, ""},
		{"FAKE gone" + string(mark), false, labeler.PerceivableMissing, labeler.WarnContentLacks},
		{"FAKE unknown" + string(mark), true, labeler.PerceivableUnchecked, "the perceivable label cannot be checked"},
		{"FAKE plain", false, "", labeler.WarnAIUnlabeled},
	}
	for i, c := range cases {
		path := write(t, filepath.Join(dir, string(rune('a'+i))+".fk"), c.content)
		rep, err := reg.Check(context.Background(), labeler.DefaultSpec(), path)
		if err != nil {
			t.Fatal(err)
		}
		warned := c.warn == "" || slices.ContainsFunc(rep.Warnings, func(w string) bool { return strings.HasPrefix(w, c.warn) })
		if rep.Labeled != c.labeled || rep.Perceivable != c.perceivable || !warned || !rep.AIFound() {
			t.Errorf("%q: %+v", c.content, rep)
		}
	}
}

// TestIsAI: only generative codes count, in any of the forms writers use.
func TestIsAI(t *testing.T) {
	cases := map[string]bool{
		labeler.DSTTrained:   true,
		labeler.DSTComposite: true,
		"https://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia/": true,
		"digsrctype:compositeWithTrainedAlgorithmicMedia":                          true,
		"trainedAlgorithmicMedia":                                                  true,
		"http://c2pa.org/digitalsourcetype/trainedAlgorithmicData":                 true,
		"http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia":          false,
		"http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic":        false,
		"http://cv.iptc.org/newscodes/digitalsourcetype/virtualRecording":          false,
		"http://cv.iptc.org/newscodes/digitalsourcetype/computationalCapture":      false,
		"http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicallyEnhanced":   false,
		"http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture":            false,
		"http://c2pa.org/digitalsourcetype/empty":                                  false,
		"": false,
	}
	for dst, want := range cases {
		if got := labeler.IsAI(dst); got != want {
			t.Errorf("IsAI(%q) = %v, want %v", dst, got, want)
		}
	}
}

// TestReportSources: a non-AI statement is kept but is no AI provenance,
// and an AI one found later becomes the report's digital source type.
func TestReportSources(t *testing.T) {
	var r labeler.Report
	r.AddDeclaration(labeler.Declaration{Where: labeler.SourceC2PA, Type: "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"})
	if r.AIFound() || len(r.Declarations) != 1 {
		t.Fatalf("%+v", r)
	}
	r.AddDeclaration(labeler.Declaration{Where: labeler.SourceXMP, Type: labeler.DSTTrained})
	r.AddDeclaration(labeler.Declaration{Where: labeler.SourceXMP, Type: labeler.DSTTrained})
	if !r.AIFound() || r.DigitalSourceType != labeler.DSTTrained || len(r.Declarations) != 2 || !slices.Equal(r.Provenance, []string{labeler.SourceXMP}) {
		t.Errorf("%+v", r)
	}
}
