package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	if f.status != statusFailed || f.reason == "" {
		t.Fatalf("broken.jpg: status %d reason %q, want failed with a reason", f.status, f.reason)
	}
	if row := rowText(u, f); !strings.Contains(row, f.reason) {
		t.Errorf("row %q does not show the reason %q", row, f.reason)
	}
	if len(u.summary.failures) != 1 || !strings.Contains(u.summary.failures[0], "broken.jpg: ") {
		t.Errorf("summary failures %q should name the file and the reason", u.summary.failures)
	}
}

func TestCancelLeavesNoPartialFile(t *testing.T) {
	u, l := newTestUI(t)
	in, out := t.TempDir(), t.TempDir()
	photo, err := os.ReadFile(writePhoto(t, t.TempDir(), "p.jpg", 2400, 1600, 5))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		writeFile(t, in, fmt.Sprintf("p%02d.jpg", i), string(photo))
	}
	addAndWait(t, u, l, 12, in)
	u.settings.setOutDir(out)
	u.export()
	l.until(t, "a file in progress", func() bool { return u.bar.progress.Value > 0 || done(u) > 0 })
	u.win.Canvas().Unfocus()
	if !u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) {
		t.Fatal("Esc did not cancel the export")
	}
	start := time.Now()
	l.until(t, "the export to stop", func() bool { return u.job == nil })
	t.Logf("stopped %v after Esc", time.Since(start))
	if u.summary != nil {
		t.Error("a cancelled export should end quietly, without a summary")
	}
	finished := 0
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasPrefix(d.Name(), ".belgi-") {
			t.Errorf("partial file left behind: %s", p)
		}
		if rep, err := labeledReport(p); err != nil || !rep.Labeled {
			t.Errorf("%s is in the output but not a complete labeled file: %v", p, err)
		}
		finished++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if finished == 12 {
		t.Error("cancel came too late to test anything: every file finished")
	}
	if done(u) != finished {
		t.Errorf("%d rows say labeled but %d files were written", done(u), finished)
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
