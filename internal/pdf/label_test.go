package pdf

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// labelCases are the shapes the update writer must handle; each one is
// labeled and checked in Go and by poppler and qpdf.
func labelCases() []struct {
	name   string
	data   []byte
	stream bool // the update must use a cross-reference stream
	all    bool
} {
	rot := func(r int) []byte { return textPage(1, "/Rotate "+itoa(r)).bytes(classic) }
	margin := textPage(2, "")
	margin.objs[11] = stream("", "BT /F1 12 Tf 72 600 Td (Body text well below the top) Tj ET", false)
	direct := textPage(1, "/Resources << /Font << /F1 4 0 R /BelgiNotice 4 0 R >> >>")
	unbalanced := textPage(1, "")
	unbalanced.objs[11] = stream("", "q q 2 0 0 2 0 0 cm BT /F1 24 Tf 36 300 Td (Unbalanced) Tj ET", false)
	return []struct {
		name   string
		data   []byte
		stream bool
		all    bool
	}{
		{"classic", textPage(2, "").bytes(classic), false, false},
		{"classic-all-pages", textPage(3, "").bytes(classic), false, true},
		{"xref-stream-objstm", textPage(2, "").bytes(xrefStm), true, true},
		{"hybrid", textPage(1, "").bytes(hybrid), false, false},
		{"earlier-update", textPage(2, "").bytes(updated), false, false},
		{"damaged-xref", textPage(2, "").bytes(broken), false, false},
		{"no-newline-at-end", textPage(1, "").bytes(noNewline), false, false},
		{"rotate-90", rot(90), false, false},
		{"rotate-180", rot(180), false, false},
		{"rotate-270", rot(270), false, false},
		{"empty-top-margin", margin.bytes(classic), false, true},
		{"direct-resources-name-taken", direct.bytes(classic), false, false},
		{"unbalanced-q", unbalanced.bytes(classic), false, false},
	}
}

func itoa(i int) string { return string(appendReal(nil, float64(i))) }

func TestLabelKeepsOriginalAndReadsBack(t *testing.T) {
	for _, tc := range labelCases() {
		t.Run(tc.name, func(t *testing.T) {
			in, out, _ := mustLabel(t, tc.data, testNotice(tc.all))
			orig, _ := os.ReadFile(in)
			got, _ := os.ReadFile(out)
			if !bytes.HasPrefix(got, orig) {
				t.Fatal("the original bytes are not the output's start")
			}
			f := openFile(t, out)
			if f.Repaired || f.xrefStream != tc.stream {
				t.Errorf("repaired=%v xref stream=%v, want false, %v", f.Repaired, f.xrefStream, tc.stream)
			}
			if _, hasPrev := f.trailer.Get("Prev").(int64); hasPrev == (tc.name == "damaged-xref") {
				t.Errorf("/Prev present=%v: a damaged input gets a complete xref, others chain to theirs", hasPrev)
			}
			pages, err := f.Pages()
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range pages {
				text := f.NoticeText(p)
				if want := i == 0 || tc.all; hasLines(text, kazakhLines) != want {
					t.Errorf("page %d notice %q, want present=%v", i+1, text, want)
				}
			}
		})
	}
}

// TestLabelPassesPoppler has the tools nobody here wrote read each
// output: qpdf --check passes, poppler prints no error, the notice is
// the first text of page 1, and the embedded font is a subset with a
// ToUnicode map.
func TestLabelPassesPoppler(t *testing.T) {
	for _, tc := range labelCases() {
		t.Run(tc.name, func(t *testing.T) {
			_, out, _ := mustLabel(t, tc.data, testNotice(tc.all))
			if so, se, code := tool(t, "qpdf", "--check", out); code != 0 {
				t.Errorf("qpdf --check exit %d:\n%s%s", code, so, se)
			}
			text, stderr, code := tool(t, "pdftotext", "-l", "1", out, "-")
			if code != 0 || stderr != "" {
				t.Errorf("pdftotext exit %d: %s", code, stderr)
			}
			// On a rotated page the original text runs across the band's,
			// and poppler's reading order puts either first.
			first := strings.HasPrefix(strings.TrimSpace(text), kazakhLines[0]) || strings.HasPrefix(tc.name, "rotate") && strings.Contains(text, kazakhLines[0])
			if !first || !strings.Contains(text, "Page 1 of the story") && !strings.Contains(text, "Body text") && !strings.Contains(text, "Unbalanced") {
				t.Errorf("page 1 text does not start with the notice or lost the original:\n%s", text)
			}
			fonts, _, _ := tool(t, "pdffonts", out)
			if !strings.Contains(fonts, "+NotoSans-Bold") || !regexpLine(fonts, `NotoSans-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes`) {
				t.Errorf("notice font not an embedded subset with ToUnicode:\n%s", fonts)
			}
			if _, stderr, _ := tool(t, "pdftoppm", "-r", "20", "-png", out, t.TempDir()+"/p"); stderr != "" {
				t.Errorf("pdftoppm: %s", stderr)
			}
		})
	}
}
