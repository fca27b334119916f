package labeler_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// fakeKind labels ".fk" files whose content starts with "FAKE": it copies
// them with a marker line. Content "FAKE fail" makes it fail, "FAKE
// damaged" finds the input unreadable, "FAKE unmarked" writes no marker,
// "FAKE slow" makes it wait for cancellation.
type fakeKind struct{ started atomic.Int32 }

var mark = []byte("\n#belgi " + labeler.DSTTrained)

func (*fakeKind) Name() string           { return "fake" }
func (*fakeKind) Extensions() []string   { return []string{".fk"} }
func (*fakeKind) Sniff(head []byte) bool { return bytes.HasPrefix(head, []byte("FAKE")) }

func (k *fakeKind) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	k.started.Add(1)
	data, err := os.ReadFile(job.Input)
	if err != nil {
		return labeler.Outcome{}, err
	}
	switch {
	case bytes.HasPrefix(data, []byte("FAKE fail")):
		return labeler.Outcome{}, errors.New("fake: broken on purpose")
	case bytes.HasPrefix(data, []byte("FAKE damaged")):
		return labeler.Outcome{}, labeler.AtStage(labeler.StageDecode, errors.New("fake: damaged on purpose"))
	case bytes.HasPrefix(data, []byte("FAKE unmarked")):
		return labeler.Outcome{}, os.WriteFile(job.Temp, data, 0o644)
	case bytes.HasPrefix(data, []byte("FAKE panic")):
		panic("a bug in a kind")
	case bytes.HasPrefix(data, []byte("FAKE slow")):
		os.WriteFile(job.Temp, []byte("partial"), 0o644)
		<-ctx.Done()
		return labeler.Outcome{}, ctx.Err()
	}
	return labeler.Outcome{Layers: []string{labeler.LayerVisible, labeler.LayerXMP}}, os.WriteFile(job.Temp, append(data, mark...), 0o644)
}

func (*fakeKind) Inspect(ctx context.Context, path string) (labeler.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return labeler.Report{}, err
	}
	r := labeler.Report{Kind: "fake"}
	if bytes.HasSuffix(data, mark) {
		r.Labeled, r.DigitalSourceType = true, labeler.DSTTrained
	}
	return r, nil
}

func write(t *testing.T, path, content string) string {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func run(t *testing.T, spec labeler.Spec, paths ...string) []labeler.Result {
	t.Helper()
	reg := labeler.NewRegistry(&fakeKind{})
	ins, errs := reg.Expand(paths, spec.Out)
	if len(errs) > 0 {
		t.Fatalf("expand: %v", errs)
	}
	return labeler.Batch{Registry: reg, Spec: spec, Jobs: 2}.Run(context.Background(), ins)
}

func TestBatchGoesOnAfterFailures(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir+"/a.fk", "FAKE a")
	bad := write(t, dir+"/b.fk", "FAKE fail")
	other := write(t, dir+"/c.fk", "FAKE c")
	buggy := write(t, dir+"/d.fk", "FAKE panic")
	res := run(t, labeler.DefaultSpec(), good, bad, other, buggy)
	want := []labeler.Status{labeler.StatusOK, labeler.StatusError, labeler.StatusOK, labeler.StatusError}
	for i, r := range res {
		if r.Status != want[i] {
			t.Errorf("%s: %s (%v), want %s", r.Input, r.Status, r.Err, want[i])
		}
	}
	if !strings.Contains(res[1].Err.Error(), "b.fk") {
		t.Errorf("error %q does not name the file", res[1].Err)
	}
	if e := res[3].Err.Error(); !strings.Contains(e, "d.fk") || !strings.Contains(e, "internal error") {
		t.Errorf("panic became %q", e)
	}
	if got, _ := os.ReadFile(dir + "/labeled/a.fk"); !bytes.HasSuffix(got, mark) {
		t.Errorf("labeled copy is %q", got)
	}
	if res[0].InputSHA256 == "" || res[0].OutputSHA256 == "" || res[0].InputSHA256 == res[0].OutputSHA256 {
		t.Errorf("hashes %q -> %q", res[0].InputSHA256, res[0].OutputSHA256)
	}
	if st, _ := os.Stat(dir + "/labeled/a.fk"); st.Mode().Perm() != 0o644 {
		t.Errorf("output mode %v, want 0644", st.Mode().Perm())
	}
}

func TestExistingOutputSkippedUnlessOverwrite(t *testing.T) {
	dir := t.TempDir()
	in := write(t, dir+"/a.fk", "FAKE a")
	write(t, dir+"/labeled/a.fk", "older")
	if r := run(t, labeler.DefaultSpec(), in)[0]; r.Status != labeler.StatusSkipped {
		t.Fatalf("status %s, want skipped", r.Status)
	}
	spec := labeler.DefaultSpec()
	spec.Out.Overwrite = true
	if r := run(t, spec, in)[0]; r.Status != labeler.StatusOK {
		t.Fatalf("overwrite: %s %v", r.Status, r.Err)
	}
}

func TestFolderWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/a.fk", "FAKE a")
	write(t, dir+"/sub/b.fk", "FAKE b")
	write(t, dir+"/.hidden/c.fk", "FAKE c")
	write(t, dir+"/labeled/old.fk", "FAKE old")
	write(t, dir+"/notes.xyz", "not media")
	write(t, dir+"/~$a.fk", "FAKE lock") // Office's owner file of an open document
	reg := labeler.NewRegistry(&fakeKind{})
	ins, _ := reg.Expand([]string{dir}, labeler.Output{})
	var names []string
	for _, in := range ins {
		names = append(names, strings.TrimPrefix(in.Path, dir+"/")+map[bool]string{true: "(skip)"}[in.Skip != ""])
	}
	if got := strings.Join(names, " "); got != "a.fk notes.xyz(skip) sub/b.fk ~$a.fk(skip)" {
		t.Errorf("walk found %q", got)
	}
	out := t.TempDir()
	ins, _ = reg.Expand([]string{dir}, labeler.Output{Dir: out})
	for _, in := range ins {
		if in.Skip == "" {
			p, _ := labeler.OutputPath(in, labeler.Output{Dir: out})
			if !strings.HasPrefix(p, out) {
				t.Errorf("%s -> %s, outside %s", in.Path, p, out)
			}
		}
	}
}

func TestOutputNameCollision(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	a := write(t, dir+"/x/photo.fk", "FAKE 1")
	b := write(t, dir+"/y/photo.fk", "FAKE 2")
	spec := labeler.DefaultSpec()
	spec.Out.Dir = out
	res := run(t, spec, a, b)
	if res[0].Status != labeler.StatusOK || res[1].Status != labeler.StatusError {
		t.Fatalf("statuses %s, %s", res[0].Status, res[1].Status)
	}
	if got, _ := os.ReadFile(out + "/photo.fk"); !bytes.HasPrefix(got, []byte("FAKE 1")) {
		t.Errorf("first file's output was replaced: %q", got)
	}
}

func TestCancelLeavesNoPartialFile(t *testing.T) {
	dir := t.TempDir()
	var ins []labeler.Input
	for i := range 6 {
		p := write(t, filepath.Join(dir, string(rune('a'+i))+".fk"), "FAKE slow")
		ins = append(ins, labeler.Input{Path: p})
	}
	k := &fakeKind{}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for k.started.Load() < 2 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	res := labeler.Batch{Registry: labeler.NewRegistry(k), Spec: labeler.DefaultSpec(), Jobs: 2}.Run(ctx, ins)
	for _, r := range res {
		if r.Status != labeler.StatusError || !errors.Is(r.Err, context.Canceled) {
			t.Errorf("%s: %s %v, want canceled", r.Input, r.Status, r.Err)
		}
	}
	left, _ := filepath.Glob(dir + "/labeled/*")
	if len(left) != 0 {
		t.Errorf("files left after cancel: %v", left)
	}
	if n := k.started.Load(); n > 2 {
		t.Errorf("%d files started after cancel, want 2", n)
	}
}

func TestUnsupportedNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir+"/song.xyz", "\x00\x01binary")
	res := run(t, labeler.DefaultSpec(), p)
	if res[0].Status != labeler.StatusError || !strings.Contains(res[0].Err.Error(), "song.xyz") {
		t.Fatalf("%s %v", res[0].Status, res[0].Err)
	}
}

func TestValidateExplains(t *testing.T) {
	s := labeler.DefaultSpec()
	s.Langs = []labeler.Lang{"kk", "de", "kk"}
	s.Size, s.AI, s.Position, s.Profile = 40, "maybe", "upper-left", "mars"
	err := s.Validate()
	for _, want := range []string{"-lang de", "twice", "-size 40", "-ai maybe", "-position upper-left", "-profile mars"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v; want it to mention %s", err, want)
		}
	}
	var ps labeler.Problems
	if !errors.As(err, &ps) || len(ps) != 6 {
		t.Errorf("Validate() should return the 6 Problems, got %#v", err)
	}
	if err := labeler.DefaultSpec().Validate(); err != nil {
		t.Errorf("default spec invalid: %v", err)
	}
	cn := labeler.DefaultSpec()
	cn.Profile, cn.Size = "cn", 3
	if cn.Validate() == nil {
		t.Error("profile cn accepted a 3% label (needs 5%)")
	}
}

func TestWordingAndMarks(t *testing.T) {
	s := labeler.DefaultSpec()
	s.RealPerson = true
	lines := strings.Join(s.Lines(), "|")
	if !strings.Contains(lines, "Жасанды интеллект көмегімен жасалған") || !strings.Contains(lines, "Создано") || !strings.Contains(lines, "Нақты адамның") {
		t.Errorf("lines %q", lines)
	}
	if s.Mark() != "ЖИ/ИИ" {
		t.Errorf("mark %q", s.Mark())
	}
	s.AI, s.Custom = labeler.Modified, map[labeler.Lang]string{labeler.Russian: "Сгенерировано редакцией"}
	if got := s.Lines(); !strings.Contains(got[0], "өзгертілген") || got[2] != "Сгенерировано редакцией" {
		t.Errorf("modified/custom lines %q", got)
	}
	if s.DigitalSourceType() != labeler.DSTComposite {
		t.Errorf("modified DST %q", s.DigitalSourceType())
	}
}

func TestAlreadyLabeledIsSkipped(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir+"/done.fk", "FAKE done"+string(mark))
	if r := run(t, labeler.DefaultSpec(), p)[0]; r.Status != labeler.StatusSkipped || !strings.Contains(r.Reason, "already labeled") {
		t.Fatalf("%s %q, want skipped as already labeled", r.Status, r.Reason)
	}
	spec := labeler.DefaultSpec()
	spec.Out.Relabel = true
	if r := run(t, spec, p)[0]; r.Status != labeler.StatusOK {
		t.Fatalf("relabel: %s %v", r.Status, r.Err)
	}
}
