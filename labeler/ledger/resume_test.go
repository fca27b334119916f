package ledger

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/image"
)

// batch labels dir's photos into out, recording each file as it ends,
// as the CLI and the app do.
func batch(t *testing.T, l *Ledger, spec labeler.Spec, dir string) []labeler.Result {
	t.Helper()
	reg := labeler.NewRegistry(image.New())
	inputs, _ := reg.Expand([]string{dir}, spec.Out)
	recs, err := Read(l.Path())
	if err != nil {
		t.Fatal(err)
	}
	Resume(recs, reg, spec, inputs)
	rec := NewRecorder(l, spec)
	defer rec.Close()
	var mu sync.Mutex
	var errs []error
	results := labeler.Batch{Registry: reg, Spec: spec, Jobs: 2, OnEvent: func(ev labeler.Event) {
		if ev.Result != nil {
			mu.Lock()
			errs = append(errs, rec.Record(*ev.Result))
			mu.Unlock()
		}
	}}.Run(context.Background(), inputs)
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return results
}

func photos(t *testing.T, n int) string {
	dir := t.TempDir()
	for i := range n {
		os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".jpg"), samples.JPEG(samples.Scene(96, 64, uint64(i)), 85, 1), 0o644)
	}
	return dir
}

// TestResumeSkipsWhatTheLedgerProves: a re-run (even with overwrite)
// labels only what is missing or changed; the rest is skipped with the
// ledger as the reason, and the ledger still verifies.
func TestResumeSkipsWhatTheLedgerProves(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := photos(t, 4)
	spec := labeler.DefaultSpec()
	spec.C2PA.Off = true
	spec.Out.Dir, spec.Out.Overwrite = filepath.Join(t.TempDir(), "out"), true
	l, err := Open(filepath.Join(t.TempDir(), "ledger.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	batch(t, l, spec, dir)
	os.Remove(filepath.Join(spec.Out.Dir, "b.jpg"))                           // lost in a crash
	os.WriteFile(filepath.Join(spec.Out.Dir, "c.jpg"), []byte("junk"), 0o644) // changed since
	os.WriteFile(filepath.Join(dir, "d.jpg"), samples.JPEG(samples.Scene(96, 64, 9), 85, 1), 0o644)
	got := map[string]string{}
	for _, r := range batch(t, l, spec, dir) {
		got[filepath.Base(r.Input)] = string(r.Status) + " " + r.Reason
	}
	want := map[string]string{"a.jpg": "skipped " + ReasonResumed, "b.jpg": "ok ", "c.jpg": "ok ", "d.jpg": "ok "}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	spec.Size = 7 // other settings: everything is labeled again
	for _, r := range batch(t, l, spec, dir) {
		if r.Status != labeler.StatusOK {
			t.Errorf("new settings, %s: %s %s", r.Input, r.Status, r.Reason)
		}
	}
	v, _ := Verify(l.Path(), Options{Outputs: true})
	if !v.OK() || v.Records != 12 || v.Checked != 4 {
		t.Errorf("%+v", v)
	}
}

// TestBesideOutput: with the setting on, a ledger travels with each
// output folder; a file that failed before writing makes no folder.
func TestBesideOutput(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := photos(t, 2)
	os.MkdirAll(filepath.Join(dir, "bad"), 0o755)
	os.WriteFile(filepath.Join(dir, "bad", "x.jpg"), []byte("\xff\xd8\xffnot really"), 0o644)
	spec := labeler.DefaultSpec()
	spec.C2PA.Off, spec.Ledger.BesideOutput, spec.Ledger.Operator = true, true, "Aigerim S."
	l, _ := Open(filepath.Join(t.TempDir(), "main.jsonl"))
	defer l.Close()
	batch(t, l, spec, dir)
	beside := filepath.Join(dir, "labeled", FileName)
	recs, err := Read(beside)
	if err != nil || len(recs) != 2 || recs[0].Operator != "Aigerim S." {
		t.Fatalf("beside: %d records, %v", len(recs), err)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad", "labeled")); !os.IsNotExist(err) {
		t.Error("a folder was made for the failed file")
	}
	main, _ := Read(l.Path())
	var failed []Record
	for _, r := range main {
		if r.Status == "error" {
			failed = append(failed, r)
		}
	}
	if len(main) != 3 || len(failed) != 1 || !strings.Contains(failed[0].Error, "x.jpg") || failed[0].Stage != "decode" {
		t.Errorf("main ledger: %+v", main)
	}
}
