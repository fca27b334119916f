package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler/ledger"
)

// labeledWithLedger labels n photos with -audit and returns the photo
// folder, the output folder and the ledger.
func labeledWithLedger(t *testing.T, n int, extra ...string) (string, string, string) {
	t.Helper()
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	for i := range n {
		os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".jpg"), samples.JPEG(samples.Scene(64, 48, uint64(i)), 85, 1), 0o644)
	}
	log := filepath.Join(t.TempDir(), "ledger.jsonl")
	args := append([]string{"label", "-audit", log, "-out", out, "-operator", "Aigerim Sadykova"}, extra...)
	if code, _, stderr := cli(t, append(args, dir)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	return dir, out, log
}

func TestLabelWritesTheLedger(t *testing.T) {
	_, _, log := labeledWithLedger(t, 2)
	recs, err := ledger.Read(log)
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	r := recs[0]
	if r.Status != "ok" || r.Operator != "Aigerim Sadykova" || len(r.InputSHA256) != 64 || len(r.OutputSHA256) != 64 ||
		r.InputSize == 0 || r.Batch == "" || r.Batch != recs[1].Batch || !strings.HasPrefix(r.C2PAManifest, "urn:c2pa:") || r.Spec == "" {
		t.Errorf("record %+v", r)
	}
	code, stdout, _ := cli(t, "audit", "verify", log)
	if code != exitOK || !strings.Contains(stdout, "ok ") || !strings.Contains(stdout, "2 checked, 0 changed") {
		t.Errorf("verify: exit %d\n%s", code, stdout)
	}
}

// TestAuditVerifyNamesTheLine: the four cases, through the CLI.
func TestAuditVerifyNamesTheLine(t *testing.T) {
	cases := []struct {
		name   string
		tamper func([]string) []string
		want   string
	}{
		{"edited field", func(l []string) []string { l[2] = strings.Replace(l[2], "Aigerim", "Someone", 1); return l }, "line 3 was edited"},
		{"deleted line", func(l []string) []string { return append(l[:2:2], l[3:]...) }, "line 3 was removed"},
		{"swapped pair", func(l []string) []string { l[1], l[2] = l[2], l[1]; return l }, "lines 2 and 3 are out of order"},
		{"truncated last line", func(l []string) []string { l[3] = l[3][:40]; return l }, "line 4 is incomplete"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, log := labeledWithLedger(t, 3)
			b, _ := os.ReadFile(log)
			lines := strings.SplitAfter(string(b), "\n")
			os.WriteFile(log, []byte(strings.Join(c.tamper(lines[:len(lines)-1]), "")), 0o644)
			code, stdout, _ := cli(t, "audit", "verify", log)
			if code != exitFail || !strings.Contains(stdout, "FAILED") || !strings.Contains(stdout, c.want) {
				t.Errorf("exit %d, %s; want %q", code, stdout, c.want)
			}
		})
	}
}

func TestAuditVerifyReportsChangedOutputs(t *testing.T) {
	_, out, log := labeledWithLedger(t, 2)
	os.WriteFile(filepath.Join(out, "b.jpg"), []byte("retouched"), 0o644)
	os.Remove(filepath.Join(out, "a.jpg"))
	code, stdout, _ := cli(t, "audit", "verify", log)
	if code != exitFail || !strings.Contains(stdout, "CHANGED "+filepath.Join(out, "b.jpg")) || !strings.Contains(stdout, "1 no longer on disk") {
		t.Errorf("exit %d\n%s", code, stdout)
	}
}

func TestAuditExport(t *testing.T) {
	_, _, log := labeledWithLedger(t, 2)
	dir := t.TempDir()
	for _, f := range []string{"csv", "html"} {
		out := filepath.Join(dir, "report."+f)
		if code, _, stderr := cli(t, "audit", "export", "-format", f, "-lang", "ru", "-o", out, log); code != exitOK {
			t.Fatalf("%s: exit %d %s", f, code, stderr)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	if !strings.Contains(string(html), "Журнал цел") || !strings.Contains(string(html), "a.jpg") || !strings.Contains(string(html), "Aigerim Sadykova") {
		t.Error("the HTML report lacks the verdict or the files")
	}
	f, _ := os.Open(filepath.Join(dir, "report.csv"))
	defer f.Close()
	if rows, err := csv.NewReader(f).ReadAll(); err != nil || len(rows) != 3 {
		t.Errorf("CSV: %d rows, %v", len(rows), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("temporary files left: %v", entries)
	}
	if code, _, _ := cli(t, "audit", "export", "-format", "pdf", log); code != exitUsage {
		t.Errorf("-format pdf: exit %d", code)
	}
}

// TestLedgerFailuresAreSeen: a ledger that cannot be written is an error
// with exit status 1, never silence.
func TestLedgerFailuresAreSeen(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.jpg"), samples.JPEG(samples.Scene(64, 48, 3), 85, 1), 0o644)
	old := filepath.Join(t.TempDir(), "old.jsonl")
	os.WriteFile(old, []byte(`{"time":"2026-01-01T00:00:00Z","status":"ok"}`+"\n"), 0o644)
	for _, log := range []string{"/dev/full", old, filepath.Join(dir, "missing", "l.jsonl")} {
		code, _, stderr := cli(t, "label", "-audit", log, "-out", t.TempDir(), dir)
		if code != exitFail || !strings.Contains(stderr, "ledger") {
			t.Errorf("%s: exit %d, %s", log, code, stderr)
		}
	}
}

// TestResumeFromTheLedger: after a crash the same command labels only
// what is missing, even with -overwrite.
func TestResumeFromTheLedger(t *testing.T) {
	dir, out, log := labeledWithLedger(t, 3)
	os.Remove(filepath.Join(out, "b.jpg"))
	code, stdout, stderr := cli(t, "label", "-audit", log, "-out", out, "-overwrite", "-operator", "Aigerim Sadykova", dir)
	if code != exitOK || strings.Count(stdout, "already labeled (ledger)") != 2 || !strings.Contains(stdout, "ok       "+filepath.Join(dir, "b.jpg")) {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := cli(t, "audit", "verify", log); code != exitOK {
		t.Error("the ledger no longer verifies")
	}
}
