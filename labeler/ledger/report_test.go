package ledger

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// hostile is a ledger whose names try to break out of HTML and CSV.
func hostile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "ledger.jsonl")
	l, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	recs := []Record{
		{Batch: "b1", Operator: `=HYPERLINK("http://evil")`, Input: `/in/<script>alert(1)</script>.jpg`, Output: `/out/"quoted" & <b>.jpg`,
			OutputSHA256: strings.Repeat("b", 64), InputSize: 2048, Status: "ok", Kind: "image", Layers: []string{"visible", "xmp"}, C2PAManifest: "urn:c2pa:1234"},
		{Batch: "b1", Operator: "x", Input: "/in/bad.jpg", Status: "error", Error: "-cmd|' /C calc'!A0"},
		{Batch: "b2", Operator: "Әйгерім", Input: "/in/c.txt", Status: "skipped", Reason: ReasonResumed},
	}
	for _, r := range recs {
		if _, err := l.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestHTMLReport(t *testing.T) {
	p := hostile(t)
	for _, lang := range []labeler.Lang{labeler.English, labeler.Russian, labeler.Kazakh} {
		r, err := NewReport(p, Options{}, lang)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := r.WriteHTML(&b); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		for _, bad := range []string{"<script", "<b>", `"quoted"`, "src=", "href=", "@import", "url("} {
			if strings.Contains(html, bad) {
				t.Errorf("%s: the report contains %q", lang, bad)
			}
		}
		for _, want := range []string{"&lt;script&gt;", "&#34;quoted&#34; &amp; &lt;b&gt;", "urn:c2pa:1234", "Әйгерім", word(lang, "intact"), word(lang, "title"), "2.0 KiB"} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: the report lacks %q", lang, want)
			}
		}
		if r.Labeled != 1 || r.Failed != 1 || r.Skipped != 1 || len(r.Batches) != 2 {
			t.Errorf("totals %d/%d/%d in %d batches", r.Labeled, r.Skipped, r.Failed, len(r.Batches))
		}
	}
}

// TestHTMLReportShowsTampering: the verdict a reader sees first.
func TestHTMLReportShowsTampering(t *testing.T) {
	p := hostile(t)
	b, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(b, []byte(`"operator":"x"`), []byte(`"operator":"y"`), 1), 0o644)
	r, _ := NewReport(p, Options{}, labeler.English)
	var out bytes.Buffer
	r.WriteHTML(&out)
	if !strings.Contains(out.String(), "line 3 was edited") || !strings.Contains(out.String(), `class="verdict bad"`) {
		t.Error("the report does not say the ledger was edited")
	}
}

func TestCSVReport(t *testing.T) {
	r, err := NewReport(hostile(t), Options{}, labeler.English)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if got := rows[1][col["operator"]]; got != `'=HYPERLINK("http://evil")` {
		t.Errorf("formula not defused: %q", got)
	}
	if got := rows[2][col["error"]]; !strings.HasPrefix(got, "'-") {
		t.Errorf("formula not defused: %q", got)
	}
	if rows[1][col["batch"]] != "b1" || rows[3][col["batch"]] != "b2" || rows[1][col["input_size"]] != "2048" || rows[1][col["layers"]] != "visible xmp" {
		t.Errorf("rows: %q", rows[1:])
	}
}

func TestSpecSummary(t *testing.T) {
	spec := labeler.DefaultSpec()
	spec.AISystem = labeler.AISystem{Name: "Midjourney", Version: "7", Provider: "Midjourney, Inc."}
	spec.RealPerson, spec.C2PA.Off = true, true
	got := SpecSummary(spec)
	for _, want := range []string{"kk+ru", "generated", "real person", "AI system Midjourney 7 (Midjourney, Inc.)", "video badge every frame", "C2PA off"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if SpecSHA256(spec) == SpecSHA256(labeler.DefaultSpec()) {
		t.Error("different settings, one hash")
	}
	moved := spec
	moved.Out.Dir, moved.Ledger.Operator, moved.MemoryBudgetMB = "/elsewhere", "someone", 2048
	if SpecSHA256(moved) != SpecSHA256(spec) {
		t.Error("where outputs go changed the settings hash")
	}
}
