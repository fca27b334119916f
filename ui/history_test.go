package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler/ledger"
)

// exportPhotos exports n photos into a fresh output folder and waits for
// the summary; it returns the output folder.
func exportPhotos(t *testing.T, u *App, l *loop, n int) string {
	t.Helper()
	in, out := t.TempDir(), t.TempDir()
	for i := range n {
		writePhoto(t, in, string(rune('a'+i))+".jpg", 320, 240, uint64(i))
	}
	addAndWait(t, u, l, n, in)
	u.settings.setOutDir(out)
	u.summary = nil
	u.export()
	l.until(t, "the summary", func() bool { return u.summary != nil })
	return out
}

// openHistory opens the History window and waits for it to load.
func openHistory(t *testing.T, u *App, l *loop) *historyView {
	t.Helper()
	u.showHistory()
	h := u.history
	l.until(t, "the history", func() bool { return !h.again.Disabled() })
	return h
}

// TestExportIsRecordedAndShown: every export goes into the app's ledger;
// History lists it with its files and says the ledger verifies.
func TestExportIsRecordedAndShown(t *testing.T) {
	u, l := newTestUI(t)
	exportPhotos(t, u, l, 2)
	recs, err := ledger.Read(u.ledgerPath())
	if err != nil || len(recs) != 2 || recs[0].Status != "ok" || recs[0].Operator == "" {
		t.Fatalf("ledger: %d records, %v", len(recs), err)
	}
	h := openHistory(t, u, l)
	if len(h.batches) != 1 || len(h.files.recs) != 2 {
		t.Fatalf("%d batches, %d files shown", len(h.batches), len(h.files.recs))
	}
	if !strings.Contains(h.verdict.Text, "intact: 2 records") || !strings.Contains(h.detail.Text, "2 checked, 0 changed") {
		t.Errorf("verdict %q / %q", h.verdict.Text, h.detail.Text)
	}
	if got := h.files.cell(h.files.recs[0], 0); got != "labeled" {
		t.Errorf("status cell %q", got)
	}
	report := filepath.Join(t.TempDir(), "report.html")
	h.exportTo(report)
	l.until(t, "the report", func() bool { return strings.HasPrefix(h.status.Text, "Report saved") })
	if b, err := os.ReadFile(report); err != nil || !strings.Contains(string(b), "Record of AI labeling") {
		t.Errorf("report: %v", err)
	}
}

// TestHistoryShowsTampering: an edited line is named in the verdict, and
// a changed output in the details.
func TestHistoryShowsTampering(t *testing.T) {
	u, l := newTestUI(t)
	out := exportPhotos(t, u, l, 2)
	os.WriteFile(filepath.Join(out, "a.jpg"), []byte("retouched"), 0o644)
	h := openHistory(t, u, l)
	if !strings.Contains(h.detail.Text, "1 changed since labeling") || !strings.Contains(h.detail.Text, "a.jpg") {
		t.Errorf("changed output not shown: %q", h.detail.Text)
	}
	b, _ := os.ReadFile(u.ledgerPath())
	os.WriteFile(u.ledgerPath(), []byte(strings.Replace(string(b), `"status":"ok"`, `"status":"skipped"`, 1)), 0o644)
	h.reload()
	l.until(t, "the history", func() bool { return !h.again.Disabled() })
	if !strings.Contains(h.verdict.Text, "changed after it was written (line 2)") {
		t.Errorf("verdict %q", h.verdict.Text)
	}
}

// TestAppResumesFromItsLedger: exporting again labels only what is
// missing, even when existing outputs are to be replaced.
func TestAppResumesFromItsLedger(t *testing.T) {
	u, l := newTestUI(t)
	out := exportPhotos(t, u, l, 3)
	os.Remove(filepath.Join(out, "b.jpg"))
	spec := u.spec
	spec.Out.Overwrite = true
	u.settings.set(spec)
	u.specChanged(spec)
	u.summary = nil
	u.export()
	l.until(t, "the summary", func() bool { return u.summary != nil })
	if s := u.summary; s.labeled != 1 || s.skipped != 2 || !strings.Contains(strings.Join(s.skips, "\n"), ledger.ReasonResumed) {
		t.Errorf("labeled %d, skipped %d: %q", s.labeled, s.skipped, s.skips)
	}
}

// TestLedgerProblemStopsTheExport: with no ledger to write to, nothing
// is labeled and the person is told.
func TestLedgerProblemStopsTheExport(t *testing.T) {
	u, l := newTestUI(t)
	os.MkdirAll(u.ledgerPath(), 0o755) // a folder where the ledger belongs
	in, out := t.TempDir(), t.TempDir()
	writePhoto(t, in, "a.jpg", 320, 240, 1)
	addAndWait(t, u, l, 1, in)
	u.settings.setOutDir(out)
	u.export()
	l.until(t, "the export to end", func() bool { return u.job == nil })
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no dialog tells the person the ledger failed")
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("files were labeled without a record: %v", entries)
	}
}

// TestSettingsCarryTheOperator: the operator typed in the window is the
// one recorded.
func TestSettingsCarryTheOperator(t *testing.T) {
	u, l := newTestUI(t)
	u.settings.ledger.operator.SetText("Aigerim Sadykova")
	if u.spec.Ledger.Operator != "Aigerim Sadykova" {
		t.Fatalf("spec operator %q", u.spec.Ledger.Operator)
	}
	exportPhotos(t, u, l, 1)
	recs, _ := ledger.Read(u.ledgerPath())
	if len(recs) != 1 || recs[0].Operator != "Aigerim Sadykova" {
		t.Errorf("records %+v", recs)
	}
}

// TestQuitDuringExportLeavesNothing: quitting in the middle of an export
// stops it and leaves no temporary file beside the outputs or in the
// temp folder, while what finished is recorded.
func TestQuitDuringExportLeavesNothing(t *testing.T) {
	u, l := newTestUI(t)
	in, out := t.TempDir(), t.TempDir()
	for i := range 8 {
		writePhoto(t, in, string(rune('a'+i))+".jpg", 2400, 1600, uint64(i))
	}
	addAndWait(t, u, l, 8, in)
	u.settings.setOutDir(out)
	u.export()
	l.until(t, "a file in progress", func() bool { return u.bar.progress.Value > 0 })
	u.quit()
	l.until(t, "the export to stop", func() bool { return u.job == nil })
	for _, dir := range []string{out, os.TempDir()} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".belgi-") || (strings.HasPrefix(e.Name(), "belgi-") && !strings.HasSuffix(e.Name(), ".lock")) {
				t.Errorf("left behind: %s", filepath.Join(dir, e.Name()))
			}
		}
	}
	if v, err := ledger.Verify(u.ledgerPath(), ledger.Options{Outputs: true}); err != nil || !v.OK() {
		t.Errorf("ledger after quitting: %+v %v", v.Problem, err)
	}
}
