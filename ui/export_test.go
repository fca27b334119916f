package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kinds"
)

func TestExportReachesSummary(t *testing.T) {
	u, l := newTestUI(t)
	in, out := t.TempDir(), t.TempDir()
	writePhoto(t, in, "a.jpg", 640, 480, 1)
	writePhoto(t, in, "b.jpg", 480, 640, 2)
	writeFile(t, in, "notes.bin", "\x00\x01 binary")
	addAndWait(t, u, l, 3, in)
	u.settings.setOutDir(out)

	u.export()
	if u.job == nil {
		t.Fatal("export did not start")
	}
	l.until(t, "the summary", func() bool { return u.summary != nil })
	s := u.summary
	if s.labeled != 2 || s.skipped != 1 || s.failed != 0 {
		t.Fatalf("summary %d labeled, %d skipped, %d failed; %v %v", s.labeled, s.skipped, s.failed, s.failures, s.skips)
	}
	if s.folder != out {
		t.Errorf("summary folder %q, want %q", s.folder, out)
	}
	for _, name := range []string{"a.jpg", "b.jpg"} {
		rep, err := labeledReport(filepath.Join(out, name))
		if err != nil || !rep.Labeled {
			t.Errorf("%s: output not labeled: %v %+v", name, err, rep)
		}
	}
	for _, f := range u.files.items {
		if f.kind != nil && f.status != statusLabeled {
			t.Errorf("%s: row status %d, want labeled", f.name(), f.status)
		}
	}
	if u.exptBtn.Disabled() {
		t.Error("Export should be enabled again after the export")
	}
}

func TestErrorRowsShowReasons(t *testing.T) {
	u, l := newTestUI(t)
	in, out := t.TempDir(), t.TempDir()
	broken := writeFile(t, in, "broken.jpg", "\xff\xd8\xff\xe0 this is not really a JPEG")
	addAndWait(t, u, l, 1, broken)
	u.settings.setOutDir(out)
	u.export()
	l.until(t, "the summary", func() bool { return u.summary != nil })
	f := u.files.items[0]
	if f.status != statusFailed || f.stage != labeler.StageDecode || !strings.HasPrefix(f.reason, "image: ") {
		t.Fatalf("broken.jpg: status %d, stage %q, reason %q; want failed at decode with the image kind's cause", f.status, f.stage, f.reason)
	}
	want := "Could not read the file: " + f.reason
	if row := rowText(u, f); !strings.Contains(row, want) {
		t.Errorf("row %q does not say %q", row, want)
	}
	if got := u.summary.failures; len(got) != 1 || got[0] != "broken.jpg: "+want {
		t.Errorf("summary failures %q, want [%q]", got, "broken.jpg: "+want)
	}
	// In Kazakh, the words are Kazakh and the core's cause follows as is.
	if got := failureText(newTranslator("kk"), f.stage, f.reason); got != "Файлды оқу мүмкін болмады: "+f.reason {
		t.Errorf("kk: %q", got)
	}
}

// TestCancelLeavesNoPartialFile: Esc during an export stops it quietly.
// The files are a gateKind's, so what has finished when Esc is pressed
// is fixed by the test, not by the machine's speed: one file labeled,
// others stuck mid-write until the cancel, the rest never started.
func TestCancelLeavesNoPartialFile(t *testing.T) {
	u, l := newTestUI(t)
	k := newGateKind()
	u.reg = labeler.NewRegistry(k)
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, in, "a.fk", "QUICK a")
	for _, name := range []string{"b.fk", "c.fk", "d.fk", "e.fk"} {
		writeFile(t, in, name, "BLOCK "+name)
	}
	addAndWait(t, u, l, 5, in)
	u.settings.setOutDir(out)
	u.export()
	var started string
	l.until(t, "a.fk labeled and a blocked file started", func() bool {
		select {
		case started = <-k.started:
		default:
		}
		return started != "" && done(u) == 1
	})
	u.win.Canvas().Unfocus()
	if !u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) {
		t.Fatal("Esc did not cancel the export")
	}
	l.until(t, "the export to stop", func() bool { return u.job == nil })
	if u.summary != nil {
		t.Error("a cancelled export should end quietly, without a summary")
	}
	var written []string
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			written = append(written, d.Name())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(written, " ") != "a.fk" {
		t.Errorf("output folder holds %v, want only a.fk (no partial %s)", written, filepath.Base(started))
	}
	for _, f := range u.files.items {
		want := statusWaiting
		if f.name() == filepath.Join(filepath.Base(in), "a.fk") {
			want = statusLabeled
		}
		if f.status != want || f.reason != "" {
			t.Errorf("%s: row status %d %q after cancel, want %d", f.name(), f.status, f.reason, want)
		}
	}
}

func done(u *App) int {
	n := 0
	for _, f := range u.files.items {
		if f.status == statusLabeled {
			n++
		}
	}
	return n
}

func labeledReport(path string) (labeler.Report, error) {
	reg := kinds.Default()
	k, err := reg.Detect(path)
	if err != nil {
		return labeler.Report{}, err
	}
	return k.Inspect(tctx(), path)
}
